import "server-only";
import { lock } from "@/lib/db/lock";
import { inTransaction, type Tx } from "@/lib/db/tx";
import type { Payment } from "@/lib/generated/prisma/client";
import type { DecisionOutcome } from "@/lib/generated/prisma/enums";
import { emitOfferDecision } from "@/lib/outbound/payloads";
import type { Result } from "@/lib/result";
import { settledOutcome } from "@/lib/sync/rules";
import { PLAN_CHANGE_IN_FLIGHT } from "./impressions";

export type DeclineResult = Result<object, "not_found" | "already_decided" | "charge_started">;

/** Records a decision unless the impression already has one (the unique key keeps the first). */
export async function recordDecision(tx: Tx, impressionId: string, outcome: DecisionOutcome, reason: string | null, now = new Date()): Promise<void> {
  const { count } = await tx.offerDecision.createMany({ data: [{ impressionId, outcome, reason, decidedAt: now }], skipDuplicates: true });
  if (count === 1) await emitOfferDecision(tx, impressionId, outcome, reason, now);
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
  await settleDecision(tx, impressionId, outcome, outcome === "FAILED" ? (payment.errorCode ?? payment.status.toLowerCase()) : null);
}

/**
 * The decision a settled plan change implies for the UPGRADE offer impression it answers: taken
 * (applied, or scheduled) is ACCEPTED, refused or not applied is FAILED — the same rules as a
 * payment's, so an outcome learned late (the resolver job, a webhook) still decides the offer.
 */
export async function settleDecisionFromPlanChange(tx: Tx, impressionId: string, status: "APPLIED" | "SCHEDULED" | "FAILED", reason: string | null): Promise<void> {
  await settleDecision(tx, impressionId, status === "FAILED" ? "FAILED" : "ACCEPTED", status === "FAILED" ? (reason?.toLowerCase() ?? "failed") : null);
}

async function settleDecision(tx: Tx, impressionId: string, outcome: "ACCEPTED" | "FAILED", reason: string | null): Promise<void> {
  const impression = await tx.offerImpression.findUnique({ where: { id: impressionId }, select: { id: true, decision: true } });
  if (!impression) return;
  const decision = impression.decision;
  if (!decision) {
    await recordDecision(tx, impressionId, outcome, reason);
  } else if (outcome === "ACCEPTED" && (decision.outcome === "FAILED" || decision.outcome === "EXPIRED")) {
    // Compare-and-set: of two syncs of the same payment, one turns it ACCEPTED and announces it.
    const { count } = await tx.offerDecision.updateMany({ where: { id: decision.id, outcome: { in: ["FAILED", "EXPIRED"] } }, data: { outcome, reason: null } });
    if (decision.outcome === "FAILED") await followAcceptAfterFailure(tx, impressionId, new Date());
    if (count === 1) await emitOfferDecision(tx, impressionId, outcome, null, new Date());
  }
}

/**
 * A failed charge moved the funnel along its payment-failed edge (to a downsell, say). When the
 * offer is paid after all (with another card through hosted checkout, or a charge whose answer
 * was lost turns out to have gone through), the funnel continues as if it had been accepted: from
 * where the failure led, if the customer has not answered anything there, to where an accept
 * leads. The offer shown there meanwhile is closed ("superseded"): it was an alternative to what
 * the customer has now bought.
 */
async function followAcceptAfterFailure(tx: Tx, impressionId: string, now: Date): Promise<void> {
  const imp = await tx.offerImpression.findUnique({ where: { id: impressionId }, select: { funnelSessionId: true, step: { select: { onAcceptStepId: true, onFailStepId: true } } } });
  if (!imp?.funnelSessionId || !imp.step || imp.step.onAcceptStepId === imp.step.onFailStepId) return;
  const { onAcceptStepId, onFailStepId } = imp.step;
  const session = await tx.funnelSession.findUnique({ where: { id: imp.funnelSessionId }, select: { id: true, status: true, currentStepId: true, expiresAt: true } });
  if (!session || session.expiresAt <= now) return;
  const atFailTarget = onFailStepId ? session.status === "OPEN" && session.currentStepId === onFailStepId : session.status === "COMPLETED" && session.currentStepId === null;
  if (!atFailTarget) return;
  if (onFailStepId) {
    const shown = await tx.offerImpression.findFirst({ where: { funnelSessionId: session.id, stepId: onFailStepId }, select: { id: true } });
    if (shown) {
      await lockImpression(tx, shown.id);
      const current = await tx.offerImpression.findUniqueOrThrow({ where: { id: shown.id }, include: { decision: true, chargeAttempt: { select: { id: true } } } });
      // The customer already answered the step the failure led to: the funnel stays where it is.
      if (current.decision || current.chargeAttempt) return;
      if (!current.holdout) await recordDecision(tx, current.id, "EXPIRED", "superseded", now);
    }
  }
  await tx.funnelSession.updateMany({
    where: { id: session.id, status: session.status, currentStepId: session.currentStepId },
    data: onAcceptStepId ? { status: "OPEN", currentStepId: onAcceptStepId } : { status: "COMPLETED", currentStepId: null },
  });
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
    const imp = await tx.offerImpression.findUnique({ where: { id: input.impressionId }, include: { decision: true, chargeAttempt: { select: { id: true } }, planChanges: { where: PLAN_CHANGE_IN_FLIGHT, select: { id: true } } } });
    if (!imp || imp.customerId !== input.customerId || imp.holdout) return { ok: false, code: "not_found", message: "This offer is not available." };
    if (imp.chargeAttempt || imp.planChanges.length > 0) return { ok: false, code: "charge_started", message: "This offer is already being paid for." };
    if (imp.decision) {
      return imp.decision.outcome === "DECLINED" ? { ok: true } : { ok: false, code: "already_decided", message: "This offer is no longer open." };
    }
    await recordDecision(tx, imp.id, imp.expiresAt <= now ? "EXPIRED" : "DECLINED", imp.expiresAt <= now ? "window_closed" : "customer_declined", now);
    return { ok: true };
  });
}
