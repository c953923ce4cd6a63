import { describe, expect, it } from "vitest";
import { offerEligibility, type CustomerHistory, type OfferForRules } from "@/lib/offers/rules";
import { describeCondition, readTargeting, type Condition, type Targeting } from "@/lib/offers/targeting";
import { targetingFormValues, targetingFromForm } from "@/lib/offers/targeting-form";
import { offerSchema } from "@/lib/offers/offer-schema";

const paidAt = new Date("2026-12-01T10:00:00Z");
const offer = (targeting: Targeting | null, over: Partial<OfferForRules> = {}): OfferForRules => ({
  id: "off_1", active: true, triggerProductIds: [], minOrderAmount: null, frequencyCap: null, offeredProductId: "pdt_up",
  product: { archived: false, currency: "USD" }, targeting, startsAt: null, endsAt: null, ...over,
});
const history = (over: Partial<CustomerHistory> = {}): CustomerHistory => ({
  ownedProductIds: new Set(), declinedOfferIds: new Set(), impressionsByOffer: new Map(), firstPaidAt: paidAt, latestOrder: null, subscriptions: [], ...over,
});
const purchase: { productIds: string[]; orderAmount: number; currency: string; country: string | null; paidAt: Date } = { productIds: ["pdt_course"], orderAmount: 4900, currency: "USD", country: "DE", paidAt };
const only = (c: Condition): Targeting => ({ match: "all", conditions: [c] });
const shows = (t: Targeting | null, h = history(), p: typeof purchase | null = purchase) => offerEligibility(offer(t), p, h).eligible;

describe("offer targeting", () => {
  it("tells new from returning customers by their first paid order", () => {
    const returning = only({ kind: "customer", is: "returning" });
    const fresh = only({ kind: "customer", is: "new" });
    expect(shows(fresh)).toBe(true); // this purchase is their first
    expect(shows(returning)).toBe(false);
    const before = history({ firstPaidAt: new Date(paidAt.getTime() - 86_400_000) });
    expect(shows(returning, before)).toBe(true);
    expect(shows(fresh, before)).toBe(false);
    // Outside a funnel, the latest paid order is the one in question.
    const account = history({ firstPaidAt: new Date("2026-01-01"), latestOrder: { amount: 100, currency: "USD", country: "US", paidAt } });
    expect(shows(returning, account, null)).toBe(true);
    expect(shows(fresh, history({ firstPaidAt: null }), null)).toBe(true);
  });

  it("matches billing country in or not in a list; an unknown country is in none", () => {
    expect(shows(only({ kind: "country", op: "in", countries: ["DE", "FR"] }))).toBe(true);
    expect(shows(only({ kind: "country", op: "in", countries: ["US"] }))).toBe(false);
    expect(shows(only({ kind: "country", op: "not_in", countries: ["DE"] }))).toBe(false);
    expect(shows(only({ kind: "country", op: "in", countries: ["DE"] }), history(), { ...purchase, country: null })).toBe(false);
    expect(shows(only({ kind: "country", op: "not_in", countries: ["DE"] }), history(), { ...purchase, country: null })).toBe(true);
  });

  it("matches the order's currency and value range, never across currencies", () => {
    expect(shows(only({ kind: "currency", currencies: ["USD", "EUR"] }))).toBe(true);
    expect(shows(only({ kind: "currency", currencies: ["EUR"] }))).toBe(false);
    expect(shows(only({ kind: "order_value", currency: "USD", min: 4900, max: 4900 }))).toBe(true);
    expect(shows(only({ kind: "order_value", currency: "USD", min: 5000, max: null }))).toBe(false);
    expect(shows(only({ kind: "order_value", currency: "USD", min: null, max: 4899 }))).toBe(false);
    expect(shows(only({ kind: "order_value", currency: "EUR", min: 0, max: null }))).toBe(false);
    // No order at all (an account page visitor who never paid): value and currency conditions fail.
    expect(shows(only({ kind: "currency", currencies: ["USD"] }), history(), null)).toBe(false);
  });

  it("matches owning or not owning products, and subscription status and plan", () => {
    const owner = history({ ownedProductIds: new Set(["pdt_a"]) });
    expect(shows(only({ kind: "owns", productIds: ["pdt_a", "pdt_b"] }), owner)).toBe(true);
    expect(shows(only({ kind: "owns", productIds: ["pdt_b"] }), owner)).toBe(false);
    expect(shows(only({ kind: "not_owns", productIds: ["pdt_a"] }), owner)).toBe(false);
    expect(shows(only({ kind: "not_owns", productIds: ["pdt_b"] }), owner)).toBe(true);
    const subscriber = history({ subscriptions: [{ productId: "pdt_basic", status: "PAUSED" }] });
    expect(shows(only({ kind: "subscription", statuses: ["PAUSED"], planIds: [] }), subscriber)).toBe(true);
    expect(shows(only({ kind: "subscription", statuses: ["ACTIVE"], planIds: [] }), subscriber)).toBe(false);
    expect(shows(only({ kind: "subscription", statuses: [], planIds: ["pdt_basic"] }), subscriber)).toBe(true);
    expect(shows(only({ kind: "subscription", statuses: ["PAUSED"], planIds: ["pdt_pro"] }), subscriber)).toBe(false);
    expect(shows(only({ kind: "subscription", statuses: [], planIds: [] }), history())).toBe(false);
  });

  it("combines conditions with AND or OR and reports the unmet ones", () => {
    const conditions: Condition[] = [{ kind: "country", op: "in", countries: ["DE"] }, { kind: "customer", is: "returning" }];
    const all = offerEligibility(offer({ match: "all", conditions }), purchase, history());
    expect(all).toEqual({ eligible: false, reason: "not_targeted", unmet: [conditions[1]] });
    expect(offerEligibility(offer({ match: "any", conditions }), purchase, history())).toEqual({ eligible: true });
    const neither: Condition[] = [{ kind: "country", op: "in", countries: ["US"] }, conditions[1]!];
    expect(offerEligibility(offer({ match: "any", conditions: neither }), purchase, history())).toEqual({ eligible: false, reason: "not_targeted", unmet: neither });
  });

  it("runs between its start (inclusive) and end (exclusive) dates", () => {
    const startsAt = new Date("2026-12-10T00:00:00Z");
    const endsAt = new Date("2026-12-20T00:00:00Z");
    const o = offer(null, { startsAt, endsAt });
    expect(offerEligibility(o, purchase, history(), new Date("2026-12-09T23:59:59Z"))).toEqual({ eligible: false, reason: "not_started" });
    expect(offerEligibility(o, purchase, history(), startsAt).eligible).toBe(true);
    expect(offerEligibility(o, purchase, history(), endsAt)).toEqual({ eligible: false, reason: "ended" });
  });

  it("targets nobody when stored targeting no longer reads", () => {
    expect(readTargeting({ match: "all", conditions: [{ kind: "moon_phase" }] })).toBe("unreadable");
    expect(offerEligibility(offer({ match: "all", conditions: [{ kind: "moon_phase" }] } as unknown as Targeting), purchase, history())).toMatchObject({ eligible: false, reason: "not_targeted" });
  });

  it("describes each condition in words", () => {
    const names = { product: (id: string) => (id === "pdt_a" ? "Course" : id), amount: (minor: number, c: string) => `${c} ${minor / 100}` };
    expect(describeCondition({ kind: "order_value", currency: "USD", min: 1000, max: 5000 }, names)).toBe("order value between USD 10 and USD 50");
    expect(describeCondition({ kind: "not_owns", productIds: ["pdt_a"] }, names)).toBe("doesn't own Course");
    expect(describeCondition({ kind: "subscription", statuses: ["ACTIVE", "PAUSED"], planIds: [] }, names)).toBe("has a subscription (active or paused)");
  });
});

