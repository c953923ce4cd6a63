// What the console calls save offers and cancellation reasons, in the console's language (the
// stats page, its CSV in English, the retention page's forms through their page).
import { DEFAULT_LOCALE, type Locale } from "@/lib/i18n/locales";
import { translator } from "@/lib/i18n/translator";
import { reasonText } from "./reason-text";
import type { SAVE_OFFER_KINDS } from "./save-offer-schema";

/** A save offer's kind as the console names it, in `locale` ("" is no offer). */
export function saveOfferKindLabel(kind: (typeof SAVE_OFFER_KINDS)[number] | "", locale: Locale = DEFAULT_LOCALE): string {
  const t = translator(locale);
  switch (kind) {
    case "":
      return t("console.saveOfferKind.none");
    case "CHEAPER_PLAN":
      return t("console.saveOfferKind.CHEAPER_PLAN");
    case "PAUSE":
      return t("console.saveOfferKind.PAUSE");
    case "INTERVAL_SWITCH":
      return t("console.saveOfferKind.INTERVAL_SWITCH");
    case "DISCOUNTED_PLAN":
      return t("console.saveOfferKind.DISCOUNTED_PLAN");
  }
}

/** How the stats and CSV name a save offer: its kind and what it offers (the plan's name as the merchant wrote it). */
export function offerLabel(m: { kind: (typeof SAVE_OFFER_KINDS)[number]; pauseCycles: number | null; discountBps: number | null; discountCycles: number | null; targetProduct: { name: string } | null; targetProductId: string | null }, locale: Locale = DEFAULT_LOCALE): string {
  const t = translator(locale);
  const kind = saveOfferKindLabel(m.kind, locale);
  if (m.kind === "PAUSE") return t("console.saveOfferLabel.pause", { kind, cycles: m.pauseCycles ?? 0 });
  const plan = m.targetProduct?.name ?? (m.kind === "DISCOUNTED_PLAN" && !m.targetProductId ? t("console.saveOfferLabel.currentPlan") : t("console.saveOfferLabel.removedPlan"));
  if (m.kind === "DISCOUNTED_PLAN") return t("console.saveOfferLabel.discounted", { kind, plan, percent: (m.discountBps ?? 0) / 100, cycles: m.discountCycles ?? 0 });
  return t("console.saveOfferLabel.plan", { kind, plan });
}

/** A cancellation reason as the customer chose it, in `locale` (the cancel flow's words: ./reason-text). */
export function reasonLabel(reason: string, locale: Locale = DEFAULT_LOCALE): string {
  return reasonText(reason, translator(locale));
}

