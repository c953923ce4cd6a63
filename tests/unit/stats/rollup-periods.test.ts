// Month and week roll-ups must give exactly what their days give, and go stale with them: a late
// refund or dispute, a day rewritten under a period being built, a payment maturing, another wait.
// (2017 and 2018 here, so no other test file's days are touched; the maturity case uses recent days.)
import { describe, expect, it } from "vitest";
import { db } from "@/lib/db/client";
import { closedBoundary, liveSlice, rangeSlice } from "@/lib/stats/rollup";
import { daysOf, periodKey, periodsWithin } from "@/lib/stats/periods";
import { readPeriods, storePeriods } from "@/lib/stats/rollup-sql";
import { rangeOf } from "@/lib/stats/range";
import { mergeSlices, type Slice } from "@/lib/stats/slice";
import { createSession, dayIn, recordImpression, seedCustomer, seedFunnel, seedOffer, seedProduct } from "@/tests/support/seed";

const DAY_MS = 86_400_000;
const sorted = (s: Slice) => Object.fromEntries((["counts", "exposures", "orders", "revenue", "starts", "steps", "planChanges"] as const).map((k) => [k, s[k].map((r) => JSON.stringify(r, Object.keys(r).sort())).sort()]));

/** One accepted ($10, `refunded` back), one declined and one held-out visit of a one-step funnel on each given moment. */
async function visits(moments: Date[], refunded = 0) {
  const product = await seedProduct({ price: 1000 });
  const offer = await seedOffer(product.id, { name: "Periods" });
  const { funnel, steps } = await seedFunnel([{ offers: [[offer.id, 10_000]], holdoutBps: 2000 }]);
  const accepted: { id: string }[] = [];
  for (const at of moments) {
    for (const kind of ["accept", "decline", "holdout"] as const) {
      const customer = await seedCustomer();
      const session = await createSession({ customerId: customer.id, funnelId: funnel.id, orderAmount: 4000, at });
      // Shown a minute after the visit starts: a 23:59 visit's offer lands on the next day (and month).
      const impression = await recordImpression({
        customerId: customer.id, at: new Date(at.getTime() + 60_000), sessionId: session.id, stepId: steps[0]!.id,
        ...(kind === "holdout" ? { holdout: true } : { offerId: offer.id, variantId: steps[0]!.variants[0]!.id, outcome: kind === "accept" ? "ACCEPTED" as const : "DECLINED" as const }),
        ...(kind === "accept" ? { payment: { status: "SUCCEEDED" as const, refunded } } : {}),
      });
      if (kind === "accept") accepted.push(impression);
    }
  }
  return { offer, funnel, accepted };
}

const paymentOf = async (impression: { id: string }) => (await db.chargeAttempt.findFirstOrThrow({ where: { impressionId: impression.id } })).dodoPaymentId!;
const revenueOf = (slice: Slice, offerId: string) => slice.counts.filter((c) => c.offerId === offerId && c.byCurrency).reduce((s, c) => ({ revenue: s.revenue + c.revenue, pending: s.pending + (c.pending ?? 0) }), { revenue: 0, pending: 0 });
const month = (start: string) => periodKey({ unit: "month", start: new Date(`${start}T00:00:00Z`) });
const week = (start: string) => periodKey({ unit: "week", start: new Date(`${start}T00:00:00Z`) });

