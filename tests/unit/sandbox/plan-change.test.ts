import DodoPayments from "dodopayments";
import { describe, expect, it } from "vitest";
import { SEED_ADDONS, SEED_PRODUCTS, SEED_SUBSCRIPTIONS } from "../../../sandbox/seed";
import { apiError, moveIntoPeriod, useSandbox } from "./helpers";

const t = useSandbox();

type Mode = "prorated_immediately" | "difference_immediately" | "full_immediately" | "do_not_bill";
const DEMO = SEED_SUBSCRIPTIONS.demo_basic;
const FAILING = SEED_SUBSCRIPTIONS.failing_starter;

/** Previews then performs a change, checks both agree, settles, and returns what was charged. */
async function change(subscriptionId: string, productId: string, mode: Mode, extra: Partial<DodoPayments.SubscriptionChangePlanParams> = {}) {
  const body = { product_id: productId, quantity: 1, proration_billing_mode: mode, ...extra };
  const preview = await t.client.subscriptions.previewChangePlan(subscriptionId, body);
  const result = await t.client.subscriptions.changePlan(subscriptionId, body);
  await t.control("POST", "/_sandbox/settle");
  const charged = result.payment_id ? (await t.client.payments.retrieve(result.payment_id)).total_amount : 0;
  expect(charged).toBe(preview.immediate_charge.summary.total_amount);
  return { preview, result, charged, credits: preview.immediate_charge.summary.customer_credits };
}

/** Renews once by moving the clock to the subscription's next billing date; returns the renewal charge. */
async function renew(subscriptionId: string): Promise<number> {
  const sub = await t.client.subscriptions.retrieve(subscriptionId);
  await t.control("POST", "/_sandbox/clock", { set: sub.next_billing_date });
  const payments = await t.client.payments.list({ page_number: 0, subscription_id: subscriptionId });
  const newest = payments.items[0];
  // A renewal fully paid by credit records no payment.
  return newest && Date.parse(newest.created_at) >= Date.parse(sub.next_billing_date) ? newest.total_amount : 0;
}

describe("Dodo's documented examples, half-way through the cycle", () => {
  it.each([
    ["prorated_immediately", 2500],
    ["difference_immediately", 5000],
    ["full_immediately", 8000],
  ] as const)("Basic $30 → Pro $80 with %s charges %i", async (mode, expected) => {
    await moveIntoPeriod(t, DEMO, 0.5);
    const before = await t.client.subscriptions.retrieve(DEMO);
    const { charged, result } = await change(DEMO, SEED_PRODUCTS.pro_monthly, mode);
    expect(charged).toBe(expected);
    const after = await t.client.subscriptions.retrieve(DEMO);
    expect(after).toMatchObject({ product_id: SEED_PRODUCTS.pro_monthly, recurring_pre_tax_amount: 8000, status: "active" });
    expect((await t.client.payments.retrieve(result.payment_id!)).subscription_id).toBe(DEMO);
    if (mode === "full_immediately") {
      // The cycle restarts at the change: half a period later than it began.
      expect(Date.parse(after.previous_billing_date)).toBeGreaterThan(Date.parse(before.previous_billing_date));
      expect(Date.parse(after.next_billing_date)).toBeGreaterThan(Date.parse(before.next_billing_date));
    } else {
      expect(after.next_billing_date).toBe(before.next_billing_date);
    }
  });

  it("Pro $80 → Starter $20 credits $30 (prorated), consumed by the next renewals", async () => {
    await moveIntoPeriod(t, DEMO, 0.5);
    await change(DEMO, SEED_PRODUCTS.pro_monthly, "do_not_bill");
    const { charged, credits, result } = await change(DEMO, SEED_PRODUCTS.starter_monthly, "prorated_immediately");
    expect([charged, credits, result.payment_id]).toEqual([0, 3000, null]);
    expect(await renew(DEMO)).toBe(0); // $20 − $30 credit
    expect(await renew(DEMO)).toBe(1000); // $20 − remaining $10
    expect(await renew(DEMO)).toBe(2000);
  });

  it("Pro $80 → Starter $20 credits $60 (difference): three free renewals", async () => {
    await moveIntoPeriod(t, DEMO, 0.5);
    await change(DEMO, SEED_PRODUCTS.pro_monthly, "do_not_bill");
    const { credits } = await change(DEMO, SEED_PRODUCTS.starter_monthly, "difference_immediately");
    expect(credits).toBe(6000);
    const renewals = [await renew(DEMO), await renew(DEMO), await renew(DEMO), await renew(DEMO)];
    expect(renewals).toEqual([0, 0, 0, 2000]);
  });

  it("a later upgrade spends the downgrade credit first", async () => {
    await moveIntoPeriod(t, DEMO, 0.5);
    await change(DEMO, SEED_PRODUCTS.pro_monthly, "do_not_bill");
    await change(DEMO, SEED_PRODUCTS.starter_monthly, "difference_immediately"); // +$60 credit
    const upgrade = await change(DEMO, SEED_PRODUCTS.team_monthly, "difference_immediately"); // $180 owed
    expect(upgrade.credits).toBe(-6000);
    expect(upgrade.charged).toBe(12000);
  });

  it("do_not_bill switches the plan without charging or crediting", async () => {
    await moveIntoPeriod(t, DEMO, 0.5);
    const { charged, credits } = await change(DEMO, SEED_PRODUCTS.pro_monthly, "do_not_bill");
    expect([charged, credits]).toEqual([0, 0]);
    expect((await t.client.subscriptions.retrieve(DEMO)).product_id).toBe(SEED_PRODUCTS.pro_monthly);
  });

  it("prorates addons too and drops them when a change omits them", async () => {
    await moveIntoPeriod(t, DEMO, 0.5);
    const withSeats = await change(DEMO, SEED_PRODUCTS.pro_monthly, "prorated_immediately", { addons: [{ addon_id: SEED_ADDONS.extra_seat, quantity: 3 }] });
    expect(withSeats.charged).toBe(4000); // $40 + $15 − $15
    expect((await t.client.subscriptions.retrieve(DEMO)).addons).toEqual([{ addon_id: SEED_ADDONS.extra_seat, quantity: 3 }]);
    await change(DEMO, SEED_PRODUCTS.team_monthly, "do_not_bill");
    expect((await t.client.subscriptions.retrieve(DEMO)).addons).toEqual([]);
  });
});

