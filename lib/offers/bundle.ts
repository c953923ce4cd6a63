// Bundle offers: the offer's own product plus one or two more one-time products, sold together in
// one payment at one price. Pure rules (pricing, what may be bundled, where a bundle may be sold),
// unit-tested on their own; the funnel, account page, one click and hosted checkout all read them.
//
// Policy (documented in the README): a bundle is offered only to a customer who owns none of its
// products. Its price and saving were set by the merchant for the whole set, and nobody is charged
// again for something they own; a smaller bundle at the same discount is a different offer the
// merchant never made. "Test as a customer" names the product they own.
import { discountBps, money, type Money } from "@/lib/money/money";
import { priceIn, type PricedProduct } from "@/lib/catalog/prices";
import type { ProductKind } from "@/lib/generated/prisma/enums";
import { fieldMessage } from "@/lib/forms/field-message";

/** Products one offer may hold: its own plus at most two more. */
export const MAX_BUNDLE_PRODUCTS = 3;

/** What a bundle's extra products are loaded with (Prisma include of Offer.bundleItems). */
export const bundleItemsInclude = { orderBy: { position: "asc" }, include: { product: { include: { prices: true } } } } as const;

export type BundleLine = { productId: string; listPrice: Money; price: Money };
export type BundlePrice = { price: Money; listPrice: Money; saving: Money; lines: BundleLine[] };

type Priced = PricedProduct & { id: string };

export type OfferPrice = { price: Money; listPrice: Money; saving: Money };

/** One product's offer price in `currency` (default: its base currency); a product without a price in it falls back to its base. */
export function offerPrice(product: PricedProduct, bps: number, currency?: string): OfferPrice {
  const unit = (currency ? priceIn(product, currency) : null) ?? { amount: product.priceAmount, currency: product.currency };
  const listPrice = money(unit.amount, unit.currency);
  const price = discountBps(listPrice, bps);
  return { price, listPrice, saving: money(listPrice.amount - price.amount, listPrice.currency) };
}

/**
 * What an offer sells at, `bps` off: the bundle's price when it bundles other products (every
 * product together, bundlePrice), else the offered product's own (offerPrice). Null when a bundled
 * product has no price in `currency`: a bundle is never priced as its offered product alone.
 */
export function sellingPrice(product: Priced, extras: readonly Priced[], bps: number, currency?: string): OfferPrice | null {
  return extras.length ? bundlePrice([product, ...extras], bps, currency) : offerPrice(product, bps, currency);
}

/**
 * The most units one answer to an offer buys: a bundle sells one of each of its products and a
 * subscription one plan, so both sell one; a one-time product up to the merchant's maximum.
 */
export function maxUnits(kind: ProductKind, maxQuantity: number, bundled: readonly unknown[]): number {
  return kind === "ONE_TIME" && bundled.length === 0 ? Math.max(1, maxQuantity) : 1;
}

/**
 * The price of these products sold together in `currency` (default: the first product's base),
 * `bps` off. Dodo applies a percentage code to each cart line it is restricted to, rounding each
 * line's cut to minor units (sandbox/domain/discount-redemption.ts), so the total is the sum of the
 * lines' discounted prices: exactly what Dodo will charge. Null when a product has no price in the
 * currency (Dodo would price that line in another one, and a cart has one currency).
 */
export function bundlePrice(products: readonly Priced[], bps: number, currency?: string): BundlePrice | null {
  const first = products[0];
  if (!first) return null;
  const code = (currency ?? first.currency).toUpperCase();
  const lines: BundleLine[] = [];
  for (const product of products) {
    const unit = priceIn(product, code);
    if (!unit) return null;
    const listPrice = money(unit.amount, unit.currency);
    lines.push({ productId: product.id, listPrice, price: discountBps(listPrice, bps) });
  }
  const list = lines.reduce((n, l) => n + l.listPrice.amount, 0);
  const total = lines.reduce((n, l) => n + l.price.amount, 0);
  return { price: money(total, code), listPrice: money(list, code), saving: money(list - total, code), lines };
}

/** Every product is sold in `currency` (its base price, or a localized one). */
export function sellableIn(products: readonly PricedProduct[], currency: string): boolean {
  return products.every((p) => priceIn(p, currency) !== null);
}

/** The first product of the bundle the customer already owns, if any (such a bundle is not offered). */
export function ownedBundleProduct(productIds: readonly string[], owned: ReadonlySet<string>): string | null {
  return productIds.find((id) => owned.has(id)) ?? null;
}

export type BundleCandidate = { id: string; kind: "ONE_TIME" | "SUBSCRIPTION"; currency: string; archived: boolean };

/**
 * What the offer form refuses in a bundle, as a field message; null = fine. A bundle is sold in one
 * one-time payment: subscriptions can't be in it (each would need its own billing cycle and
 * discount cycles), and all its products share the main product's base currency (one cart, one
 * currency). Bundles are one of each product: units are for single-product offers.
 */
export function bundleProblem(main: BundleCandidate, extras: readonly (BundleCandidate | undefined)[], maxQuantity: number): string | null {
  if (extras.length === 0) return null;
  if (extras.length > MAX_BUNDLE_PRODUCTS - 1) return fieldMessage("console.fields.offer.bundleMax", { max: MAX_BUNDLE_PRODUCTS });
  if (main.kind !== "ONE_TIME") return fieldMessage("console.fields.offer.bundleSubscription");
  if (extras.some((p) => !p || p.archived)) return fieldMessage("console.fields.offer.bundleGone");
  if (extras.some((p) => p!.kind !== "ONE_TIME")) return fieldMessage("console.fields.offer.bundleOneTime");
  if (extras.some((p) => p!.currency.toUpperCase() !== main.currency.toUpperCase())) return fieldMessage("console.fields.offer.bundleCurrency", { currency: main.currency.toUpperCase() });
  if (maxQuantity > maxUnits(main.kind, maxQuantity, extras)) return fieldMessage("console.fields.offer.bundleUnits");
  return null;
}

/**
 * Every product of a bundle, the offered one first; empty for a single-product offer. How the
 * purchases export, the merchant API and the console list a bundle.
 */
export function bundleLineup<T>(offered: T, extras: readonly T[]): T[] {
  return extras.length ? [offered, ...extras] : [];
}

/** The extra products of an offer loaded with `bundleItemsInclude`, in the order shown. */
export function bundleOf<P>(offer: { bundleItems: readonly { product: P }[] }): P[] {
  return offer.bundleItems.map((item) => item.product);
}
