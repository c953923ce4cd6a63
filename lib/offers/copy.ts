// An offer's words per language. Offer.headline/body are written in the default language
// (English); OfferCopy holds the merchant's version for another one. A customer sees their
// language's copy when the merchant wrote it, else the default — a whole copy, never a headline
// from one language over a body from another.
import { DEFAULT_LOCALE, type Locale } from "@/lib/i18n/locales";

export type OfferCopyText = { headline: string; body: string };
export type LocalizedCopy = OfferCopyText & { locale: string };

/** The copy a customer reading `locale` sees, and the language it is written in (for `lang`). */
export function copyFor(base: OfferCopyText, copies: readonly LocalizedCopy[], locale: Locale): OfferCopyText & { locale: Locale } {
  if (locale !== DEFAULT_LOCALE) {
    const own = copies.find((c) => c.locale === locale);
    if (own) return { headline: own.headline, body: own.body, locale };
  }
  return { headline: base.headline, body: base.body, locale: DEFAULT_LOCALE };
}