describe("scheduled changes (docs: error codes, Subscriptions; SDK SubscriptionChangePlanParams)", () => {
  const scheduled = (productId: string, mode: Mode = "full_immediately") =>
    ({ product_id: productId, quantity: 1, proration_billing_mode: mode, effective_at: "next_billing_date" as const });

  it.each(["prorated_immediately", "difference_immediately", "do_not_bill"] as const)(
    "next_billing_date with %s is refused (422 INVALID_PRORATION_MODE_WITH_NEXT_BILLING_DATE), preview included",
    async (mode) => {
      for (const call of [t.client.subscriptions.previewChangePlan(DEMO, scheduled(SEED_PRODUCTS.starter_monthly, mode)), t.client.subscriptions.changePlan(DEMO, scheduled(SEED_PRODUCTS.starter_monthly, mode))]) {
        const error = await apiError(call);
        expect(error).toBeInstanceOf(DodoPayments.UnprocessableEntityError);
        expect(error?.error).toMatchObject({ code: "INVALID_PRORATION_MODE_WITH_NEXT_BILLING_DATE" });
      }
      expect((await t.client.subscriptions.retrieve(DEMO)).scheduled_change).toBeNull();
    },
  );

  it("full_immediately + next_billing_date charges nothing now and bills the new plan in full from the renewal (sandbox clock)", async () => {
    const preview = await t.client.subscriptions.previewChangePlan(DEMO, scheduled(SEED_PRODUCTS.starter_monthly));
    expect(preview.immediate_charge.summary).toMatchObject({ total_amount: 0, customer_credits: 0 });
    const before = await t.client.subscriptions.retrieve(DEMO);
    expect(preview.immediate_charge.effective_at).toBe(before.next_billing_date);
    expect(await t.client.subscriptions.changePlan(DEMO, scheduled(SEED_PRODUCTS.starter_monthly))).toMatchObject({ payment_id: null });
    const sub = await t.client.subscriptions.retrieve(DEMO);
    expect(sub).toMatchObject({ product_id: SEED_PRODUCTS.basic_monthly, next_billing_date: before.next_billing_date });
    expect(sub.scheduled_change).toMatchObject({ product_id: SEED_PRODUCTS.starter_monthly, effective_at: sub.next_billing_date, product_name: "Starter (monthly)" });
    expect((await t.client.payments.list({ page_number: 0, subscription_id: DEMO })).items).toHaveLength(1);

    // A day before the renewal nothing has happened; at the renewal the new plan is in force and billed in full.
    await t.control("POST", "/_sandbox/clock", { set: new Date(Date.parse(sub.next_billing_date) - 86_400_000).toISOString() });
    expect((await t.client.subscriptions.retrieve(DEMO)).product_id).toBe(SEED_PRODUCTS.basic_monthly);
    expect(await renew(DEMO)).toBe(2000);
    const renewed = await t.client.subscriptions.retrieve(DEMO);
    expect(renewed).toMatchObject({ product_id: SEED_PRODUCTS.starter_monthly, scheduled_change: null, previous_billing_date: sub.next_billing_date, recurring_pre_tax_amount: 2000 });
  });

  it("a scheduled move to another interval takes that plan's cycle from the renewal", async () => {
    const sub = await t.client.subscriptions.retrieve(DEMO);
    await t.client.subscriptions.changePlan(DEMO, scheduled(SEED_PRODUCTS.basic_yearly));
    expect(await renew(DEMO)).toBe(30000);
    const renewed = await t.client.subscriptions.retrieve(DEMO);
    expect(renewed).toMatchObject({ product_id: SEED_PRODUCTS.basic_yearly, payment_frequency_interval: "Year" });
    expect(new Date(renewed.next_billing_date).getUTCFullYear()).toBe(new Date(sub.next_billing_date).getUTCFullYear() + 1);
  });

  it("a second change while one is scheduled is 409 SCHEDULED_PLAN_CHANGE_EXISTS (preview too) until cancel_scheduled_change_plan replaces it", async () => {
    await t.client.subscriptions.changePlan(DEMO, scheduled(SEED_PRODUCTS.starter_monthly));
    const immediate = { product_id: SEED_PRODUCTS.pro_monthly, quantity: 1, proration_billing_mode: "difference_immediately" as const };
    for (const call of [
      t.client.subscriptions.changePlan(DEMO, scheduled(SEED_PRODUCTS.starter_yearly)),
      t.client.subscriptions.previewChangePlan(DEMO, scheduled(SEED_PRODUCTS.starter_yearly)),
      t.client.subscriptions.changePlan(DEMO, immediate),
    ]) {
      const error = await apiError(call);
      expect(error).toBeInstanceOf(DodoPayments.ConflictError);
      expect(error?.error).toMatchObject({ code: "SCHEDULED_PLAN_CHANGE_EXISTS" });
    }
    await t.client.subscriptions.changePlan(DEMO, { ...scheduled(SEED_PRODUCTS.team_monthly), cancel_scheduled_change_plan: true });
    expect((await t.client.subscriptions.retrieve(DEMO)).scheduled_change).toMatchObject({ product_id: SEED_PRODUCTS.team_monthly });
    expect(await renew(DEMO)).toBe(20000);
    expect(await t.client.subscriptions.retrieve(DEMO)).toMatchObject({ product_id: SEED_PRODUCTS.team_monthly, scheduled_change: null });
  });

  it("an immediate change with cancel_scheduled_change_plan drops the schedule only when it applies", async () => {
    await t.client.subscriptions.changePlan(FAILING, scheduled(SEED_PRODUCTS.basic_monthly));
    const refused = { product_id: SEED_PRODUCTS.pro_monthly, quantity: 1, proration_billing_mode: "difference_immediately" as const, on_payment_failure: "prevent_change" as const, cancel_scheduled_change_plan: true };
    await t.client.subscriptions.changePlan(FAILING, refused);
    expect((await t.client.subscriptions.retrieve(FAILING)).scheduled_change).not.toBeNull();
    await t.control("POST", "/_sandbox/settle"); // the …0341 card declines: the change never applies
    expect((await t.client.subscriptions.retrieve(FAILING)).scheduled_change).toMatchObject({ product_id: SEED_PRODUCTS.basic_monthly });

    await t.client.subscriptions.changePlan(DEMO, scheduled(SEED_PRODUCTS.starter_monthly));
    await t.client.subscriptions.changePlan(DEMO, { ...refused, on_payment_failure: "prevent_change" });
    await t.control("POST", "/_sandbox/settle");
    expect(await t.client.subscriptions.retrieve(DEMO)).toMatchObject({ product_id: SEED_PRODUCTS.pro_monthly, scheduled_change: null });
  });

  it("cancelling a scheduled change: void, then SCHEDULED_PLAN_CHANGE_NOT_FOUND (404; its status is a switch)", async () => {
    await t.client.subscriptions.changePlan(DEMO, scheduled(SEED_PRODUCTS.starter_monthly));
    await t.client.subscriptions.cancelChangePlan(DEMO);
    expect((await t.client.subscriptions.retrieve(DEMO)).scheduled_change).toBeNull();
    const missing = await apiError(t.client.subscriptions.cancelChangePlan(DEMO));
    expect(missing).toBeInstanceOf(DodoPayments.NotFoundError);
    expect(missing?.error).toMatchObject({ code: "SCHEDULED_PLAN_CHANGE_NOT_FOUND" });
    await t.control("POST", "/_sandbox/settings", { scheduled_change_not_found_status: 422 });
    expect(await apiError(t.client.subscriptions.cancelChangePlan(DEMO))).toBeInstanceOf(DodoPayments.UnprocessableEntityError);
  });
});

