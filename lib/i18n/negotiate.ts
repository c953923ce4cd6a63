// How a request's language is chosen: the switch's cookie, else Accept-Language. Server side
// (the proxy, route handlers, next-intl's request config): the header parsers stay out of the
// browser bundle, which imports ./locales.ts only.
import { match } from "@formatjs/intl-localematcher";
import Negotiator from "negotiator";
import { LOCALE_COOKIE } from "./cookie";
import { DEFAULT_LOCALE, isLocale, LOCALES, type Locale } from "./locales";

/** Best match for an Accept-Language header ("pt", "pt-PT" → pt-BR); the default when nothing fits. */
export function negotiateLocale(acceptLanguage: string | null | undefined): Locale {
  if (!acceptLanguage) return DEFAULT_LOCALE;
  const requested = new Negotiator({ headers: { "accept-language": acceptLanguage } }).languages().filter((tag) => tag !== "*");
  try {
    const chosen = match(requested, LOCALES, DEFAULT_LOCALE, { algorithm: "best fit" });
    return isLocale(chosen) ? chosen : DEFAULT_LOCALE;
  } catch {
    // A malformed tag (RangeError from Intl): the header tells us nothing usable.
    return DEFAULT_LOCALE;
  }
}

/** The cookie when it names a language we have, else the browser's preference. */
export function resolveLocale(input: { cookie?: string | null; acceptLanguage?: string | null }): Locale {
  return isLocale(input.cookie) ? input.cookie : negotiateLocale(input.acceptLanguage);
}

/** A request's language without the database: the switch's cookie, else Accept-Language (the proxy, route handlers' pages). */
export function localeOfRequest(request: { cookies: { get(name: string): { value: string } | undefined }; headers: Headers }): Locale {
  return resolveLocale({ cookie: request.cookies.get(LOCALE_COOKIE)?.value, acceptLanguage: request.headers.get("accept-language") });
}
