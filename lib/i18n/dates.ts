// The one date formatter for customer-facing dates: "21 Dec 2026" in English, "21 de dez. de 2026"
// in Brazilian Portuguese, always in UTC (see time-zone.ts).
import { DEFAULT_LOCALE, type Locale } from "./locales";
import { TIME_ZONE } from "./time-zone";

const formatters = new Map<Locale, Intl.DateTimeFormat>();

// English uses the day-month-year order ("en-GB") the store has always shown; it reads the same everywhere.
const INTL_TAG: Record<Locale, string> = { en: "en-GB", "pt-BR": "pt-BR" };

export function formatDate(value: Date | string, locale: Locale = DEFAULT_LOCALE): string {
  let formatter = formatters.get(locale);
  if (!formatter) {
    formatter = new Intl.DateTimeFormat(INTL_TAG[locale], { day: "numeric", month: "short", year: "numeric", timeZone: TIME_ZONE });
    formatters.set(locale, formatter);
  }
  return formatter.format(typeof value === "string" ? new Date(value) : value);
}
