// The worker keeps the stats roll-ups built ahead of time: after its job ran, every closed day of
// the last year is stored, so the stats page's first request only reads them. (2002, so no other
// test file's days are touched.)
import { describe, expect, it } from "vitest";
import { db } from "@/lib/db/client";
import { rangeSlice } from "@/lib/stats/rollup";
import { buildRollupsAhead, PREBUILT_DAYS } from "@/lib/stats/jobs";
import { createSession, dayIn, recordImpression, seedCustomer, seedFunnel, seedOffer, seedProduct } from "@/tests/support/seed";

describe("stats.build-rollups", () => {
  it("stores every closed day of the last year; the page's read then recomputes nothing", async () => {
    const now = dayIn(2002, 6, 10, 12);
    const product = await seedProduct({ price: 2500 });
    const offer = await seedOffer(product.id, { name: "Ahead" });
    const { funnel, steps } = await seedFunnel([{ offers: [[offer.id, 10_000]] }]);
    const customer = await seedCustomer();
    const at = dayIn(2002, 6, 1, 10);
    const session = await createSession({ customerId: customer.id, funnelId: funnel.id, orderAmount: 4000, at });
    await recordImpression({ customerId: customer.id, at, sessionId: session.id, stepId: steps[0]!.id, offerId: offer.id, variantId: steps[0]!.variants[0]!.id, outcome: "ACCEPTED", payment: { status: "SUCCEEDED" } });

    await buildRollupsAhead(now);
    const to = dayIn(2002, 6, 10, 0);
    const from = new Date(to.getTime() - PREBUILT_DAYS * 86_400_000);
    const stored = await db.statsDay.findMany({ where: { day: { gte: from, lt: to } }, select: { day: true, computedAt: true, data: true } });
    expect(stored).toHaveLength(PREBUILT_DAYS);
    const june1 = stored.find((d) => d.day.toISOString().startsWith("2002-06-01"))!;
    expect((june1.data as { counts: { offerId: string }[] }).counts.map((c) => c.offerId)).toContain(offer.id);

    const slice = await rangeSlice(from, to, now);
    expect(slice.counts.find((c) => c.offerId === offer.id)).toBeDefined();
    const after = await db.statsDay.findMany({ where: { day: { gte: from, lt: to } }, select: { day: true, computedAt: true } });
    expect(after.map((d) => d.computedAt.getTime()).sort()).toEqual(stored.map((d) => d.computedAt.getTime()).sort());
  });
});
