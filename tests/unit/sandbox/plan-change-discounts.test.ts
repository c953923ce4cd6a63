// change-plan and its preview with `discount_codes`, through the SDK (SDK SubscriptionChangePlanParams;
// docs changelog v1.99.0 for stacking and preservation; error codes from the error-code reference).
import type DodoPayments from "dodopayments";
import { describe, expect, it } from "vitest";
import { SEED_PRODUCTS, SEED_SUBSCRIPTIONS } from "../../../sandbox/seed";
import { apiError, moveIntoPeriod, useSandbox } from "./helpers";

const t = useSandbox();
const DEMO = SEED_SUBSCRIPTIONS.demo_basic; // Basic $30/month

async function code(body: Partial<DodoPayments.DiscountCreateParams> = {}) {
  return t.client.discounts.create({ type: "percentage", amount: 5000, ...body });
}

const body = (extra: Partial<DodoPayments.SubscriptionChangePlanParams> = {}): DodoPayments.SubscriptionChangePlanParams => ({
  product_id: SEED_PRODUCTS.pro_monthly,
  quantity: 1,
  proration_billing_mode: "difference_immediately",
  ...extra,
});

async function renewalCharge(subscriptionId: string): Promise<number> {
  const sub = await t.client.subscriptions.retrieve(subscriptionId);
  await t.control("POST", "/_sandbox/clock", { set: sub.next_billing_date });
  const payments = await t.client.payments.list({ page_number: 0, subscription_id: subscriptionId });
  return payments.items[0]!.total_amount;
}

