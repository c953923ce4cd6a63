// Pause, resume and cancellation through `subscriptions.update`, as the SDK's `SubscriptionUpdateParams`
// comments and the docs (features/subscription: "Pausing and Resuming Subscriptions", "Cancel at next
// billing date"; webhooks/intents/subscription) describe them.
import DodoPayments from "dodopayments";
import { describe, expect, it } from "vitest";
import { SEED_PRODUCTS, SEED_SUBSCRIPTIONS } from "../../../sandbox/seed";
import { apiError, useSandbox } from "./helpers";

const t = useSandbox({ receiver: true });

const DEMO = SEED_SUBSCRIPTIONS.demo_basic;
const DAY_MS = 86_400_000;
/** Webhook types about the demo subscription (the seed's other one renews or fails as the clock moves). */
const types = () => t.receiver.received.filter((w) => JSON.parse(w.body).data.subscription_id === DEMO).map((w) => w.type);
/** The types received, in any order: each webhook is its own delivery, and arrival order is not Dodo's promise. */
const typesAnyOrder = (from = 0) => types().slice(from).sort();
/** Sandbox time runs on with the wall clock between calls: durations match to within a second. */
const roughly = (ms: number) => expect.closeTo(ms, -3.3);
const between = (from: string, to: string) => (at: string | null | undefined) => Date.parse(at!) >= Date.parse(from) && Date.parse(at!) <= Date.parse(to);
const now = async () => (await t.control<{ now: string }>("GET", "/_sandbox/clock")).now;
const advance = (ms: number) => t.control("POST", "/_sandbox/clock", { advance_ms: ms });
const paymentsOf = async () => (await t.client.payments.list({ page_number: 0, subscription_id: DEMO })).items;

