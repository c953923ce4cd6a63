import "server-only";
import { db } from "@/lib/db/client";
import { chargeStatus } from "./one-click";
import { logger } from "@/lib/log";

const log = logger("one-click");

/**
 * Where a customer coming back from their bank's confirmation goes: the thank-you page of the
 * funnel the offer belongs to (after pulling the charge's outcome from Dodo, so the page shows it
 * at once), else their account. Someone else's offer reads as the account page.
 */
export async function authenticationReturn(impressionId: string, customerId: string): Promise<string> {
  const imp = await db.offerImpression.findUnique({ where: { id: impressionId }, select: { customerId: true, funnelSession: { select: { originPaymentId: true } } } });
  if (!imp || imp.customerId !== customerId) return "/account";
  try {
    await chargeStatus({ impressionId, customerId });
  } catch (err) {
    log.error({ err }, "could not read the charge after authentication");
  }
  const originPaymentId = imp.funnelSession?.originPaymentId;
  const origin = originPaymentId ? await db.payment.findUnique({ where: { id: originPaymentId }, select: { checkoutSessionId: true } }) : null;
  const intent = origin?.checkoutSessionId
    ? await db.checkoutIntent.findFirst({ where: { dodoSessionId: origin.checkoutSessionId, customerId, consumedAt: { not: null } }, select: { id: true } })
    : null;
  return intent ? `/thank-you?order=${encodeURIComponent(intent.id)}` : "/account";
}
