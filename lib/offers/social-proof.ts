import "server-only";
// An offer's badge: the merchant's own text, or — when the merchant lets the offer earn one — the
// real take rate, stated as measured: "Chosen by 23% of customers who saw it". Earned only from at
// least EARNED_MIN_SHOWN customers shown the offer (holdouts excluded) and EARNED_MIN_ACCEPTED
// accepts in the last EARNED_WINDOW_DAYS; below that the sample says too little, and no badge shows.
import { db } from "@/lib/db/client";
import { EARNED_WINDOW_DAYS, earnedTakeRate, type OfferBadge } from "./social-proof-rules";

export async function offerBadge(offer: { id: string; badge: string | null; earnBadge: boolean }, now = new Date()): Promise<OfferBadge | null> {
  if (offer.badge) return { kind: "merchant", text: offer.badge };
  if (!offer.earnBadge) return null;
  const since = new Date(now.getTime() - EARNED_WINDOW_DAYS * 86_400_000);
  const where = { offerId: offer.id, holdout: false, shownAt: { gte: since } };
  const [shown, accepted] = await Promise.all([
    db.offerImpression.count({ where }),
    db.offerImpression.count({ where: { ...where, decision: { outcome: "ACCEPTED" } } }),
  ]);
  const percent = earnedTakeRate(shown, accepted);
  return percent === null ? null : { kind: "earned", percent };
}
