// An account-page offer whose one-click charge is still open keeps its one impression past the
// offer window: the page goes on showing that charge's state, and the offer can't be shown (and
// charged) afresh while the first charge may still have gone through.
import { describe, expect, it } from "vitest";
import { db } from "@/lib/db/client";
import { accountOffers } from "@/lib/offers/cross-sell";
import { seedCustomer, seedOffer, seedProduct, uid } from "@/tests/support/seed";

describe("account offers with a charge in flight", () => {
  it("keep their impression after the window while the charge is unknown, and show it confirming", async () => {
    const customer = await seedCustomer();
    const owned = await seedProduct();
    await db.entitlement.create({ data: { customerId: customer.id, productId: owned.id, source: "PAYMENT", sourceId: uid("pay"), status: "ACTIVE" } });
    const offer = await seedOffer((await seedProduct({ price: 1900 })).id, { kind: "CROSS_SELL", triggers: [owned.id] });
    const [first] = await accountOffers(customer);
    expect(first).toMatchObject({ headline: expect.any(String), charge: null });

    await db.chargeAttempt.create({ data: { impressionId: first!.impressionId, customerId: customer.id, amount: 1900, currency: "USD", status: "UNKNOWN" } });
    const later = new Date(first!.expiresAt.getTime() + 60 * 60_000);
    const [again] = await accountOffers(customer, later);
    expect(again).toMatchObject({ impressionId: first!.impressionId, charge: { status: "confirming" } });
    expect(await db.offerImpression.count({ where: { customerId: customer.id, offerId: offer.id } })).toBe(1);
  });
});
