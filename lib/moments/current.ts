import "server-only";
import { db } from "@/lib/db/client";
import type { Moment, Prisma } from "@/lib/generated/prisma/client";
import { customerHistory } from "@/lib/offers/history";
import { offerTargetsMoment } from "@/lib/offers/moment-targeting";
import { bundleItemsInclude, bundleOf } from "@/lib/offers/bundle";
import { offerEligibility } from "@/lib/offers/rules";
import { recentlyAnsweredProductIds } from "@/lib/offers/view";
import { upgradeOfferFor, type UpgradeOffer } from "@/lib/plans/upgrade-offer";

/** How long a reported moment keeps its offer current: the customer sees it on their next pages that day. */
export const MOMENT_LIVE_MS = 24 * 60 * 60_000;

/** The merchant's copy in other languages (lib/offers/copy.ts): an upgrade prompt shows the customer's. */
const copiesInclude = { select: { locale: true, headline: true, body: true } } as const;

export type MomentOffer = {
  moment: Moment;
  /** With its prices and bundle, as the thank-you page reads an offer (a bundle shows and charges every product). */
  offer: Prisma.OfferGetPayload<{ include: { offeredProduct: { include: { prices: true } }; bundleItems: typeof bundleItemsInclude; copies: typeof copiesInclude } }>;
  /** For an UPGRADE offer: the subscription move it makes (Dodo previews and charges it through change-plan). */
  upgrade: UpgradeOffer | null;
};

/**
 * The customer's current in-app offer: the newest live moment that an active offer targets, with
 * the first such offer the usual rules allow (not owned, not declined before, under its frequency
 * cap, its trigger products owned, not just answered; an upgrade only onto a plan of the
 * customer's ladder, in their subscription's currency, with no change pending). Reads only.
 * `only` asks about one offer at one moment (a hosted link names them): still due, or null.
 */
export async function currentMomentOffer(customerId: string, now = new Date(), only?: { offerId: string; momentId: string | null }): Promise<MomentOffer | null> {
  const moments = await db.moment.findMany({
    where: { customerId, occurredAt: { gt: new Date(now.getTime() - MOMENT_LIVE_MS), lte: now }, ...(only?.momentId ? { id: only.momentId } : {}) },
    orderBy: [{ occurredAt: "desc" }, { id: "desc" }],
    take: 20,
  });
  if (moments.length === 0) return null;
  const [offers, history, answered] = await Promise.all([
    db.offer.findMany({ where: { active: true, moments: { some: {} }, ...(only ? { id: only.offerId } : {}) }, include: { offeredProduct: { include: { prices: true } }, bundleItems: bundleItemsInclude, copies: copiesInclude, moments: true }, orderBy: { createdAt: "asc" } }),
    customerHistory(customerId, now),
    recentlyAnsweredProductIds(customerId, now),
  ]);
  // What does not depend on the moment is judged once: ownership, past answers, eligibility.
  const open = offers.filter((offer) => {
    const bundle = bundleOf(offer);
    if ([offer.offeredProductId, ...bundle.map((p) => p.id)].some((id) => answered.has(id))) return false;
    return offerEligibility({ ...offer, product: offer.offeredProduct, bundle }, null, history, now).eligible;
  });
  // An upgrade's subscription move is read once per plan, however many moments it is targeted at.
  const upgrades = new Map<string, Promise<UpgradeOffer | null>>();
  const upgradeTo = (productId: string) => {
    if (!upgrades.has(productId)) upgrades.set(productId, upgradeOfferFor(customerId, productId, now));
    return upgrades.get(productId)!;
  };
  for (const moment of moments) {
    const reported = { name: moment.name, properties: (moment.properties ?? {}) as Record<string, unknown> };
    for (const { moments: targets, ...offer } of open) {
      if (!offerTargetsMoment(targets, reported)) continue;
      if (offer.kind === "UPGRADE") {
        const upgrade = await upgradeTo(offer.offeredProductId);
        if (upgrade) return { moment, offer, upgrade };
        continue;
      }
      return { moment, offer, upgrade: null };
    }
  }
  return null;
}
