import type { CreditLedgerEntry } from "dodopayments/resources/credit-entitlements/balances";
import type { Refund, WebhookEventType, WebhookPayload } from "dodopayments/resources/index";
import type { SandboxCore } from "../core";
import type { DisputeRecord, PaymentRecord, SubscriptionRecord } from "../state/types";
import { getDispute } from "./disputes";
import { payment as serializePayment, subscription as serializeSubscription } from "./serialize";

/**
 * The object a webhook is about. Dodo delivers "the latest payload at the time of delivery,
 * regardless of when the webhook event was originally emitted" (docs: developer-resources/webhooks,
 * Event Ordering; SDK `WebhookPayload.data`: "The latest data at the time of delivery attempt"), so
 * the dispatcher re-reads the object through this reference on every attempt.
 */
export type EventRef = { kind: "payment" | "subscription" | "refund" | "dispute"; id: string };

type EventData = WebhookPayload["data"];

function paymentData(core: SandboxCore, record: PaymentRecord): EventData {
  return { ...serializePayment(core, record), payload_type: "Payment" };
}

function subscriptionData(core: SandboxCore, record: SubscriptionRecord): EventData {
  // No grace periods are modelled, so the deadline is always null (but present, as Dodo sends it).
  return { ...serializeSubscription(core, record), payload_type: "Subscription", past_due_ends_at: null };
}

function refundData(refund: Refund): EventData {
  return { ...refund, payload_type: "Refund" };
}

export function emitPayment(core: SandboxCore, type: WebhookEventType, record: PaymentRecord): void {
  core.emit(type, paymentData(core, record), { kind: "payment", id: record.payment_id });
}

export function emitSubscription(core: SandboxCore, type: WebhookEventType, record: SubscriptionRecord): void {
  core.emit(type, subscriptionData(core, record), { kind: "subscription", id: record.subscription_id });
}

export function emitRefund(core: SandboxCore, type: WebhookEventType, refund: Refund): void {
  core.emit(type, refundData(refund), { kind: "refund", id: refund.refund_id });
}

/** Ledger entries never change, so a credit event's payload is the same at any delivery. */
export function emitCreditLedgerEntry(core: SandboxCore, type: WebhookEventType, entry: CreditLedgerEntry): void {
  core.emit(type, { ...entry, payload_type: "CreditLedgerEntry" });
}

/** `credit.balance_low` (payload `CreditBalanceLow`): "Current credit balance at the time of the alert", a snapshot. */
export function emitCreditBalanceLow(core: SandboxCore, data: Omit<WebhookPayload.CreditBalanceLow, "payload_type">): void {
  core.emit("credit.balance_low", { ...data, payload_type: "CreditBalanceLow" });
}

export function emitDispute(core: SandboxCore, type: WebhookEventType, record: DisputeRecord): void {
  core.emit(type, { ...getDispute(core, record), payload_type: "Dispute" }, { kind: "dispute", id: record.dispute_id });
}

/** The object's current state as a webhook `data`, or null once it no longer exists (e.g. after a reset). */
export function renderEvent(core: SandboxCore, ref: EventRef): EventData | null {
  switch (ref.kind) {
    case "payment": {
      const record = core.state.payments[ref.id];
      return record ? paymentData(core, record) : null;
    }
    case "subscription": {
      const record = core.state.subscriptions[ref.id];
      return record ? subscriptionData(core, record) : null;
    }
    case "refund": {
      const record = core.state.refunds[ref.id];
      return record ? refundData(record.refund) : null;
    }
    case "dispute": {
      const record = core.state.disputes[ref.id];
      return record ? { ...getDispute(core, record), payload_type: "Dispute" } : null;
    }
  }
}
