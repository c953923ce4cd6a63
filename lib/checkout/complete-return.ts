import "server-only";
import type DodoPayments from "dodopayments";
import { db } from "@/lib/db/client";
import { inTransaction } from "@/lib/db/tx";
import type { Failure, Success } from "@/lib/result";
import { dodo, SAFE_CALL_OPTIONS } from "@/lib/dodo/client";
import type { Payment } from "@/lib/generated/prisma/client";
import { recordDecision } from "@/lib/offers/decide";
import { settledOutcome } from "@/lib/sync/rules";
import { syncPayment } from "@/lib/sync/sync";
import { readReturnToken } from "./intents";
import { checkoutDeclineMessage, customerFailure, type FailureKind } from "./failures";
import { boughtProductIds, openFunnelFor, orderOfImpression } from "./order";
import { logger } from "@/lib/log";

const log = logger("checkout");

/** A failed return carries the HTTP status its page answers with, and the product to try again. */
export type ReturnResult =
  | Success<{ customerId: string; intentId: string }>
  | (Failure<"forbidden" | "not_found" | "not_paid" | "declined" | "unverified"> & { status: 402 | 403 | 404 | 409 | 502; productId?: string; declineKind?: FailureKind });

const FORBIDDEN = { ok: false, code: "forbidden", status: 403, message: "This link is not valid, or it has already been used." } as const;

/**
 * The customer is back from hosted checkout. Nothing in the URL is trusted but the signed token:
 * the payment is read from Dodo and must belong to the session we created for this intent. The
 * token is spent only when the purchase is verified, so two tabs can't both use it.
 */
export async function completeCheckoutReturn(
  token: string | null,
  sessionCustomerId: string | null,
  client: DodoPayments = dodo(),
): Promise<ReturnResult> {
  const parsed = readReturnToken(token);
  if (!parsed.ok) return FORBIDDEN;
  const intent = await db.checkoutIntent.findUnique({ where: { id: parsed.intentId } });
  if (!intent || !intent.dodoSessionId) return { ok: false, code: "not_found", status: 404, message: "We could not find this checkout." };
  // Back or reload on the same browser: its session already proves who bought; anyone else is refused.
  if (intent.consumedAt && intent.customerId && intent.customerId === sessionCustomerId) return { ok: true, customerId: intent.customerId, intentId: intent.id };
  if (intent.consumedAt || intent.expiresAt <= new Date()) return FORBIDDEN;

  let payment: Payment;
  let productIds: string[];
  try {
    const session = await client.checkoutSessions.retrieve(intent.dodoSessionId, SAFE_CALL_OPTIONS);
    if (!session.payment_id) return { ok: false, code: "not_paid", status: 409, message: "Your payment was not completed.", productId: intent.productId };
    payment = await syncPayment(session.payment_id, { dodo: client });
    productIds = await boughtProductIds(payment);
  } catch (err) {
    log.error({ err }, "could not verify the purchase");
    return { ok: false, code: "unverified", status: 502, message: "We could not confirm your payment yet. Please reload this page in a moment." };
  }
  if (payment.checkoutSessionId !== intent.dodoSessionId || !productIds.includes(intent.productId)) return FORBIDDEN;
  if (intent.customerId && intent.customerId !== payment.customerId) return FORBIDDEN;
  if (settledOutcome(payment.status) === "unpaid") {
    return { ok: false, code: "declined", status: 402, message: checkoutDeclineMessage(payment.errorCode), productId: intent.productId, declineKind: customerFailure(payment.errorCode).kind };
  }

  const { count } = await db.checkoutIntent.updateMany({
    where: { id: intent.id, consumedAt: null },
    data: { consumedAt: new Date(), customerId: payment.customerId },
  });
  if (count !== 1) return FORBIDDEN;

  if (parsed.impressionId) {
    // Bought an offer through hosted checkout: that is the offer's answer, if it had none yet
    // (after a failed one-click the sync above already turned its FAILED into ACCEPTED).
    const imp = await db.offerImpression.findUnique({ where: { id: parsed.impressionId }, select: { id: true, customerId: true } });
    if (imp?.customerId === payment.customerId) {
      await inTransaction((tx) => recordDecision(tx, imp.id, "ACCEPTED", "hosted_checkout"));
      // The offer belongs to an order's funnel: go back to that order, which now lists it.
      const order = await orderOfImpression(imp.id, payment.customerId);
      if (order) return { ok: true, customerId: payment.customerId, intentId: order };
    }
  }
  await openFunnelFor(payment, productIds);
  return { ok: true, customerId: payment.customerId, intentId: intent.id };
}