describe("pause and resume (status paused / active)", () => {
  it("pausing stops renewals and emits subscription.paused + subscription.updated with paused_at", async () => {
    const before = await t.client.subscriptions.retrieve(DEMO);
    const from = await now();
    const paused = await t.client.subscriptions.update(DEMO, { status: "paused" });
    expect(paused).toMatchObject({ status: "paused", next_billing_date: before.next_billing_date });
    expect(between(from, await now())(paused.paused_at)).toBe(true);
    await t.receiver.waitFor(() => types().length === 2);
    expect(typesAnyOrder()).toEqual(["subscription.paused", "subscription.updated"]);
    const pausedEvent = t.receiver.received.find((w) => w.type === "subscription.paused")!;
    expect(JSON.parse(pausedEvent.body).data).toMatchObject({ status: "paused", paused_at: paused.paused_at });

    const paidBefore = (await paymentsOf()).length;
    await advance(70 * DAY_MS); // two billing dates go by
    expect(await t.client.subscriptions.retrieve(DEMO)).toMatchObject({ status: "paused", next_billing_date: before.next_billing_date });
    expect((await paymentsOf()).length).toBe(paidBefore);
    const change = await apiError(t.client.subscriptions.changePlan(DEMO, { product_id: SEED_PRODUCTS.pro_monthly, quantity: 1, proration_billing_mode: "do_not_bill" }));
    expect(change?.error).toMatchObject({ code: "INACTIVE_SUBSCRIPTION_PLAN_CHANGE_NOT_SUPPORTED" });
  });

  it("resuming moves next_billing_date by the pause's length, emits subscription.unpaused, and renews that much later", async () => {
    const before = await t.client.subscriptions.retrieve(DEMO);
    await t.client.subscriptions.update(DEMO, { status: "paused" });
    await advance(12 * DAY_MS);
    const resumed = await t.client.subscriptions.update(DEMO, { status: "active" });
    expect(resumed).toMatchObject({ status: "active", paused_at: null });
    expect(Date.parse(resumed.next_billing_date) - Date.parse(before.next_billing_date)).toEqual(roughly(12 * DAY_MS));
    // Both of the resume's webhooks (after the pause's two): each is its own delivery, so waiting
    // for the first alone raced the second.
    await t.receiver.waitFor(() => types().length >= 4);
    expect(typesAnyOrder(2)).toEqual(["subscription.unpaused", "subscription.updated"]);

    const paidBefore = (await paymentsOf()).length;
    await t.control("POST", "/_sandbox/clock", { set: before.next_billing_date });
    expect((await paymentsOf()).length).toBe(paidBefore); // the old date is not a renewal any more
    await t.control("POST", "/_sandbox/clock", { set: resumed.next_billing_date });
    expect((await paymentsOf())[0]).toMatchObject({ status: "succeeded", total_amount: 3000 });
    expect((await t.client.subscriptions.retrieve(DEMO)).previous_billing_date).toBe(resumed.next_billing_date);
  });

  it("a scheduled plan change waits out the pause and applies at the shifted date; its effective_at stays a snapshot", async () => {
    await t.client.subscriptions.changePlan(DEMO, { product_id: SEED_PRODUCTS.starter_monthly, quantity: 1, proration_billing_mode: "full_immediately", effective_at: "next_billing_date" });
    const scheduledFor = (await t.client.subscriptions.retrieve(DEMO)).scheduled_change!.effective_at;
    await t.client.subscriptions.update(DEMO, { status: "paused" });
    await advance(5 * DAY_MS);
    const resumed = await t.client.subscriptions.update(DEMO, { status: "active" });
    expect(resumed.scheduled_change?.effective_at).toBe(scheduledFor);
    await t.control("POST", "/_sandbox/clock", { set: resumed.next_billing_date });
    expect(await t.client.subscriptions.retrieve(DEMO)).toMatchObject({ product_id: SEED_PRODUCTS.starter_monthly, scheduled_change: null });
  });

  it("with the shifting switch a paused subscription already shows the shifted date", async () => {
    await t.control("POST", "/_sandbox/settings", { paused_next_billing_date: "shifting" });
    const before = await t.client.subscriptions.retrieve(DEMO);
    await t.client.subscriptions.update(DEMO, { status: "paused" });
    await advance(3 * DAY_MS);
    const paused = await t.client.subscriptions.retrieve(DEMO);
    expect(Date.parse(paused.next_billing_date) - Date.parse(before.next_billing_date)).toEqual(roughly(3 * DAY_MS));
    const resumed = await t.client.subscriptions.update(DEMO, { status: "active" });
    expect(Date.parse(resumed.next_billing_date) - Date.parse(paused.next_billing_date)).toEqual(roughly(0));
  });

  it.each([
    ["paused with another field", { status: "paused", metadata: { a: 1 } }],
    ["active with another field", { status: "active", cancel_at_next_billing_date: false }],
    ["the removed pause flag", { pause: true }],
  ])("refuses %s (422)", async (_label, body) => {
    const error = await apiError(t.client.subscriptions.update(DEMO, body as DodoPayments.SubscriptionUpdateParams));
    expect(error).toBeInstanceOf(DodoPayments.UnprocessableEntityError);
    expect((await t.client.subscriptions.retrieve(DEMO)).status).toBe("active");
  });

  it("only an active subscription pauses; resuming an active one changes nothing; a paused one can be cancelled", async () => {
    expect((await t.client.subscriptions.update(DEMO, { status: "active" })).status).toBe("active");
    await t.client.subscriptions.update(SEED_SUBSCRIPTIONS.failing_starter, { status: "cancelled" });
    expect(await apiError(t.client.subscriptions.update(SEED_SUBSCRIPTIONS.failing_starter, { status: "paused" }))).toBeInstanceOf(DodoPayments.UnprocessableEntityError);
    await t.client.subscriptions.update(DEMO, { status: "paused" });
    const from = await now();
    const cancelled = await t.client.subscriptions.update(DEMO, { status: "cancelled", cancellation_feedback: "unused" });
    expect(cancelled).toMatchObject({ status: "cancelled", paused_at: null, cancellation_feedback: "unused" });
    expect(between(from, await now())(cancelled.cancelled_at)).toBe(true);
  });
});

