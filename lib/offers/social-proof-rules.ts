// The earned badge's thresholds and wording (client-safe: the offer editor states them). See ./social-proof.ts.
import { DEFAULT_LOCALE, type Locale } from "@/lib/i18n/locales";
import { translator } from "@/lib/i18n/translator";

export const EARNED_WINDOW_DAYS = 30;
export const EARNED_MIN_SHOWN = 100;
export const EARNED_MIN_ACCEPTED = 10;

/**
 * An offer's badge: the merchant's own words (shown as written, in whatever language), or the take
 * rate it earned, worded in the customer's language when it is shown.
 */
export type OfferBadge = { kind: "merchant"; text: string } | { kind: "earned"; percent: number };

/** Pure: the share of customers shown the offer who took it (whole percent), or null below the sample thresholds. */
export function earnedTakeRate(shown: number, accepted: number): number | null {
  if (shown < EARNED_MIN_SHOWN || accepted < EARNED_MIN_ACCEPTED) return null;
  return Math.round((accepted / shown) * 100);
}

/** The badge as the customer reads it. */
export function badgeText(badge: OfferBadge, locale: Locale = DEFAULT_LOCALE): string {
  if (badge.kind === "merchant") return badge.text;
  const t = translator(locale);
  return t("offers.earnedBadge", { percent: badge.percent });
}

/** Pure: the earned badge text for these counts, or null below the sample thresholds. */
export function earnedBadgeText(shown: number, accepted: number, locale: Locale = DEFAULT_LOCALE): string | null {
  const percent = earnedTakeRate(shown, accepted);
  return percent === null ? null : badgeText({ kind: "earned", percent }, locale);
}
