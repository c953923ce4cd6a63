// The language switch's cookie, on its own so the root error page can read it without the
// Accept-Language negotiator (negotiate.ts) in its client bundle.

/** The customer's choice from the language switch; it wins over Accept-Language. */
export const LOCALE_COOKIE = "encore_locale";
export const LOCALE_COOKIE_MAX_AGE_S = 365 * 24 * 60 * 60;