describe("month and week roll-ups", () => {
  it("read a range across month and week edges exactly as live, merged from their days, and a late refund re-rolls the month", async () => {
    const at = (m: number, d: number, h = 10, min = 0) => new Date(Date.UTC(2017, m - 1, d, h, min));
    // Days of the head (Jan 19–22, 30, 31), the week of Jan 23, February, the week of Mar 6 and the tail.
    const { offer, accepted } = await visits([at(1, 22), at(1, 25), at(1, 31, 23, 59), at(2, 14), at(2, 28), at(3, 1), at(3, 8), at(3, 14)]);
    const range = rangeOf("2017-01-19", "2017-03-14");
    const live = await liveSlice(range.from, range.to);
    expect(sorted(await rangeSlice(range.from, range.to))).toEqual(sorted(live));

    const stored = await readPeriods([...periodsWithin("month", range.from, range.to), ...periodsWithin("week", range.from, range.to)]);
    expect([...stored.keys()].filter((k) => [month("2017-02-01"), week("2017-01-23"), week("2017-03-06")].includes(k))).toHaveLength(3);
    // The month is the merge of its 28 stored days, and what the live tables give for February.
    const feb = rangeOf("2017-02-01", "2017-02-28");
    const days = await db.statsDay.findMany({ where: { day: { gte: feb.from, lt: feb.to } }, select: { data: true } });
    expect(days).toHaveLength(28);
    const february = stored.get(month("2017-02-01"))!;
    expect(sorted(february.data)).toEqual(sorted(mergeSlices(days.map((d) => d.data as unknown as Slice))));
    expect(sorted(february.data)).toEqual(sorted(await liveSlice(feb.from, feb.to)));
    // Feb 1 holds the offer shown just after midnight of Jan 31, Feb 14 and 28 their own: $30 in all.
    expect(revenueOf(february.data, offer.id).revenue).toBe(3000);

    // Later reads use the stored month: a marker put into it shows up.
    const marked = { ...february.data, starts: [...february.data.starts, { funnelId: "marker", started: 1 }] };
    await db.statsPeriod.update({ where: { unit_start: { unit: "month", start: feb.from } }, data: { data: marked as object } });
    expect((await rangeSlice(range.from, range.to)).starts.find((s) => s.funnelId === "marker")).toBeDefined();

    // A refund landing weeks later marks Feb 14 (trigger): the month is rebuilt from its days, not read.
    await db.payment.update({ where: { id: await paymentOf(accepted[3]!) }, data: { refundedAmount: 400, refundState: "PARTIAL" } });
    const after = await rangeSlice(range.from, range.to);
    expect(after.starts.find((s) => s.funnelId === "marker")).toBeUndefined();
    expect(sorted(after)).toEqual(sorted(await liveSlice(range.from, range.to)));
    expect(revenueOf(after, offer.id).revenue).toBe(8 * 1000 - 400);
    const rebuilt = (await readPeriods(periodsWithin("month", feb.from, feb.to))).get(month("2017-02-01"))!;
    expect(revenueOf(rebuilt.data, offer.id).revenue).toBe(3000 - 400);
    expect(await db.statsDirtyDay.count({ where: { day: { gte: range.from, lt: range.to } } })).toBe(0);
  });

  it("is never stored from a day's older row or over a dirty day, and a lost dispute re-rolls the week", async () => {
    // The ISO week of Monday 2018-03-05, alone in its range.
    const range = rangeOf("2018-03-05", "2018-03-11");
    const { offer, accepted } = await visits([dayIn(2018, 3, 6, 10), dayIn(2018, 3, 9, 10)]);
    await rangeSlice(range.from, range.to);
    const key = week("2018-03-05");
    const [period] = periodsWithin("week", range.from, range.to);
    const built = (await readPeriods([period!])).get(key)!;
    const rows = await db.statsDay.findMany({ where: { day: { gte: range.from, lt: range.to } }, select: { day: true, computedAt: true } });
    expect(rows).toHaveLength(7);
    const attempt = { ...built, period: period!, days: rows, data: { ...built.data, starts: [{ funnelId: "marker", started: 1 }] } };
    const storedMarker = async () => (await readPeriods([period!])).get(key)?.data.starts.some((s) => s.funnelId === "marker") ?? false;

    // Built from the rows as they are: stored.
    await storePeriods([attempt]);
    expect(await storedMarker()).toBe(true);

    // A dispute lost days later marks Mar 9: neither the stored week nor a new one built meanwhile counts.
    await db.dispute.create({ data: { id: `dp_${accepted[1]!.id}`, paymentId: await paymentOf(accepted[1]!), amount: 1000, currency: "USD", status: "dispute_lost", dodoCreatedAt: dayIn(2018, 3, 20) } });
    await db.statsPeriod.deleteMany({ where: { unit: "week", start: range.from } });
    await storePeriods([attempt]);
    expect(await readPeriods([period!])).toEqual(new Map());
    expect(revenueOf(await rangeSlice(range.from, range.to), offer.id).revenue).toBe(1000);
    expect(revenueOf((await readPeriods([period!])).get(key)!.data, offer.id).revenue).toBe(1000);

    // Mar 9 was rewritten since `attempt` was built: storing it now would resurrect the old day.
    await storePeriods([attempt]);
    expect(await storedMarker()).toBe(false);
    expect(sorted(await rangeSlice(range.from, range.to))).toEqual(sorted(await liveSlice(range.from, range.to)));
  });

  it("drops a week when one of its days is recomputed on its own (a one-day range after a refund)", async () => {
    const range = rangeOf("2018-04-09", "2018-04-15");
    const { offer, accepted } = await visits([dayIn(2018, 4, 11, 10), dayIn(2018, 4, 12, 10)]);
    expect(revenueOf(await rangeSlice(range.from, range.to), offer.id).revenue).toBe(2000);
    await db.payment.update({ where: { id: await paymentOf(accepted[0]!) }, data: { refundedAmount: 1000, refundState: "FULL" } });
    // Reading Apr 11 alone recomputes it and clears its mark; the week built from its old row must go.
    const day = rangeOf("2018-04-11", "2018-04-11");
    expect(revenueOf(await rangeSlice(day.from, day.to), offer.id).revenue).toBe(0);
    expect(await readPeriods(periodsWithin("week", range.from, range.to))).toEqual(new Map());
    expect(revenueOf(await rangeSlice(range.from, range.to), offer.id).revenue).toBe(1000);
  });

  it("rebuilds a week once a payment in it matures, and never serves it under another wait", async () => {
    const now = new Date();
    const today = closedBoundary(now);
    // The ISO week starting on the Monday 60 to 66 days ago (past maturity.test.ts's 30 days), its
    // payment 58 to 65 days old: pending under a 70-day wait, matured 15 days on.
    const back = today.getTime() - 60 * DAY_MS;
    const start = new Date(back - ((new Date(back).getUTCDay() + 6) % 7) * DAY_MS);
    const range = { from: start, to: new Date(start.getTime() + 7 * DAY_MS) };
    expect(daysOf(range.from, range.to)).toHaveLength(7);
    const { offer } = await visits([new Date(start.getTime() + 2 * DAY_MS + 10 * 3_600_000)]);
    const wait = 70;

    expect(revenueOf(await rangeSlice(range.from, range.to, now, wait), offer.id)).toEqual({ revenue: 0, pending: 1000 });
    const [period] = periodsWithin("week", range.from, range.to);
    const stored = (await readPeriods([period!])).get(periodKey(period!))!;
    // Due when its first day settles: that day's end plus the wait and the settle margin.
    expect(stored.refreshAt).toEqual(new Date(start.getTime() + (1 + wait) * DAY_MS + 10 * 60_000));
    expect(stored.maturityDays).toBe(wait);
    expect(revenueOf(await rangeSlice(range.from, range.to, now, wait), offer.id)).toEqual({ revenue: 0, pending: 1000 });
    // Fifteen days on the payment has matured; with no wait it counts at once.
    expect(revenueOf(await rangeSlice(range.from, range.to, new Date(now.getTime() + 15 * DAY_MS), wait), offer.id)).toEqual({ revenue: 1000, pending: 0 });
    expect(revenueOf(await rangeSlice(range.from, range.to, now, 0), offer.id)).toEqual({ revenue: 1000, pending: 0 });
  });
});
