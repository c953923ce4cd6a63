import { describe, expect, it } from "vitest";
import { db } from "@/lib/db/client";
import { offerBadge } from "@/lib/offers/social-proof";
import { seedCustomer, seedOffer, seedProduct } from "@/tests/support/seed";

async function shown(offerId: string, n: number, accepted: number, opts: { holdout?: boolean; daysAgo?: number } = {}) {
  const customer = await seedCustomer();
  const shownAt = new Date(Date.now() - (opts.daysAgo ?? 1) * 86_400_000);
  for (let i = 0; i < n; i++) {
    const imp = await db.offerImpression.create({
      data: { customerId: customer.id, offerId: opts.holdout ? null : offerId, holdout: opts.holdout ?? false, placement: "THANK_YOU", priceAmount: 100, listPriceAmount: 100, currency: "USD", expiresAt: shownAt, shownAt },
    });
    if (i < accepted) await db.offerDecision.create({ data: { impressionId: imp.id, outcome: "ACCEPTED", decidedAt: shownAt } });
  }
}

describe("an offer's badge", () => {
  it("is earned from the real take rate once 100 customers saw it and 10 took it within 30 days", async () => {
    const offer = await seedOffer((await seedProduct()).id);
    await db.offer.update({ where: { id: offer.id }, data: { earnBadge: true } });
    const row = () => db.offer.findUniqueOrThrow({ where: { id: offer.id } });
    await shown(offer.id, 60, 9);
    await shown(offer.id, 60, 0, { daysAgo: 40 }); // outside the window
    expect(await offerBadge(await row())).toBeNull();
    await shown(offer.id, 40, 1);
    expect(await offerBadge(await row())).toEqual({ kind: "earned", percent: 10 });
    await db.offer.update({ where: { id: offer.id }, data: { badge: "Staff pick" } });
    expect(await offerBadge(await row())).toEqual({ kind: "merchant", text: "Staff pick" });
    await db.offer.update({ where: { id: offer.id }, data: { badge: null, earnBadge: false } });
    expect(await offerBadge(await row())).toBeNull();
  });
});