describe("cancel at the next billing date", () => {
  it("keeps the subscription active with the feedback and comment, then cancels at the period end by the clock", async () => {
    const sub = await t.client.subscriptions.update(DEMO, { cancel_at_next_billing_date: true, cancellation_feedback: "too_expensive", cancellation_comment: "Over budget this quarter" });
    expect(sub).toMatchObject({ status: "active", cancel_at_next_billing_date: true, cancellation_feedback: "too_expensive", cancellation_comment: "Over budget this quarter", cancelled_at: null });
    await t.receiver.waitFor(() => types().includes("subscription.updated"));
    const paidBefore = (await paymentsOf()).length;

    await t.control("POST", "/_sandbox/clock", { set: new Date(Date.parse(sub.next_billing_date) - 1000).toISOString() });
    expect((await t.client.subscriptions.retrieve(DEMO)).status).toBe("active");
    await t.control("POST", "/_sandbox/clock", { set: sub.next_billing_date });
    expect(await t.client.subscriptions.retrieve(DEMO)).toMatchObject({ status: "cancelled", cancelled_at: sub.next_billing_date, cancellation_feedback: "too_expensive" });
    expect((await paymentsOf()).length).toBe(paidBefore);
    await t.receiver.waitFor(() => types().length >= 3); // the cancellation's two deliveries, not just the first
    expect(typesAnyOrder()).toEqual(["subscription.cancelled", "subscription.updated", "subscription.updated"]);
    expect(await apiError(t.client.subscriptions.update(DEMO, { cancel_at_next_billing_date: false }))).toBeInstanceOf(DodoPayments.UnprocessableEntityError);
  });

  it("is undone with cancel_at_next_billing_date: false before the date, and then renews", async () => {
    const sub = await t.client.subscriptions.update(DEMO, { cancel_at_next_billing_date: true, cancellation_feedback: "unused" });
    const kept = await t.client.subscriptions.update(DEMO, { cancel_at_next_billing_date: false });
    expect(kept).toMatchObject({ cancel_at_next_billing_date: false, status: "active", cancellation_feedback: "unused" });
    await t.control("POST", "/_sandbox/clock", { set: sub.next_billing_date });
    expect(await t.client.subscriptions.retrieve(DEMO)).toMatchObject({ status: "active", previous_billing_date: sub.next_billing_date });

    await t.control("POST", "/_sandbox/settings", { clear_cancellation_feedback_on_undo: true });
    await t.client.subscriptions.update(DEMO, { cancel_at_next_billing_date: true, cancellation_feedback: "other", cancellation_comment: "x" });
    expect(await t.client.subscriptions.update(DEMO, { cancel_at_next_billing_date: false })).toMatchObject({ cancellation_feedback: null, cancellation_comment: null });
  });

  it("takes only the SDK's cancellation_feedback values, and feedback only with a cancellation", async () => {
    expect(await apiError(t.client.subscriptions.update(DEMO, { cancel_at_next_billing_date: true, cancellation_feedback: "bored" as never }))).toBeInstanceOf(DodoPayments.UnprocessableEntityError);
    expect(await apiError(t.client.subscriptions.update(DEMO, { cancellation_feedback: "too_expensive" }))).toBeInstanceOf(DodoPayments.UnprocessableEntityError);
    expect(await apiError(t.client.subscriptions.update(DEMO, { metadata: { a: 1 }, cancellation_comment: "why" }))).toBeInstanceOf(DodoPayments.UnprocessableEntityError);
    for (const feedback of ["too_expensive", "missing_features", "switched_service", "unused", "customer_service", "low_quality", "too_complex", "other"] as const) {
      expect((await t.client.subscriptions.update(DEMO, { cancel_at_next_billing_date: true, cancellation_feedback: feedback })).cancellation_feedback).toBe(feedback);
    }
  });
});
