import "server-only";
import { cartProductIds } from "@/lib/catalog/cart";
import { db } from "@/lib/db/client";
import type { SessionCustomer } from "@/lib/auth/customer-session";
import { hasAccessAt } from "@/lib/entitlements/rules";
import { readEncoreMetadata } from "@/lib/dodo/metadata";
import type { Payment } from "@/lib/generated/prisma/client";
import type { BillingInterval, EntitlementStatus, PaymentStatus, SubscriptionStatus } from "@/lib/generated/prisma/enums";
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

type OrderRow = {
  consumedAt: Date | null;
  intentCustomerId: string | null;
  paymentId: string | null;
  paymentStatus: PaymentStatus | null;
  totalAmount: number | null;
  currency: string | null;
  subscriptionId: string | null;
  errorCode: string | null;
  productId: string | null;
  productName: string | null;
  billingInterval: BillingInterval | null;
  billingIntervalCount: number | null;
  entitlements: { status: EntitlementStatus; endsAtMs: number | null }[];
  funnelSessionId: string | null;
  subscriptionStatus: SubscriptionStatus | null;
  nextBillingDate: Date | null;
};

/**
 * The intent with its payment (the one a claimed external checkout names, else the one of the
 * session Encore created), product, the customer's entitlements to it, the funnel the payment
 * opened and its subscription, in one statement: the thank-you page's whole order is one round
 * trip instead of six (Prisma has no relation between an intent and its payment).
 */
async function orderRow(intentId: string, customerId: string): Promise<OrderRow | null> {
  const [row] = await db.$queryRaw<OrderRow[]>`
    SELECT ci."consumedAt", ci."customerId" AS "intentCustomerId",
           p."id" AS "paymentId", p."status"::text AS "paymentStatus", p."totalAmount", p."currency", p."subscriptionId", p."errorCode",
           pr."id" AS "productId", pr."name" AS "productName", pr."billingInterval"::text AS "billingInterval", pr."billingIntervalCount",
           COALESCE((
             SELECT json_agg(json_build_object('status', e."status", 'endsAtMs', floor(extract(epoch FROM e."endsAt") * 1000)))
             FROM "Entitlement" e WHERE e."customerId" = ${customerId} AND e."productId" = ci."productId"
           ), '[]'::json) AS "entitlements",
           s."id" AS "funnelSessionId", sub."status"::text AS "subscriptionStatus", sub."nextBillingDate"
    FROM "CheckoutIntent" ci
    LEFT JOIN LATERAL (
      (SELECT * FROM "Payment" WHERE ci."paymentId" IS NOT NULL AND "id" = ci."paymentId" AND "customerId" = ${customerId})
      UNION ALL
      (SELECT * FROM "Payment" WHERE ci."paymentId" IS NULL AND "checkoutSessionId" = ci."dodoSessionId" AND "customerId" = ${customerId} LIMIT 1)
    ) p ON true
    LEFT JOIN "Product" pr ON pr."id" = ci."productId"
    LEFT JOIN "FunnelSession" s ON s."originPaymentId" = p."id" AND s."customerId" = ${customerId}
    LEFT JOIN "Subscription" sub ON sub."id" = p."subscriptionId"
    WHERE ci."id" = ${intentId}
    LIMIT 1`;
  return row ?? null;
}

/**
 * The order behind a thank-you page, for its owner only (null otherwise). A payment still
 * processing is re-read from Dodo, so the page converges without a webhook. Its funnel is the one
 * this purchase opened; an offer bought through hosted checkout opens none of its own.
 */
export async function thankYouOrder(intentId: string, customer: SessionCustomer): Promise<ThankYouOrder | null> {
  let row = await orderRow(intentId, customer.id);
  if (!row?.consumedAt || row.intentCustomerId !== customer.id || !row.paymentId || !row.paymentStatus) return null;
  if (!settledOutcome(row.paymentStatus)) {
    const stored = await db.payment.findUniqueOrThrow({ where: { id: row.paymentId } });
    const payment = await syncPayment(stored.id).catch((err) => {
      log.error({ err }, "sync failed");
      return stored;
    });
    await openFunnelFor(payment, await boughtProductIds(payment));
    // What the sync and the funnel it opened wrote.
    row = (await orderRow(intentId, customer.id)) ?? row;
  }
  const { paymentId, paymentStatus, productId, productName } = row;
  if (!paymentId || !paymentStatus || !productId || !productName) return null;
  const now = new Date();
  return {
    intentId,
    payment: { id: paymentId, status: paymentStatus, totalAmount: row.totalAmount!, currency: row.currency!, subscriptionId: row.subscriptionId, errorCode: row.errorCode },
    product: { id: productId, name: productName, billingInterval: row.billingInterval, billingIntervalCount: row.billingIntervalCount },
    renewsAt: row.subscriptionStatus === "ACTIVE" ? row.nextBillingDate : null,
    hasAccess: row.entitlements.some((e) => hasAccessAt({ status: e.status, endsAt: e.endsAtMs === null ? null : new Date(e.endsAtMs) }, now)),
    funnelSessionId: row.funnelSessionId,
  };
}
