// Daily roll-ups must give exactly the live numbers, and late changes must reach them.
import { describe, expect, it } from "vitest";
import { db } from "@/lib/db/client";
import { closedBoundary, liveSlice, rangeSlice } from "@/lib/stats/rollup";
import { readDirtyMarks, storeDays } from "@/lib/stats/rollup-sql";
import { rangeOf } from "@/lib/stats/range";
import { mergeSlices, type Slice } from "@/lib/stats/slice";
import { createSession, dayIn, recordImpression, seedCustomer, seedFunnel, seedOffer, seedProduct } from "@/tests/support/seed";

const sorted = (s: Slice) => Object.fromEntries(Object.entries(s).map(([k, rows]) => [k, [...(rows as object[])].map((r) => JSON.stringify(r, Object.keys(r).sort())).sort()]));

async function scenario(year: number) {
  const product = await seedProduct({ price: 2500 });
  const offer = await seedOffer(product.id, { name: "Rollup" });
  const { funnel, steps } = await seedFunnel([{ offers: [[offer.id, 10_000]], holdoutBps: 2000 }]);
  const impressions = [];
  for (let day = 1; day <= 3; day++) {
    for (const [i, kind] of (["accept", "decline", "holdout", "accept"] as const).entries()) {
      const customer = await seedCustomer();
      // The last visit of each day starts 23:55 and its offer is shown after midnight.
      const at = i === 3 ? dayIn(year, 2, day, 23) : dayIn(year, 2, day, 10 + i);
      const session = await createSession({ customerId: customer.id, funnelId: funnel.id, orderAmount: 4000 + i, at });
      impressions.push(await recordImpression({
        customerId: customer.id, at: i === 3 ? new Date(at.getTime() + 3_600_000 + 60_000) : at, sessionId: session.id, stepId: steps[0]!.id,
        ...(kind === "holdout" ? { holdout: true } : { offerId: offer.id, variantId: steps[0]!.variants[0]!.id, outcome: kind === "accept" ? "ACCEPTED" as const : "DECLINED" as const }),
        ...(kind === "accept" ? { payment: { status: "SUCCEEDED" as const, refunded: i === 0 ? 300 : 0 } } : {}),
      }));
    }
  }
  return { offer, funnel, steps, impressions };
}

/** Sets the refunded amount of the payment charged for the first impression (what a refund webhook does). */
async function refundFirstOfferPayment(impressions: { id: string }[], amount: number) {
  const attempt = await db.chargeAttempt.findFirstOrThrow({ where: { impressionId: impressions[0]!.id } });
  await db.payment.update({ where: { id: attempt.dodoPaymentId! }, data: { refundedAmount: amount } });
}

