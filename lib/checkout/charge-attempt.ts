import "server-only";
import { randomUUID } from "node:crypto";
import { db } from "@/lib/db/client";
import { inTransaction, type Tx } from "@/lib/db/tx";
import type { DodoFailure } from "@/lib/dodo/errors";
import type { ChargeAttempt, Payment } from "@/lib/generated/prisma/client";
import type { ChargeStatus, PaymentStatus } from "@/lib/generated/prisma/enums";
import { enqueue } from "@/lib/jobs/queue";
import { recordDecision } from "@/lib/offers/decide";
import { settledOutcome } from "@/lib/sync/rules";
import { NOT_CHARGED, PAYMENT_CANCELLED, PROVIDER_UNAVAILABLE } from "./failures";
import type { AttemptPayment } from "./outcome";
import { queueOfferReceipt } from "./receipt";

// The ChargeAttempt lifecycle: the one-click charge of one offer impression.
//
//   PENDING ─ Dodo accepted the charge ─▶ SUBMITTED ─ its payment settles ─▶ SUCCEEDED | FAILED
//     ├─ Dodo refused (a 4xx: nothing charged) ─▶ FAILED, and the offer's decision FAILED
//     └─ no answer (timeout, 408, 5xx), or a PENDING left behind by a crash ─▶ UNKNOWN
//          ├─ its payment shows up (webhook, page sync, the resolver job) ─▶ SUBMITTED / SUCCEEDED / FAILED
//          └─ the resolver finds none at Dodo after CHARGE_SETTLE_SECONDS ─▶ FAILED (NOT_CHARGED)
//
// The row is written (PENDING) before Dodo is called, one per impression (unique key), so a
// charge is never sent twice. UNKNOWN records no decision: the funnel waits on this offer (no
// downsell, no fallback checkout) until the outcome is known. What Dodo's payment says always
// wins over what our side last knew: settleAttemptFromPayment runs on every payment state the sync
// engine converges on, even after the resolver concluded NOT_CHARGED.

type PendingAttempt = Pick<ChargeAttempt, "impressionId" | "customerId" | "amount" | "currency" | "quantity">;

/**
 * The attempt, PENDING, written inside the transaction that holds the impression's lock, unless
 * the impression was answered (a decision) or claimed (an attempt) meanwhile: null then. Those are
 * the only things about an impression another request can change, and this statement runs after
 * the lock was taken, so it sees whatever a decline or another accept committed before it. Raw
 * SQL on the accept path (a Prisma create costs several times its CPU); ids are random UUIDs, as
 * the other rows written in SQL (ids are opaque strings).
 */
export async function claimPendingAttempt(tx: Tx, data: PendingAttempt): Promise<ChargeAttempt | null> {
  const now = new Date();
  const [row] = await tx.$queryRaw<ChargeAttempt[]>`
    INSERT INTO "ChargeAttempt" ("id", "impressionId", "customerId", "amount", "currency", "quantity", "status", "createdAt", "updatedAt")
    SELECT ${randomUUID()}, ${data.impressionId}, ${data.customerId}, ${data.amount}, ${data.currency}, ${data.quantity}, 'PENDING', ${now}::timestamp(3), ${now}::timestamp(3)
    WHERE NOT EXISTS (SELECT 1 FROM "OfferDecision" WHERE "impressionId" = ${data.impressionId})
    ON CONFLICT ("impressionId") DO NOTHING
    RETURNING *`;
  return row ?? null;
}

/**
 * PENDING (or UNKNOWN, when a sweep got there first) → SUBMITTED: Dodo took the charge. A webhook
 * may have settled it already, so the status only moves on from PENDING or UNKNOWN. One statement;
 * answers the attempt as it now stands, with its payment as stored (a webhook may have brought it
 * already), which is what the customer's view of it needs.
 */
export async function recordSubmitted(attemptId: string, session: { sessionId: string; paymentId: string | null }): Promise<{ attempt: ChargeAttempt; payment: AttemptPayment }> {
  const [row] = await db.$queryRaw<(ChargeAttempt & { paymentStatus: PaymentStatus | null; paymentLink: string | null })[]>`
    WITH updated AS (
      UPDATE "ChargeAttempt" SET
        "status" = CASE WHEN "status" IN ('PENDING', 'UNKNOWN') THEN 'SUBMITTED'::"ChargeStatus" ELSE "status" END,
        "errorCode" = CASE WHEN "status" IN ('PENDING', 'UNKNOWN') THEN NULL ELSE "errorCode" END,
        "dodoCheckoutSessionId" = ${session.sessionId}, "dodoPaymentId" = ${session.paymentId}, "updatedAt" = ${new Date()}::timestamp(3)
      WHERE "id" = ${attemptId}
      RETURNING *
    )
    SELECT u.*, p."status"::text AS "paymentStatus", p."paymentLink"
    FROM updated u LEFT JOIN "Payment" p ON p."id" = u."dodoPaymentId"`;
  if (!row) throw new Error(`charge attempt ${attemptId} is gone`);
  const { paymentStatus, paymentLink, ...attempt } = row;
  return { attempt, payment: paymentStatus ? { status: paymentStatus, paymentLink } : null };
}

/** The resolver's job key: one pending resolver per attempt, however many instances ask. */
export const resolveChargeJobKey = (attemptId: string) => `charge-attempt:${attemptId}`;

