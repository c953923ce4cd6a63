import { describe, expect, it } from "vitest";
import { SEED_CUSTOMERS, SEED_SUBSCRIPTIONS } from "../../../sandbox/seed";
import { useSandbox } from "./helpers";

const t = useSandbox({ receiver: true });

const MONTH_MS = 31 * 86_400_000;
const types = () => t.receiver.received.map((r) => r.type);

describe("clock and renewals", () => {
  it("advancing a month renews the 4242 subscription and puts the 0341 one on hold", async () => {
    const before = await t.client.subscriptions.retrieve(SEED_SUBSCRIPTIONS.demo_basic);
    const moved = await t.control<{ renewals: number }>("POST", "/_sandbox/clock", { advance_ms: MONTH_MS });
    expect(moved.renewals).toBe(2);

    const demo = await t.client.subscriptions.retrieve(SEED_SUBSCRIPTIONS.demo_basic);
    expect(demo).toMatchObject({ status: "active", previous_billing_date: before.next_billing_date });
    const demoPayments = await t.client.payments.list({ page_number: 0, subscription_id: SEED_SUBSCRIPTIONS.demo_basic });
    expect(demoPayments.items[0]).toMatchObject({ status: "succeeded", total_amount: 3000 });

    const failing = await t.client.subscriptions.retrieve(SEED_SUBSCRIPTIONS.failing_starter);
    expect(failing.status).toBe("on_hold");
    const failed = await t.client.payments.list({ page_number: 0, subscription_id: SEED_SUBSCRIPTIONS.failing_starter });
    const failedPayment = await t.client.payments.retrieve(failed.items[0]!.payment_id);
    expect(failedPayment).toMatchObject({ status: "failed", error_code: "CARD_DECLINED", total_amount: 2000 });

    await t.receiver.waitFor(() => ["subscription.renewed", "payment.succeeded", "payment.failed", "subscription.on_hold"].every((type) => types().includes(type)));
  });

  it("PATCH next_billing_date=now triggers the renewal, as in Dodo test mode", async () => {
    const clock = await t.control<{ now: string }>("GET", "/_sandbox/clock");
    const renewed = await t.client.subscriptions.update(SEED_SUBSCRIPTIONS.demo_basic, { next_billing_date: clock.now });
    expect(renewed.previous_billing_date).toBe(clock.now);
    expect(Date.parse(renewed.next_billing_date)).toBeGreaterThan(Date.parse(clock.now));
  });

  it("recovers an on-hold subscription when a working card replaces the failing one", async () => {
    await t.control("POST", "/_sandbox/clock", { advance_ms: MONTH_MS });
    const card = await t.control<{ payment_method_id: string }>("POST", `/_sandbox/customers/${SEED_CUSTOMERS.failing}/payment-methods`, { card_number: "4242424242424242" });
    const result = await t.client.subscriptions.updatePaymentMethod(SEED_SUBSCRIPTIONS.failing_starter, { payment_method: { type: "existing", payment_method_id: card.payment_method_id } });
    expect(result.payment_id).toMatch(/^pay_/);
    await t.control("POST", "/_sandbox/settle");
    expect((await t.client.payments.retrieve(result.payment_id!)).status).toBe("succeeded");
    expect(await t.client.subscriptions.retrieve(SEED_SUBSCRIPTIONS.failing_starter)).toMatchObject({ status: "active", payment_method_id: card.payment_method_id });
  });

  it("update-payment-method type new answers a hosted payment_link", async () => {
    const result = await t.client.subscriptions.updatePaymentMethod(SEED_SUBSCRIPTIONS.demo_basic, { payment_method: { type: "new", return_url: "http://127.0.0.1:3000/billing" } });
    expect(result.payment_link).toMatch(new RegExp(`^${t.sandbox.url}/checkout/cks_`));
  });

  it("cancel_at_next_billing_date cancels at the period end instead of renewing", async () => {
    await t.client.subscriptions.update(SEED_SUBSCRIPTIONS.demo_basic, { cancel_at_next_billing_date: true });
    await t.control("POST", "/_sandbox/clock", { advance_ms: MONTH_MS });
    expect((await t.client.subscriptions.retrieve(SEED_SUBSCRIPTIONS.demo_basic)).status).toBe("cancelled");
  });

  it("lists subscriptions with filters", async () => {
    const active = await t.client.subscriptions.list({ page_number: 0, customer_id: SEED_CUSTOMERS.demo, status: "active" });
    expect(active.items).toHaveLength(1);
    expect(active.items[0]).toMatchObject({ subscription_id: SEED_SUBSCRIPTIONS.demo_basic, product_name: "Basic (monthly)", recurring_pre_tax_amount: 3000 });
  });
});
