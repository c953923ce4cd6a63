import type {
  BillingAddress,
  Metadata,
  Subscription,
  SubscriptionListResponse,
  SubscriptionUpdateParams,
  SubscriptionUpdatePaymentMethodResponse,
} from "dodopayments/resources/index";
import { addInterval } from "../clock";
import type { SandboxCore } from "../core";
import { invalid, notFound } from "../http/errors";
import { createdWithin, newestFirst } from "../http/input";
import { newId } from "../ids";
import type { PlanSelection, SubscriptionRecord } from "../state/types";
import { getProduct, recurringPrice } from "./catalog";
import { startCreditCycle } from "./credit-cycles";
import { overrideCreditCart } from "./credits";
import { usableMethod } from "./customers";
import { emitSubscription } from "./events";
import { createPayment } from "./payments";
import { subscription as serializeSubscription, subscriptionListItem } from "./serialize";

export function getSubscriptionRecord(core: SandboxCore, subscriptionId: string): SubscriptionRecord {
  const record = core.state.subscriptions[subscriptionId];
  if (!record) throw notFound("Subscription", subscriptionId);
  return record;
}

export function retrieveSubscription(core: SandboxCore, subscriptionId: string): Subscription {
  return serializeSubscription(core, getSubscriptionRecord(core, subscriptionId));
}

export function listSubscriptions(core: SandboxCore, query: URLSearchParams): SubscriptionListResponse[] {
  const customerId = query.get("customer_id");
  const productId = query.get("product_id");
  const status = query.get("status");
  const cancelAtNext = query.get("cancel_at_next_billing_date");
  return newestFirst(Object.values(core.state.subscriptions))
    .filter((s) => !customerId || s.customer_id === customerId)
    .filter((s) => !productId || s.plan.product_id === productId)
    .filter((s) => !status || s.status === status)
    .filter((s) => cancelAtNext === null || String(s.cancel_at_next_billing_date) === cancelAtNext)
    .filter((s) => createdWithin(query, s.created_at))
    .map((s) => subscriptionListItem(core, s));
}

/** A subscription bought through a checkout: `pending` until its first payment settles. */
export function createPendingSubscription(
  core: SandboxCore,
  input: { customer_id: string; plan: PlanSelection; billing: BillingAddress; metadata: Metadata; payment_method_id: string | null },
): SubscriptionRecord {
  const product = getProduct(core, input.plan.product_id);
  const price = recurringPrice(product);
  const now = core.now();
  const record: SubscriptionRecord = {
    seq: core.nextSeq(),
    subscription_id: newId("sub"),
    customer_id: input.customer_id,
    plan: input.plan,
    status: "pending",
    currency: price.currency,
    payment_frequency_count: price.payment_frequency_count,
    payment_frequency_interval: price.payment_frequency_interval,
    subscription_period_count: price.subscription_period_count,
    subscription_period_interval: price.subscription_period_interval,
    trial_period_days: 0,
    created_at: now,
    previous_billing_date: now,
    next_billing_date: addInterval(now, price.payment_frequency_interval, price.payment_frequency_count),
    cancel_at_next_billing_date: false,
    cancelled_at: null,
    billing: input.billing,
    metadata: input.metadata,
    payment_method_id: input.payment_method_id,
    tax_id: null,
    customer_business_name: null,
    cancellation_feedback: null,
    cancellation_comment: null,
    paused_at: null,
    scheduled_change: null,
    pending_change: null,
    credit_balance: 0,
    discounts: [],
    dues: 0,
    charging_payment_id: null,
    credit_overrides: {},
  };
  core.state.subscriptions[record.subscription_id] = record;
  core.changed();
  return record;
}

/** First payment settled: the period starts now. */
export function activateNewSubscription(core: SandboxCore, record: SubscriptionRecord, paymentMethodId: string | null): void {
  const now = core.now();
  record.status = "active";
  record.payment_method_id = paymentMethodId ?? record.payment_method_id;
  record.previous_billing_date = now;
  record.next_billing_date = addInterval(now, record.payment_frequency_interval, record.payment_frequency_count);
  core.changed();
  emitSubscription(core, "subscription.active", record);
  startCreditCycle(core, record);
}

export function failNewSubscription(core: SandboxCore, record: SubscriptionRecord): void {
  record.status = "failed";
  core.changed();
  emitSubscription(core, "subscription.failed", record);
}

