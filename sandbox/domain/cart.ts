import type { Currency, ProductItemReq } from "dodopayments/resources/index";
import type { SandboxCore } from "../core";
import { invalid } from "../http/errors";
import type { CartLine } from "../state/types";
import { cartCurrency, getAddon, getProduct, unitPrice, validateAddons } from "./catalog";
import { localizedUnitPrice, type Presentment } from "./localized-prices";

export interface PricedCart {
  lines: CartLine[];
  currency: Currency;
  total: number;
  subscriptionLine: CartLine | null;
}

/**
 * Validates a checkout cart against the catalogue and prices it in minor units, each line at the
 * buyer's localized price when the product has one for their currency or country (localized-prices.ts).
 */
export function priceCart(core: SandboxCore, items: ProductItemReq[], presentment: Presentment = { country: null, billingCurrency: null }): PricedCart {
  if (items.length === 0) throw invalid("product_cart must not be empty", "MISSING_PRODUCT_INFORMATION");
  if (items.length > 20) throw invalid("product_cart holds at most 20 products");
  const currencies: Currency[] = [];
  const lines = items.map((item): CartLine => {
    const product = getProduct(core, item.product_id);
    if (core.state.products[item.product_id]!.archived) throw invalid(`Product ${item.product_id} is archived`, "PRODUCT_IS_DELETED");
    if (!Number.isInteger(item.quantity) || item.quantity < 1) throw invalid("quantity must be an integer >= 1");
    const addons = item.addons ?? [];
    if (addons.length > 0 && !product.is_recurring) throw invalid("addons are only allowed on subscription products");
    validateAddons(core, product, addons);
    // Localized prices never apply to pay-what-you-want products (docs).
    const pwyw = product.price.type === "one_time_price" && product.price.pay_what_you_want;
    const localized = pwyw ? null : localizedUnitPrice(core, product, presentment);
    currencies.push(localized?.currency ?? product.price.currency);
    const addonTotal = addons.reduce((sum, a) => sum + getAddon(core, a.addon_id).price * a.quantity, 0);
    return {
      product_id: product.product_id,
      quantity: item.quantity,
      addons,
      amount: (localized ? localized.amount * item.quantity : lineAmount(product.price, item)) + addonTotal,
      discount: 0,
      is_subscription: product.is_recurring,
    };
  });
  const subscriptions = lines.filter((l) => l.is_subscription);
  if (subscriptions.length > 1) throw invalid("A checkout can hold one subscription product");
  if (subscriptions.length === 1 && lines.length > 1 && !core.settings.allow_mixed_cart) {
    throw invalid("Subscription and one-time products cannot be mixed in one checkout");
  }
  return {
    lines,
    currency: cartCurrency(currencies),
    total: lines.reduce((sum, l) => sum + l.amount, 0),
    subscriptionLine: subscriptions[0] ?? null,
  };
}

function lineAmount(price: Parameters<typeof unitPrice>[0], item: ProductItemReq): number {
  if (price.type === "one_time_price" && price.pay_what_you_want) {
    if (item.amount == null) throw invalid(`Product ${item.product_id} needs an amount`, "PAY_AS_YOU_WANT_AMOUNT_REQUIRED");
    if (item.amount < price.price) throw invalid(`Amount is below the minimum of ${price.price}`, "REQUEST_AMOUNT_BELOW_MINIMUM");
    return item.amount * item.quantity;
  }
  return unitPrice(price) * item.quantity;
}
