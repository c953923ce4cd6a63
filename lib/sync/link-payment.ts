import "server-only";
import { settleAttemptFromPayment, type AttemptLink } from "@/lib/checkout/charge-attempt";
import type { Tx } from "@/lib/db/tx";
import { readEncoreMetadata } from "@/lib/dodo/metadata";
import type { Payment } from "@/lib/generated/prisma/client";
import { settleDecisionFromPayment } from "@/lib/offers/decide";
import { settlePlanChangeFromPayment, type PlanChangeLink } from "@/lib/plans/plan-change";

// What a payment belongs to on our side — the one-click ChargeAttempt and its offer decision, or
// a PlanChange — and handing it to their state machines. Everything is derived from the stored
// (newest) payment state, so running it again, or after an older event, changes nothing.

/**
 * The charge attempt and the plan change a payment may belong to, in one round trip: by the ids
 * our side put in its metadata, else by the payment or checkout session id Dodo returned to us.
 * (A null parameter matches nothing.)
 */
async function findLinks(tx: Tx, payment: Payment, ids: ReturnType<typeof readEncoreMetadata>): Promise<{ attempt: AttemptLink | null; change: PlanChangeLink | null }> {
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
          'dodoPaymentId', c."dodoPaymentId", 'onPaymentFailure', c."onPaymentFailure", 'impressionId', c."impressionId")
        FROM "PlanChange" c
        WHERE c."id" = ${planChangeId} OR c."dodoPaymentId" = ${payment.id}
        LIMIT 1) AS "change"`;
  return links ?? { attempt: null, change: null };
}

/**
 * Records which impression the payment pays for (when that impression exists), so the offer stats
 * count its revenue whichever way it was paid. Writes only when it changes.
 */
async function attributeToImpression(tx: Tx, payment: Payment, impressionId: string): Promise<void> {
  if (payment.impressionId === impressionId) return;
  await tx.$executeRaw`
    UPDATE "Payment" SET "impressionId" = i.id FROM "OfferImpression" i
    WHERE "Payment".id = ${payment.id} AND i.id = ${impressionId}`;
}

export async function linkPayment(tx: Tx, payment: Payment): Promise<void> {
  const ids = readEncoreMetadata(payment.metadata);
  const { attempt, change } = await findLinks(tx, payment, ids);
  if (attempt) await settleAttemptFromPayment(tx, payment, attempt);
  // An offer bought through hosted checkout (no saved card, or "use another card" after a failed
  // one-click charge) has no attempt of its own, only the impression in its metadata. An UPGRADE
  // offer is paid by its plan change's payment: the change names the impression.
  const impressionId = attempt?.impressionId ?? ids.impressionId ?? change?.impressionId;
  if (impressionId) {
    await attributeToImpression(tx, payment, impressionId);
    await settleDecisionFromPayment(tx, impressionId, payment);
  }
  if (change) await settlePlanChangeFromPayment(tx, payment, change);
}