export function putOnHold(core: SandboxCore, record: SubscriptionRecord, dues: number): void {
  record.status = "on_hold";
  record.dues = dues;
  core.changed();
  emitSubscription(core, "subscription.on_hold", record);
}

/** Cancelled now (`status: "cancelled"`, also from `paused`): `subscription.cancelled`, then `subscription.updated` (docs: "any field changes"). */
export function cancelNow(core: SandboxCore, record: SubscriptionRecord): void {
  record.status = "cancelled";
  record.cancelled_at = core.now();
  record.scheduled_change = null;
  record.paused_at = null;
  core.changed();
  emitSubscription(core, "subscription.cancelled", record);
  emitSubscription(core, "subscription.updated", record);
}

const TERMINAL = new Set(["cancelled", "expired", "failed"]);

/**
 * `PATCH /subscriptions/{id}`. Sources: SDK `SubscriptionUpdateParams` comments, docs
 * features/subscription ("Pausing and Resuming Subscriptions", "Cancel at next billing date") and
 * webhooks/intents/subscription (`subscription.updated`: "any field change triggers this event").
 */
export function updateSubscription(core: SandboxCore, subscriptionId: string, params: SubscriptionUpdateParams): SubscriptionRecord {
  const record = getSubscriptionRecord(core, subscriptionId);
  // SDK: `pause` is "Removed … This field always fails with 422".
  if (params.pause !== undefined) throw invalid("pause was removed: send status paused to pause and status active to resume", "INVALID_REQUEST_BODY");
  if (params.status === "paused" || params.status === "active") {
    // SDK: "Send paused or active alone. A request that combines either with any other field fails with 422."
    const others = Object.entries(params).filter(([key, value]) => key !== "status" && value !== undefined);
    if (others.length > 0) throw invalid(`status ${params.status} must be sent alone (also sent: ${others.map(([key]) => key).join(", ")})`, "INVALID_REQUEST_BODY");
    if (params.status === "paused") pause(core, record);
    else resume(core, record);
    return record;
  }
  if (params.status != null && params.status !== "cancelled") throw invalid("status can only be set to cancelled, paused or active");
  // SDK: feedback and comment are "only valid when cancelling or scheduling cancellation".
  const cancelling = params.status === "cancelled" || params.cancel_at_next_billing_date === true;
  if (!cancelling && (params.cancellation_feedback != null || params.cancellation_comment != null || params.cancel_reason != null)) {
    throw invalid("cancellation_feedback, cancellation_comment and cancel_reason are only valid when cancelling or scheduling cancellation");
  }
  // Scheduling or undoing a cancellation of a subscription that already ended: UNCONFIRMED code.
  if (params.cancel_at_next_billing_date != null && TERMINAL.has(record.status)) {
    throw invalid(`Subscription ${subscriptionId} is ${record.status}`, "SUBSCRIPTION_INACTIVE");
  }
  if (params.billing != null) record.billing = params.billing;
  if (params.metadata != null) record.metadata = params.metadata;
  if (params.tax_id !== undefined) record.tax_id = params.tax_id;
  if (params.customer_business_name !== undefined) record.customer_business_name = params.customer_business_name;
  if (params.cancellation_feedback !== undefined) record.cancellation_feedback = params.cancellation_feedback;
  if (params.cancellation_comment !== undefined) record.cancellation_comment = params.cancellation_comment;
  if (params.customer_name != null) core.state.customers[record.customer_id]!.customer.name = params.customer_name;
  if (params.credit_entitlement_cart != null) overrideCreditCart(core, record, params.credit_entitlement_cart);
  if (params.cancel_at_next_billing_date != null) {
    const undo = record.cancel_at_next_billing_date && !params.cancel_at_next_billing_date;
    // SDK: "the subscription will remain active until the end of billing period"; false before then undoes it.
    record.cancel_at_next_billing_date = params.cancel_at_next_billing_date;
    if (undo && core.settings.clear_cancellation_feedback_on_undo) {
      record.cancellation_feedback = null;
      record.cancellation_comment = null;
    }
  }
  if (params.next_billing_date != null) {
    if (Number.isNaN(Date.parse(params.next_billing_date))) throw invalid("next_billing_date must be an ISO date");
    record.next_billing_date = new Date(params.next_billing_date).toISOString();
  }
  core.changed();
  if (params.status === "cancelled" && record.status !== "cancelled") cancelNow(core, record);
  else emitSubscription(core, "subscription.updated", record);
  return record;
}

