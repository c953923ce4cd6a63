import { describe, expect, it } from "vitest";
import { applyCredit, quotePlanChange, remainingFraction, roundMinor, type PriceLine } from "../../../sandbox/domain/proration";

const plan = (id: string, price: number, quantity = 1): PriceLine[] => [
  { type: "subscription", id, unit_price: price, quantity },
];
const half = remainingFraction("2026-01-01T00:00:00.000Z", "2026-01-31T00:00:00.000Z", "2026-01-16T00:00:00.000Z");

describe("remainingFraction", () => {
  it("is ½ on day 16 of a 30-day cycle and clamps outside the period", () => {
    expect(half).toBe(0.5);
    expect(remainingFraction("2026-01-01T00:00:00Z", "2026-01-31T00:00:00Z", "2025-12-01T00:00:00Z")).toBe(1);
    expect(remainingFraction("2026-01-01T00:00:00Z", "2026-01-31T00:00:00Z", "2026-03-01T00:00:00Z")).toBe(0);
  });
});

describe("quotePlanChange — Dodo's documented examples", () => {
  const upgrade = (mode: Parameters<typeof quotePlanChange>[0]["mode"]) =>
    quotePlanChange({ mode, oldLines: plan("basic", 3000), newLines: plan("pro", 8000), remaining: half, creditBalance: 0 });

  it("Basic $30 → Pro $80 half-way: $25 / $50 / $80", () => {
    expect(upgrade("prorated_immediately").total_amount).toBe(2500);
    expect(upgrade("difference_immediately").total_amount).toBe(5000);
    const full = upgrade("full_immediately");
    expect(full.total_amount).toBe(8000);
    expect(full.resets_cycle).toBe(true);
  });

  it("Pro $80 → Starter $20 half-way credits $30 (prorated) or $60 (difference)", () => {
    const prorated = quotePlanChange({ mode: "prorated_immediately", oldLines: plan("pro", 8000), newLines: plan("starter", 2000), remaining: half, creditBalance: 0 });
    expect(prorated).toMatchObject({ total_amount: 0, credit_added: 3000, customer_credits: 3000 });
    const difference = quotePlanChange({ mode: "difference_immediately", oldLines: plan("pro", 8000), newLines: plan("starter", 2000), remaining: half, creditBalance: 0 });
    expect(difference).toMatchObject({ total_amount: 0, credit_added: 6000, customer_credits: 6000 });
  });

  it("prorates addons with the same factor: Basic → Pro + 3 seats × $10 = $40", () => {
    const seats: PriceLine = { type: "addon", id: "seat", unit_price: 1000, quantity: 3 };
    const quote = quotePlanChange({ mode: "prorated_immediately", oldLines: plan("basic", 3000), newLines: [...plan("pro", 8000), seats], remaining: half, creditBalance: 0 });
    expect(quote.total_amount).toBe(4000);
  });

  it("do_not_bill charges and credits nothing", () => {
    expect(upgrade("do_not_bill")).toMatchObject({ total_amount: 0, credit_added: 0, customer_credits: 0, proration_factor: 0 });
  });

  it("spends existing credit on an upgrade first", () => {
    const quote = quotePlanChange({ mode: "difference_immediately", oldLines: plan("basic", 3000), newLines: plan("pro", 8000), remaining: half, creditBalance: 2000 });
    expect(quote).toMatchObject({ total_amount: 3000, credit_used: 2000, customer_credits: -2000 });
  });
});

describe("credits on renewals", () => {
  it("a $60 credit pays three $20 renewals, a $30 credit pays one and a half", () => {
    let balance = 6000;
    const charges: number[] = [];
    for (let i = 0; i < 4; i++) {
      const { charged, credit_used } = applyCredit(2000, balance);
      balance -= credit_used;
      charges.push(charged);
    }
    expect(charges).toEqual([0, 0, 0, 2000]);
    const first = applyCredit(2000, 3000);
    const second = applyCredit(2000, 3000 - first.credit_used);
    expect([first.charged, second.charged]).toEqual([0, 1000]);
  });

  it("rounds half away from zero", () => {
    expect(roundMinor(2.5)).toBe(3);
    expect(roundMinor(-2.5)).toBe(-3);
    expect(roundMinor(2.4999)).toBe(2);
  });
});