/** The resolver's first look: soon, but after the webhook has had a moment to arrive. */
const FIRST_CHECK_MS = 2_000;

/** Queues the resolver of an UNKNOWN attempt, inside the transaction that records it. */
function enqueueResolver(tx: Tx, attemptId: string, now: Date): Promise<void> {
  return enqueue(tx, "checkout.resolve-charge", { chargeAttemptId: attemptId }, {
    jobKey: resolveChargeJobKey(attemptId),
    jobKeyMode: "preserve_run_at",
    runAt: new Date(now.getTime() + FIRST_CHECK_MS),
  });
}

/**
 * PENDING → FAILED when Dodo refused (nothing was charged): the offer's decision is FAILED and the
 * funnel moves on. PENDING → UNKNOWN when it never answered: no decision (the funnel waits on this
 * offer), and the resolver job is queued in the same transaction.
 */
export async function recordChargeFailure(attempt: Pick<ChargeAttempt, "id" | "impressionId">, failure: DodoFailure, now: Date): Promise<void> {
  await inTransaction(async (tx) => {
    if (failure.kind === "refused") {
      const { count } = await tx.chargeAttempt.updateMany({ where: { id: attempt.id, status: "PENDING" }, data: { status: "FAILED", errorCode: failure.code } });
      if (count === 1) await recordDecision(tx, attempt.impressionId, "FAILED", failure.code.toLowerCase(), now);
      return;
    }
    const { count } = await tx.chargeAttempt.updateMany({ where: { id: attempt.id, status: "PENDING" }, data: { status: "UNKNOWN", errorCode: PROVIDER_UNAVAILABLE } });
    if (count === 1) await enqueueResolver(tx, attempt.id, now);
  });
}

/**
 * PENDING attempts older than `before` whose request never came back to be recorded (the instance
 * sending it died): UNKNOWN, each with its resolver. Returns how many.
 */
export async function markAbandonedUnknown(before: Date, now: Date, limit: number): Promise<number> {
  const stale = await db.chargeAttempt.findMany({ where: { status: "PENDING", createdAt: { lt: before } }, select: { id: true }, take: limit, orderBy: { createdAt: "asc" } });
  let marked = 0;
  for (const { id } of stale) {
    marked += await inTransaction(async (tx) => {
      const { count } = await tx.chargeAttempt.updateMany({ where: { id, status: "PENDING" }, data: { status: "UNKNOWN", errorCode: PROVIDER_UNAVAILABLE } });
      if (count === 1) await enqueueResolver(tx, id, now);
      return count;
    });
  }
  return marked;
}

/**
 * UNKNOWN → FAILED (NOT_CHARGED): the resolver searched Dodo for the attempt's payment through the
 * whole settle window and found none, so nothing was charged; the decision is FAILED and the
 * customer may use the fallback. False when something else settled it first.
 */
export async function concludeNotCharged(attempt: Pick<ChargeAttempt, "id" | "impressionId">, now: Date): Promise<boolean> {
  return inTransaction(async (tx) => {
    const { count } = await tx.chargeAttempt.updateMany({ where: { id: attempt.id, status: "UNKNOWN" }, data: { status: "FAILED", errorCode: NOT_CHARGED } });
    if (count === 1) await recordDecision(tx, attempt.impressionId, "FAILED", NOT_CHARGED.toLowerCase(), now);
    return count === 1;
  });
}

/** The columns settleAttemptFromPayment needs (the sync engine reads them with the payment's other links). */
export type AttemptLink = Pick<ChargeAttempt, "id" | "impressionId" | "status" | "dodoPaymentId" | "dodoCheckoutSessionId" | "errorCode">;

function statusFor(payment: Payment, current: AttemptLink): ChargeStatus {
  const settled = settledOutcome(payment.status);
  if (settled) return settled === "paid" ? "SUCCEEDED" : "FAILED";
  // Still in flight: Dodo has it, whatever our side last knew (even a "not charged" conclusion).
  const unsure = current.status === "PENDING" || current.status === "UNKNOWN" || (current.status === "FAILED" && current.errorCode === NOT_CHARGED);
  return unsure ? "SUBMITTED" : current.status;
}

function errorCodeFor(payment: Payment, status: ChargeStatus, attempt: AttemptLink): string | null {
  if (status !== "FAILED") return null;
  return payment.errorCode ?? (payment.status === "CANCELLED" ? PAYMENT_CANCELLED : attempt.errorCode);
}

/** The attempt as its payment (newest stored state) says; writes only when something moves. */
export async function settleAttemptFromPayment(tx: Tx, payment: Payment, attempt: AttemptLink): Promise<void> {
  const status = statusFor(payment, attempt);
  const data = {
    status,
    dodoPaymentId: attempt.dodoPaymentId ?? payment.id,
    dodoCheckoutSessionId: attempt.dodoCheckoutSessionId ?? payment.checkoutSessionId,
    errorCode: errorCodeFor(payment, status, attempt),
  };
  const changed = (Object.keys(data) as (keyof typeof data)[]).some((k) => data[k] !== attempt[k]);
  if (!changed) return;
  await tx.chargeAttempt.update({ where: { id: attempt.id }, data });
  // Money taken: the customer gets a receipt saying what was added and where to find it.
  if (data.status === "SUCCEEDED" && attempt.status !== "SUCCEEDED") await queueOfferReceipt(tx, attempt.id, payment.customerId);
}
