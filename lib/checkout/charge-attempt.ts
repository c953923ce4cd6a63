import "server-only";
import { db } from "@/lib/db/client";
import { inTransaction, type Tx } from "@/lib/db/tx";
import type { DodoFailure } from "@/lib/dodo/errors";
import type { ChargeAttempt, Payment } from "@/lib/generated/prisma/client";
import type { ChargeStatus } from "@/lib/generated/prisma/enums";
import { recordDecision } from "@/lib/offers/decide";
import { settledOutcome } from "@/lib/sync/rules";
import { PROVIDER_UNAVAILABLE } from "./failures";
import { queueOfferReceipt } from "./receipt";

// The ChargeAttempt lifecycle: the one-click charge of one offer impression.
//
//   PENDING ─ Dodo accepted the charge ─▶ SUBMITTED ─ its payment settles ─▶ SUCCEEDED | FAILED
//     ├─ Dodo refused (a 4xx: nothing charged) ─▶ FAILED
//     └─ no answer (timeout, 408, 5xx) ─▶ UNKNOWN ─ a payment shows up ─▶ SUBMITTED / SUCCEEDED / FAILED
//
// The row is written (PENDING) before Dodo is called, one per impression (unique key), so a
// charge is never sent twice. What Dodo's payment says always wins over what our side last knew:
// settleAttemptFromPayment runs on every payment state the sync engine converges on.

type PendingAttempt = Pick<ChargeAttempt, "impressionId" | "customerId" | "amount" | "currency">;

/** The attempt, PENDING, written inside the transaction that holds the impression's lock. */
export function createPendingAttempt(tx: Tx, data: PendingAttempt): Promise<ChargeAttempt> {
  return tx.chargeAttempt.create({ data: { ...data, status: "PENDING" } });
}

/** PENDING → SUBMITTED: Dodo took the charge. A webhook may have settled it already, so only fill in what is missing. */
export async function recordSubmitted(attemptId: string, session: { sessionId: string; paymentId: string | null }): Promise<void> {
  await db.chargeAttempt.updateMany({ where: { id: attemptId, status: "PENDING" }, data: { status: "SUBMITTED" } });
  await db.chargeAttempt.update({ where: { id: attemptId }, data: { dodoCheckoutSessionId: session.sessionId, dodoPaymentId: session.paymentId } });
}

/**
 * PENDING → FAILED when Dodo refused (nothing was charged), PENDING → UNKNOWN when it never
 * answered (the webhook fixes it if money did move). Either way the offer's decision is FAILED,
 * so the funnel moves on; a payment that succeeds later overrides it (settleDecisionFromPayment).
 */
export async function recordChargeFailure(attempt: Pick<ChargeAttempt, "id" | "impressionId">, failure: DodoFailure, now: Date): Promise<void> {
  const refused = failure.kind === "refused";
  const code = refused ? failure.code : PROVIDER_UNAVAILABLE;
  await inTransaction(async (tx) => {
    await tx.chargeAttempt.updateMany({ where: { id: attempt.id, status: "PENDING" }, data: { status: refused ? "FAILED" : "UNKNOWN", errorCode: code } });
    await recordDecision(tx, attempt.impressionId, "FAILED", code.toLowerCase(), now);
  });
}

/** The columns settleAttemptFromPayment needs (the sync engine reads them with the payment's other links). */
export type AttemptLink = Pick<ChargeAttempt, "id" | "impressionId" | "status" | "dodoPaymentId" | "dodoCheckoutSessionId" | "errorCode">;

function statusFor(payment: Payment, current: ChargeStatus): ChargeStatus {
  const settled = settledOutcome(payment.status);
  if (settled) return settled === "paid" ? "SUCCEEDED" : "FAILED";
  // Still in flight: Dodo has it, whatever our side last knew.
  return current === "PENDING" || current === "UNKNOWN" ? "SUBMITTED" : current;
}

/** The attempt as its payment (newest stored state) says; writes only when something moves. */
export async function settleAttemptFromPayment(tx: Tx, payment: Payment, attempt: AttemptLink): Promise<void> {
  const data = {
    status: statusFor(payment, attempt.status),
    dodoPaymentId: attempt.dodoPaymentId ?? payment.id,
    dodoCheckoutSessionId: attempt.dodoCheckoutSessionId ?? payment.checkoutSessionId,
    errorCode: payment.status === "SUCCEEDED" ? null : (payment.errorCode ?? attempt.errorCode),
  };
  const changed = (Object.keys(data) as (keyof typeof data)[]).some((k) => data[k] !== attempt[k]);
  if (!changed) return;
  await tx.chargeAttempt.update({ where: { id: attempt.id }, data });
  // Money taken: the customer gets a receipt saying what was added and where to find it.
  if (data.status === "SUCCEEDED" && attempt.status !== "SUCCEEDED") await queueOfferReceipt(tx, attempt.id, payment.customerId);
}
