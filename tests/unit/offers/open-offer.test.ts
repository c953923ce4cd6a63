// One open offer per product per customer (lib/offers/impressions.ts): while an offer of a product
// is open anywhere, no other placement offers that product at another price.
import { describe, expect, it } from "vitest";
import { db } from "@/lib/db/client";
import { accountOffers } from "@/lib/offers/cross-sell";
import { declineOffer } from "@/lib/offers/decide";
import { currentFunnelOffer, startFunnelSession } from "@/lib/offers/funnel";
import { seedCustomer, seedOffer, seedPayment, seedProduct, seedUpsellFunnel } from "@/tests/support/seed";

async function shop() {
  const course = await seedProduct({ price: 4900 });
  const templates = await seedProduct({ price: 1900 });
  const other = await seedProduct({ price: 2900 });
  const funnelOffer = await seedOffer(templates.id, { triggers: [course.id], name: "Funnel templates" });
  const downsell = await seedOffer(other.id, { kind: "DOWNSELL", triggers: [course.id] });
  await seedUpsellFunnel(funnelOffer.id, downsell.id);
  const crossSell = await seedOffer(templates.id, { kind: "CROSS_SELL", triggers: [course.id], name: "Account templates" });
  const customer = await seedCustomer();
  const payment = await seedPayment(customer.id, course.id);
  await db.entitlement.create({ data: { customerId: customer.id, productId: course.id, source: "PAYMENT", sourceId: payment.id, status: "ACTIVE" } });
  const open = () => startFunnelSession({ customerId: customer.id, paymentId: payment.id, subscriptionId: null, productIds: [course.id], orderAmount: 4900, currency: "USD" });
  return { course, templates, other, funnelOffer, crossSell, customer, open };
}

describe("one open offer per product", () => {
  it("the account page shows the funnel's open offer of the product, not a second price", async () => {
    const s = await shop();
    const sessionId = (await s.open())!;
    const shown = await currentFunnelOffer(sessionId, s.customer);
    if (shown.state !== "offer") throw new Error("expected an offer");
    const account = await accountOffers(s.customer);
    expect(account.map((o) => o.impressionId)).toEqual([shown.offer.impressionId]);
    expect(account[0]).toMatchObject({ headline: "Funnel templates", placement: "THANK_YOU" });
    expect(await db.offerImpression.count({ where: { customerId: s.customer.id, offer: { offeredProductId: s.templates.id } } })).toBe(1);

    // Answered: the product is free to be offered again (here: declined, so that offer never returns).
    await declineOffer({ impressionId: shown.offer.impressionId, customerId: s.customer.id });
    const after = await accountOffers(s.customer);
    expect(after.map((o) => o.headline)).toEqual(["Account templates"]);
  });

  it("a funnel step is skipped while the account page holds an open offer of its product", async () => {
    const s = await shop();
    const account = await accountOffers(s.customer);
    expect(account.map((o) => o.headline)).toEqual(["Account templates"]);
    const sessionId = (await s.open())!;
    const view = await currentFunnelOffer(sessionId, s.customer);
    // The templates step gave way; the funnel moved on along its decline edge.
    expect(view.state === "offer" && view.offer.kind).toBe("DOWNSELL");
    expect(await db.offerImpression.count({ where: { funnelSessionId: sessionId, offer: { offeredProductId: s.templates.id } } })).toBe(0);
  });

  it("two placements loading at once still record one open offer of the product", async () => {
    const s = await shop();
    const sessionId = (await s.open())!;
    const [funnel, account] = await Promise.all([currentFunnelOffer(sessionId, s.customer), accountOffers(s.customer)]);
    const open = await db.offerImpression.findMany({ where: { customerId: s.customer.id, offer: { offeredProductId: s.templates.id } } });
    expect(open).toHaveLength(1);
    const ids = [...(funnel.state === "offer" && funnel.offer.product.id === s.templates.id ? [funnel.offer.impressionId] : []), ...account.map((o) => o.impressionId)];
    expect(new Set(ids)).toEqual(new Set([open[0]!.id]));
  });
});
