import "server-only";
import type { ChargeStatus, DecisionOutcome } from "@/lib/generated/prisma/enums";
import type { ChargeAttempt, Payment } from "@/lib/generated/prisma/client";
import { settleFromPayment, type PlanChangeLink } from "@/lib/plans/plan-change";
import type { Tx } from "@/lib/db/tx";
import { readEncoreMetadata } from "@/lib/dodo/metadata";

// Resolves what a payment belongs to on our side: the one-click ChargeAttempt and its offer
// decision, or a PlanChange. Everything is derived from the stored (newest) payment state, so
// running it again, or after an older event, changes nothing.

function chargeStatusFor(payment: Payment, current: ChargeStatus): ChargeStatus {
  if (payment.status === "SUCCEEDED") return "SUCCEEDED";
  if (payment.status === "FAILED" || payment.status === "CANCELLED") return "FAILED";
  // Still in flight: Dodo has it, whatever our side last knew.
  return current === "PENDING" || current === "UNKNOWN" ? "SUBMITTED" : current;
}

function decisionFor(payment: Payment): DecisionOutcome | null {
  if (payment.status === "SUCCEEDED") return "ACCEPTED";
  if (payment.status === "FAILED" || payment.status === "CANCELLED") return "FAILED";
  return null;
}

type AttemptLink = Pick<ChargeAttempt, "id" | "impressionId" | "status" | "dodoPaymentId" | "dodoCheckoutSessionId" | "errorCode">;

/**
 * The charge attempt and the plan change a payment may belong to, in one round trip: by the ids
 * our side put in its metadata, else by the payment or checkout session id Dodo returned to us.
 * (A null parameter matches nothing.)
 */
async function findLinks(tx: Tx, payment: Payment): Promise<{ attempt: AttemptLink | null; change: PlanChangeLink | null }> {
  const ids = readEncoreMetadata(payment.metadata);
  const attemptId = ids.chargeAttemptId ?? null;
  const planChangeId = ids.planChangeId ?? null;
  const [links] = await tx.$queryRaw<{ attempt: AttemptLink | null; change: PlanChangeLink | null }[]>`
    SELECT
      (SELECT jsonb_build_object('id', a."id", 'impressionId', a."impressionId", 'status', a."status",
          'dodoPaymentId', a."dodoPaymentId", 'dodoCheckoutSessionId', a."dodoCheckoutSessionId", 'errorCode', a."errorCode")
        FROM "ChargeAttempt" a
        WHERE a."id" = ${attemptId} OR a."dodoPaymentId" = ${payment.id} OR a."dodoCheckoutSessionId" = ${payment.checkoutSessionId}
        LIMIT 1) AS "attempt",
      (SELECT jsonb_build_object('id', c."id", 'status', c."status", 'errorCode', c."errorCode",
          'dodoPaymentId', c."dodoPaymentId", 'onPaymentFailure', c."onPaymentFailure")
        FROM "PlanChange" c
        WHERE c."id" = ${planChangeId} OR c."dodoPaymentId" = ${payment.id}
        LIMIT 1) AS "change"`;
  return links ?? { attempt: null, change: null };
}

async function linkChargeAttempt(tx: Tx, payment: Payment, attempt: AttemptLink | null): Promise<void> {
  const impressionId = attempt?.impressionId ?? readEncoreMetadata(payment.metadata).impressionId;
  if (attempt) {
    const data = {
      status: chargeStatusFor(payment, attempt.status),
      dodoPaymentId: attempt.dodoPaymentId ?? payment.id,
      dodoCheckoutSessionId: attempt.dodoCheckoutSessionId ?? payment.checkoutSessionId,
      errorCode: payment.status === "SUCCEEDED" ? null : (payment.errorCode ?? attempt.errorCode),
    };
    const changed = (Object.keys(data) as (keyof typeof data)[]).some((k) => data[k] !== attempt[k]);
    if (changed) await tx.chargeAttempt.update({ where: { id: attempt.id }, data });
  }
  const outcome = decisionFor(payment);
  if (!impressionId || !outcome) return;
  const impression = await tx.offerImpression.findUnique({ where: { id: impressionId }, select: { id: true, decision: true } });
  if (!impression) return;
  const decision = impression.decision;
  if (!decision) {
    const reason = outcome === "FAILED" ? (payment.errorCode ?? payment.status.toLowerCase()) : null;
    await tx.offerDecision.createMany({ data: [{ impressionId, outcome, reason }], skipDuplicates: true });
  } else if (outcome === "ACCEPTED" && (decision.outcome === "FAILED" || decision.outcome === "EXPIRED")) {
    // Money was taken: a success overrides an earlier failure or expiry of the same impression.
    await tx.offerDecision.update({ where: { id: decision.id }, data: { outcome, reason: null } });
  }
}

export async function linkPayment(tx: Tx, payment: Payment): Promise<void> {
  const { attempt, change } = await findLinks(tx, payment);
  await linkChargeAttempt(tx, payment, attempt);
  if (change) await settleFromPayment(tx, payment, change);
}
