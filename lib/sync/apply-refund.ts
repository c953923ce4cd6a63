import "server-only";
import type { RefundListItem } from "dodopayments/resources/payments";
import type { Refund } from "dodopayments/resources/refunds";
import { lockObject } from "./object-lock";
import { refundStatusRank } from "./rules";
import { settlePayment } from "./settle-payment";
import type { Tx } from "@/lib/db/tx";
import type { ApplyContext } from "./types";

/**
 * Upserts one refund (from a refund.* event or a payment's refunds[]). A refund's status only moves
 * forward (pending/review → succeeded/failed), so an older status never replaces a newer one.
 * Dodo may omit the amount of a full refund: it is then the payment's total.
 */
export async function upsertRefund(
  tx: Tx,
  refund: RefundListItem,
  payment: { totalAmount: number; currency: string },
): Promise<boolean> {
  const stored = await tx.refund.findUnique({ where: { id: refund.refund_id }, select: { status: true } });
  if (stored && refundStatusRank(refund.status) < refundStatusRank(stored.status)) return false;
  const fields = {
    amount: refund.amount ?? (refund.is_partial ? 0 : payment.totalAmount),
    currency: refund.currency ?? payment.currency,
    status: refund.status,
    isPartial: refund.is_partial,
    reason: refund.reason ?? null,
  };
  if (stored) {
    await tx.refund.update({ where: { id: refund.refund_id }, data: fields });
  } else {
    await tx.refund.create({
      data: { id: refund.refund_id, paymentId: refund.payment_id, dodoCreatedAt: new Date(refund.created_at), ...fields },
    });
  }
  return true;
}

/**
 * refund.succeeded / refund.failed: record the refund, then recompute the payment's refunded
 * amount and state; a full refund revokes what the payment granted. The payment row is made to
 * exist before the transaction (prepareObject in sync.ts).
 */
export async function applyRefund(ctx: ApplyContext, refund: Refund): Promise<void> {
  await lockObject(ctx, refund.payment_id);
  const payment = await ctx.tx.payment.findUnique({ where: { id: refund.payment_id } });
  if (!payment) throw new Error(`refund ${refund.refund_id}: payment ${refund.payment_id} is unknown`);
  if (await upsertRefund(ctx.tx, refund, payment)) await ctx.checkpoint();
  await settlePayment(ctx, payment);
}
