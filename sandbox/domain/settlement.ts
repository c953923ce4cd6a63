import type { SandboxCore } from "../core";
import type { PaymentRecord } from "../state/types";
import { grantOneTimeCredits } from "./credit-cycles";
import { failWithoutMethod, methodOf, runCharge } from "./payments";
import { planChangeSettled } from "./plan-change";
import { settleRefund } from "./refunds";
import { advancePeriod } from "./renewals";
import { activateNewSubscription, duesSettled, failNewSubscription, putOnHold } from "./subscriptions";

/** Queues an asynchronous charge (one-click, plan change, dues) to settle after the settle delay. */
export function scheduleSettlement(core: SandboxCore, paymentId: string): void {
  core.defer(`payment:${paymentId}`, () => settlePayment(core, paymentId));
}

export function scheduleRefundSettlement(core: SandboxCore, refundId: string): void {
  core.defer(`refund:${refundId}`, () => settleRefund(core, refundId));
}

/** `processing` → `succeeded` / `failed` (then the consequences) or `requires_customer_action` (consequences wait). */
export function settlePayment(core: SandboxCore, paymentId: string): void {
  const record = core.state.payments[paymentId];
  if (!record || record.status !== "processing") return;
  const method = methodOf(core, record);
  if (!method) {
    failWithoutMethod(core, record);
    return paymentSettled(core, record, false);
  }
  const result = runCharge(core, record, method);
  if (result !== "requires_customer_action") paymentSettled(core, record, result === "succeeded");
}

/** What a payment's final outcome does to the subscription it pays for. */
export function paymentSettled(core: SandboxCore, record: PaymentRecord, ok: boolean): void {
  if (ok && record.product_cart?.length) grantOneTimeCredits(core, record);
  const sub = record.subscription_id ? core.state.subscriptions[record.subscription_id] : undefined;
  if (!sub) return;
  switch (record.purpose) {
    case "subscription_start":
      if (ok) activateNewSubscription(core, sub, record.payment_method_id);
      else failNewSubscription(core, sub);
      return;
    case "plan_change":
      return planChangeSettled(core, sub, record, ok);
    case "dues":
      return duesSettled(core, sub, ok);
    case "renewal":
      // A renewal that waited for authentication: renewed from its due date, or on hold as any failed renewal.
      if (sub.charging_payment_id !== record.payment_id) return;
      sub.charging_payment_id = null;
      if (ok) advancePeriod(core, sub);
      else putOnHold(core, sub, record.total_amount);
      return;
    case "one_time":
      return;
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
