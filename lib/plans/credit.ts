// Downgrade credit, as far as the customer needs to see it. Dodo exposes no balance: credits show
// up only in a preview's `customer_credits`, and renewals spend them first. So the balance is
// replayed from the plan changes we submitted (their previewed credits) and the renewals since,
// each consuming up to the plan's recurring price — the rule of Dodo's docs (§6.5: "$60 credit,
// consumed $20 per renewal"). Pure.
import type { BillingInterval } from "@/lib/generated/prisma/enums";
import { formatMoney, money } from "@/lib/money/money";
import { DEFAULT_LOCALE, type Locale } from "@/lib/i18n/locales";
import { translator } from "@/lib/i18n/translator";

export type CreditEvent = {
  at: Date;
  /** Signed as Dodo reports it: > 0 added, < 0 spent on an upgrade. */
  credits: number;
  /** The recurring price renewals are billed at after this change. */
  recurringAfter: number;
};

export type BillingCycle = { interval: BillingInterval; intervalCount: number };

/** `date` moved by `cycles` billing cycles (negative: back in time). */
export function shiftByCycles(date: Date, cycle: BillingCycle, cycles: number): Date {
  const d = new Date(date);
  const n = cycle.intervalCount * cycles;
  if (cycle.interval === "DAY") d.setUTCDate(d.getUTCDate() + n);
  else if (cycle.interval === "WEEK") d.setUTCDate(d.getUTCDate() + 7 * n);
  else d.setUTCMonth(d.getUTCMonth() + (cycle.interval === "YEAR" ? 12 : 1) * n);
  return d;
}

const stepBack = (date: Date, cycle: BillingCycle) => shiftByCycles(date, cycle, -1);

/** Renewal dates after `since`, up to the current period's start, oldest first. */
export function renewalsSince(since: Date, currentPeriodStart: Date, cycle: BillingCycle): Date[] {
  const dates: Date[] = [];
  for (let d = currentPeriodStart; d > since && dates.length < 1000; d = stepBack(d, cycle)) dates.push(d);
  return dates.reverse();
}

/** The credit left after replaying changes and renewals in time order. */
export function remainingCredit(events: CreditEvent[], renewals: Date[], currentRecurring: number): number {
  const timeline = [
    ...events.map((e) => ({ at: e.at.getTime(), event: e })),
    ...renewals.map((at) => ({ at: at.getTime(), event: null })),
  ].sort((a, b) => a.at - b.at);
  let balance = 0;
  let recurring = currentRecurring;
  for (const { event } of timeline) {
    if (event) {
      balance = Math.max(0, balance + event.credits);
      recurring = event.recurringAfter;
    } else {
      balance -= Math.min(balance, recurring);
    }
  }
  return balance;
}

/** "$60.00 credit, applied to your next renewals: it covers the next 3 in full." */
export function creditExplanation(balance: number, recurring: number, currency: string, locale: Locale = DEFAULT_LOCALE): string | null {
  if (balance <= 0) return null;
  const t = translator(locale);
  const fmt = (minor: number) => formatMoney(money(minor, currency), locale);
  const amount = fmt(balance);
  if (recurring <= 0) return t("plans.credit.only", { amount });
  const full = Math.floor(balance / recurring);
  const rest = balance % recurring;
  if (full === 0) return t("plans.credit.partial", { amount, cost: fmt(recurring - rest), full: fmt(recurring) });
  return rest > 0 ? t("plans.credit.coversAndRest", { amount, count: full, rest: fmt(rest) }) : t("plans.credit.covers", { amount, count: full });
}
