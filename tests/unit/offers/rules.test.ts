import { describe, expect, it } from "vitest";
import { nextStepAfter, offerEligibility, offerPrice, rankFunnelMatch, windowClosesAt, type CustomerHistory, type OfferForRules } from "@/lib/offers/rules";

const offer = (over: Partial<OfferForRules> = {}): OfferForRules => ({
  id: "off_1", active: true, triggerProductIds: [], minOrderAmount: null, frequencyCap: null, offeredProductId: "pdt_up",
  product: { archived: false, currency: "USD" }, targeting: null, startsAt: null, endsAt: null, ...over,
});
const history = (over: Partial<CustomerHistory> = {}): CustomerHistory => ({
  ownedProductIds: new Set(), declinedOfferIds: new Set(), impressionsByOffer: new Map(), firstPaidAt: null, latestOrder: null, subscriptions: [], ...over,
});
const purchase = { productIds: ["pdt_course"], orderAmount: 4900, currency: "USD", country: "US", paidAt: new Date("2026-12-01T10:00:00Z") };

describe("offerEligibility", () => {
  it("shows a catch-all offer after any purchase", () => {
    expect(offerEligibility(offer(), purchase, history())).toEqual({ eligible: true });
  });
  it("requires a trigger product to have been bought", () => {
    expect(offerEligibility(offer({ triggerProductIds: ["pdt_other"] }), purchase, history())).toEqual({ eligible: false, reason: "not_triggered" });
    expect(offerEligibility(offer({ triggerProductIds: ["pdt_course"] }), purchase, history()).eligible).toBe(true);
  });
  it("outside a funnel, triggers match what the customer owns", () => {
    const owned = history({ ownedProductIds: new Set(["pdt_course"]) });
    expect(offerEligibility(offer({ triggerProductIds: ["pdt_course"] }), null, owned).eligible).toBe(true);
    expect(offerEligibility(offer({ triggerProductIds: ["pdt_course"] }), null, history()).eligible).toBe(false);
  });
  it("applies the minimum order value in the same currency only", () => {
    expect(offerEligibility(offer({ minOrderAmount: 5000 }), purchase, history())).toEqual({ eligible: false, reason: "below_min_order" });
    expect(offerEligibility(offer({ minOrderAmount: 4900 }), purchase, history()).eligible).toBe(true);
    expect(offerEligibility(offer({ minOrderAmount: 100 }), { ...purchase, currency: "EUR" }, history())).toEqual({ eligible: false, reason: "currency_mismatch" });
  });
  it("after a purchase, offers only what is priced in the currency the customer paid in", () => {
    expect(offerEligibility(offer(), { ...purchase, currency: "EUR" }, history())).toEqual({ eligible: false, reason: "currency_mismatch" });
    expect(offerEligibility(offer({ product: { archived: false, currency: "EUR" } }), { ...purchase, currency: "eur" }, history()).eligible).toBe(true);
    // Outside a funnel (account page) there is no order currency to match.
    expect(offerEligibility(offer(), null, history({ ownedProductIds: new Set(["pdt_course"]) })).eligible).toBe(true);
  });
  it("offers a product with a localized price in the order's currency, at that price", () => {
    const eur = { archived: false, currency: "USD", prices: [{ currency: "EUR", amount: 8900 }] };
    expect(offerEligibility(offer({ product: eur }), { ...purchase, currency: "EUR" }, history()).eligible).toBe(true);
    expect(offerEligibility(offer({ product: eur }), { ...purchase, currency: "GBP" }, history())).toEqual({ eligible: false, reason: "currency_mismatch" });
    // A minimum order in the base currency cannot be compared with an order in another one.
    expect(offerEligibility(offer({ product: eur, minOrderAmount: 100 }), { ...purchase, currency: "EUR" }, history())).toEqual({ eligible: false, reason: "min_order_other_currency" });
    const product = { priceAmount: 9900, currency: "USD", prices: [{ currency: "EUR", amount: 8900 }] };
    expect(offerPrice(product, 2000, "EUR")).toEqual({ price: { amount: 7120, currency: "EUR" }, listPrice: { amount: 8900, currency: "EUR" }, saving: { amount: 1780, currency: "EUR" } });
    expect(offerPrice(product, 0, "usd").price).toEqual({ amount: 9900, currency: "USD" });
    expect(offerPrice(product, 0).price).toEqual({ amount: 9900, currency: "USD" });
  });
  it("never offers what the customer owns, declined before, or has seen too often", () => {
    expect(offerEligibility(offer(), purchase, history({ ownedProductIds: new Set(["pdt_up"]) }))).toEqual({ eligible: false, reason: "already_owned", owned: "pdt_up" });
    expect(offerEligibility(offer(), purchase, history({ declinedOfferIds: new Set(["off_1"]) }))).toEqual({ eligible: false, reason: "declined_before" });
    expect(offerEligibility(offer({ frequencyCap: 2 }), purchase, history({ impressionsByOffer: new Map([["off_1", 2]]) }))).toEqual({ eligible: false, reason: "frequency_cap" });
  });
  it("skips inactive offers and archived products", () => {
    expect(offerEligibility(offer({ active: false }), purchase, history()).eligible).toBe(false);
    expect(offerEligibility(offer({ product: { archived: true, currency: "USD" } }), purchase, history()).eligible).toBe(false);
  });
});

describe("offerPrice", () => {
  it("discounts in basis points and reports the saving", () => {
    const p = offerPrice({ priceAmount: 4900, currency: "USD" }, 3000);
    expect(p.price).toEqual({ amount: 3430, currency: "USD" });
    expect(p.listPrice.amount).toBe(4900);
    expect(p.saving.amount).toBe(1470);
  });
  it("works for zero-decimal currencies", () => {
    expect(offerPrice({ priceAmount: 1999, currency: "JPY" }, 1000).price).toEqual({ amount: 1799, currency: "JPY" });
  });
});

describe("nextStepAfter", () => {
  const step = { onAcceptStepId: "a", onDeclineStepId: "d", onFailStepId: "f" };
  it("follows the edge of the decision", () => {
    expect(nextStepAfter(step, "ACCEPTED")).toBe("a");
    expect(nextStepAfter(step, "DECLINED")).toBe("d");
    expect(nextStepAfter(step, "FAILED")).toBe("f");
    expect(nextStepAfter(step, "EXPIRED")).toBeNull();
  });
});

describe("windowClosesAt", () => {
  it("is exactly the funnel's own window, however long (nothing at Dodo caps it)", () => {
    const start = new Date("2026-01-01T00:00:00Z");
    expect(windowClosesAt(start, 900).toISOString()).toBe("2026-01-01T00:15:00.000Z");
    expect(windowClosesAt(start, 1800).toISOString()).toBe("2026-01-01T00:30:00.000Z");
    expect(windowClosesAt(start, 300).toISOString()).toBe("2026-01-01T00:05:00.000Z");
    expect(windowClosesAt(start, 86_400).toISOString()).toBe("2026-01-02T00:00:00.000Z");
  });
});

describe("rankFunnelMatch", () => {
  it("prefers funnels naming a bought product over catch-alls", () => {
    expect(rankFunnelMatch([["pdt_course"]], ["pdt_course"])).toBe(2);
    expect(rankFunnelMatch([[]], ["pdt_course"])).toBe(1);
    expect(rankFunnelMatch([["pdt_other"]], ["pdt_course"])).toBe(0);
  });
});
