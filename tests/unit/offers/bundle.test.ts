// Bundle offers: their price (what Dodo will charge for the cart), what the form refuses, and who
// is offered one.
import { describe, expect, it } from "vitest";
import { bundleLineup, bundlePrice, bundleProblem, maxUnits, sellableIn, sellingPrice, type BundleCandidate } from "@/lib/offers/bundle";
import { offerSchema } from "@/lib/offers/offer-schema";
import { offerEligibility, type CustomerHistory, type OfferForRules } from "@/lib/offers/rules";
import { worded } from "@/tests/support/words";

const priced = (id: string, priceAmount: number, prices: { currency: string; amount: number }[] = []) => ({ id, priceAmount, currency: "USD", prices });

describe("bundlePrice", () => {
  it("sums the products and takes the discount off each line, as Dodo's percentage code does", () => {
    const price = bundlePrice([priced("a", 9900), priced("b", 2900), priced("c", 1900)], 2000);
    expect(price).toMatchObject({ price: { amount: 11760, currency: "USD" }, listPrice: { amount: 14700 }, saving: { amount: 2940 } });
    expect(price!.lines.map((l) => [l.productId, l.listPrice.amount, l.price.amount])).toEqual([["a", 9900, 7920], ["b", 2900, 2320], ["c", 1900, 1520]]);
  });
  it("rounds each line's cut on its own: 12.5% off two $10.04 lines is $17.56, not 12.5% off $20.08", () => {
    // 125.5 rounds up on each line (126 + 126); on the sum it would be 251.
    expect(bundlePrice([priced("a", 1004), priced("b", 1004)], 1250)!.price.amount).toBe(1756);
  });
  it("without a discount the bundle costs the sum and saves nothing", () => {
    expect(bundlePrice([priced("a", 4900), priced("b", 1900)], 0)).toMatchObject({ price: { amount: 6800 }, listPrice: { amount: 6800 }, saving: { amount: 0 } });
  });
  it("prices every line in the buyer's currency, and refuses a currency one product has no price in", () => {
    const a = priced("a", 9900, [{ currency: "EUR", amount: 8900 }]);
    const b = priced("b", 2900, [{ currency: "EUR", amount: 2500 }]);
    expect(bundlePrice([a, b], 1000, "eur")).toMatchObject({ price: { amount: 10260, currency: "EUR" }, listPrice: { amount: 11400, currency: "EUR" } });
    expect(bundlePrice([a, priced("c", 1900)], 1000, "EUR")).toBeNull();
    expect(sellableIn([a, b], "EUR")).toBe(true);
    expect(sellableIn([a, priced("c", 1900)], "EUR")).toBe(false);
  });
});

describe("sellingPrice (what every offer is sold at)", () => {
  it("is the bundle's price for a bundle, the offered product's own otherwise", () => {
    expect(sellingPrice(priced("a", 9900), [priced("b", 2900), priced("c", 1900)], 2000)).toMatchObject({ price: { amount: 11760 }, listPrice: { amount: 14700 }, saving: { amount: 2940 } });
    expect(sellingPrice(priced("a", 9900), [], 2000)).toEqual({ price: { amount: 7920, currency: "USD" }, listPrice: { amount: 9900, currency: "USD" }, saving: { amount: 1980, currency: "USD" } });
  });
  it("never prices a bundle as its offered product alone: a currency one product lacks gives none", () => {
    const a = priced("a", 9900, [{ currency: "EUR", amount: 8900 }]);
    expect(sellingPrice(a, [priced("b", 2900)], 0, "EUR")).toBeNull();
    // One product without a price in it falls back to its base, as before.
    expect(sellingPrice(priced("b", 2900), [], 0, "EUR")!.price).toEqual({ amount: 2900, currency: "USD" });
    expect(sellingPrice(a, [], 0, "EUR")!.price).toEqual({ amount: 8900, currency: "EUR" });
  });
});

describe("maxUnits (one unit per bundle)", () => {
  it("sells a bundle and a plan one at a time, a one-time product up to the merchant's maximum", () => {
    expect(maxUnits("ONE_TIME", 5, [])).toBe(5);
    expect(maxUnits("ONE_TIME", 5, ["b"])).toBe(1);
    expect(maxUnits("ONE_TIME", 5, ["b", "c"])).toBe(1);
    expect(maxUnits("SUBSCRIPTION", 5, [])).toBe(1);
    expect(maxUnits("ONE_TIME", 0, [])).toBe(1);
  });
});

describe("bundleLineup", () => {
  it("lists a bundle's products, the offered one first, and nothing for one product", () => {
    expect(bundleLineup("a", ["b", "c"])).toEqual(["a", "b", "c"]);
    expect(bundleLineup("a", [])).toEqual([]);
  });
});

