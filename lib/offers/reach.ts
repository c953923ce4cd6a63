// Where an offer is shown, in one place: the account page's cross-sell rule (lib/offers/cross-sell.ts
// picks offers with it) and the console's copy about it. Pure, so the console can't promise what
// the store doesn't do.
import type { OfferKind } from "@/lib/generated/prisma/enums";
import { DEFAULT_LOCALE, type Locale } from "@/lib/i18n/locales";
import { translator } from "@/lib/i18n/translator";

/**
 * Whether an active offer is shown on customers' account pages without any funnel: cross-sells
 * that name trigger products (catch-all offers are for funnels, which know the purchase).
 */
export function showsOnAccountPage(offer: { kind: OfferKind; triggerProductIds: readonly string[] }): boolean {
  return offer.kind === "CROSS_SELL" && offer.triggerProductIds.length > 0;
}

export type OfferReach = { account: boolean; funnelSteps: number; shown: boolean; summary: string };

/** Where the offer is shown now, and what the merchant can do to show it (more), worded in `locale`. */
export function offerReach(offer: { kind: OfferKind; active: boolean; triggerProductIds: readonly string[] }, funnelSteps: number, locale: Locale = DEFAULT_LOCALE): OfferReach {
  const t = translator(locale);
  const account = showsOnAccountPage(offer);
  if (!offer.active) return { account, funnelSteps, shown: false, summary: t("console.reach.paused") };
  if (funnelSteps > 0 && account) return { account, funnelSteps, shown: true, summary: t("console.reach.stepsAndAccount", { count: funnelSteps }) };
  if (funnelSteps > 0) return { account, funnelSteps, shown: true, summary: t("console.reach.steps", { count: funnelSteps }) };
  if (account) return { account, funnelSteps, shown: true, summary: t("console.reach.account") };
  if (offer.kind === "CROSS_SELL") return { account, funnelSteps, shown: false, summary: t("console.reach.notShownCrossSell") };
  return { account, funnelSteps, shown: false, summary: t("console.reach.notShown") };
}
