// Dodo's change-plan preview, reduced to what the customer is shown and agrees to, plus the hash
// of its money terms. Pure. The hash deliberately leaves out what moves on its own between two
// identical previews (the exact `effective_at` of an immediate change is "now"; the proration
// factor is a float of the current instant): only amounts, items and dates a customer would
// call "the price" decide whether a confirm must be refused.
import crypto from "node:crypto";
import type { SubscriptionPreviewChangePlanResponse } from "dodopayments/resources/subscriptions";
import { billingIntervalFrom } from "@/lib/catalog/from-dodo";
import type { BillingInterval } from "@/lib/generated/prisma/enums";
import type { PlanSelection } from "./terms";

export type QuoteLine = {
  kind: "subscription" | "addon" | "meter";
  id: string;
  name: string;
  quantity: number;
  /** Minor units per unit and cycle; for meters, the subtotal. */
  unitPrice: number;
  prorationFactor: number;
  tax: number | null;
};

export type LockedQuote = {
  currency: string;
  totalAmount: number;
  tax: number | null;
  /** Dodo's signed credit movement: > 0 added (downgrade), < 0 used (upgrade). */
  customerCredits: number;
  lines: QuoteLine[];
  scheduled: boolean;
  effectiveAt: string;
  newPlan: { productId: string; recurringAmount: number; nextBillingDate: string; interval: BillingInterval; intervalCount: number };
  /** The exact plan selection sent, so confirm repeats the same call. */
  selection: PlanSelection;
  /** Discounts the new plan carries (Dodo's new_plan.discounts, in stacking order); absent on quotes stored before discounts. */
  discounts?: QuoteDiscount[];
};

export type QuoteDiscount = { discountId: string; type: "percentage" | "flat"; amount: number; cyclesRemaining: number | null };


function lineOf(item: SubscriptionPreviewChangePlanResponse.ImmediateCharge["line_items"][number]): QuoteLine {
  switch (item.type) {
    case "subscription":
      return { kind: "subscription", id: item.product_id, name: item.name ?? item.product_id, quantity: item.quantity, unitPrice: item.unit_price, prorationFactor: item.proration_factor, tax: item.tax ?? null };
    case "addon":
      return { kind: "addon", id: item.id, name: item.name, quantity: item.quantity, unitPrice: item.unit_price, prorationFactor: item.proration_factor, tax: item.tax ?? null };
    case "meter":
      return { kind: "meter", id: item.id, name: item.name, quantity: 1, unitPrice: item.subtotal, prorationFactor: 1, tax: item.tax ?? null };
  }
}

export function lockedQuoteFrom(preview: SubscriptionPreviewChangePlanResponse, selection: PlanSelection, scheduled: boolean): LockedQuote {
  const { summary, line_items, effective_at } = preview.immediate_charge;
  const plan = preview.new_plan;
  return {
    currency: summary.currency,
    totalAmount: summary.total_amount,
    tax: summary.tax ?? null,
    customerCredits: summary.customer_credits,
    lines: line_items.map(lineOf),
    scheduled,
    effectiveAt: effective_at,
    newPlan: {
      productId: plan.product_id,
      recurringAmount: plan.recurring_pre_tax_amount,
      nextBillingDate: plan.next_billing_date,
      interval: billingIntervalFrom(plan.payment_frequency_interval) ?? "MONTH",
      intervalCount: plan.payment_frequency_count,
    },
    selection,
    discounts: [...(plan.discounts ?? [])]
      .sort((a, b) => a.position - b.position)
      .map((d) => ({ discountId: d.discount_id, type: d.type, amount: d.amount, cyclesRemaining: d.cycles_remaining ?? null })),
  };
}

const day = (iso: string) => iso.slice(0, 10);

/** sha256 over the money terms; two previews with equal hashes charge and credit the same. */
export function quoteHash(quote: LockedQuote): string {
  const terms = {
    currency: quote.currency,
    total: quote.totalAmount,
    tax: quote.tax ?? 0,
    credits: quote.customerCredits,
    lines: quote.lines.map((l) => [l.kind, l.id, l.quantity, l.unitPrice, l.tax ?? 0]),
    scheduled: quote.scheduled,
    effectiveDay: quote.scheduled ? day(quote.effectiveAt) : null,
    plan: [quote.newPlan.productId, quote.newPlan.recurringAmount, day(quote.newPlan.nextBillingDate)],
    // Only quotes with discounts hash them, so a quote stored before discounts keeps its hash.
    ...(quote.discounts?.length ? { discounts: quote.discounts.map((d) => [d.discountId, d.type, d.amount, d.cyclesRemaining]) } : {}),
  };
  return crypto.createHash("sha256").update(JSON.stringify(terms)).digest("base64url");
}

/** Reads a stored quote back (Prisma types JSON loosely). */
export function storedQuote(value: unknown): LockedQuote {
  return value as LockedQuote;
}
