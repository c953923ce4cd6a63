import "server-only";
import { db } from "@/lib/db/client";
import { ladderPlanOf } from "./context";
import { byRank, classifyMove, priceDifferenceLabel, recurringLabel } from "./ladder";
import { changeInFlight } from "./plan-change";
import { termsFor } from "./terms";
import { valueChange } from "./value";

/** The plan page's `origin` parameter for a move started from an upgrade offer (PlanChange.origin UPGRADE_OFFER). */
export const UPGRADE_OFFER_ORIGIN = "upgrade_offer";

export type UpgradeOffer = {
  subscriptionId: string;
  fromName: string;
  toProductId: string;
  toName: string;
  price: string;
  /** "+$50.00/month". */
  difference: string;
  /** Opens the plan page on this plan; the customer previews Dodo's numbers there before paying. */
  href: string;
  /** What the upgrade adds and removes, from what the merchant lists each plan as including. */
  gains: string[];
  losses: string[];
};

/**
 * The upgrade an offer engine may show a customer: `toProductId` when given (an UPGRADE offer's
 * product), else the next plan up on the same billing interval. Null when the customer has no
 * active ladder subscription, the move is not an upgrade, or a change is already pending.
 */
export async function upgradeOfferFor(customerId: string, toProductId?: string, now = new Date()): Promise<UpgradeOffer | null> {
  const subs = await db.subscription.findMany({
    where: { customerId, status: "ACTIVE", product: { ladderId: { not: null } } },
    include: { product: { include: { ladder: { include: { products: true } } } } },
    orderBy: { dodoCreatedAt: "asc" },
  });
  for (const sub of subs) {
    const ladder = sub.product.ladder;
    const from = ladderPlanOf(sub.product);
    if (!ladder || !from || sub.scheduledChange) continue;
    if (await changeInFlight(db, sub.id, now)) continue;
    const candidates = byRank(ladder.products.filter((p) => !p.archived && p.currency === sub.currency).map(ladderPlanOf).filter((p) => p !== null));
    const to = toProductId
      ? candidates.find((p) => p.productId === toProductId)
      : candidates.find((p) => p.rank > from.rank && p.interval === from.interval && p.intervalCount === from.intervalCount);
    if (!to) continue;
    const move = classifyMove(from, to);
    if (!move || move.direction !== "upgrade" || !termsFor(ladder, move).ok) continue;
    return {
      subscriptionId: sub.id,
      fromName: from.name,
      toProductId: to.productId,
      toName: to.name,
      price: recurringLabel(to),
      difference: priceDifferenceLabel(from, to),
      href: `/account/plan?${new URLSearchParams({ to: to.productId, origin: UPGRADE_OFFER_ORIGIN })}`,
      ...valueChange(sub.product.features, ladder.products.find((p) => p.id === to.productId)?.features ?? []),
    };
  }
  return null;
}

/**
 * The customer's undecided UPGRADE offer impression offering `toProductId` (a hosted offer link
 * led to the plan page with it), or null: a move previewed with it answers that offer.
 */
export async function openUpgradeImpression(customerId: string, impressionId: string, toProductId: string): Promise<string | null> {
  const imp = await db.offerImpression.findFirst({
    where: { id: impressionId, customerId, holdout: false, decision: null, offer: { kind: "UPGRADE", offeredProductId: toProductId } },
    select: { id: true },
  });
  return imp?.id ?? null;
}
