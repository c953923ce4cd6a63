// Pure plan rules: direction by rank and interval, the policy → Dodo parameters, quote hashing
// and the credit replay (Dodo's documented $60 / $20 example).
import { describe, expect, it } from "vitest";
import { creditExplanation, remainingCredit, renewalsSince } from "@/lib/plans/credit";
import { classifyMove, priceDifferenceLabel, type LadderPlan } from "@/lib/plans/ladder";
import { quoteHash, type LockedQuote } from "@/lib/plans/locked-quote";
import { changePlanParams, termsFor, type LadderPolicy } from "@/lib/plans/terms";

const plan = (productId: string, rank: number, priceAmount: number, interval: LadderPlan["interval"] = "MONTH"): LadderPlan =>
  ({ productId, name: productId, rank, priceAmount, currency: "USD", interval, intervalCount: 1 });

const starter = plan("starter", 1, 2000);
const basic = plan("basic", 3, 3000);
const basicYearly = plan("basic_y", 4, 30000, "YEAR");
// A discounted higher tier: cheaper than Basic, still an upgrade because the merchant ranks it higher.
const proPromo = plan("pro_promo", 5, 2500);

const DEFAULTS: LadderPolicy = { upgradeProration: "DIFFERENCE_IMMEDIATELY", upgradeOnPaymentFailure: "PREVENT_CHANGE", downgradeTiming: "NEXT_BILLING_DATE", downgradeProration: "DIFFERENCE_IMMEDIATELY", allowIntervalChange: true };

describe("ladder", () => {
  it("takes the direction from the merchant's rank, not the price", () => {
    expect(classifyMove(basic, proPromo)).toEqual({ direction: "upgrade", intervalChange: "none" });
    expect(classifyMove(proPromo, starter)).toEqual({ direction: "downgrade", intervalChange: "none" });
    expect(classifyMove(basic, basicYearly)).toEqual({ direction: "upgrade", intervalChange: "longer" });
    expect(classifyMove(basicYearly, basic)).toEqual({ direction: "downgrade", intervalChange: "shorter" });
    expect(classifyMove(basic, basic)).toBeNull();
  });

  it("labels the recurring price difference, or the difference per month across monthly and yearly billing", () => {
    expect(priceDifferenceLabel(basic, plan("pro", 5, 8000))).toBe("+$50.00/month");
    expect(priceDifferenceLabel(basic, starter)).toBe("−$10.00/month");
    // Never the yearly price again (it is shown next to the name already).
    expect(priceDifferenceLabel(basic, basicYearly)).toBe("−$5.00/month on average");
    expect(priceDifferenceLabel(basicYearly, plan("pro", 5, 8000))).toBe("+$55.00/month on average");
    expect(priceDifferenceLabel(basic, plan("weekly", 2, 900, "WEEK"))).toBe("Billed every week");
  });
});

describe("policy → change-plan parameters", () => {
  it("upgrades with the merchant's mode and failure policy, immediately", () => {
    const terms = termsFor({ ...DEFAULTS, upgradeProration: "PRORATED_IMMEDIATELY", upgradeOnPaymentFailure: "APPLY_CHANGE" }, { direction: "upgrade", intervalChange: "none" });
    expect(terms.ok && changePlanParams(terms.terms, { productId: "pro", quantity: 2, addons: [] })).toEqual({
      product_id: "pro", quantity: 2, addons: [], proration_billing_mode: "prorated_immediately", effective_at: "immediately", on_payment_failure: "apply_change",
    });
  });

  it("schedules downgrades by default and credits them when the merchant says immediately", () => {
    const scheduled = termsFor(DEFAULTS, { direction: "downgrade", intervalChange: "none" });
    // Dodo takes next_billing_date only with full_immediately (422 INVALID_PRORATION_MODE_WITH_NEXT_BILLING_DATE otherwise).
    expect(scheduled).toEqual({ ok: true, terms: { prorationMode: "FULL_IMMEDIATELY", timing: "NEXT_BILLING_DATE", onPaymentFailure: "PREVENT_CHANGE" } });
    expect(scheduled.ok && changePlanParams(scheduled.terms, { productId: "starter", quantity: 1, addons: [] })).toMatchObject({ proration_billing_mode: "full_immediately", effective_at: "next_billing_date" });
    const now = termsFor({ ...DEFAULTS, downgradeTiming: "IMMEDIATELY", downgradeProration: "PRORATED_IMMEDIATELY" }, { direction: "downgrade", intervalChange: "none" });
    expect(now).toEqual({ ok: true, terms: { prorationMode: "PRORATED_IMMEDIATELY", timing: "IMMEDIATELY", onPaymentFailure: "PREVENT_CHANGE" } });
  });

  it("treats interval changes explicitly, and refuses them when not allowed", () => {
    expect(termsFor(DEFAULTS, { direction: "upgrade", intervalChange: "longer" })).toMatchObject({ ok: true, terms: { prorationMode: "FULL_IMMEDIATELY", timing: "IMMEDIATELY" } });
    expect(termsFor(DEFAULTS, { direction: "downgrade", intervalChange: "shorter" })).toMatchObject({ ok: true, terms: { prorationMode: "FULL_IMMEDIATELY", timing: "NEXT_BILLING_DATE" } });
    expect(termsFor({ ...DEFAULTS, allowIntervalChange: false }, { direction: "upgrade", intervalChange: "longer" })).toMatchObject({ ok: false, code: "interval_change_not_allowed" });
  });
});

