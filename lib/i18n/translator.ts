// Translation outside a React render: lib services, route handlers' HTML pages, emails and the
// worker, which have a locale but no request. Pages and components use next-intl's
// getTranslations/useTranslations; both read the same catalogues with the same ICU rules.
import { createTranslator } from "use-intl/core";
import { DEFAULT_LOCALE, type Locale } from "./locales";
import { MESSAGES } from "./messages";
import { TIME_ZONE } from "./time-zone";

function make(locale: Locale) {
  return createTranslator({ locale, messages: MESSAGES[locale], timeZone: TIME_ZONE });
}

export type Translator = ReturnType<typeof make>;

const cache = new Map<Locale, Translator>();

/** The whole-catalogue translator for a language: keys are full paths, e.g. t("store.home.title"). */
export function translator(locale: Locale = DEFAULT_LOCALE): Translator {
  let t = cache.get(locale);
  if (!t) {
    t = make(locale);
    cache.set(locale, t);
  }
  return t;
}
