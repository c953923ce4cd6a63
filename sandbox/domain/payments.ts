import type { BillingAddress, Currency, Metadata, Payment, PaymentListResponse } from "dodopayments/resources/index";
import type { SandboxCore } from "../core";
import { notFound } from "../http/errors";
import { createdWithin, newestFirst } from "../http/input";
import { newId } from "../ids";
import type { CardSnapshot, PaymentMethodRecord, PaymentPurpose, PaymentRecord, SubscriptionRecord } from "../state/types";
import { chargeOutcome, testCard, type ChargeOutcome } from "./cards";
import { countDiscountUses } from "./discount-redemption";
import { emitPayment } from "./events";
import { payment as serializePayment, paymentListItem } from "./serialize";

export function getPaymentRecord(core: SandboxCore, paymentId: string): PaymentRecord {
  const record = core.state.payments[paymentId];
  if (!record) throw notFound("Payment", paymentId);
  return record;
}

export function retrievePayment(core: SandboxCore, paymentId: string): Payment {
  return serializePayment(core, getPaymentRecord(core, paymentId));
}

export function listPayments(core: SandboxCore, query: URLSearchParams): PaymentListResponse[] {
  const filters = {
    customer_id: query.get("customer_id"),
    subscription_id: query.get("subscription_id"),
    product_id: query.get("product_id"),
    status: query.get("status"),
    currency: query.get("currency"),
  };
  return newestFirst(Object.values(core.state.payments))
    .filter((p) => !filters.customer_id || p.customer_id === filters.customer_id)
    .filter((p) => !filters.subscription_id || p.subscription_id === filters.subscription_id)
    .filter((p) => !filters.status || p.status === filters.status)
    .filter((p) => !filters.currency || p.currency === filters.currency)
    .filter((p) => !filters.product_id || paymentProducts(core, p).includes(filters.product_id))
    .filter((p) => createdWithin(query, p.created_at))
    .map((p) => paymentListItem(core, p));
}

function paymentProducts(core: SandboxCore, record: PaymentRecord): string[] {
  if (record.product_cart) return record.product_cart.map((line) => line.product_id);
  const sub = record.subscription_id ? core.state.subscriptions[record.subscription_id] : undefined;
  return sub ? [sub.plan.product_id] : [];
}

export function cardSnapshot(method: PaymentMethodRecord): CardSnapshot {
  return {
    last4: method.card_number.slice(-4),
    network: testCard(method.card_number)?.network ?? "visa",
    type: "credit",
    holder: method.card_holder_name,
    country: method.card_issuing_country,
  };
}

export interface NewPaymentInput {
  purpose: PaymentPurpose;
  customer_id: string;
  currency: Currency;
  total_amount: number;
  billing: BillingAddress;
  metadata: Metadata;
  method: PaymentMethodRecord | null;
  off_session: boolean;
  product_cart?: Array<{ product_id: string; quantity: number }> | null;
  subscription_id?: string | null;
  checkout_session_id?: string | null;
  payment_link?: string | null;
  discount_ids?: string[];
  force_3ds?: boolean;
}

/** A payment waiting for its charge: `processing` with a method, `requires_payment_method` without one. */
export function createPayment(core: SandboxCore, input: NewPaymentInput): PaymentRecord {
  const now = core.now();
  const record: PaymentRecord = {
    seq: core.nextSeq(),
    payment_id: newId("pay"),
    purpose: input.purpose,
    created_at: now,
    updated_at: now,
    status: input.method ? "processing" : "requires_payment_method",
    customer_id: input.customer_id,
    billing: input.billing,
    currency: input.currency,
    total_amount: input.total_amount,
    product_cart: input.product_cart ?? null,
    subscription_id: input.subscription_id ?? null,
    checkout_session_id: input.checkout_session_id ?? null,
    payment_method_id: input.method?.payment_method_id ?? null,
    card: input.method ? cardSnapshot(input.method) : null,
    off_session: input.off_session,
    error_code: null,
    error_message: null,
    metadata: input.metadata,
    refund_ids: [],
    discount_ids: input.discount_ids ?? [],
    payment_link: input.payment_link ?? null,
    client_secret: `${newId("pay")}_secret`,
    is_update_payment_method: input.purpose === "dues",
    force_3ds: input.force_3ds ?? false,
    authentication_expires_at: null,
    pending_card: null,
  };
  core.state.payments[record.payment_id] = record;
  core.changed();
  if (record.status === "processing" && core.settings.emit_payment_processing) {
    emitPayment(core, "payment.processing", record);
  }
  return record;
}