describe("daily roll-ups", () => {
  it("aggregates only today live", () => {
    expect(closedBoundary(new Date("2026-03-15T10:00:00Z")).toISOString()).toBe("2026-03-15T00:00:00.000Z");
  });

  it("merging slices adds every count and sum by key", () => {
    const change = { ladderId: "l", origin: "PLAN_PAGE", direction: "UPGRADE", currency: "USD", sent: 2, applied: 1, scheduled: 0, failed: 1, awaiting: 0, kept: 0, chargedNow: 500, mrrApplied: 1000, mrrScheduled: 0 };
    const a: Slice = { counts: [], exposures: [], orders: [{ currency: "USD", withN: 1, withSum: 100, withoutN: 2, withoutSum: 50 }], revenue: [{ day: "2020-01-01", currency: "USD", revenue: 5 }], starts: [{ funnelId: "f", started: 2 }], steps: [], planChanges: [change] };
    const b: Slice = { ...a, orders: [{ currency: "USD", withN: 3, withSum: 300, withoutN: 0, withoutSum: 0 }, { currency: "EUR", withN: 1, withSum: 9, withoutN: 0, withoutSum: 0 }], revenue: [{ day: "2020-01-02", currency: "USD", revenue: 7 }] };
    const m = mergeSlices([a, b]);
    expect(m.orders).toEqual([{ currency: "USD", withN: 4, withSum: 400, withoutN: 2, withoutSum: 50 }, { currency: "EUR", withN: 1, withSum: 9, withoutN: 0, withoutSum: 0 }]);
    expect(m.revenue).toHaveLength(2);
    expect(m.starts).toEqual([{ funnelId: "f", started: 4 }]);
    expect(m.planChanges).toEqual([{ ...change, sent: 4, applied: 2, failed: 2, chargedNow: 1000, mrrApplied: 2000 }]);
  });

  it("gives the same aggregates from roll-ups as from the live tables, then stores one row per day", async () => {
    await scenario(2007);
    const range = rangeOf("2007-02-01", "2007-02-04");
    const live = await liveSlice(range.from, range.to);
    const rolled = await rangeSlice(range.from, range.to);
    // Counts, revenue and funnel flow are exact; visit-level sums too here (each visit's rows fall on one day).
    expect(sorted(rolled)).toEqual(sorted(live));
    expect(await db.statsDay.count({ where: { day: { gte: range.from, lt: range.to } } })).toBe(4);
    // Served from the stored rows the second time.
    const before = await db.statsDay.findMany({ where: { day: { gte: range.from, lt: range.to } }, select: { computedAt: true }, orderBy: { day: "asc" } });
    await rangeSlice(range.from, range.to);
    expect(await db.statsDay.findMany({ where: { day: { gte: range.from, lt: range.to } }, select: { computedAt: true }, orderBy: { day: "asc" } })).toEqual(before);
  });

  it("recomputes a closed day when a late refund, decision or payment touches it (database triggers)", async () => {
    const { impressions } = await scenario(2008);
    const range = rangeOf("2008-02-01", "2008-02-03");
    const revenue = async () => (await rangeSlice(range.from, range.to)).counts.filter((c) => c.byCurrency).reduce((s, c) => s + c.revenue, 0);
    // Charges of 1000: days 1–3 each have the 10:00 accept (300 refunded); the 23:00 visits of days
    // 1 and 2 are shown after midnight and count on days 2 and 3 (day 3's falls outside the range).
    expect(await revenue()).toBe(5 * 1000 - 3 * 300);

    const attempt = await db.chargeAttempt.findFirstOrThrow({ where: { impressionId: impressions[0]!.id } });
    await db.payment.update({ where: { id: attempt.dodoPaymentId! }, data: { refundedAmount: 1000, refundState: "FULL" } });
    expect(await db.statsDirtyDay.count({ where: { day: new Date("2008-02-01T00:00:00Z") } })).toBe(1);
    expect(await revenue()).toBe(5 * 1000 - 3 * 300 - 700);
    expect(await db.statsDirtyDay.count({ where: { day: new Date("2008-02-01T00:00:00Z") } })).toBe(0);

    // A decision for an impression that had none (the reconciler expiring it late).
    const declined = await db.offerDecision.findUniqueOrThrow({ where: { impressionId: impressions[1]!.id } });
    await db.offerDecision.update({ where: { id: declined.id }, data: { outcome: "EXPIRED" } });
    const counts = (await rangeSlice(range.from, range.to)).counts.filter((c) => !c.byCurrency);
    expect(counts.reduce((s, c) => s + c.expiries, 0)).toBe(1);
    expect(counts.reduce((s, c) => s + c.declines, 0)).toBe(2);
  });

  it("recomputes several missing and dirty days together, each equal to its own live numbers", async () => {
    const { impressions } = await scenario(2011);
    const range = rangeOf("2011-02-01", "2011-02-05");
    const day = (d: number) => new Date(Date.UTC(2011, 1, d));
    // Days 2 and 4 are stored, then dirtied by refunds; days 1, 3 and 5 are missing.
    await rangeSlice(day(2), day(3));
    await rangeSlice(day(4), day(5));
    for (const i of [4, 11]) {
      const attempt = await db.chargeAttempt.findFirstOrThrow({ where: { impressionId: impressions[i]!.id } });
      await db.payment.update({ where: { id: attempt.dodoPaymentId! }, data: { refundedAmount: 600, refundState: "PARTIAL" } });
    }
    expect(await db.statsDirtyDay.count({ where: { day: { in: [day(2), day(4)] } } })).toBe(2);

    expect(sorted(await rangeSlice(range.from, range.to))).toEqual(sorted(await liveSlice(range.from, range.to)));
    const rows = await db.statsDay.findMany({ where: { day: { gte: range.from, lt: range.to } }, orderBy: { day: "asc" } });
    expect(rows).toHaveLength(5);
    for (const row of rows) {
      const { settlesAt, maturityDays, ...data } = row.data as Slice & { settlesAt: string; maturityDays: number };
      expect(settlesAt).toBeTruthy();
      expect(maturityDays).toBe(0);
      expect(sorted(data)).toEqual(sorted(await liveSlice(row.day, new Date(row.day.getTime() + 86_400_000))));
    }
    expect(await db.statsDirtyDay.count({ where: { day: { gte: range.from, lt: range.to } } })).toBe(0);
  });

  it("keeps a day dirty when it is marked again while being recomputed", async () => {
    const { impressions } = await scenario(2012);
    const range = rangeOf("2012-02-01", "2012-02-01");
    await rangeSlice(range.from, range.to);
    const refund = (amount: number) => refundFirstOfferPayment(impressions, amount);
    await refund(400);
    const seen = await readDirtyMarks(range.from, range.to);
    expect(seen.marks).toHaveLength(1);
    // Meanwhile another instance stores the day and a later refund marks it again.
    await db.statsDirtyDay.deleteMany({ where: { day: range.from } });
    await refund(500);
    await storeDays([], seen.at, seen.marks);
    expect(await db.statsDirtyDay.count({ where: { day: range.from } })).toBe(1);
    const revenue = (await rangeSlice(range.from, range.to)).counts.filter((c) => c.byCurrency).reduce((s, c) => s + c.revenue, 0);
    expect(revenue).toBe(1000 - 500);
    expect(await db.statsDirtyDay.count({ where: { day: range.from } })).toBe(0);
  });
  it("keeps a day dirty when a change lands on its existing mark while it is recomputed", async () => {
    const { impressions } = await scenario(2013);
    const range = rangeOf("2013-02-01", "2013-02-01");
    await rangeSlice(range.from, range.to);
    const refund = (amount: number) => refundFirstOfferPayment(impressions, amount);
    await refund(400);
    const seen = await readDirtyMarks(range.from, range.to);
    // The mark read above still exists when the next change commits: that change must renew it.
    await refund(500);
    await storeDays([], seen.at, seen.marks);
    expect(await db.statsDirtyDay.count({ where: { day: range.from } })).toBe(1);
  });
});
