import type { BillingInterval } from "@/lib/generated/prisma/enums";
import { formatMoney, money } from "@/lib/money/money";

const UNIT: Record<BillingInterval, string> = { DAY: "day", WEEK: "week", MONTH: "month", YEAR: "year" };

/** "$49.00" for one-time products, "$80.00 / month" or "$800.00 / 12 months" for plans. */
export function formatPrice(p: { priceAmount: number; currency: string; billingInterval: BillingInterval | null; billingIntervalCount: number | null }): string {
  const price = formatMoney(money(p.priceAmount, p.currency));
  if (!p.billingInterval) return price;
  const count = p.billingIntervalCount ?? 1;
  return count === 1 ? `${price} / ${UNIT[p.billingInterval]}` : `${price} / ${count} ${UNIT[p.billingInterval]}s`;
}
