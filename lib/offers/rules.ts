// Pure funnel rules: which offers a customer may see, what they cost, where a decision leads and
// when the window closes. No I/O, so every rule is unit-tested on its own.
import type { DecisionOutcome } from "@/lib/generated/prisma/enums";
import type { SubscriptionStatus } from "@/lib/generated/prisma/enums";
import { discountBps, money, type Money } from "@/lib/money/money";
import { priceIn, type PricedProduct } from "@/lib/catalog/prices";
import { ownedBundleProduct } from "./bundle";
import { readTargeting, unmetConditions, type Condition, type TargetingFacts } from "./targeting";

export type OfferForRules = {
  id: string;
  active: boolean;
  triggerProductIds: readonly string[];
  minOrderAmount: number | null;
  frequencyCap: number | null;
  offeredProductId: string;
  /** `prices`: its prices in other currencies (Dodo's localized prices), besides the base. */
  product: { archived: boolean; currency: string; prices?: readonly { currency: string; amount: number }[] };
  /** A bundle's other products (lib/offers/bundle.ts), after `product`; empty or absent = one product. */
  bundle?: readonly { id: string; archived: boolean; currency: string; prices?: readonly { currency: string; amount: number }[] }[];
  /** Stored targeting (lib/offers/targeting.ts); null = no conditions. */
  targeting: unknown;
  startsAt: Date | null;
  endsAt: Date | null;
};

/** The purchase that opened the funnel; null for offers outside a funnel (account page). */
export type PurchaseForRules = {
  productIds: readonly string[];
  orderAmount: number;
  currency: string;
  /** Dodo's billing country of the order, when known. */
  country: string | null;
  paidAt: Date;
} | null;

/** The customer's latest paid order: what targeting reads outside a funnel. */
export type OrderFacts = { amount: number; currency: string; country: string | null; paidAt: Date };

export type CustomerHistory = {
  ownedProductIds: ReadonlySet<string>;
  declinedOfferIds: ReadonlySet<string>;
  /** How many times the customer has been shown each offer. */
  impressionsByOffer: ReadonlyMap<string, number>;
  firstPaidAt: Date | null;
  latestOrder: OrderFacts | null;
  subscriptions: readonly { productId: string; status: SubscriptionStatus }[];
};

export type SkipReason =
  | "inactive"
  | "archived_product"
  | "not_triggered"
  | "below_min_order"
  | "currency_mismatch"
  | "min_order_other_currency"
  | "already_owned"
  | "declined_before"
  | "frequency_cap"
  | "not_started"
  | "ended"
  | "not_targeted";

/** `unmet`: for not_targeted, the conditions the customer does not meet; `owned`: for already_owned, the product they own. */
export type Eligibility = { eligible: true } | { eligible: false; reason: SkipReason; unmet?: Condition[]; owned?: string };

/** What targeting reads: the purchase, or outside a funnel the latest paid order, and the customer. */
export function targetingFacts(purchase: PurchaseForRules, history: CustomerHistory): TargetingFacts {
  const order = purchase ? { amount: purchase.orderAmount, currency: purchase.currency, country: purchase.country, paidAt: purchase.paidAt } : history.latestOrder;
  return { order, firstPaidAt: history.firstPaidAt, ownedProductIds: history.ownedProductIds, subscriptions: history.subscriptions };
}

