import { describe, expect, it } from "vitest";
import { conditionLines, momentConditions, momentTargetSchema, parseConditionLines, momentFromCreditBalanceLow, momentName, momentProperties, offerTargetsMoment, targetMatches } from "@/lib/offers/moment-targeting";

const milestone = { name: "usage_milestone", properties: { feature: "reports", used: 3, limit: 5 } };

describe("targetMatches", () => {
  it("needs the same moment name", () => {
    expect(targetMatches({ name: "usage_milestone", conditions: {} }, milestone)).toBe(true);
    expect(targetMatches({ name: "plan_limit_near", conditions: {} }, milestone)).toBe(false);
  });
  it("compares plain values for equality, with their type", () => {
    expect(targetMatches({ name: "usage_milestone", conditions: { feature: "reports" } }, milestone)).toBe(true);
    expect(targetMatches({ name: "usage_milestone", conditions: { feature: "exports" } }, milestone)).toBe(false);
    expect(targetMatches({ name: "usage_milestone", conditions: { used: "3" } }, milestone)).toBe(false);
  });
  it("compares numbers with gte, gt, lte and lt", () => {
    const at = (conditions: Record<string, unknown>) => targetMatches({ name: "usage_milestone", conditions: momentConditions.parse(conditions) }, milestone);
    expect(at({ used: { gte: 3 } })).toBe(true);
    expect(at({ used: { gt: 3 } })).toBe(false);
    expect(at({ used: { lte: 3, gte: 1 } })).toBe(true);
    expect(at({ used: { lt: 3 } })).toBe(false);
    expect(at({ feature: { gte: 1 } })).toBe(false);
  });
  it("a condition on a property the moment lacks does not hold", () => {
    expect(targetMatches({ name: "usage_milestone", conditions: { plan: "basic" } }, milestone)).toBe(false);
    expect(targetMatches({ name: "usage_milestone", conditions: { toString: { gte: 0 } } }, milestone)).toBe(false);
  });
});

describe("offerTargetsMoment", () => {
  it("matches when any target matches, and never on unreadable stored conditions", () => {
    expect(offerTargetsMoment([{ name: "plan_limit_near", conditions: {} }, { name: "usage_milestone", conditions: { feature: "reports" } }], milestone)).toBe(true);
    expect(offerTargetsMoment([{ name: "usage_milestone", conditions: { used: { between: [1, 5] } } }], milestone)).toBe(false);
    expect(offerTargetsMoment([{ name: "usage_milestone", conditions: "nonsense" }], milestone)).toBe(false);
    expect(offerTargetsMoment([], milestone)).toBe(false);
  });
});

describe("reported input", () => {
  it("takes lower-case names and a few flat properties", () => {
    expect(momentName.safeParse("onboarding_completed").success).toBe(true);
    expect(momentName.safeParse("Trial Ended").success).toBe(false);
    expect(momentProperties.safeParse({ feature: "reports", used: 3, pro: false }).success).toBe(true);
    expect(momentProperties.safeParse({ nested: { a: 1 } }).success).toBe(false);
    expect(momentProperties.safeParse(Object.fromEntries(Array.from({ length: 21 }, (_, i) => [`k${i}`, i]))).success).toBe(false);
  });
});

describe("momentFromCreditBalanceLow", () => {
  const payload = {
    payload_type: "CreditBalanceLow", customer_id: "cus_1", credit_entitlement_id: "cde_1", credit_entitlement_name: "API credits",
    available_balance: "10", subscription_credits_amount: "100", threshold_amount: "20", threshold_percent: 20, subscription_id: "sub_1",
  };
  it("is plan_limit_near with the entitlement as the feature and usage in its units", () => {
    expect(momentFromCreditBalanceLow(payload)).toEqual({
      name: "plan_limit_near",
      properties: { source: "credit.balance_low", credit_entitlement_id: "cde_1", feature: "API credits", available: 10, limit: 100, used: 90, threshold_percent: 20, subscription_id: "sub_1" },
    });
  });
  it("is nothing without the entitlement or a readable balance", () => {
    expect(momentFromCreditBalanceLow({ ...payload, credit_entitlement_id: undefined })).toBeNull();
    expect(momentFromCreditBalanceLow({ ...payload, available_balance: "lots" })).toBeNull();
  });
});

describe("the console's condition lines", () => {
  it("reads equality and number comparisons, one per line", () => {
    expect(parseConditionLines("feature = reports\nused >= 3\nused < 10\n\npro = false\nseats = 2\ncode = \"42\"")).toEqual({
      ok: true, conditions: { feature: "reports", used: { gte: 3, lt: 10 }, pro: false, seats: 2, code: "42" },
    });
  });
  it("says which line it cannot read", () => {
    expect(parseConditionLines("feature = reports\nused about 3")).toEqual({ ok: false, message: expect.stringContaining("Line 2") });
    expect(parseConditionLines("used >= many")).toEqual({ ok: false, message: expect.stringContaining("compares numbers") });
  });
  it("writes stored conditions back as the same lines", () => {
    const text = "code = \"42\"\nfeature = reports\nused >= 3\nused < 10";
    const parsed = parseConditionLines(text);
    expect(parsed.ok && conditionLines(parsed.conditions)).toEqual(text.split("\n"));
  });
  it("is the form's schema, name checked too", () => {
    expect(momentTargetSchema.safeParse({ name: "usage_milestone", conditions: "used >= 3" }).data).toEqual({ name: "usage_milestone", conditions: { used: { gte: 3 } } });
    expect(momentTargetSchema.safeParse({ name: "Usage!", conditions: "" }).success).toBe(false);
    expect(momentTargetSchema.safeParse({ name: "usage_milestone", conditions: "used >> 3" }).success).toBe(false);
  });
});