describe("payment failure and conflicts", () => {
  it("apply_change on the 0341 card switches the plan, then puts the subscription on hold", async () => {
    await moveIntoPeriod(t, FAILING, 0.5);
    const { result } = await change(FAILING, SEED_PRODUCTS.pro_monthly, "difference_immediately", { on_payment_failure: "apply_change" });
    const payment = await t.client.payments.retrieve(result.payment_id!);
    expect(payment).toMatchObject({ status: "failed", error_code: "CARD_DECLINED", total_amount: 6000 });
    expect(await t.client.subscriptions.retrieve(FAILING)).toMatchObject({ status: "on_hold", product_id: SEED_PRODUCTS.pro_monthly });
  });

  it("prevent_change keeps the old plan, answers 409 while the charge is pending", async () => {
    const body = { product_id: SEED_PRODUCTS.pro_monthly, quantity: 1, proration_billing_mode: "difference_immediately" as const, on_payment_failure: "prevent_change" as const };
    const result = await t.client.subscriptions.changePlan(FAILING, body);
    expect(result.payment_id).toMatch(/^pay_/);
    const pending = await apiError(t.client.subscriptions.changePlan(FAILING, body));
    expect(pending).toBeInstanceOf(DodoPayments.ConflictError);
    expect(pending?.error).toMatchObject({ code: "PENDING_PLAN_CHANGE_EXISTS" });
    // SDK: "A pending plan change still gets a 409"; cancel_scheduled_change_plan does not affect it.
    expect(await apiError(t.client.subscriptions.changePlan(FAILING, { ...body, cancel_scheduled_change_plan: true }))).toBeInstanceOf(DodoPayments.ConflictError);
    await t.control("POST", "/_sandbox/settle");
    expect(await t.client.subscriptions.retrieve(FAILING)).toMatchObject({ status: "active", product_id: SEED_PRODUCTS.starter_monthly });
    expect((await t.client.payments.retrieve(result.payment_id!)).status).toBe("failed");
  });

  it("prevent_change applies the plan once the charge succeeds", async () => {
    const result = await t.client.subscriptions.changePlan(DEMO, { product_id: SEED_PRODUCTS.pro_monthly, quantity: 1, proration_billing_mode: "difference_immediately", on_payment_failure: "prevent_change" });
    expect((await t.client.subscriptions.retrieve(DEMO)).product_id).toBe(SEED_PRODUCTS.basic_monthly);
    await t.control("POST", "/_sandbox/settle");
    expect((await t.client.subscriptions.retrieve(DEMO)).product_id).toBe(SEED_PRODUCTS.pro_monthly);
    expect((await t.client.payments.retrieve(result.payment_id!)).status).toBe("succeeded");
  });

  it("422 PLAN_CHANGE_NOT_ALLOWED_FOR_SCHEDULED_CANCELLATION while a cancellation is scheduled", async () => {
    await t.client.subscriptions.update(DEMO, { cancel_at_next_billing_date: true });
    const error = await apiError(t.client.subscriptions.changePlan(DEMO, { product_id: SEED_PRODUCTS.pro_monthly, quantity: 1, proration_billing_mode: "do_not_bill" }));
    expect(error).toBeInstanceOf(DodoPayments.UnprocessableEntityError);
    expect(error?.error).toMatchObject({ code: "PLAN_CHANGE_NOT_ALLOWED_FOR_SCHEDULED_CANCELLATION" });
  });

  it("422 for an inactive subscription, 404 for an unknown one, 422 for a one-time product", async () => {
    await t.client.subscriptions.update(DEMO, { status: "cancelled" });
    const body = { product_id: SEED_PRODUCTS.pro_monthly, quantity: 1, proration_billing_mode: "prorated_immediately" as const };
    const inactive = await apiError(t.client.subscriptions.changePlan(DEMO, body));
    expect(inactive).toBeInstanceOf(DodoPayments.UnprocessableEntityError);
    expect(inactive?.error).toMatchObject({ code: "INACTIVE_SUBSCRIPTION_PLAN_CHANGE_NOT_SUPPORTED" });
    expect(await apiError(t.client.subscriptions.changePlan("sub_000000000000000000000", body))).toBeInstanceOf(DodoPayments.NotFoundError);
    expect(await apiError(t.client.subscriptions.changePlan(FAILING, { ...body, product_id: SEED_PRODUCTS.course }))).toBeInstanceOf(DodoPayments.UnprocessableEntityError);
  });
});