/**
 * `status: "paused"` (SDK: "pause an active subscription"). Docs: renewals stop, access is revoked,
 * "Pausing emits subscription.paused", `paused_at` is set while paused. Pausing anything but an
 * active subscription is refused (the docs: a past_due one "cannot be paused"); the code is UNCONFIRMED.
 */
function pause(core: SandboxCore, record: SubscriptionRecord): void {
  if (record.status !== "active") throw invalid(`Subscription ${record.subscription_id} is ${record.status}; only an active subscription can be paused`, "SUBSCRIPTION_INACTIVE");
  record.status = "paused";
  record.paused_at = core.now();
  core.changed();
  emitSubscription(core, "subscription.paused", record);
  emitSubscription(core, "subscription.updated", record);
}

/**
 * `status: "active"` resumes a paused subscription. Docs: "The billing clock freezes.
 * next_billing_date and expires_at both move forward by the exact length of the pause … a
 * subscription paused for 12 days renews 12 days late"; "resuming emits subscription.unpaused" and
 * `paused_at` is null again. A scheduled plan change keeps its `effective_at` snapshot. On an active
 * subscription it changes nothing (UNCONFIRMED); on any other status it is refused (UNCONFIRMED code).
 */
function resume(core: SandboxCore, record: SubscriptionRecord): void {
  if (record.status === "active") return;
  if (record.status !== "paused" || !record.paused_at) {
    throw invalid(`Subscription ${record.subscription_id} is ${record.status}; only a paused subscription can be resumed`, "SUBSCRIPTION_INACTIVE");
  }
  const pausedFor = Date.parse(core.now()) - Date.parse(record.paused_at);
  record.next_billing_date = new Date(Date.parse(record.next_billing_date) + pausedFor).toISOString();
  record.status = "active";
  record.paused_at = null;
  core.changed();
  emitSubscription(core, "subscription.unpaused", record);
  emitSubscription(core, "subscription.updated", record);
}

/**
 * `type: existing` switches to a saved method of the same customer and, for an `on_hold` subscription,
 * charges the dues (success reactivates it). `type: new` returns a hosted page link to add a card.
 */
export function updatePaymentMethod(
  core: SandboxCore,
  subscriptionId: string,
  body: { type: "new"; return_url?: string | null } | { type: "existing"; payment_method_id: string },
  openUpdateSession: (record: SubscriptionRecord, returnUrl: string | null) => { url: string; expires_at: string },
  scheduleDues: (paymentId: string) => void,
): SubscriptionUpdatePaymentMethodResponse {
  const record = getSubscriptionRecord(core, subscriptionId);
  if (record.status !== "active" && record.status !== "on_hold") throw invalid(`Subscription ${subscriptionId} is ${record.status}`, "SUBSCRIPTION_INACTIVE");
  if (body.type === "new") {
    const session = openUpdateSession(record, body.return_url ?? null);
    return { client_secret: null, expires_on: session.expires_at, payment_id: null, payment_link: session.url };
  }
  const method = usableMethod(core, record.customer_id, body.payment_method_id, record.currency);
  record.payment_method_id = method.payment_method_id;
  core.changed();
  emitSubscription(core, "subscription.updated", record);
  if (record.status !== "on_hold" || record.dues <= 0) {
    return { client_secret: null, expires_on: null, payment_id: null, payment_link: null };
  }
  const payment = createPayment(core, {
    purpose: "dues",
    customer_id: record.customer_id,
    currency: record.currency,
    total_amount: record.dues,
    billing: record.billing,
    metadata: record.metadata,
    method,
    off_session: true,
    subscription_id: record.subscription_id,
  });
  record.charging_payment_id = payment.payment_id;
  scheduleDues(payment.payment_id);
  return { client_secret: null, expires_on: null, payment_id: payment.payment_id, payment_link: null };
}

/** Dues collected: the subscription is active again and starts a fresh period from now. */
export function duesSettled(core: SandboxCore, record: SubscriptionRecord, ok: boolean): void {
  record.charging_payment_id = null;
  if (!ok) return;
  const now = core.now();
  record.dues = 0;
  record.status = "active";
  record.previous_billing_date = now;
  record.next_billing_date = addInterval(now, record.payment_frequency_interval, record.payment_frequency_count);
  core.changed();
  emitSubscription(core, "subscription.active", record);
  startCreditCycle(core, record);
}
