import "server-only";
import { cartProductIds } from "@/lib/catalog/cart";
import { db } from "@/lib/db/client";
import type { SessionCustomer } from "@/lib/auth/customer-session";
import { hasAccessAt } from "@/lib/entitlements/rules";
import { readEncoreMetadata } from "@/lib/dodo/metadata";
import type { Payment } from "@/lib/generated/prisma/client";
import type { BillingInterval } from "@/lib/generated/prisma/enums";
import { startFunnelSession } from "@/lib/offers/funnel";
import { settledOutcome } from "@/lib/sync/rules";
import { syncPayment, syncSubscription } from "@/lib/sync/sync";
import { logger } from "@/lib/log";

const log = logger("thank-you");

/** What the payment bought: its one-time lines, or its subscription's plan. */
export async function boughtProductIds(payment: Payment): Promise<string[]> {
  const ids = cartProductIds(payment.productCart);
  if (payment.subscriptionId) {
    const sub = await syncSubscription(payment.subscriptionId);
    ids.push(sub.productId);
  }
  return ids;
}

function fromOfferCheckout(payment: Pick<Payment, "metadata">): boolean {
  return readEncoreMetadata(payment.metadata).impressionId !== undefined;
}

/** Whether this payment opens a funnel: a succeeded purchase that is not itself an offer bought through hosted checkout. */
export function opensFunnel(payment: Pick<Payment, "status" | "metadata">): boolean {
  return payment.status === "SUCCEEDED" && !fromOfferCheckout(payment);
}

/**
 * Opens the post-purchase funnel once the purchase has succeeded. An offer bought through hosted
 * checkout opens none: its customer is already inside a funnel.
 */
export async function openFunnelFor(payment: Payment, productIds: string[]): Promise<void> {
  if (!opensFunnel(payment)) return;
  await startFunnelSession({
    customerId: payment.customerId,
    paymentId: payment.id,
    subscriptionId: payment.subscriptionId,
    productIds,
    orderAmount: payment.totalAmount,
    currency: payment.currency,
  });
}

export type ThankYouOrder = {
  intentId: string;
  payment: Pick<Payment, "id" | "status" | "totalAmount" | "currency" | "subscriptionId" | "errorCode">;
  product: { id: string; name: string; billingInterval: BillingInterval | null; billingIntervalCount: number | null };
  /** For a subscription: when it renews (null while Dodo has not confirmed it). */
  renewsAt: Date | null;
  hasAccess: boolean;
  funnelSessionId: string | null;
};

/**
 * The order (its CheckoutIntent id) whose funnel showed this impression, for its customer: where
 * a "use another card" checkout returns to. Null for offers outside a funnel (the account page).
 */
export async function orderOfImpression(impressionId: string, customerId: string): Promise<string | null> {
  const imp = await db.offerImpression.findUnique({ where: { id: impressionId }, select: { customerId: true, funnelSession: { select: { originPaymentId: true } } } });
  const originPaymentId = imp?.customerId === customerId ? imp.funnelSession?.originPaymentId : null;
  if (!originPaymentId) return null;
  const origin = await db.payment.findUnique({ where: { id: originPaymentId }, select: { checkoutSessionId: true } });
  if (!origin?.checkoutSessionId) return null;
  const intent = await db.checkoutIntent.findFirst({ where: { dodoSessionId: origin.checkoutSessionId, customerId, consumedAt: { not: null } }, select: { id: true } });
  return intent?.id ?? null;
}

/**
 * The order behind a thank-you page, for its owner only (null otherwise). A payment still
 * processing is re-read from Dodo, so the page converges without a webhook. Its funnel is the one
 * this purchase opened; an offer bought through hosted checkout opens none of its own.
 */
export async function thankYouOrder(intentId: string, customer: SessionCustomer): Promise<ThankYouOrder | null> {
  const intent = await db.checkoutIntent.findUnique({ where: { id: intentId } });
  if (!intent?.consumedAt || intent.customerId !== customer.id) return null;
  // A claimed external checkout names its payment; one Encore created is found by its session.
  let payment = intent.paymentId
    ? await db.payment.findFirst({ where: { id: intent.paymentId, customerId: customer.id } })
    : intent.dodoSessionId ? await db.payment.findFirst({ where: { checkoutSessionId: intent.dodoSessionId, customerId: customer.id } }) : null;
  if (!payment) return null;
  if (!settledOutcome(payment.status)) {
    payment = await syncPayment(payment.id).catch((err) => {
      log.error({ err }, "sync failed");
      return payment!;
    });
    await openFunnelFor(payment, await boughtProductIds(payment));
  }
  const [product, entitlements, session, subscription] = await Promise.all([
    db.product.findUnique({ where: { id: intent.productId }, select: { id: true, name: true, billingInterval: true, billingIntervalCount: true } }),
    db.entitlement.findMany({ where: { customerId: customer.id, productId: intent.productId }, select: { status: true, endsAt: true } }),
    db.funnelSession.findFirst({ where: { customerId: customer.id, originPaymentId: payment.id }, select: { id: true } }),
    payment.subscriptionId ? db.subscription.findUnique({ where: { id: payment.subscriptionId }, select: { nextBillingDate: true, status: true } }) : null,
  ]);
  if (!product) return null;
  const now = new Date();
  return {
    intentId,
    payment: { id: payment.id, status: payment.status, totalAmount: payment.totalAmount, currency: payment.currency, subscriptionId: payment.subscriptionId, errorCode: payment.errorCode },
    product,
    renewsAt: subscription && subscription.status === "ACTIVE" ? subscription.nextBillingDate : null,
    hasAccess: entitlements.some((e) => hasAccessAt(e, now)),
    funnelSessionId: session?.id ?? null,
  };
}