describe("change-plan with discount_codes", () => {
  it("previews and charges the discounted new plan, and the subscription carries the discount", async () => {
    const discount = await code({ restricted_to: [SEED_PRODUCTS.pro_monthly], subscription_cycles: 2 });
    // Pro $80 at 50% off = $40; difference from Basic $30 → $10 now.
    const preview = await t.client.subscriptions.previewChangePlan(DEMO, body({ discount_codes: [discount.code] }));
    expect(preview.immediate_charge.summary.total_amount).toBe(1000);
    expect(preview.new_plan.discounts).toMatchObject([{ discount_id: discount.discount_id, cycles_remaining: 2, position: 0 }]);
    const result = await t.client.subscriptions.changePlan(DEMO, body({ discount_codes: [discount.code] }));
    await t.control("POST", "/_sandbox/settle");
    const payment = await t.client.payments.retrieve(result.payment_id!);
    expect(payment.total_amount).toBe(1000);
    expect(payment.discounts?.map((d) => d.discount_id)).toEqual([discount.discount_id]);
    const sub = await t.client.subscriptions.retrieve(DEMO);
    expect(sub).toMatchObject({ product_id: SEED_PRODUCTS.pro_monthly, discount_id: discount.discount_id, discount_cycles_remaining: 2 });
    expect(sub.discounts).toMatchObject([{ discount_id: discount.discount_id, cycles_remaining: 2, subscription_cycles: 2 }]);
    const listed = await t.client.subscriptions.list({ page_number: 0, customer_id: sub.customer.customer_id });
    expect(listed.items.find((s) => s.subscription_id === DEMO)?.discounts).toEqual([{ discount_id: discount.discount_id, discount_cycles_remaining: 2 }]);
  });

  it("discounts the next renewals for the code's cycles, then bills the full price", async () => {
    const discount = await code({ amount: 2500, subscription_cycles: 2 });
    await t.client.subscriptions.changePlan(DEMO, body({ discount_codes: [discount.code] }));
    await t.control("POST", "/_sandbox/settle");
    expect(await renewalCharge(DEMO)).toBe(6000); // $80 − 25%
    expect((await t.client.subscriptions.retrieve(DEMO)).discounts).toMatchObject([{ cycles_remaining: 1 }]);
    expect(await renewalCharge(DEMO)).toBe(6000);
    expect((await t.client.subscriptions.retrieve(DEMO)).discounts ?? []).toEqual([]);
    expect(await renewalCharge(DEMO)).toBe(8000);
  });

  it("prorates on the discounted price (half-way, prorated: $40·½ − $30·½ = $5)", async () => {
    const discount = await code();
    await moveIntoPeriod(t, DEMO, 0.5);
    const preview = await t.client.subscriptions.previewChangePlan(DEMO, body({ proration_billing_mode: "prorated_immediately", discount_codes: [discount.code] }));
    expect(preview.immediate_charge.summary.total_amount).toBe(500);
  });

  it("stacks codes in array order, each on what the previous left", async () => {
    const a = await code({ amount: 5000 });
    const b = await code({ amount: 5000 });
    const preview = await t.client.subscriptions.previewChangePlan(DEMO, body({ discount_codes: [a.code, b.code] }));
    // $80 → $40 → $20; difference from $30 is a $10 credit, nothing charged.
    expect(preview.immediate_charge.summary).toMatchObject({ total_amount: 0, customer_credits: 1000 });
    expect(preview.new_plan.discounts?.map((d) => [d.discount_id, d.position])).toEqual([[a.discount_id, 0], [b.discount_id, 1]]);
  });

  it("refuses codes with Dodo's codes: unknown, expired, other product, both fields", async () => {
    const expired = await code({ expires_at: new Date(Date.now() - 86_400_000).toISOString() });
    const elsewhere = await code({ restricted_to: [SEED_PRODUCTS.starter_monthly] });
    for (const [codes, expected] of [
      [["NOPE-NOT-A-CODE"], "INVALID_DISCOUNT_CODE"],
      [[expired.code], "DISCOUNT_CODE_EXPIRED"],
      [[elsewhere.code], "DISCOUNT_NOT_AVAILABLE_FOR_PRODUCT"],
    ] as const) {
      const previewError = await apiError(t.client.subscriptions.previewChangePlan(DEMO, body({ discount_codes: [...codes] })));
      const changeError = await apiError(t.client.subscriptions.changePlan(DEMO, body({ discount_codes: [...codes] })));
      for (const error of [previewError, changeError]) {
        expect(error?.status).toBe(422);
        expect((error?.error as { code?: string }).code).toBe(expected);
      }
    }
    const both = await apiError(t.client.subscriptions.changePlan(DEMO, body({ discount_codes: [elsewhere.code], discount_code: elsewhere.code })));
    expect((both?.error as { code?: string }).code).toBe("INVALID_REQUEST_BODY");
    expect((await t.client.subscriptions.retrieve(DEMO)).product_id).toBe(SEED_PRODUCTS.basic_monthly);
  });

  it("omitted keeps only preserve_on_plan_change discounts that apply to the new product; [] removes them", async () => {
    const kept = await code({ amount: 1000, preserve_on_plan_change: true });
    const dropped = await code({ amount: 1000 });
    await t.client.subscriptions.changePlan(DEMO, body({ discount_codes: [kept.code, dropped.code] }));
    await t.control("POST", "/_sandbox/settle");
    await t.client.subscriptions.changePlan(DEMO, body({ product_id: SEED_PRODUCTS.starter_monthly }));
    await t.control("POST", "/_sandbox/settle");
    expect((await t.client.subscriptions.retrieve(DEMO)).discounts?.map((d) => d.discount_id)).toEqual([kept.discount_id]);
    await t.client.subscriptions.changePlan(DEMO, body({ product_id: SEED_PRODUCTS.pro_monthly, discount_codes: [] }));
    await t.control("POST", "/_sandbox/settle");
    expect((await t.client.subscriptions.retrieve(DEMO)).discounts ?? []).toEqual([]);
  });

  it("a discount-only change of the current plan is refused by default and applied with the switch (UNCONFIRMED)", async () => {
    const discount = await code({ amount: 2000, subscription_cycles: 1 });
    const same = body({ product_id: SEED_PRODUCTS.basic_monthly, proration_billing_mode: "prorated_immediately", discount_codes: [discount.code] });
    const refused = await apiError(t.client.subscriptions.previewChangePlan(DEMO, same));
    expect([refused?.status, (refused?.error as { code?: string }).code]).toEqual([422, "INVALID_REQUEST_BODY"]);
    await t.control("POST", "/_sandbox/settings", { same_plan_discount_change: "accept" });
    await moveIntoPeriod(t, DEMO, 0.5);
    const preview = await t.client.subscriptions.previewChangePlan(DEMO, same);
    // $24·½ − $30·½: a $3 credit, nothing charged.
    expect(preview.immediate_charge.summary).toMatchObject({ total_amount: 0, customer_credits: 300 });
    await t.client.subscriptions.changePlan(DEMO, same);
    expect((await t.client.subscriptions.retrieve(DEMO)).discounts).toMatchObject([{ discount_id: discount.discount_id, cycles_remaining: 1 }]);
  });

  it("with plan_change_discount_uses_cycle the change's own charge counts as one cycle", async () => {
    await t.control("POST", "/_sandbox/settings", { plan_change_discount_uses_cycle: true });
    const discount = await code({ subscription_cycles: 2 });
    const preview = await t.client.subscriptions.previewChangePlan(DEMO, body({ discount_codes: [discount.code] }));
    expect(preview.new_plan.discounts).toMatchObject([{ cycles_remaining: 1 }]);
  });
});