describe("the offer form's targeting fields", () => {
  const base = { name: "n", kind: "UPSELL", triggerMode: "any", offeredProductId: "pdt_up", discountBps: "0", headline: "h" };

  it("turns the form into stored conditions and back", () => {
    const parsed = offerSchema.parse({
      ...base, targetMatch: "any", tCustomer: "returning", tCountryMode: "not_in", tCountries: "us, de", tCurrencies: "usd",
      tOrderMin: "10", tOrderMax: "99.50", tOwns: "pdt_a", tNotOwns: ["pdt_b"], tSubStatuses: ["ACTIVE"], tSubPlans: [],
      startsAt: "2026-12-10T09:00", endsAt: "",
    });
    expect(parsed.startsAt).toEqual(new Date("2026-12-10T09:00:00Z"));
    expect(parsed.endsAt).toBeNull();
    const stored = targetingFromForm(parsed, "USD");
    expect(stored).toEqual({
      ok: true,
      targeting: {
        match: "any",
        conditions: [
          { kind: "customer", is: "returning" },
          { kind: "country", op: "not_in", countries: ["US", "DE"] },
          { kind: "currency", currencies: ["USD"] },
          { kind: "order_value", currency: "USD", min: 1000, max: 9950 },
          { kind: "owns", productIds: ["pdt_a"] },
          { kind: "not_owns", productIds: ["pdt_b"] },
          { kind: "subscription", statuses: ["ACTIVE"], planIds: [] },
        ],
      },
    });
    if (!stored.ok || !stored.targeting) throw new Error("expected targeting");
    expect(targetingFormValues(stored.targeting, parsed.startsAt, null)).toMatchObject({ targetMatch: "any", tCountries: "US, DE", tOrderMin: "10.00", tOrderMax: "99.50", startsAt: "2026-12-10T09:00", endsAt: "" });
  });

  it("stores no targeting when nothing is set, and refuses bad codes, ranges and dates", () => {
    const empty = offerSchema.parse(base);
    expect(targetingFromForm(empty, "USD")).toEqual({ ok: true, targeting: null });
    const bad = offerSchema.safeParse({ ...base, tCountries: "Germany", tOrderMin: "50", tOrderMax: "10", startsAt: "2026-12-10T09:00", endsAt: "2026-12-01T09:00" });
    expect(bad.success).toBe(false);
    const paths = bad.error!.issues.map((i) => i.path.join("."));
    expect(paths).toEqual(expect.arrayContaining(["tCountries", "tOrderMax", "endsAt"]));
    expect(targetingFromForm(offerSchema.parse({ ...base, tOrderMin: "1.5" }), "JPY")).toMatchObject({ ok: false, field: "tOrderMin" });
  });
});
