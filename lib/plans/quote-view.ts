// What the preview panel renders: Dodo's previewed numbers, formatted on the server so the browser
// shows text and never does arithmetic on money. Pure.
import { formatDate } from "@/lib/i18n/dates";
import { DEFAULT_LOCALE, type Locale } from "@/lib/i18n/locales";
import { translator } from "@/lib/i18n/translator";
import { formatMoney, money } from "@/lib/money/money";
import type { Direction, IntervalChange } from "./ladder";
import { recurringLabel } from "./ladder";
import type { LockedQuote, QuoteDiscount } from "./locked-quote";
import { termsExplanation, type ChangeTerms } from "./terms";

export type QuoteView = {
  token: string;
  expiresAt: string;
  subscriptionId: string;
  toProductId: string;
  title: string;
  direction: Direction;
  chargeNow: string;
  tax: string | null;
  credit: { kind: "added" | "used"; label: string; amount: string } | null;
  lines: Array<{ name: string; quantity: number; unitPrice: string; factor: string }>;
  newPlan: { name: string; price: string; nextBilling: string };
  /** A discount the new plan carries: what is paid per period while it lasts, and after. */
  discount: string | null;
  effective: string;
  explanation: string;
  failureNote: string | null;
  confirmLabel: string;
};

/** Moved to lib/i18n/dates.ts (one date formatter, per locale); re-exported for existing callers. */
export { formatDate };

/**
 * Dodo's proration factor in words, next to a line: what share of a billing period the line
 * bills ("a full period", "the rest of this period (67%)"), never the raw factor.
 */
export function factorLabel(factor: number, locale: Locale = DEFAULT_LOCALE): string {
  const t = translator(locale);
  if (factor >= 0.9995) return t("plans.quote.fullPeriod");
  return t("plans.quote.restOfPeriod", { percent: Math.max(1, Math.round(factor * 100)) });
}

function failureNote(terms: ChangeTerms, fromName: string, chargesNow: boolean, locale: Locale): string | null {
  if (!chargesNow) return null;
  const t = translator(locale);
  return terms.onPaymentFailure === "PREVENT_CHANGE" ? t("plans.quote.declinedNothingChanges", { plan: fromName }) : t("plans.quote.declinedOnHold");
}

/**
 * "30% off for 3 billing periods: you pay $56.00/month for those 3 renewals, then $80.00/month."
 * Percentage codes from Dodo's new_plan.discounts, stacked in order, each rounded half up like
 * Dodo's charge; a flat code is named without a figure (its amount depends on Dodo's currency rows).
 */
export function discountSummary(discounts: QuoteDiscount[], plan: { recurringAmount: number; currency: string; interval: LockedQuote["newPlan"]["interval"]; intervalCount: number }, locale: Locale = DEFAULT_LOCALE): string | null {
  if (discounts.length === 0) return null;
  const t = translator(locale);
  const label = (minor: number) => recurringLabel({ priceAmount: minor, currency: plan.currency, interval: plan.interval, intervalCount: plan.intervalCount }, locale);
  if (discounts.some((d) => d.type !== "percentage")) return t("plans.quote.discountCode", { full: label(plan.recurringAmount) });
  const discounted = discounts.reduce((left, d) => left - Math.floor((left * d.amount + 5_000) / 10_000), plan.recurringAmount);
  const off = Math.round((1 - discounted / Math.max(1, plan.recurringAmount)) * 100);
  const cycles = discounts.map((d) => d.cyclesRemaining);
  if (cycles.some((c) => c === null)) return t("plans.quote.discountForever", { off, discounted: label(discounted), full: label(plan.recurringAmount) });
  const n = Math.min(...(cycles as number[]));
  return t("plans.quote.discountCycles", { off, count: n, discounted: label(discounted), full: label(plan.recurringAmount) });
}

export function quoteView(input: {
  token: string;
  expiresAt: Date;
  subscriptionId: string;
  quote: LockedQuote;
  terms: ChangeTerms;
  direction: Direction;
  /** A move between billing intervals (monthly ↔ yearly) reads "Switch", whatever the tier. */
  intervalChange: IntervalChange;
  fromName: string;
  toName: string;
  toProductId: string;
  locale?: Locale;
}): QuoteView {
  const { quote, terms } = input;
  const locale = input.locale ?? DEFAULT_LOCALE;
  const t = translator(locale);
  const amount = (minor: number) => formatMoney(money(minor, quote.currency), locale);
  const chargesNow = quote.totalAmount > 0;
  const credit =
    quote.customerCredits > 0
      ? { kind: "added" as const, label: t("plans.quote.creditAdded"), amount: amount(quote.customerCredits) }
      : quote.customerCredits < 0
        ? { kind: "used" as const, label: t("plans.quote.creditUsed"), amount: amount(-quote.customerCredits) }
        : null;
  const verb = input.intervalChange !== "none" ? "switch" : input.direction === "upgrade" ? "upgrade" : "downgrade";
  const effectiveOn = formatDate(quote.effectiveAt, locale);
  return {
    token: input.token,
    expiresAt: input.expiresAt.toISOString(),
    subscriptionId: input.subscriptionId,
    title: t("plans.quote.title", { verb, plan: input.toName }),
    toProductId: input.toProductId,
    direction: input.direction,
    chargeNow: amount(quote.totalAmount),
    tax: quote.tax === null ? null : amount(quote.tax),
    credit,
    lines: quote.lines.map((line) => ({ name: line.name, quantity: line.quantity, unitPrice: amount(line.unitPrice), factor: factorLabel(line.prorationFactor, locale) })),
    newPlan: {
      name: input.toName,
      price: recurringLabel({ priceAmount: quote.newPlan.recurringAmount, currency: quote.currency, interval: quote.newPlan.interval, intervalCount: quote.newPlan.intervalCount }, locale),
      nextBilling: formatDate(quote.newPlan.nextBillingDate, locale),
    },
    discount: discountSummary(quote.discounts ?? [], { ...quote.newPlan, currency: quote.currency }, locale),
    effective: quote.scheduled ? t("plans.quote.effectiveOn", { date: effectiveOn }) : t("plans.quote.immediately"),
    explanation: termsExplanation(terms, locale),
    failureNote: failureNote(terms, input.fromName, chargesNow, locale),
    confirmLabel: quote.scheduled
      ? t("plans.quote.confirmScheduled", { verb, date: effectiveOn })
      : chargesNow
        ? t("plans.quote.confirmAndPay", { verb, amount: amount(quote.totalAmount) })
        : t("plans.quote.confirm", { verb }),
  };
}
