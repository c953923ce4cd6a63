import "server-only";
import { lock } from "@/lib/db/lock";
import { inTransaction, type Tx } from "@/lib/db/tx";
import type { Payment } from "@/lib/generated/prisma/client";
import type { DecisionOutcome } from "@/lib/generated/prisma/enums";
import type { Result } from "@/lib/result";
import { settledOutcome } from "@/lib/sync/rules";

export type DeclineResult = Result<object, "not_found" | "already_decided" | "charge_started">;

/** Records a decision unless the impression already has one (the unique key keeps the first). */
export async function recordDecision(tx: Tx, impressionId: string, outcome: DecisionOutcome, reason: string | null, now = new Date()): Promise<void> {
  await tx.offerDecision.createMany({ data: [{ impressionId, outcome, reason, decidedAt: now }], skipDuplicates: true });
}

/**
 * The decision a settled payment for this impression implies: accepted when it was paid, failed
 * when it was not, unless the impression was already decided. Money taken overrides an earlier
 * failure or expiry of the same impression. Nothing happens while the payment is unsettled.
 */
export async function settleDecisionFromPayment(tx: Tx, impressionId: string, payment: Payment): Promise<void> {
  const settled = settledOutcome(payment.status);
  if (!settled) return;
  const outcome: DecisionOutcome = settled === "paid" ? "ACCEPTED" : "FAILED";
  const impression = await tx.offerImpression.findUnique({ where: { id: impressionId }, select: { id: true, decision: true } });
  if (!impression) return;
  const decision = impression.decision;
  if (!decision) {
    const reason = outcome === "FAILED" ? (payment.errorCode ?? payment.status.toLowerCase()) : null;
    await tx.offerDecision.createMany({ data: [{ impressionId, outcome, reason }], skipDuplicates: true });
  } else if (outcome === "ACCEPTED" && (decision.outcome === "FAILED" || decision.outcome === "EXPIRED")) {
    await tx.offerDecision.update({ where: { id: decision.id }, data: { outcome, reason: null } });
  }
}

/** Serialises everything that decides one impression (accept vs decline, two tabs) across instances. */
export function lockImpression(tx: Tx, impressionId: string): Promise<void> {
  return lock(tx, "offer-decision", impressionId);
}

/**
 * "No thanks". Only the customer who saw the offer may decline it, and not once a charge has
 * started (that decision belongs to the payment's outcome). Declining twice is harmless.
 */
export async function declineOffer(input: { impressionId: string; customerId: string }, now = new Date()): Promise<DeclineResult> {
  return inTransaction(async (tx) => {
    await lockImpression(tx, input.impressionId);
    const imp = await tx.offerImpression.findUnique({ where: { id: input.impressionId }, include: { decision: true, chargeAttempt: { select: { id: true } } } });
    if (!imp || imp.customerId !== input.customerId || imp.holdout) return { ok: false, code: "not_found", message: "This offer is not available." };
    if (imp.chargeAttempt) return { ok: false, code: "charge_started", message: "This offer is already being paid for." };
    if (imp.decision) {
      return imp.decision.outcome === "DECLINED" ? { ok: true } : { ok: false, code: "already_decided", message: "This offer is no longer open." };
    }
    await recordDecision(tx, imp.id, imp.expiresAt <= now ? "EXPIRED" : "DECLINED", imp.expiresAt <= now ? "window_closed" : "customer_declined", now);
    return { ok: true };
  });
}
