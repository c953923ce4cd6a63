// Where an offer is shown, in one place: the account page's cross-sell rule (lib/offers/cross-sell.ts
// picks offers with it) and the console's copy about it. Pure, so the console can't promise what
// the store doesn't do.
import type { OfferKind } from "@/lib/generated/prisma/enums";

/**
 * Whether an active offer is shown on customers' account pages without any funnel: cross-sells
 * that name trigger products (catch-all offers are for funnels, which know the purchase).
 */
export function showsOnAccountPage(offer: { kind: OfferKind; triggerProductIds: readonly string[] }): boolean {
  return offer.kind === "CROSS_SELL" && offer.triggerProductIds.length > 0;
}

export type OfferReach = { account: boolean; funnelSteps: number; shown: boolean; summary: string };

/** Where the offer is shown now, and what the merchant can do to show it (more). */
export function offerReach(offer: { kind: OfferKind; active: boolean; triggerProductIds: readonly string[] }, funnelSteps: number): OfferReach {
  const account = showsOnAccountPage(offer);
  const steps = `${funnelSteps} funnel step${funnelSteps === 1 ? "" : "s"}`;
  if (!offer.active) return { account, funnelSteps, shown: false, summary: "Paused: shown nowhere until you resume it." };
  if (funnelSteps > 0 && account) return { account, funnelSteps, shown: true, summary: `Shown after checkout in ${steps} and on customers' account pages.` };
  if (funnelSteps > 0) return { account, funnelSteps, shown: true, summary: `Shown after checkout in ${steps}.` };
  if (account) return { account, funnelSteps, shown: true, summary: "Shown on the account page of customers who bought a trigger product. Add it to a funnel step to offer it right after checkout too." };
  if (offer.kind === "CROSS_SELL") return { account, funnelSteps, shown: false, summary: "Not shown yet: add it to a funnel step, or pick trigger products to show it on customers' account pages." };
  return { account, funnelSteps, shown: false, summary: "Not shown yet: add it to a funnel step to offer it after checkout." };
}
