// Offers in the buyer's currency: the catalogue mirrors Dodo's by_currency localized prices, and a
// one-click charge in that currency sends billing_currency so Dodo charges the localized price.
import { describe, expect, it } from "vitest";
import { db } from "@/lib/db/client";
import { syncProduct } from "@/lib/catalog/sync";
import { currenciesOf, priceIn } from "@/lib/catalog/prices";
import { productOptions } from "@/lib/catalog/queries";
import { localCurrency } from "@/lib/checkout/one-click";
import { productFromDodo } from "@/lib/catalog/from-dodo";
import { useSandbox } from "@/tests/support/sandbox";

const t = useSandbox();

describe("localized prices in the catalogue", () => {
  it("mirrors a by_currency product's rules, follows an edit and drops an archived rule", async () => {
    const product = await t.client.products.create({ name: "Sticker pack", price: { type: "one_time_price", currency: "USD", price: 1200 }, tax_category: "saas", pricing_mode: "by_currency" });
    const eur = await t.client.products.localizedPrices.create(product.product_id, { currency: "EUR", amount: 1099 });
    const gbp = await t.client.products.localizedPrices.create(product.product_id, { currency: "GBP", amount: 950 });
    await syncProduct(product.product_id, t.client);
    const prices = async () => (await db.productPrice.findMany({ where: { productId: product.product_id }, orderBy: { currency: "asc" } })).map((p) => [p.currency, p.amount]);
    expect(await prices()).toEqual([["EUR", 1099], ["GBP", 950]]);

    await t.client.products.localizedPrices.update(eur.id, { product_id: product.product_id, amount: 999 });
    await t.client.products.localizedPrices.archive(gbp.id, { product_id: product.product_id });
    await syncProduct(product.product_id, t.client);
    expect(await prices()).toEqual([["EUR", 999]]);
    // The offer editor's product picker says where else it is priced.
    expect((await productOptions()).find((o) => o.id === product.product_id)?.priceLabel).toBe("$12.00 (also €9.99)");
    expect((await productOptions("pt-BR")).find((o) => o.id === product.product_id)?.priceLabel).toBe("US$\u00a012,00 (também €\u00a09,99)");

    // Back to base-only pricing: no other currency any more.
    await t.client.products.update(product.product_id, { pricing_mode: null });
    await syncProduct(product.product_id, t.client);
    expect(await prices()).toEqual([]);
  });

  it("mirrors Dodo's product image (Product.image) with the product", async () => {
    const product = await t.client.products.create({ name: "Poster", price: { type: "one_time_price", currency: "USD", price: 900 }, tax_category: "saas" });
    expect(productFromDodo(product).imageUrl).toBeNull();
    expect(productFromDodo({ ...product, image: "https://cdn.dodo.example/p.png" }).imageUrl).toBe("https://cdn.dodo.example/p.png");
  });

  it("by_country rules price a country, not a currency: none is offered as a currency price", async () => {
    const product = await t.client.products.create({ name: "Course", price: { type: "one_time_price", currency: "USD", price: 2000 }, tax_category: "saas", pricing_mode: "by_country" });
    await t.client.products.localizedPrices.create(product.product_id, { currency: "INR", amount: 99900, country_code: "IN" });
    await syncProduct(product.product_id, t.client);
    expect(await db.productPrice.count({ where: { productId: product.product_id } })).toBe(0);
  });
});

describe("prices by currency", () => {
  const product = { priceAmount: 1200, currency: "USD", prices: [{ currency: "EUR", amount: 1099 }] };
  it("reads the base price or the localized one, and nothing else", () => {
    expect(priceIn(product, "usd")).toEqual({ amount: 1200, currency: "USD" });
    expect(priceIn(product, "EUR")).toEqual({ amount: 1099, currency: "EUR" });
    expect(priceIn(product, "GBP")).toBeNull();
    expect(currenciesOf(product)).toEqual(["USD", "EUR"]);
  });
  it("asks Dodo for the localized price only when the shown currency is not the base", () => {
    expect(localCurrency("EUR", "USD")).toEqual({ billing_currency: "EUR" });
    expect(localCurrency("usd", "USD")).toEqual({});
  });
});
