// The plan ladder as the customer sees it. Pure: the direction of a move comes from the merchant's
// explicit rank and the billing interval, never from price (a yearly plan costs more than a
// monthly one of a higher tier, and a discounted plan may cost less than the one below it).
import type { BillingInterval } from "@/lib/generated/prisma/enums";
import { intervalLabel } from "@/lib/catalog/format";
import { DEFAULT_LOCALE, type Locale } from "@/lib/i18n/locales";
import { translator } from "@/lib/i18n/translator";
import { formatMoney, formatSigned, money } from "@/lib/money/money";

export type LadderPlan = {
  productId: string;
  name: string;
  rank: number;
  priceAmount: number;
  currency: string;
  interval: BillingInterval;
  intervalCount: number;
};

export type Direction = "upgrade" | "downgrade";
/** How the billing interval moves: monthly → yearly is "longer". */
export type IntervalChange = "none" | "longer" | "shorter";
export type Move = { direction: Direction; intervalChange: IntervalChange };

// Approximate lengths, only to order intervals (a year is longer than twelve weeks).
const DAYS: Record<BillingInterval, number> = { DAY: 1, WEEK: 7, MONTH: 30, YEAR: 365 };

function periodDays(plan: Pick<LadderPlan, "interval" | "intervalCount">): number {
  return DAYS[plan.interval] * plan.intervalCount;
}

/** The move from one plan to another, or null for the same plan. */
export function classifyMove(from: LadderPlan, to: LadderPlan): Move | null {
  if (from.productId === to.productId) return null;
  const direction: Direction = to.rank > from.rank ? "upgrade" : "downgrade";
  const fromDays = periodDays(from);
  const toDays = periodDays(to);
  const intervalChange: IntervalChange = toDays === fromDays ? "none" : toDays > fromDays ? "longer" : "shorter";
  return { direction, intervalChange };
}

/** "$80.00/month". */
export function recurringLabel(plan: Pick<LadderPlan, "priceAmount" | "currency" | "interval" | "intervalCount">, locale: Locale = DEFAULT_LOCALE): string {
  return `${formatMoney(money(plan.priceAmount, plan.currency), locale)}/${intervalLabel(plan.interval, plan.intervalCount, locale)}`;
}

// Months per billing period, for comparing a monthly and a yearly price (weeks and days have no
// whole-month equivalent, so those are not compared).
const MONTHS: Partial<Record<BillingInterval, number>> = { MONTH: 1, YEAR: 12 };

/**
 * What the ladder shows next to a plan, besides its own price: the recurring price difference
 * ("+$50.00/month") when both plans bill on the same interval; across monthly and yearly billing
 * the difference per month on average ("−$5.00/month on average"), since the prices themselves
 * can't be subtracted; otherwise how it is billed.
 */
export function priceDifferenceLabel(from: LadderPlan, to: LadderPlan, locale: Locale = DEFAULT_LOCALE): string {
  const t = translator(locale);
  const sameInterval = from.interval === to.interval && from.intervalCount === to.intervalCount;
  if (from.currency === to.currency && sameInterval) {
    return `${formatSigned(money(to.priceAmount - from.priceAmount, to.currency), locale)}/${intervalLabel(to.interval, to.intervalCount, locale)}`;
  }
  const fromMonths = MONTHS[from.interval] && MONTHS[from.interval]! * from.intervalCount;
  const toMonths = MONTHS[to.interval] && MONTHS[to.interval]! * to.intervalCount;
  if (from.currency === to.currency && fromMonths && toMonths) {
    const perMonth = Math.round(to.priceAmount / toMonths) - Math.round(from.priceAmount / fromMonths);
    return t("plans.ladder.perMonthOnAverage", { amount: formatSigned(money(perMonth, to.currency), locale) });
  }
  return t("plans.ladder.billedEvery", { interval: intervalLabel(to.interval, to.intervalCount, locale) });
}

/** Ladder plans in the merchant's order, lowest rank first. */
export function byRank<T extends Pick<LadderPlan, "rank">>(plans: readonly T[]): T[] {
  return [...plans].sort((a, b) => a.rank - b.rank);
}

// Months per billing interval, to state any plan's price per month (a year is 12 months, a week
// 12/52 of one); only for the merchant's recurring-revenue figures, never for a charge.
const PER_MONTH: Record<BillingInterval, number> = { DAY: 365 / 12, WEEK: 52 / 12, MONTH: 1, YEAR: 1 / 12 };

export type Recurring = { amount: number; interval: BillingInterval; intervalCount: number };

/** A recurring amount per month, in minor units (fractional). */
export function monthlyAmount(r: Recurring): number {
  return (r.amount * PER_MONTH[r.interval]) / Math.max(1, r.intervalCount);
}

/** The change in monthly recurring revenue when a subscription moves from one recurring amount to another, rounded to the minor unit. */
export function mrrChange(from: Recurring, to: Recurring): number {
  return Math.round(monthlyAmount(to) - monthlyAmount(from));
}
