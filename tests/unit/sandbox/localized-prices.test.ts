// Localized Pricing in the sandbox, as Dodo documents it (features/localized-pricing).
import DodoPayments from "dodopayments";
import { describe, expect, it } from "vitest";
import { SEED_CUSTOMERS } from "../../../sandbox/seed";
import { useSandbox } from "./helpers";

const t = useSandbox();

async function product(pricing_mode?: "by_currency" | "by_country") {
  const p = await t.client.products.create({ name: "Localized", price: { type: "one_time_price", currency: "USD", price: 2000 }, tax_category: "saas", ...(pricing_mode ? { pricing_mode } : {}) });
  return p.product_id;
}

const refused = (promise: Promise<unknown>) => promise.then(() => null, (e: unknown) => e);

describe("localized prices", () => {
  it("keeps one active rule per currency on a by_currency product; only the amount changes; archiving is a soft delete", async () => {
    const id = await product("by_currency");
    const eur = await t.client.products.localizedPrices.create(id, { currency: "EUR", amount: 1899 });
    expect(eur).toMatchObject({ id: expect.stringMatching(/^lcp_/), currency: "EUR", amount: 1899, mode: "by_currency", product_id: id, country_code: null });
    expect(await refused(t.client.products.localizedPrices.create(id, { currency: "EUR", amount: 1999 }))).toBeInstanceOf(DodoPayments.UnprocessableEntityError);
    // by_currency: no country, and not the base currency.
    expect(await refused(t.client.products.localizedPrices.create(id, { currency: "GBP", amount: 1500, country_code: "GB" }))).toBeInstanceOf(DodoPayments.UnprocessableEntityError);
    expect(await refused(t.client.products.localizedPrices.create(id, { currency: "USD", amount: 1500 }))).toBeInstanceOf(DodoPayments.UnprocessableEntityError);
    expect(await refused(t.client.products.localizedPrices.create(id, { currency: "GBP", amount: 0 }))).toBeInstanceOf(DodoPayments.UnprocessableEntityError);
    expect(await t.client.products.localizedPrices.update(eur.id, { product_id: id, amount: 1799 })).toMatchObject({ amount: 1799 });
    expect((await t.client.products.localizedPrices.list(id)).items.map((r) => [r.currency, r.amount])).toEqual([["EUR", 1799]]);
    await t.client.products.localizedPrices.archive(eur.id, { product_id: id });
    await t.client.products.localizedPrices.archive(eur.id, { product_id: id });
    expect((await t.client.products.localizedPrices.list(id)).items).toEqual([]);
    expect(await t.client.products.localizedPrices.retrieve(eur.id, { product_id: id })).toMatchObject({ id: eur.id });
  });

  it("needs a pricing mode first, and a country on by_country", async () => {
    const plain = await product();
    expect(await refused(t.client.products.localizedPrices.create(plain, { currency: "EUR", amount: 1899 }))).toBeInstanceOf(DodoPayments.UnprocessableEntityError);
    await t.client.products.update(plain, { pricing_mode: "by_country" });
    expect(await refused(t.client.products.localizedPrices.create(plain, { currency: "INR", amount: 99900 }))).toBeInstanceOf(DodoPayments.UnprocessableEntityError);
    expect(await t.client.products.localizedPrices.create(plain, { currency: "INR", amount: 99900, country_code: "IN" })).toMatchObject({ country_code: "IN", mode: "by_country" });
  });

  it("prices a checkout line at the rule for billing_currency (or the billing country), else at the base price", async () => {
    const id = await product("by_currency");
    await t.client.products.localizedPrices.create(id, { currency: "EUR", amount: 1899 });
    const preview = (body: Partial<Parameters<typeof t.client.checkoutSessions.preview>[0]>) =>
      t.client.checkoutSessions.preview({ product_cart: [{ product_id: id, quantity: 2 }], customer: { customer_id: SEED_CUSTOMERS.demo }, ...body });
    const inEur = await preview({ billing_currency: "EUR", billing_address: { country: "US" } });
    expect(inEur).toMatchObject({ billing_country: "US", currency: "EUR" });
    expect(JSON.stringify(inEur)).toContain("3798");
    expect(await preview({ billing_address: { country: "DE" } })).toMatchObject({ currency: "EUR" });
    expect(await preview({ billing_currency: "GBP", billing_address: { country: "US" } })).toMatchObject({ currency: "USD" });
    // Adaptive pricing off: billing_currency is ignored (SDK), the country decides.
    await t.control("POST", "/_sandbox/settings", { adaptive_pricing: false });
    expect(await preview({ billing_currency: "EUR", billing_address: { country: "US" } })).toMatchObject({ currency: "USD" });
  });
});
