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

/** Products one offer may hold: its own plus at most two more. */
export const MAX_BUNDLE_PRODUCTS = 3;

/** What a bundle's extra products are loaded with (Prisma include of Offer.bundleItems). */
export const bundleItemsInclude = { orderBy: { position: "asc" }, include: { product: { include: { prices: true } } } } as const;

export type BundleLine = { productId: string; listPrice: Money; price: Money };
export type BundlePrice = { price: Money; listPrice: Money; saving: Money; lines: BundleLine[] };

type Priced = PricedProduct & { id: string };

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
  if (extras.length > MAX_BUNDLE_PRODUCTS - 1) return `A bundle holds at most ${MAX_BUNDLE_PRODUCTS} products`;
  if (main.kind !== "ONE_TIME") return "Subscriptions can't be bundled: offer a one-time product to bundle others with it";
  if (extras.some((p) => !p || p.archived)) return "Some bundled products no longer exist; sync products and try again";
  if (extras.some((p) => p!.kind !== "ONE_TIME")) return "Subscriptions can't be bundled: choose one-time products only";
  if (extras.some((p) => p!.currency.toUpperCase() !== main.currency.toUpperCase())) return `Every product of a bundle must be priced in ${main.currency.toUpperCase()}, like the offered product`;
  if (maxQuantity > 1) return "A bundle sells one of each product: set most units to 1";
  return null;
}

/** The extra products of an offer loaded with `bundleItemsInclude`, in the order shown. */
export function bundleOf<P>(offer: { bundleItems: readonly { product: P }[] }): P[] {
  return offer.bundleItems.map((item) => item.product);
}
