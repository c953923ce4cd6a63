import type { SandboxCore } from "../core";
import { failWithoutMethod, methodOf, runCharge } from "./payments";
import { planChangeSettled } from "./plan-change";
import { settleRefund } from "./refunds";
import { activateNewSubscription, duesSettled, failNewSubscription } from "./subscriptions";

/** Queues an asynchronous charge (one-click, plan change, dues) to settle after the settle delay. */
export function scheduleSettlement(core: SandboxCore, paymentId: string): void {
  core.defer(`payment:${paymentId}`, () => settlePayment(core, paymentId));
}

export function scheduleRefundSettlement(core: SandboxCore, refundId: string): void {
  core.defer(`refund:${refundId}`, () => settleRefund(core, refundId));
}

/** `processing` → `succeeded` / `failed`, then the consequences for the subscription it pays for. */
export function settlePayment(core: SandboxCore, paymentId: string): void {
  const record = core.state.payments[paymentId];
  if (!record || record.status !== "processing") return;
  const method = methodOf(core, record);
  let ok = false;
  if (method) ok = runCharge(core, record, method);
  else failWithoutMethod(core, record);

  const sub = record.subscription_id ? core.state.subscriptions[record.subscription_id] : undefined;
  if (!sub) return;
  if (record.purpose === "subscription_start") {
    if (ok) activateNewSubscription(core, sub, record.payment_method_id);
    else failNewSubscription(core, sub);
  } else if (record.purpose === "plan_change") {
    planChangeSettled(core, sub, record, ok);
  } else if (record.purpose === "dues") {
    duesSettled(core, sub, ok);
  }
}

/** After a restart, re-queue whatever was still in flight when state was saved. */
export function resumeSettlements(core: SandboxCore): void {
  for (const payment of Object.values(core.state.payments)) {
    if (payment.status === "processing") scheduleSettlement(core, payment.payment_id);
  }
  for (const { refund } of Object.values(core.state.refunds)) {
    if (refund.status === "pending") scheduleRefundSettlement(core, refund.refund_id);
  }
}
