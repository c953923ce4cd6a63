// Offers after a purchase are made in the currency paid in; when none can be, the funnel
// remembers which currencies it had, for the thank-you page to say so.
import { describe, expect, it } from "vitest";
import { currencyNote } from "@/lib/offers/currency-note";
import { currentFunnelOffer, startFunnelSession } from "@/lib/offers/funnel";
import { seedCustomer, seedOffer, seedPayment, seedProduct, seedUpsellFunnel } from "@/tests/support/seed";

async function euroPurchase(downsellCurrency: string) {
  const course = await seedProduct({ currency: "EUR", price: 4500 });
  const up = await seedProduct({ price: 9900 });
  const down = await seedProduct({ price: 2900, currency: downsellCurrency });
  await seedUpsellFunnel((await seedOffer(up.id, { triggers: [course.id] })).id, (await seedOffer(down.id, { kind: "DOWNSELL", triggers: [course.id] })).id);
  const customer = await seedCustomer();
  const payment = await seedPayment(customer.id, course.id, 4500);
  const sessionId = (await startFunnelSession({ customerId: customer.id, paymentId: payment.id, subscriptionId: null, productIds: [course.id], orderAmount: 4500, currency: "EUR" }))!;
  return { customer, sessionId };
}

describe("offers in the currency paid in", () => {
  it("shows none priced in another currency, and notes which currencies there were", async () => {
    const t = await euroPurchase("USD");
    expect(await currentFunnelOffer(t.sessionId, t.customer)).toEqual({ state: "done" });
    expect(await currencyNote(t.sessionId)).toEqual({ orderCurrency: "EUR", offerCurrencies: ["USD"] });
  });

  it("shows an offer priced in the order's currency, and then says nothing about the others", async () => {
    const t = await euroPurchase("EUR");
    const view = await currentFunnelOffer(t.sessionId, t.customer);
    expect(view.state === "offer" && view.offer.price).toEqual({ amount: 2900, currency: "EUR" });
    expect(await currencyNote(t.sessionId)).toBeNull();
  });
});
