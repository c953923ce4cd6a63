import type { Refund, RefundCreateParams, RefundListItem } from "dodopayments/resources/index";
import type { SandboxCore } from "../core";
import { ApiError, invalid, notFound } from "../http/errors";
import { createdWithin, newestFirst } from "../http/input";
import { newId } from "../ids";
import { emitRefund } from "./events";
import { getPaymentRecord } from "./payments";
import { customerDetails, refundedAmount } from "./serialize";

export function getRefund(core: SandboxCore, refundId: string): Refund {
  const record = core.state.refunds[refundId];
  if (!record) throw notFound("Refund", refundId);
  return record.refund;
}

/**
 * A refund starts `pending` and settles like a charge (after the settle delay). Item amounts are
 * summed; without items the whole refundable remainder is refunded.
 */
export function createRefund(core: SandboxCore, params: RefundCreateParams): Refund {
  const payment = getPaymentRecord(core, params.payment_id);
  if (payment.status !== "succeeded") throw invalid(`Payment ${payment.payment_id} is ${payment.status ?? "not settled"}`);
  const refundable = payment.total_amount - refundedAmount(core, payment);
  if (refundable <= 0) throw new ApiError(422, "PAYMENT_ALREADY_REFUNDED", `Payment ${payment.payment_id} is already fully refunded`);
  const requested = params.items?.length
    ? params.items.reduce((sum, item) => sum + (item.amount ?? refundable), 0)
    : refundable;
  if (!Number.isInteger(requested) || requested <= 0) throw invalid("refund amount must be a positive integer");
  if (requested > refundable) throw invalid(`Refund of ${requested} exceeds the refundable ${refundable}`);

  const refund = {
    brand_id: core.state.brand_id,
    business_id: core.state.business_id,
    created_at: core.now(),
    customer: customerDetails(core, payment.customer_id),
    is_partial: requested < payment.total_amount,
    metadata: params.metadata ?? {},
    payment_id: payment.payment_id,
    refund_id: newId("ref"),
    status: "pending",
    amount: requested,
    currency: payment.currency,
    reason: params.reason ?? null,
  } satisfies Required<Refund>;
  core.state.refunds[refund.refund_id] = { seq: core.nextSeq(), refund };
  payment.refund_ids.push(refund.refund_id);
  core.changed();
  return refund;
}

/** Test-mode refunds always succeed. */
export function settleRefund(core: SandboxCore, refundId: string): void {
  const refund = core.state.refunds[refundId]?.refund;
  if (!refund || refund.status !== "pending") return;
  refund.status = "succeeded";
  core.changed();
  emitRefund(core, "refund.succeeded", refund);
}

export function listRefunds(core: SandboxCore, query: URLSearchParams): RefundListItem[] {
  const customerId = query.get("customer_id");
  const status = query.get("status");
  const subscriptionId = query.get("subscription_id");
  return newestFirst(Object.values(core.state.refunds))
    .map((r) => r.refund)
    .filter((r) => !customerId || r.customer.customer_id === customerId)
    .filter((r) => !status || r.status === status)
    .filter((r) => !subscriptionId || core.state.payments[r.payment_id]?.subscription_id === subscriptionId)
    .filter((r) => createdWithin(query, r.created_at))
    .map((r) => ({
      business_id: r.business_id,
      created_at: r.created_at,
      is_partial: r.is_partial,
      payment_id: r.payment_id,
      refund_id: r.refund_id,
      status: r.status,
      amount: r.amount ?? null,
      currency: r.currency ?? null,
      reason: r.reason ?? null,
    }) satisfies Required<RefundListItem>);
}
