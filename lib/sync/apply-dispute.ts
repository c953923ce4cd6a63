import "server-only";
import type { Dispute } from "dodopayments/resources/disputes";
import { lockObject } from "./object-lock";
import { disputeStatusRank, parseMinorAmount } from "./rules";
import type { Tx } from "@/lib/db/tx";
import type { ApplyContext } from "./types";

/** Upserts one dispute; its status only moves forward (opened → challenged → won/lost/…). */
export async function upsertDispute(tx: Tx, dispute: Dispute): Promise<boolean> {
  const stored = await tx.dispute.findUnique({ where: { id: dispute.dispute_id }, select: { status: true } });
  if (stored && disputeStatusRank(dispute.dispute_status) < disputeStatusRank(stored.status)) return false;
  const fields = {
    amount: parseMinorAmount(dispute.amount),
    currency: dispute.currency,
    status: dispute.dispute_status,
    stage: dispute.dispute_stage,
  };
  await tx.dispute.upsert({
    where: { id: dispute.dispute_id },
    create: { id: dispute.dispute_id, paymentId: dispute.payment_id, dodoCreatedAt: new Date(dispute.created_at), ...fields },
    update: fields,
  });
  return true;
}

/** dispute.*: recorded against its payment for the merchant; access is not changed by a dispute. */
export async function applyDispute(ctx: ApplyContext, dispute: Dispute): Promise<void> {
  await lockObject(ctx, dispute.payment_id);
  const payment = await ctx.tx.payment.findUnique({ where: { id: dispute.payment_id }, select: { id: true } });
  if (!payment) throw new Error(`dispute ${dispute.dispute_id}: payment ${dispute.payment_id} is unknown`);
  if (await upsertDispute(ctx.tx, dispute)) await ctx.checkpoint();
}
