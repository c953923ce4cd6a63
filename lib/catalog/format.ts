import type { BillingInterval } from "@/lib/generated/prisma/enums";
import { DEFAULT_LOCALE, type Locale } from "@/lib/i18n/locales";
import { translator } from "@/lib/i18n/translator";
import { formatMoney, money } from "@/lib/money/money";

/** "month", "year", "3 months" ("mês", "ano", "3 meses"). */
export function intervalLabel(interval: BillingInterval, count: number, locale: Locale = DEFAULT_LOCALE): string {
  const t = translator(locale);
  switch (interval) {
    case "DAY":
      return t("catalog.interval.day", { count });
    case "WEEK":
      return t("catalog.interval.week", { count });
    case "MONTH":
      return t("catalog.interval.month", { count });
    case "YEAR":
      return t("catalog.interval.year", { count });
  }
}

/** "$49.00" for one-time products, "$80.00 / month" or "$800.00 / 12 months" for plans. */
export function formatPrice(p: { priceAmount: number; currency: string; billingInterval: BillingInterval | null; billingIntervalCount: number | null }, locale: Locale = DEFAULT_LOCALE): string {
  const price = formatMoney(money(p.priceAmount, p.currency), locale);
  if (!p.billingInterval) return price;
  const t = translator(locale);
  return t("catalog.recurringPrice", { price, interval: intervalLabel(p.billingInterval, p.billingIntervalCount ?? 1, locale) });
}
