import "server-only";
import type { Payment } from "@/lib/generated/prisma/client";
import { convergePaymentEntitlements } from "@/lib/entitlements/grant";
import { linkPayment } from "./link-payment";
import { refundTotals, type RefundRow } from "./rules";
import type { ApplyContext } from "./types";

/**
 * Recomputes everything derived from a payment's stored state and its refunds: refunded amount
 * and state, the charge attempt / offer decision / plan change it belongs to, and its entitlements.
 * Callers hold the payment's lock and pass its current row, and its refund rows when they know
 * them without a query.
 */
export async function settlePayment(ctx: ApplyContext, current: Payment, knownRefunds?: RefundRow[]): Promise<void> {
  const { tx } = ctx;
  const paymentId = current.id;
  let payment = current;
  const refunds =
    knownRefunds ?? (await tx.refund.findMany({ where: { paymentId }, select: { amount: true, isPartial: true, status: true } }));
  const totals = refundTotals(payment.totalAmount, refunds);
  if (totals.refundedAmount !== payment.refundedAmount || totals.refundState !== payment.refundState) {
    payment = await tx.payment.update({ where: { id: paymentId }, data: totals });
  }
  await linkPayment(tx, payment);
  await convergePaymentEntitlements(tx, payment, ctx.observedAt);
}
