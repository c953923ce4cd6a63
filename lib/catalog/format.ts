import type { BillingInterval } from "@/lib/generated/prisma/enums";
import { formatMoney, money } from "@/lib/money/money";

const UNIT: Record<BillingInterval, string> = { DAY: "day", WEEK: "week", MONTH: "month", YEAR: "year" };

/** "month", "year", "3 months". */
export function intervalLabel(interval: BillingInterval, count: number): string {
  return count === 1 ? UNIT[interval] : `${count} ${UNIT[interval]}s`;
}

/** "$49.00" for one-time products, "$80.00 / month" or "$800.00 / 12 months" for plans. */
export function formatPrice(p: { priceAmount: number; currency: string; billingInterval: BillingInterval | null; billingIntervalCount: number | null }): string {
  const price = formatMoney(money(p.priceAmount, p.currency));
  if (!p.billingInterval) return price;
  return `${price} / ${intervalLabel(p.billingInterval, p.billingIntervalCount ?? 1)}`;
}