export function offerEligibility(offer: OfferForRules, purchase: PurchaseForRules, history: CustomerHistory, now = new Date()): Eligibility {
  if (!offer.active) return { eligible: false, reason: "inactive" };
  const products = [offer.product, ...(offer.bundle ?? [])];
  if (products.some((p) => p.archived)) return { eligible: false, reason: "archived_product" };
  if (offer.startsAt && now < offer.startsAt) return { eligible: false, reason: "not_started" };
  if (offer.endsAt && now >= offer.endsAt) return { eligible: false, reason: "ended" };
  if (offer.triggerProductIds.length > 0) {
    const bought = purchase?.productIds ?? [...history.ownedProductIds];
    if (!offer.triggerProductIds.some((id) => bought.includes(id))) return { eligible: false, reason: "not_triggered" };
  }
  // After a purchase, offers are made in the currency the customer just paid in: the product's base
  // price or its localized price in that currency. A price in another currency is not one they chose.
  // A bundle is one cart in one currency: every product must be sold in it (outside a funnel, in
  // the main product's base currency, which the offer form made every bundled product's base).
  const inOrderCurrency = purchase ? purchase.currency.toUpperCase() === offer.product.currency.toUpperCase() : true;
  const wanted = (purchase?.currency ?? offer.product.currency).toUpperCase();
  const soldIn = (p: OfferForRules["product"]) => p.currency.toUpperCase() === wanted || Boolean(p.prices?.some((x) => x.currency.toUpperCase() === wanted));
  if (!products.every(soldIn)) return { eligible: false, reason: "currency_mismatch" };
  if (offer.minOrderAmount !== null && purchase) {
    // The minimum is set in the product's base currency: an order in another one cannot be compared with it.
    if (!inOrderCurrency) return { eligible: false, reason: "min_order_other_currency" };
    if (purchase.orderAmount < offer.minOrderAmount) return { eligible: false, reason: "below_min_order" };
  }
  // A bundle is offered only to a customer who owns none of its products (lib/offers/bundle.ts).
  const owned = ownedBundleProduct([offer.offeredProductId, ...(offer.bundle ?? []).map((p) => p.id)], history.ownedProductIds);
  if (owned) return { eligible: false, reason: "already_owned", owned };
  if (history.declinedOfferIds.has(offer.id)) return { eligible: false, reason: "declined_before" };
  if (offer.frequencyCap !== null && (history.impressionsByOffer.get(offer.id) ?? 0) >= offer.frequencyCap) {
    return { eligible: false, reason: "frequency_cap" };
  }
  const targeting = readTargeting(offer.targeting);
  if (targeting === "unreadable") return { eligible: false, reason: "not_targeted", unmet: [] };
  if (targeting) {
    const unmet = unmetConditions(targeting, targetingFacts(purchase, history));
    if (unmet.length) return { eligible: false, reason: "not_targeted", unmet };
  }
  return { eligible: true };
}

export type OfferPrice = { price: Money; listPrice: Money; saving: Money };

/** The offer's price in `currency` (default: the product's base currency); a product without a price in it falls back to its base. */
export function offerPrice(product: PricedProduct, bps: number, currency?: string): OfferPrice {
  const unit = (currency ? priceIn(product, currency) : null) ?? { amount: product.priceAmount, currency: product.currency };
  const listPrice = money(unit.amount, unit.currency);
  const price = discountBps(listPrice, bps);
  return { price, listPrice, saving: money(listPrice.amount - price.amount, listPrice.currency) };
}

/**
 * The units a customer asked for, when the offer allows them: 1 up to the merchant's maximum, and
 * only for one-time products. Null = refused (a tampered form, or an offer edited since it was shown).
 */
export function offerQuantity(requested: number | undefined, offer: { maxQuantity: number; product: { kind: "ONE_TIME" | "SUBSCRIPTION" } }): number | null {
  const quantity = requested ?? 1;
  if (!Number.isInteger(quantity) || quantity < 1) return null;
  const max = offer.product.kind === "ONE_TIME" ? Math.max(1, offer.maxQuantity) : 1;
  return quantity <= max ? quantity : null;
}

export type StepEdges = { onAcceptStepId: string | null; onDeclineStepId: string | null; onFailStepId: string | null };

/** Where the funnel goes after a decision; null = the funnel is done. */
export function nextStepAfter(step: StepEdges, outcome: DecisionOutcome): string | null {
  switch (outcome) {
    case "ACCEPTED":
      return step.onAcceptStepId;
    case "DECLINED":
      return step.onDeclineStepId;
    case "FAILED":
      return step.onFailStepId;
    case "EXPIRED":
      return null;
  }
}

/**
 * When a post-purchase window closes: exactly the merchant's funnel window (1 minute to 24 hours,
 * checked by the funnel form). Nothing at Dodo caps it: the checkout the customer paid with is
 * already complete, and each one-click accept creates its own confirmed checkout session at
 * that moment (Dodo keeps a `confirm: true` session for 15 minutes from its creation, dodo-api.md
 * §4.3, and ours is paid within seconds), charged to a card Dodo keeps saved for the customer.
 * The "use another card" fallback opens a hosted session valid for 24 hours, which covers any window.
 */
export function windowClosesAt(start: Date, funnelWindowSecs: number): Date {
  return new Date(start.getTime() + funnelWindowSecs * 1000);
}

/** Picks the funnel for a purchase: one whose entry offers name a bought product beats a catch-all one. */
export function rankFunnelMatch(entryOfferTriggers: readonly (readonly string[])[], boughtProductIds: readonly string[]): number {
  if (entryOfferTriggers.some((t) => t.some((id) => boughtProductIds.includes(id)))) return 2;
  if (entryOfferTriggers.some((t) => t.length === 0)) return 1;
  return 0;
}
