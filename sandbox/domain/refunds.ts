import type { Refund, RefundCreateParams, RefundListItem } from "dodopayments/resources/index";
import type { SandboxCore } from "../core";
import { ApiError, notFound } from "../http/errors";
import { createdWithin, newestFirst } from "../http/input";
import { newId } from "../ids";
import { emitRefund } from "./events";
import { paymentLineItems } from "./line-items";
import { getPaymentRecord } from "./payments";
import { customerDetails } from "./serialize";

/** SDK: "The reason for the refund, if any. Maximum length is 3000 characters." */
const MAX_REASON_LENGTH = 3000;

/**
 * Refusals with the codes of Dodo's error-code reference (Refunds). The reference gives them no HTTP
 * status; 422, as the OAS lists for `POST /refunds`, is UNCONFIRMED.
 */
const refuse = (code: string, message: string) => new ApiError(422, code, message);

export function getRefund(core: SandboxCore, refundId: string): Refund {
  const record = core.state.refunds[refundId];
  if (!record) throw notFound("Refund", refundId);
  return record.refund;
}

/**
 * `POST /refunds`. Without `items` the whole refundable remainder is refunded; with items ("Partially
 * Refund an Individual Item", SDK) each names a line item (`item_id` = product or addon id) and an
 * amount (none = "the whole item"). A refund starts `pending` and settles like a charge.
 */
export function createRefund(core: SandboxCore, params: RefundCreateParams): Refund {
  const payment = getPaymentRecord(core, params.payment_id);
  if (payment.status !== "succeeded") throw refuse("PAYMENT_NOT_SUCCEEDED", "The provided payment has not succeeded");
  if (payment.total_amount === 0) throw refuse("ZERO_AMOUNT_PAYMENT_REFUND_NOT_ALLOWED", "Cannot refund a payment with zero currency amount");
  if (payment.refund_ids.some((id) => core.state.refunds[id]!.refund.status === "pending")) {
    throw refuse("EXISTING_REFUND_REQUEST_PROCESSING", 'A refund request with status "Pending" is still being processed');
  }
  if ((params.reason ?? "").length > MAX_REASON_LENGTH) throw new ApiError(422, "INVALID_REQUEST_BODY", `reason: at most ${MAX_REASON_LENGTH} characters`);
  const lines = paymentLineItems(core, payment);
  const refundable = lines.reduce((sum, line) => sum + line.refundable_amount, 0);
  if (refundable <= 0) throw refuse("PAYMENT_ALREADY_REFUNDED", "This payment has already been refunded");

  const items = params.items?.length ? requestedItems(params.items, lines) : lines.filter((l) => l.refundable_amount > 0).map((l) => ({ item_id: l.items_id, amount: l.refundable_amount }));
  const requested = items.reduce((sum, item) => sum + item.amount, 0);
  if (requested > refundable) throw refuse("REFUND_AMOUNT_EXCEEDS_PAID_AMOUNT", "The calculated refund amount is larger than the paid amount");

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
  core.state.refunds[refund.refund_id] = { seq: core.nextSeq(), refund, items };
  payment.refund_ids.push(refund.refund_id);
  core.changed();
  return refund;
}

function requestedItems(requested: NonNullable<RefundCreateParams["items"]>, lines: ReturnType<typeof paymentLineItems>) {
  const ids = requested.map((item) => item.item_id);
  if (new Set(ids).size !== ids.length) throw refuse("DUPLICATE_LINE_ITEMS_IN_REQUEST", "Duplicate item_ids specified in items array");
  return requested.map((item) => {
    const line = lines.find((l) => l.items_id === item.item_id);
    if (!line) throw refuse("LINE_ITEM_NOT_FOUND", `Line item ${item.item_id} not found in payment`);
    if (line.refundable_amount <= 0) throw refuse("LINE_ITEM_FULLY_REFUNDED", `Line item ${item.item_id} has been fully refunded cannot be refunded further.`);
    const amount = item.amount ?? line.refundable_amount;
    if (!Number.isInteger(amount) || amount <= 0) throw refuse("LINE_ITEM_REFUND_AMOUNT_TOO_LOW", `Line item ${item.item_id} requested refund amount is ${amount} which is too low`);
    if (amount > line.refundable_amount) {
      throw refuse("LINE_ITEM_REFUND_AMOUNT_TOO_HIGH", `Line item ${item.item_id} requested refund amount including tax is ${amount} which is above the paid amount ${line.refundable_amount}`);
    }
    return { item_id: item.item_id, amount };
  });
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
