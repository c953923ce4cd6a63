// What the preview says about a discounted plan, from Dodo's new_plan.discounts. Pure.
import { describe, expect, it } from "vitest";
import { quoteHash, type LockedQuote } from "@/lib/plans/locked-quote";
import { discountSummary } from "@/lib/plans/quote-view";

const plan = { recurringAmount: 3000, currency: "USD", interval: "MONTH" as const, intervalCount: 1 };
const pct = (amount: number, cyclesRemaining: number | null) => ({ discountId: `dsc_${amount}`, type: "percentage" as const, amount, cyclesRemaining });

describe("discountSummary", () => {
  it("says the price per period, for how many renewals, and the price after", () => {
    expect(discountSummary([pct(5000, 2)], plan)).toBe("50% off for 2 billing periods: you pay $15.00/month for your next 2 renewals, then $30.00/month.");
    expect(discountSummary([pct(2000, 1)], plan)).toBe("20% off for 1 billing period: you pay $24.00/month for your next renewal, then $30.00/month.");
  });
  it("stacks codes in order, each on what the previous left (rounded half up), and a code without cycles lasts", () => {
    expect(discountSummary([pct(5000, 3), pct(1000, 3)], plan)).toBe("55% off for 3 billing periods: you pay $13.50/month for your next 3 renewals, then $30.00/month.");
    expect(discountSummary([pct(1250, null)], { ...plan, recurringAmount: 999 })).toBe("13% off: you pay $8.74/month from your next renewal on, instead of $9.99/month.");
  });
  it("says nothing without discounts, and gives no figure for a flat code", () => {
    expect(discountSummary([], plan)).toBeNull();
    expect(discountSummary([{ discountId: "dsc_f", type: "flat", amount: 500, cyclesRemaining: 1 }], plan)).toMatch(/^Your plan carries a discount code/);
  });
});

describe("quoteHash", () => {
  const base: LockedQuote = {
    currency: "USD", totalAmount: 0, tax: null, customerCredits: 0, lines: [], scheduled: false, effectiveAt: "2031-01-01T00:00:00Z",
    newPlan: { productId: "pdt_a", recurringAmount: 3000, nextBillingDate: "2031-02-01T00:00:00Z", interval: "MONTH", intervalCount: 1 },
    selection: { productId: "pdt_a", quantity: 1, addons: [] },
  };
  it("changes when the discount's terms change, and stays as it was for a quote without discounts", () => {
    expect(quoteHash({ ...base, discounts: [] })).toBe(quoteHash(base));
    expect(quoteHash({ ...base, discounts: [pct(5000, 2)] })).not.toBe(quoteHash({ ...base, discounts: [pct(5000, 1)] }));
  });
});
