import "server-only";
import { cartProductIds } from "@/lib/catalog/cart";
import { db } from "@/lib/db/client";
import type { SessionCustomer } from "@/lib/auth/customer-session";
import { hasAccessAt } from "@/lib/entitlements/rules";
import { readEncoreMetadata } from "@/lib/dodo/metadata";
import type { Payment } from "@/lib/generated/prisma/client";
import { startFunnelSession } from "@/lib/offers/funnel";
import { settledOutcome } from "@/lib/sync/rules";
import { syncPayment, syncSubscription } from "@/lib/sync/sync";

/** What the payment bought: its one-time lines, or its subscription's plan. */
export async function boughtProductIds(payment: Payment): Promise<string[]> {
  const ids = cartProductIds(payment.productCart);
  if (payment.subscriptionId) {
    const sub = await syncSubscription(payment.subscriptionId);
    ids.push(sub.productId);
  }
  return ids;
}

function fromOfferCheckout(payment: Payment): boolean {
  return readEncoreMetadata(payment.metadata).impressionId !== undefined;
}

/**
 * Opens the post-purchase funnel once the purchase has succeeded. An offer bought through hosted
 * checkout opens none: its customer is already inside a funnel.
 */
export async function openFunnelFor(payment: Payment, productIds: string[]): Promise<void> {
  if (payment.status !== "SUCCEEDED" || fromOfferCheckout(payment)) return;
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
  payment: Pick<Payment, "id" | "status" | "totalAmount" | "currency" | "subscriptionId">;
  product: { id: string; name: string };
  hasAccess: boolean;
  funnelSessionId: string | null;
};

/** The funnel this purchase opened, else the one the customer is in (an offer bought via checkout). */
async function funnelSessionFor(customerId: string, paymentId: string) {
  const own = await db.funnelSession.findFirst({ where: { customerId, originPaymentId: paymentId }, select: { id: true } });
  return own ?? db.funnelSession.findFirst({ where: { customerId, status: "OPEN" }, orderBy: { startedAt: "desc" }, select: { id: true } });
}

/**
 * The order behind a thank-you page, for its owner only (null otherwise: the page answers 404).
 * A payment still processing is re-read from Dodo, so the page converges without a webhook.
 */
export async function thankYouOrder(intentId: string, customer: SessionCustomer): Promise<ThankYouOrder | null> {
  const intent = await db.checkoutIntent.findUnique({ where: { id: intentId } });
  if (!intent?.consumedAt || !intent.dodoSessionId || intent.customerId !== customer.id) return null;
  let payment = await db.payment.findFirst({ where: { checkoutSessionId: intent.dodoSessionId, customerId: customer.id } });
  if (!payment) return null;
  if (!settledOutcome(payment.status)) {
    payment = await syncPayment(payment.id).catch((err) => {
      console.error("[thank-you] sync failed", err);
      return payment!;
    });
    await openFunnelFor(payment, await boughtProductIds(payment));
  }
  const [product, entitlements, session] = await Promise.all([
    db.product.findUnique({ where: { id: intent.productId }, select: { id: true, name: true } }),
    db.entitlement.findMany({ where: { customerId: customer.id, productId: intent.productId }, select: { status: true, endsAt: true } }),
    funnelSessionFor(customer.id, payment.id),
  ]);
  if (!product) return null;
  const now = new Date();
  return {
    intentId,
    payment: { id: payment.id, status: payment.status, totalAmount: payment.totalAmount, currency: payment.currency, subscriptionId: payment.subscriptionId },
    product,
    hasAccess: entitlements.some((e) => hasAccessAt(e, now)),
    funnelSessionId: session?.id ?? null,
  };
}
