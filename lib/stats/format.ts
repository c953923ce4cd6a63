// Display formatting for stats: one place, so the page and its tests agree on every string. Money
// goes through the one Intl money formatter; numbers and rates through Intl in the console's locale.
import { DEFAULT_LOCALE, type Locale } from "@/lib/i18n/locales";
import { translator } from "@/lib/i18n/translator";
import { formatMoney, formatSigned, money } from "@/lib/money/money";
import type { Interval } from "./math";

// The same regional forms the money formatter uses ("1,234", "12.5%"; "1.234", "12,5%").
const INTL_TAG: Record<Locale, string> = { en: "en-US", "pt-BR": "pt-BR" };
const numberFormats = new Map<string, Intl.NumberFormat>();
function numberFormat(locale: Locale, kind: "count" | "rate" | "decimal"): Intl.NumberFormat {
  const key = `${locale}:${kind}`;
  let f = numberFormats.get(key);
  if (!f) {
    f = new Intl.NumberFormat(INTL_TAG[locale], kind === "rate" ? { style: "percent", minimumFractionDigits: 1, maximumFractionDigits: 1 } : kind === "decimal" ? { minimumFractionDigits: 1, maximumFractionDigits: 1 } : {});
    numberFormats.set(key, f);
  }
  return f;
}

export const formatRate = (rate: number | null, locale: Locale = DEFAULT_LOCALE) => (rate === null ? "—" : numberFormat(locale, "rate").format(rate));

export const formatAmount = (amount: number | null, currency: string, locale: Locale = DEFAULT_LOCALE) => (amount === null ? "—" : formatMoney(money(Math.round(amount), currency), locale));

export const formatSignedAmount = (amount: number, currency: string, locale: Locale = DEFAULT_LOCALE) => formatSigned(money(Math.round(amount), currency), locale);

export function formatInterval(i: Interval, currency: string, locale: Locale = DEFAULT_LOCALE): string {
  const t = translator(locale);
  return t("console.stats.interval", { low: formatSignedAmount(i.low, currency, locale), high: formatSignedAmount(i.high, currency, locale) });
}

/** Percentage-point difference of two rates: "+12.5 pts" ("+12,5 p.p."). */
export function formatPoints(diff: number, locale: Locale = DEFAULT_LOCALE): string {
  const t = translator(locale);
  return t("console.stats.points", { sign: diff >= 0 ? "+" : "−", value: numberFormat(locale, "decimal").format(Math.abs(diff * 100)) });
}

export const formatCount = (n: number, locale: Locale = DEFAULT_LOCALE) => numberFormat(locale, "count").format(n);
