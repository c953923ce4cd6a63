// "Count revenue after N days": an accepted offer's payment younger than the wait is pending, not
// revenue (nor lift, order value or the chart), in live numbers and in roll-ups alike; a stored day
// is recomputed once its payments mature, and when the merchant changes the wait.
import { describe, expect, it } from "vitest";
import { db } from "@/lib/db/client";
import { closedBoundary, liveSlice, rangeSlice } from "@/lib/stats/rollup";
import { statsSettingsSchema } from "@/lib/stats/settings-schema";
import { maturedBefore } from "@/lib/stats/settings";
import type { Slice } from "@/lib/stats/slice";
import { createSession, recordImpression, seedCustomer, seedFunnel, seedOffer, seedProduct } from "@/tests/support/seed";

const DAY_MS = 86_400_000;

/** Two accepted $10.00 offers of one funnel step: one shown 20 days ago ($3.00 refunded), one 3 days ago. */
async function scenario(now: Date) {
  const product = await seedProduct({ price: 1000 });
  const offer = await seedOffer(product.id, { name: "Maturity" });
  const { funnel, steps } = await seedFunnel([{ offers: [[offer.id, 10_000]] }]);
  const today = closedBoundary(now);
  const old = new Date(today.getTime() - 20 * DAY_MS + 10 * 3_600_000);
  const recent = new Date(today.getTime() - 3 * DAY_MS + 10 * 3_600_000);
  for (const [at, refunded] of [[old, 300], [recent, 0]] as const) {
    const customer = await seedCustomer();
    const session = await createSession({ customerId: customer.id, funnelId: funnel.id, orderAmount: 5000, at });
    await recordImpression({
      customerId: customer.id, at, sessionId: session.id, stepId: steps[0]!.id, offerId: offer.id, variantId: steps[0]!.variants[0]!.id,
      outcome: "ACCEPTED", payment: { status: "SUCCEEDED", refunded },
    });
  }
  return { offer, from: new Date(today.getTime() - 30 * DAY_MS), to: today };
}

function money(slice: Slice, offerId: string) {
  const rows = slice.counts.filter((c) => c.offerId === offerId && c.byCurrency);
  return {
    revenue: rows.reduce((s, c) => s + c.revenue, 0),
    pending: rows.reduce((s, c) => s + (c.pending ?? 0), 0),
    refunded: rows.reduce((s, c) => s + (c.refunded ?? 0), 0),
    accepts: slice.counts.filter((c) => c.offerId === offerId && !c.byCurrency).reduce((s, c) => s + c.accepts, 0),
  };
}

describe("count revenue after N days", () => {
  it("reads the wait as whole days from 0 to 365, blank as 0", () => {
    expect(statsSettingsSchema.parse({ revenueMaturityDays: "14" })).toEqual({ revenueMaturityDays: 14 });
    expect(statsSettingsSchema.parse({ revenueMaturityDays: "" })).toEqual({ revenueMaturityDays: 0 });
    for (const bad of ["-1", "366", "2.5", "two"]) expect(statsSettingsSchema.safeParse({ revenueMaturityDays: bad }).success).toBe(false);
    expect(maturedBefore(0, new Date())).toBeNull();
    expect(maturedBefore(7, new Date("2026-03-15T00:00:00Z"))?.toISOString()).toBe("2026-03-08T00:00:00.000Z");
  });

  it("leaves a payment younger than the wait out of revenue, as pending, live and in roll-ups", async () => {
    const now = new Date();
    const { offer, from, to } = await scenario(now);
    const expected = { revenue: 1000 - 300, pending: 1000, refunded: 300, accepts: 2 };
    expect(money(await rangeSlice(from, to, now, 7), offer.id)).toEqual(expected);
    // Served from the roll-ups just stored, the same numbers.
    expect(money(await rangeSlice(from, to, now, 7), offer.id)).toEqual(expected);
    // The chart and the order values leave the pending payment out too.
    const slice = await rangeSlice(from, to, now, 7);
    expect(slice.revenue.reduce((s, r) => s + r.revenue, 0)).toBeGreaterThanOrEqual(700);
    const live = await liveSlice(from, to, { maturityDays: 7, maturedBefore: maturedBefore(7, now) });
    expect(money(live, offer.id)).toEqual(expected);
    // With no wait, everything counts.
    expect(money(await rangeSlice(from, to, now, 0), offer.id)).toEqual({ revenue: 1700, pending: 0, refunded: 300, accepts: 2 });
  });

  it("recomputes a stored day when its payments mature and when the wait changes", async () => {
    const now = new Date();
    const { offer, from, to } = await scenario(now);
    expect(money(await rangeSlice(from, to, now, 7), offer.id).revenue).toBe(700);
    // Five days on, the recent payment is 8 days old: its stored day settled and is recomputed.
    const later = new Date(now.getTime() + 5 * DAY_MS);
    expect(money(await rangeSlice(from, to, later, 7), offer.id)).toMatchObject({ revenue: 1700, pending: 0 });
    // A longer wait than both payments' age: both pending, though their days were stored under 7.
    expect(money(await rangeSlice(from, to, now, 30), offer.id)).toMatchObject({ revenue: 0, pending: 1700, accepts: 2 });
    const stored = await db.statsDay.findMany({ where: { day: { gte: from, lt: to } }, select: { data: true } });
    expect(stored.every((d) => (d.data as { maturityDays?: number }).maturityDays === 30)).toBe(true);
  });
});
