// The languages Encore speaks to customers and merchants. Client-safe and small: the language
// switch, the error pages and client components (money formatting) import it, so choosing a
// request's language (Accept-Language parsing) lives in ./negotiate.ts, kept out of the browser.

export const LOCALES = ["en", "pt-BR"] as const;
export type Locale = (typeof LOCALES)[number];
export const DEFAULT_LOCALE: Locale = "en";

export { LOCALE_COOKIE, LOCALE_COOKIE_MAX_AGE_S } from "./cookie";

/** Each language named in itself, as a switch shows it. */
export const LOCALE_NAMES: Record<Locale, string> = { en: "English", "pt-BR": "Português (Brasil)" };

export function isLocale(value: unknown): value is Locale {
  return typeof value === "string" && (LOCALES as readonly string[]).includes(value);
}
