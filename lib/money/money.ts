import { DEFAULT_LOCALE, type Locale } from "@/lib/i18n/locales";

// Money is an integer amount in the currency's minor unit plus an ISO-4217 code, everywhere.
// This module is the one formatter and the only arithmetic on amounts of possibly different currencies.

export type Money = { readonly amount: number; readonly currency: string };

export class CurrencyMismatchError extends Error {
  constructor(a: string, b: string) {
    super(`cannot combine ${a} with ${b}`);
    this.name = "CurrencyMismatchError";
  }
}

function normalise(currency: string): string {
  const code = currency.toUpperCase();
  if (!/^[A-Z]{3}$/.test(code)) throw new RangeError(`not an ISO-4217 currency code: ${currency}`);
  return code;
}

export function money(amount: number, currency: string): Money {
  if (!Number.isSafeInteger(amount)) throw new RangeError(`money amounts are integers in minor units, got ${amount}`);
  return { amount, currency: normalise(currency) };
}

/** Digits after the decimal point (JPY 0, USD 2, KWD 3), as Intl knows them. */
export function minorUnitDigits(currency: string): number {
  return new Intl.NumberFormat("en", { style: "currency", currency: normalise(currency) }).resolvedOptions().maximumFractionDigits ?? 2;
}

function sameCurrency(a: Money, b: Money): void {
  if (a.currency !== b.currency) throw new CurrencyMismatchError(a.currency, b.currency);
}

export function add(a: Money, b: Money): Money {
  sameCurrency(a, b);
  return money(a.amount + b.amount, a.currency);
}

export function subtract(a: Money, b: Money): Money {
  sameCurrency(a, b);
  return money(a.amount - b.amount, a.currency);
}

export function sum(currency: string, items: readonly Money[]): Money {
  return items.reduce((total, item) => add(total, item), money(0, currency));
}

/** Applies a discount in basis points, rounding half up to the minor unit (never below zero). */
export function discountBps(price: Money, bps: number): Money {
  if (!Number.isInteger(bps) || bps < 0 || bps > 10_000) throw new RangeError(`discount must be 0–10000 bps, got ${bps}`);
  return money(Math.max(0, price.amount - Math.round((price.amount * bps) / 10_000)), price.currency);
}

const formatters = new Map<string, Intl.NumberFormat>();

// English shows amounts as US English does ("$1,234.50", "R$1,234.56"); Brazil as Brazil does ("R$ 1.234,56").
const INTL_TAG: Record<Locale, string> = { en: "en-US", "pt-BR": "pt-BR" };

/**
 * Formats for display in the customer's language, e.g. $1,234.50, ¥1,235, KWD 1.234 in English and
 * R$ 1.234,56, JP¥ 1.235, KWD 1,234 in Brazilian Portuguese — correct for zero- and three-decimal currencies.
 */
export function formatMoney(value: Money, locale: Locale = DEFAULT_LOCALE): string {
  const key = `${locale}:${value.currency}`;
  let formatter = formatters.get(key);
  if (!formatter) {
    formatter = new Intl.NumberFormat(INTL_TAG[locale], { style: "currency", currency: value.currency });
    formatters.set(key, formatter);
  }
  return formatter.format(value.amount / 10 ** minorUnitDigits(value.currency));
}

/** A signed difference for plan ladders and previews: "+$50.00", "−$10.00", "$0.00". */
export function formatSigned(value: Money, locale: Locale = DEFAULT_LOCALE): string {
  const abs = formatMoney(money(Math.abs(value.amount), value.currency), locale);
  if (value.amount > 0) return `+${abs}`;
  if (value.amount < 0) return `−${abs}`;
  return abs;
}