describe("bundleProblem (the offer form)", () => {
  const oneTime = (id: string, currency = "USD"): BundleCandidate => ({ id, kind: "ONE_TIME", currency, archived: false });
  const plan: BundleCandidate = { id: "plan", kind: "SUBSCRIPTION", currency: "USD", archived: false };
  it("accepts one or two more one-time products in the same currency", () => {
    expect(bundleProblem(oneTime("a"), [], 5)).toBeNull();
    expect(bundleProblem(oneTime("a"), [oneTime("b")], 1)).toBeNull();
    expect(bundleProblem(oneTime("a"), [oneTime("b"), oneTime("c")], 1)).toBeNull();
  });
  it("refuses subscriptions, in either place, with a clear message", () => {
    expect(worded(bundleProblem(oneTime("a"), [plan], 1))).toMatch(/^Subscriptions can't be bundled/);
    expect(worded(bundleProblem(plan, [oneTime("b")], 1))).toMatch(/^Subscriptions can't be bundled/);
  });
  it("refuses another currency, a missing or archived product, units, and a fourth product", () => {
    expect(worded(bundleProblem(oneTime("a"), [oneTime("b", "EUR")], 1))).toBe("Every product of a bundle must be priced in USD, like the offered product");
    expect(worded(bundleProblem(oneTime("a"), [undefined], 1))).toMatch(/no longer exist/);
    expect(worded(bundleProblem(oneTime("a"), [{ ...oneTime("b"), archived: true }], 1))).toMatch(/no longer exist/);
    expect(worded(bundleProblem(oneTime("a"), [oneTime("b")], 3))).toBe("A bundle sells one of each product: set most units to 1");
    expect(worded(bundleProblem(oneTime("a"), [oneTime("b"), oneTime("c"), oneTime("d")], 1))).toMatch(/at most 3/);
  });
});

describe("offer form schema", () => {
  const base = { name: "Bundle", kind: "UPSELL", triggerMode: "any", offeredProductId: "a", discountBps: "10", headline: "Get all three" };
  it("keeps the chosen slots in order and drops empty ones", () => {
    const parsed = offerSchema.safeParse({ ...base, bundleProductIds: ["", "c"] });
    expect(parsed.success && parsed.data.bundleProductIds).toEqual(["c"]);
    expect(offerSchema.safeParse({ ...base, bundleProductIds: "b" }).data?.bundleProductIds).toEqual(["b"]);
  });
  it("refuses the offered product again, a product twice and more than two more", () => {
    const message = (bundleProductIds: string[]) => worded(offerSchema.safeParse({ ...base, bundleProductIds }).error?.issues.find((i) => i.path[0] === "bundleProductIds")?.message);
    expect(message(["a"])).toMatch(/not the offered product again/);
    expect(message(["b", "b"])).toMatch(/each once/);
    expect(message(["b", "c", "d"])).toMatch(/at most 3/);
    expect(message(["b", "c"])).toBeUndefined();
  });
});

describe("who is offered a bundle", () => {
  const product = (id: string, over: Partial<{ archived: boolean; currency: string; prices: { currency: string; amount: number }[] }> = {}) => ({ id, archived: false, currency: "USD", ...over });
  const bundleOffer = (over: Partial<OfferForRules> = {}): OfferForRules => ({
    id: "off_b", active: true, triggerProductIds: [], minOrderAmount: null, frequencyCap: null, offeredProductId: "a",
    product: product("a"), bundle: [product("b"), product("c")], targeting: null, startsAt: null, endsAt: null, ...over,
  });
  const history = (owned: string[] = []): CustomerHistory => ({
    ownedProductIds: new Set(owned), declinedOfferIds: new Set(), impressionsByOffer: new Map(), firstPaidAt: null, latestOrder: null, subscriptions: [],
  });
  const purchase = { productIds: ["course"], orderAmount: 4900, currency: "USD", country: "US", paidAt: new Date("2026-12-01T10:00:00Z") };

  it("is offered to a customer who owns none of its products", () => {
    expect(offerEligibility(bundleOffer(), purchase, history(["course"]))).toEqual({ eligible: true });
  });
  it("is not offered when they own all of them, or any one of them (named)", () => {
    expect(offerEligibility(bundleOffer(), purchase, history(["a", "b", "c"]))).toEqual({ eligible: false, reason: "already_owned", owned: "a" });
    expect(offerEligibility(bundleOffer(), purchase, history(["c"]))).toEqual({ eligible: false, reason: "already_owned", owned: "c" });
  });
  it("is offered in the order's currency only when every product has a price in it", () => {
    const eur = [{ currency: "EUR", amount: 1000 }];
    const inEur = { ...purchase, currency: "EUR" };
    expect(offerEligibility(bundleOffer({ product: product("a", { prices: eur }), bundle: [product("b", { prices: eur }), product("c", { prices: eur })] }), inEur, history()).eligible).toBe(true);
    expect(offerEligibility(bundleOffer({ product: product("a", { prices: eur }), bundle: [product("b", { prices: eur }), product("c")] }), inEur, history())).toEqual({ eligible: false, reason: "currency_mismatch" });
  });
  it("is not offered once one of its products is archived", () => {
    expect(offerEligibility(bundleOffer({ bundle: [product("b", { archived: true })] }), purchase, history())).toEqual({ eligible: false, reason: "archived_product" });
  });
  it("outside a funnel, needs every product in the offered product's currency", () => {
    expect(offerEligibility(bundleOffer({ bundle: [product("b", { currency: "EUR" })] }), null, history())).toEqual({ eligible: false, reason: "currency_mismatch" });
  });
});
