import { addInterval } from "../clock";
import type { SandboxCore } from "../core";
import type { SubscriptionRecord } from "../state/types";
import { createPayment, failWithoutMethod, recordZeroPayment, runCharge } from "./payments";
import { applyPlan } from "./plan-change";
import { applyCredit, planTotal } from "./proration";
import { startCreditCycle } from "./credit-cycles";
import { emitSubscription } from "./events";
import { putOnHold } from "./subscriptions";
import { discountedLines, spendRenewalCycle } from "./subscription-discounts";

/** Guards against a runaway loop if a clock jump spans thousands of daily cycles. */
const MAX_RENEWALS_PER_RUN = 10_000;

/**
 * Runs every renewal that has fallen due by sandbox time, oldest first, one cycle at a time (a jump of
 * three months renews a monthly plan three times). Renewal charges settle synchronously so a clock move
 * answers with the outcome already applied.
 */
export function runDueRenewals(core: SandboxCore): number {
  let renewals = 0;
  for (; renewals < MAX_RENEWALS_PER_RUN; renewals++) {
    const now = Date.parse(core.now());
    // A renewal still waiting for its payment (3-D Secure) is not run again meanwhile.
    const due = Object.values(core.state.subscriptions)
      .filter((s) => s.status === "active" && !s.charging_payment_id && Date.parse(s.next_billing_date) <= now)
      .sort((a, b) => Date.parse(a.next_billing_date) - Date.parse(b.next_billing_date))[0];
    if (!due) break;
    renewOnce(core, due);
  }
  return renewals;
}

function renewOnce(core: SandboxCore, record: SubscriptionRecord): void {
  const periodEnd = record.next_billing_date;
  if (record.cancel_at_next_billing_date) {
    record.status = "cancelled";
    record.cancelled_at = periodEnd;
    record.scheduled_change = null;
    core.changed();
    // A scheduled cancellation takes effect at the period end by the clock (SDK `cancel_at_next_billing_date`).
    emitSubscription(core, "subscription.cancelled", record);
    emitSubscription(core, "subscription.updated", record);
    return;
  }
  const scheduled = record.scheduled_change;
  if (scheduled) {
    record.scheduled_change = null;
    record.discounts = scheduled.discounts;
    applyPlan(core, record, { product_id: scheduled.product_id, quantity: scheduled.quantity, addons: scheduled.addons }, false);
  }

  // The subscription's discounts with cycles left take their share of this renewal and use one cycle.
  const due = planTotal(discountedLines(core, record.plan, record.currency, record.discounts));
  const discountIds = spendRenewalCycle(record);
  const { charged, credit_used } = applyCredit(due, record.credit_balance);
  record.credit_balance -= credit_used;
  if (charged === 0) {
    if (core.settings.zero_amount_payments) recordZeroPayment(core, record, "renewal", record.metadata);
    advancePeriod(core, record);
    return;
  }
  const method = record.payment_method_id ? core.state.payment_methods[record.payment_method_id] : undefined;
  const payment = createPayment(core, {
    purpose: "renewal",
    customer_id: record.customer_id,
    currency: record.currency,
    total_amount: charged,
    billing: record.billing,
    metadata: record.metadata,
    method: method ?? null,
    off_session: true,
    subscription_id: record.subscription_id,
    discount_ids: discountIds,
  });
  const result = method ? runCharge(core, payment, method) : (failWithoutMethod(core, payment), "failed" as const);
  if (result === "succeeded") advancePeriod(core, record);
  // Waiting for the customer's authentication: still active, renewed or put on hold once it resolves
  // (settlement.paymentSettled). Dodo documents on_hold when the customer fails to authorise (India
  // high-value charges, features/subscription); what the status is meanwhile is UNCONFIRMED.
  else if (result === "requires_customer_action") record.charging_payment_id = payment.payment_id;
  else putOnHold(core, record, charged);
}

export function advancePeriod(core: SandboxCore, record: SubscriptionRecord): void {
  record.previous_billing_date = record.next_billing_date;
  record.next_billing_date = addInterval(record.next_billing_date, record.payment_frequency_interval, record.payment_frequency_count);
  core.changed();
  emitSubscription(core, "subscription.renewed", record);
  startCreditCycle(core, record);
}
