import "server-only";
import { db } from "@/lib/db/client";
import type { ChargeAttempt } from "@/lib/generated/prisma/client";
import { chargeView, checkoutFallbackAllowed, type AttemptPayment, type ChargeView } from "./outcome";

type ViewedAttempt = Pick<ChargeAttempt, "status" | "errorCode" | "createdAt" | "dodoPaymentId">;

/**
 * What the customer sees of a stored attempt, with its payment's state (3-D Secure) read alongside,
 * unless the caller read it with the attempt (`payment`, null when there is none yet).
 */
export async function attemptView(attempt: ViewedAttempt, now = new Date(), payment?: AttemptPayment): Promise<ChargeView> {
  if (payment !== undefined) return chargeView(attempt, payment, now);
  payment = attempt.status === "SUBMITTED" && attempt.dodoPaymentId
    ? await db.payment.findUnique({ where: { id: attempt.dodoPaymentId }, select: { status: true, paymentLink: true } })
    : null;
  return chargeView(attempt, payment, now);
}

/** Whether hosted checkout may sell this impression's offer now (see checkoutFallbackAllowed). */
export async function offerCheckoutAllowed(impressionId: string, now = new Date()): Promise<boolean> {
  const attempt = await db.chargeAttempt.findUnique({ where: { impressionId } });
  return checkoutFallbackAllowed(attempt ? await attemptView(attempt, now) : null);
}