export type ChargeResult = ChargeOutcome["kind"];

/**
 * Runs the card and records the result, emitting `payment.succeeded` / `payment.failed`. A card that
 * needs 3-D Secure leaves the payment in `requires_customer_action` (no webhook: Dodo has no event
 * type for it) until the customer completes or fails the authentication (domain/authentication.ts).
 */
export function runCharge(core: SandboxCore, record: PaymentRecord, method: PaymentMethodRecord, authenticated = false): ChargeResult {
  const outcome = chargeOutcome(method.card_number, { offSession: record.off_session, authenticated, force3ds: record.force_3ds });
  record.payment_method_id = method.payment_method_id;
  record.card = cardSnapshot(method);
  record.updated_at = core.now();
  if (outcome.kind === "requires_customer_action") {
    markRequiresAuthentication(core, record);
    return outcome.kind;
  }
  if (outcome.kind === "succeeded") {
    record.status = "succeeded";
    method.last_used_at = record.updated_at;
    countDiscountUses(core, record);
  } else {
    record.status = "failed";
    record.error_code = outcome.error_code;
    record.error_message = outcome.error_message;
  }
  core.changed();
  emitPayment(core, outcome.kind === "succeeded" ? "payment.succeeded" : "payment.failed", record);
  return outcome.kind;
}

/** Where the customer completes the authentication: the sandbox's stand-in for Dodo's checkout SDK, keyed by the client secret. */
export function authenticationUrl(core: SandboxCore, record: PaymentRecord): string {
  return `${core.baseUrl}/authenticate/${record.payment_id}?client_secret=${encodeURIComponent(record.client_secret ?? "")}`;
}

/**
 * The issuer wants the customer: `requires_customer_action` (SDK IntentStatus) until the
 * authentication is completed, failed, or lapses after `authentication_window_ms`. The SDK documents
 * `client_secret` + `publishable_key` on the checkout response for completing it with Dodo's checkout
 * SDK; whether the Payment's `payment_link` also leads there is UNCONFIRMED (switch).
 */
export function markRequiresAuthentication(core: SandboxCore, record: PaymentRecord): void {
  record.status = "requires_customer_action";
  record.updated_at = core.now();
  record.authentication_expires_at = new Date(Date.parse(record.updated_at) + core.settings.authentication_window_ms).toISOString();
  if (core.settings.authentication_payment_link) record.payment_link = authenticationUrl(core, record);
  core.changed();
}

/** The method a payment was created with (it may have been deleted since: then the charge fails). */
export function methodOf(core: SandboxCore, record: PaymentRecord): PaymentMethodRecord | null {
  return record.payment_method_id ? (core.state.payment_methods[record.payment_method_id] ?? null) : null;
}

export function failWithoutMethod(core: SandboxCore, record: PaymentRecord): void {
  record.status = "failed";
  record.error_code = "PAYMENT_METHOD_NOT_FOUND";
  record.error_message = "The saved payment method no longer exists.";
  record.updated_at = core.now();
  core.changed();
  emitPayment(core, "payment.failed", record);
}

/** A $0 payment for a subscription event, recorded only when the `zero_amount_payments` switch is on. */
export function recordZeroPayment(core: SandboxCore, sub: SubscriptionRecord, purpose: PaymentPurpose, metadata: Metadata): PaymentRecord {
  const record = createPayment(core, {
    purpose,
    customer_id: sub.customer_id,
    currency: sub.currency,
    total_amount: 0,
    billing: sub.billing,
    metadata,
    method: null,
    off_session: true,
    subscription_id: sub.subscription_id,
  });
  record.status = "succeeded";
  emitPayment(core, "payment.succeeded", record);
  return record;
}
