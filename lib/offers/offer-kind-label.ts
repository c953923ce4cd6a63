// What each offer kind is called in the console, in the console's language (the schema's
// OFFER_KINDS lists them; the English names are the catalogue's).
import type { OfferKind } from "@/lib/generated/prisma/enums";
import { DEFAULT_LOCALE, type Locale } from "@/lib/i18n/locales";
import { translator } from "@/lib/i18n/translator";

export function offerKindLabel(kind: OfferKind, locale: Locale = DEFAULT_LOCALE): string {
  const t = translator(locale);
  switch (kind) {
    case "UPSELL":
      return t("console.kind.UPSELL");
    case "DOWNSELL":
      return t("console.kind.DOWNSELL");
    case "CROSS_SELL":
      return t("console.kind.CROSS_SELL");
    case "UPGRADE":
      return t("console.kind.UPGRADE");
  }
}
