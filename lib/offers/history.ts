import "server-only";
import { db } from "@/lib/db/client";
import { hasAccessAt } from "@/lib/entitlements/rules";
import type { CustomerHistory } from "./rules";

/**
 * What the offer rules need to know about a customer: what they own, declined and have seen, when
 * they first paid, their latest paid order and their subscriptions (for targeting).
 */
export async function customerHistory(customerId: string, now = new Date()): Promise<CustomerHistory> {
  const paid = { customerId, status: "SUCCEEDED" as const };
  const [entitlements, declined, seen, first, latest, subscriptions] = await Promise.all([
    db.entitlement.findMany({ where: { customerId }, select: { productId: true, status: true, endsAt: true } }),
    db.offerImpression.findMany({
      where: { customerId, offerId: { not: null }, decision: { outcome: "DECLINED" } },
      select: { offerId: true },
    }),
    db.offerImpression.groupBy({ by: ["offerId"], where: { customerId, offerId: { not: null }, holdout: false }, _count: { _all: true } }),
    db.payment.findFirst({ where: paid, orderBy: { dodoCreatedAt: "asc" }, select: { dodoCreatedAt: true } }),
    db.payment.findFirst({ where: paid, orderBy: { dodoCreatedAt: "desc" }, select: { totalAmount: true, currency: true, billingCountry: true, dodoCreatedAt: true } }),
    db.subscription.findMany({ where: { customerId }, select: { productId: true, status: true } }),
  ]);
  return {
    ownedProductIds: new Set(entitlements.filter((e) => hasAccessAt(e, now)).map((e) => e.productId)),
    declinedOfferIds: new Set(declined.flatMap((d) => (d.offerId ? [d.offerId] : []))),
    impressionsByOffer: new Map(seen.flatMap((s) => (s.offerId ? [[s.offerId, s._count._all] as const] : []))),
    firstPaidAt: first?.dodoCreatedAt ?? null,
    latestOrder: latest && { amount: latest.totalAmount, currency: latest.currency, country: latest.billingCountry, paidAt: latest.dodoCreatedAt },
    subscriptions,
  };
}
