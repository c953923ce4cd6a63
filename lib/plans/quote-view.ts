// What the preview panel renders: Dodo's previewed numbers, formatted on the server so the browser
// shows text and never does arithmetic on money. Pure.
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
  credit: { label: string; amount: string } | null;
  lines: Array<{ name: string; quantity: number; unitPrice: string; factor: string }>;
  newPlan: { name: string; price: string; nextBilling: string };
  /** A discount the new plan carries: what is paid per period while it lasts, and after. */
  discount: string | null;
  effective: string;
  explanation: string;
  failureNote: string | null;
  confirmLabel: string;
};

const DATE = new Intl.DateTimeFormat("en-GB", { day: "numeric", month: "short", year: "numeric", timeZone: "UTC" });

export function formatDate(value: Date | string): string {
  return DATE.format(typeof value === "string" ? new Date(value) : value);
}

/**
 * Dodo's proration factor in words, next to a line: what share of a billing period the line
 * bills ("a full period", "the rest of this period (67%)"), never the raw factor.
 */
export function factorLabel(factor: number): string {
  if (factor >= 0.9995) return "a full period";
  return `the rest of this period (${Math.max(1, Math.round(factor * 100))}%)`;
}

function failureNote(terms: ChangeTerms, fromName: string, chargesNow: boolean): string | null {
  if (!chargesNow) return null;
  return terms.onPaymentFailure === "PREVENT_CHANGE"
    ? `If your card is declined, nothing changes: you stay on ${fromName}.`
    : "If your card is declined, your plan still changes but your subscription is put on hold until you update your card.";
}

/**
 * "30% off for 3 billing periods: you pay $56.00/month for those 3 renewals, then $80.00/month."
 * Percentage codes from Dodo's new_plan.discounts, stacked in order, each rounded half up like
 * Dodo's charge; a flat code is named without a figure (its amount depends on Dodo's currency rows).
 */
export function discountSummary(discounts: QuoteDiscount[], plan: { recurringAmount: number; currency: string; interval: LockedQuote["newPlan"]["interval"]; intervalCount: number }): string | null {
  if (discounts.length === 0) return null;
  const label = (minor: number) => recurringLabel({ priceAmount: minor, currency: plan.currency, interval: plan.interval, intervalCount: plan.intervalCount });
  if (discounts.some((d) => d.type !== "percentage")) return `Your plan carries a discount code; the payment provider applies it to your renewals. Full price: ${label(plan.recurringAmount)}.`;
  const discounted = discounts.reduce((left, d) => left - Math.floor((left * d.amount + 5_000) / 10_000), plan.recurringAmount);
  const off = Math.round((1 - discounted / Math.max(1, plan.recurringAmount)) * 100);
  const cycles = discounts.map((d) => d.cyclesRemaining);
  if (cycles.some((c) => c === null)) return `${off}% off: you pay ${label(discounted)} from your next renewal on, instead of ${label(plan.recurringAmount)}.`;
  const n = Math.min(...(cycles as number[]));
  return `${off}% off for ${n} billing period${n === 1 ? "" : "s"}: you pay ${label(discounted)} for your next ${n === 1 ? "renewal" : `${n} renewals`}, then ${label(plan.recurringAmount)}.`;
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
}): QuoteView {
  const { quote, terms } = input;
  const amount = (minor: number) => formatMoney(money(minor, quote.currency));
  const chargesNow = quote.totalAmount > 0;
  const credit =
    quote.customerCredits > 0
      ? { label: "Credit added", amount: amount(quote.customerCredits) }
      : quote.customerCredits < 0
        ? { label: "Credit used", amount: amount(-quote.customerCredits) }
        : null;
  const verb = input.intervalChange !== "none" ? "switch" : input.direction === "upgrade" ? "upgrade" : "downgrade";
  return {
    token: input.token,
    expiresAt: input.expiresAt.toISOString(),
    subscriptionId: input.subscriptionId,
    title: `${verb.charAt(0).toUpperCase()}${verb.slice(1)} to ${input.toName}`,
    toProductId: input.toProductId,
    direction: input.direction,
    chargeNow: amount(quote.totalAmount),
    tax: quote.tax === null ? null : amount(quote.tax),
    credit,
    lines: quote.lines.map((line) => ({ name: line.name, quantity: line.quantity, unitPrice: amount(line.unitPrice), factor: factorLabel(line.prorationFactor) })),
    newPlan: {
      name: input.toName,
      price: recurringLabel({ priceAmount: quote.newPlan.recurringAmount, currency: quote.currency, interval: quote.newPlan.interval, intervalCount: quote.newPlan.intervalCount }),
      nextBilling: formatDate(quote.newPlan.nextBillingDate),
    },
    discount: discountSummary(quote.discounts ?? [], { ...quote.newPlan, currency: quote.currency }),
    effective: quote.scheduled ? `On ${formatDate(quote.effectiveAt)}` : "Immediately",
    explanation: termsExplanation(terms),
    failureNote: failureNote(terms, input.fromName, chargesNow),
    confirmLabel: quote.scheduled
      ? `Schedule ${verb} for ${formatDate(quote.effectiveAt)}`
      : chargesNow
        ? `Confirm ${verb} and pay ${amount(quote.totalAmount)}`
        : `Confirm ${verb}`,
  };
}
