import "server-only";
import { db } from "@/lib/db/client";
import { hasAccessAt } from "@/lib/entitlements/rules";
import type { CustomerHistory } from "./rules";

/** What the offer rules need to know about a customer: what they own, declined and have seen. */
export async function customerHistory(customerId: string, now = new Date()): Promise<CustomerHistory> {
  const [entitlements, declined, seen] = await Promise.all([
    db.entitlement.findMany({ where: { customerId }, select: { productId: true, status: true, endsAt: true } }),
    db.offerImpression.findMany({
      where: { customerId, offerId: { not: null }, decision: { outcome: "DECLINED" } },
      select: { offerId: true },
    }),
    db.offerImpression.groupBy({ by: ["offerId"], where: { customerId, offerId: { not: null }, holdout: false }, _count: { _all: true } }),
  ]);
  return {
    ownedProductIds: new Set(entitlements.filter((e) => hasAccessAt(e, now)).map((e) => e.productId)),
    declinedOfferIds: new Set(declined.flatMap((d) => (d.offerId ? [d.offerId] : []))),
    impressionsByOffer: new Map(seen.flatMap((s) => (s.offerId ? [[s.offerId, s._count._all] as const] : []))),
  };
}
