// A product's price in a currency: its base price, or its Localized Pricing rule for that currency
// (ProductPrice, mirrored from Dodo's `by_currency` rules). Pure.

export type PricedProduct = { priceAmount: number; currency: string; prices?: readonly { currency: string; amount: number }[] };

/** The unit price in `currency`, or null when the product has none in it. */
export function priceIn(product: PricedProduct, currency: string): { amount: number; currency: string } | null {
  const code = currency.toUpperCase();
  if (product.currency.toUpperCase() === code) return { amount: product.priceAmount, currency: code };
  const local = product.prices?.find((p) => p.currency.toUpperCase() === code);
  return local ? { amount: local.amount, currency: code } : null;
}

/** Every currency the product is sold in, base first. */
export function currenciesOf(product: PricedProduct): string[] {
  return [product.currency.toUpperCase(), ...(product.prices ?? []).map((p) => p.currency.toUpperCase())];
}