describe("quote hash", () => {
  const quote: LockedQuote = {
    currency: "USD", totalAmount: 5000, tax: 0, customerCredits: 0,
    lines: [{ kind: "subscription", id: "pro", name: "Pro", quantity: 1, unitPrice: 8000, prorationFactor: 0.5000012, tax: 0 }],
    scheduled: false, effectiveAt: "2026-11-24T10:00:00.000Z",
    newPlan: { productId: "pro", recurringAmount: 8000, nextBillingDate: "2026-12-09T10:00:00.000Z", interval: "MONTH", intervalCount: 1 },
    selection: { productId: "pro", quantity: 1, addons: [] },
  };

  it("ignores what moves by itself between two identical previews", () => {
    const later = { ...quote, effectiveAt: "2026-11-24T10:00:07.000Z", lines: [{ ...quote.lines[0]!, prorationFactor: 0.4999 }] };
    expect(quoteHash(later)).toBe(quoteHash(quote));
  });

  it.each([
    ["the total", { totalAmount: 5001 }],
    ["the credits", { customerCredits: -100 }],
    ["the new recurring price", { newPlan: { ...quote.newPlan, recurringAmount: 9000 } }],
    ["the next billing date", { newPlan: { ...quote.newPlan, nextBillingDate: "2027-01-09T10:00:00.000Z" } }],
    ["a line's price", { lines: [{ ...quote.lines[0]!, unitPrice: 9000 }] }],
  ])("changes with %s", (_what, change) => {
    expect(quoteHash({ ...quote, ...change })).not.toBe(quoteHash(quote));
  });
});

describe("downgrade credit", () => {
  const changedAt = new Date("2026-01-16T00:00:00Z");
  const cycle = { interval: "MONTH" as const, intervalCount: 1 };

  it("replays Dodo's example: $60 credit on a $20 plan lasts three renewals", () => {
    const events = [{ at: changedAt, credits: 6000, recurringAfter: 2000 }];
    const left = (periodStart: string) => remainingCredit(events, renewalsSince(changedAt, new Date(periodStart), cycle), 2000);
    expect(left("2026-01-01T00:00:00Z")).toBe(6000); // no renewal since the change
    expect(left("2026-02-01T00:00:00Z")).toBe(4000);
    expect(left("2026-03-01T00:00:00Z")).toBe(2000);
    expect(left("2026-04-01T00:00:00Z")).toBe(0);
  });

  it("is spent first by a later upgrade", () => {
    const events = [
      { at: changedAt, credits: 3000, recurringAfter: 2000 },
      { at: new Date("2026-01-20T00:00:00Z"), credits: -3000, recurringAfter: 8000 },
    ];
    expect(remainingCredit(events, [], 8000)).toBe(0);
  });

  it("explains itself", () => {
    expect(creditExplanation(6000, 2000, "USD")).toBe("$60.00 credit, applied to your next renewals: your next 3 renewals are free.");
    expect(creditExplanation(3000, 2000, "USD")).toBe("$30.00 credit, applied to your next renewals: your next renewal is free, and $10.00 goes towards the one after.");
    expect(creditExplanation(1000, 2000, "USD")).toBe("$10.00 credit, applied to your next renewals: your next renewal costs $10.00 instead of $20.00.");
    expect(creditExplanation(0, 2000, "USD")).toBeNull();
  });
});
