// A buyer paying in EUR sees offers priced in EUR when the product has a price in EUR (Dodo's
// Localized Pricing, by_currency), and one click charges exactly that in EUR. A product without a
// EUR price is still not offered to them.
import { expect, test } from "@playwright/test";
import { buy, createProduct, dodoCustomerIdByEmail, dodoPaymentsFor, insertOffer, newEmail } from "../support/e2e/journey";
import { dodo, sql, uid } from "../support/e2e/env";

test.describe.configure({ timeout: 150_000 });

/** A USD product with a fixed EUR price at Dodo, mirrored into the catalogue as the sync does. */
async function productWithEurPrice(name: string, usd: number, eur: number) {
  const product = await dodo().products.create({ name: `${name} ${uid()}`, price: { type: "one_time_price", currency: "USD", price: usd }, tax_category: "edtech", pricing_mode: "by_currency" });
  const rule = await dodo().products.localizedPrices.create(product.product_id, { currency: "EUR", amount: eur });
  await sql(`INSERT INTO "Product" (id, name, kind, "priceAmount", currency, "updatedAt") VALUES ($1, $2, 'ONE_TIME', $3, 'USD', now())`, [product.product_id, product.name, usd]);
  await sql(`INSERT INTO "ProductPrice" (id, "productId", currency, amount) VALUES ($1, $2, 'EUR', $3)`, [rule.id, product.product_id, eur]);
  return { id: product.product_id, name: product.name! };
}

async function oneStepFunnel(offerIds: string[]) {
  const funnel = uid("fnl_");
  await sql(`INSERT INTO "Funnel" (id, name, "updatedAt") VALUES ($1, $1, now())`, [funnel]);
  const steps = offerIds.map(() => uid("stp_"));
  // Each step declines onto the next.
  for (let i = steps.length - 1; i >= 0; i--) {
    await sql(`INSERT INTO "FunnelStep" (id, "funnelId", position, name, "onDeclineStepId", "updatedAt") VALUES ($1, $2, $3, $1, $4, now())`, [steps[i], funnel, i + 1, steps[i + 1] ?? null]);
    await sql(`INSERT INTO "StepVariant" (id, "stepId", "offerId") VALUES ($1, $2, $3)`, [uid("var_"), steps[i], offerIds[i]]);
  }
  await sql(`UPDATE "Funnel" SET "entryStepId" = $1 WHERE id = $2`, [steps[0], funnel]);
}

test("a EUR order gets the upsell at its EUR price, charged in EUR; a product sold only in USD is skipped", async ({ page }) => {
  const course = await createProduct("Kurs", 4900, "EUR");
  const usdOnly = await createProduct("USD-only workbook", 2900, "USD");
  const coaching = await productWithEurPrice("Coaching call", 9900, 8900);
  const skipped = await insertOffer("UPSELL", usdOnly.id, [course.id], "Take the workbook");
  const upsell = await insertOffer("UPSELL", coaching.id, [course.id], "Add a coaching call", 1000);
  await oneStepFunnel([skipped, upsell]);

  const email = newEmail();
  await buy(page, course.id, { email });
  const offer = page.getByTestId("offer");
  await expect(offer).toContainText("Add a coaching call");
  // 10% off the EUR price (€89.00), not a conversion of the USD one.
  await expect(offer.getByTestId("offer-price")).toContainText("€80.10");
  await expect(offer.getByTestId("offer-price")).toContainText("€89.00");
  await offer.getByRole("button", { name: "Accept — one click · €80.10" }).click();
  await expect(page.getByTestId("answered-offer").filter({ hasText: coaching.name })).toHaveAttribute("data-status", "succeeded");

  const payments = await dodoPaymentsFor(await dodoCustomerIdByEmail(email), coaching.id);
  expect(payments.map((p) => [p.currency, p.total_amount])).toEqual([["EUR", 8010]]);
  const { rows } = await sql(`SELECT i.currency, i."priceAmount", i."listPriceAmount" FROM "OfferImpression" i WHERE i."offerId" = $1`, [upsell]);
  expect(rows).toEqual([{ currency: "EUR", priceAmount: 8010, listPriceAmount: 8900 }]);
  // The USD-only offer was never shown to this EUR buyer.
  const shown = await sql(`SELECT count(*)::int AS n FROM "OfferImpression" WHERE "offerId" = $1`, [skipped]);
  expect(shown.rows[0]!.n).toBe(0);
});
