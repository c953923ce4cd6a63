import { describe, expect, it } from "vitest";
import { assessPaymentMethod, chooseOneClickMethod, isCardExpired, type PaymentMethodItem } from "@/lib/payment-methods/eligibility";

const now = new Date("2026-06-15T12:00:00Z");
const card = (over: Partial<PaymentMethodItem> = {}, cardOver: Partial<NonNullable<PaymentMethodItem["card"]>> = {}): PaymentMethodItem => ({
  payment_method_id: "pm_1", payment_method: "card", recurring_enabled: true, last_used_at: "2026-06-01T00:00:00Z",
  card: { card_network: "visa", last4_digits: "4242", expiry_month: "12", expiry_year: "2034", ...cardOver }, ...over,
});
const ctx = { now, currency: "USD", knownCurrencies: [] as string[] };

describe("assessPaymentMethod", () => {
  it("accepts a valid off-session card and describes it", () => {
    expect(assessPaymentMethod(card(), ctx)).toEqual({ eligible: true, card: { paymentMethodId: "pm_1", brand: "Visa", last4: "4242" } });
  });
  it("refuses expired cards, non-cards and methods not chargeable off-session", () => {
    expect(assessPaymentMethod(card({}, { expiry_month: "05", expiry_year: "2026" }), ctx)).toEqual({ eligible: false, reason: "expired" });
    expect(assessPaymentMethod(card({ payment_method: "upi", card: null }), ctx)).toEqual({ eligible: false, reason: "not_a_card" });
    expect(assessPaymentMethod(card({ recurring_enabled: false }), ctx)).toEqual({ eligible: false, reason: "off_session_disabled" });
  });
  it("refuses a card only ever charged in another currency", () => {
    expect(assessPaymentMethod(card(), { ...ctx, knownCurrencies: ["EUR"] })).toEqual({ eligible: false, reason: "currency_mismatch" });
    expect(assessPaymentMethod(card(), { ...ctx, knownCurrencies: ["EUR", "USD"] }).eligible).toBe(true);
  });
});

describe("isCardExpired", () => {
  it("keeps a card valid through its expiry month", () => {
    expect(isCardExpired("06", "2026", now)).toBe(false);
    expect(isCardExpired("06", "26", now)).toBe(false);
    expect(isCardExpired("05", "2026", now)).toBe(true);
    expect(isCardExpired(null, "2030", now)).toBe(true);
  });
});

describe("chooseOneClickMethod", () => {
  const items = [card({ payment_method_id: "pm_old", last_used_at: "2026-01-01T00:00:00Z" }), card({ payment_method_id: "pm_new", last_used_at: "2026-06-01T00:00:00Z" })];
  it("prefers the card just used, else the most recently used eligible one", () => {
    expect(chooseOneClickMethod(items, { now, currency: "USD", preferredMethodId: "pm_old", knownCurrencies: () => [] })?.paymentMethodId).toBe("pm_old");
    expect(chooseOneClickMethod(items, { now, currency: "USD", preferredMethodId: null, knownCurrencies: () => [] })?.paymentMethodId).toBe("pm_new");
  });
  it("returns null when nothing is eligible", () => {
    expect(chooseOneClickMethod(items, { now, currency: "USD", preferredMethodId: null, knownCurrencies: () => ["EUR"] })).toBeNull();
  });
});
