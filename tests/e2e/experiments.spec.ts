// A funnel step's A/B experiment in the console: per-variant significance, the suggested winner
// once it is clear, and one click to make it the only variant (the funnel then shows only it).
import { expect, test } from "@playwright/test";
import { createMerchant, insertProduct, signIn } from "../support/e2e/merchant";
import { sql, uid } from "../support/e2e/env";

async function insertOffer(productId: string, name: string) {
  const id = uid("off_");
  await sql(`INSERT INTO "Offer" (id, name, kind, "triggerProductIds", "offeredProductId", headline, "updatedAt") VALUES ($1, $2, 'UPSELL', $3, $4, $2, now())`, [id, name, [uid("pdt_never_")], productId]);
  return id;
}

/** n impressions of the variant, the first `accepted` of them accepted, from one seeded customer. */
async function shown(customerId: string, stepId: string, variantId: string, offerId: string, n: number, accepted: number) {
  const prefix = uid("imp_");
  await sql(
    `INSERT INTO "OfferImpression" (id, "customerId", "offerId", "stepId", "variantId", placement, "priceAmount", "listPriceAmount", currency, "expiresAt")
     SELECT $1 || g, $2, $3, $4, $5, 'THANK_YOU', 1000, 1000, 'USD', now() FROM generate_series(1, $6::int) g`,
    [prefix, customerId, offerId, stepId, variantId, n],
  );
  await sql(
    `INSERT INTO "OfferDecision" (id, "impressionId", outcome) SELECT 'dec_' || i.id, i.id, 'ACCEPTED' FROM "OfferImpression" i WHERE i.id LIKE $1 || '%' ORDER BY i.id LIMIT $2`,
    [prefix, accepted],
  );
}

test("the console suggests the clear winner of a step's experiment and makes it the only variant in one click", async ({ page }) => {
  const [offerA, offerB] = [await insertOffer(await insertProduct("Variant A product", 1900), `Plain pitch ${uid()}`), await insertOffer(await insertProduct("Variant B product", 1900), `Bold pitch ${uid()}`)];
  const funnel = uid("fnl_");
  const step = uid("stp_");
  const [va, vb] = [uid("var_"), uid("var_")];
  await sql(`INSERT INTO "Funnel" (id, name, "updatedAt") VALUES ($1, $1, now())`, [funnel]);
  await sql(`INSERT INTO "FunnelStep" (id, "funnelId", position, name, "updatedAt") VALUES ($1, $2, 1, 'Upsell test', now())`, [step, funnel]);
  await sql(`INSERT INTO "StepVariant" (id, "stepId", "offerId", label, "weightBps") VALUES ($1, $3, $4, 'A', 5000), ($2, $3, $5, 'B', 5000)`, [va, vb, step, offerA, offerB]);
  await sql(`UPDATE "Funnel" SET "entryStepId" = $1 WHERE id = $2`, [step, funnel]);
  const customer = uid("cust_");
  await sql(`INSERT INTO "Customer" (id, "dodoCustomerId", email, "updatedAt") VALUES ($1, $1, $2, now())`, [customer, `${customer}@example.com`]);
  await shown(customer, step, va, offerA, 150, 9);
  await shown(customer, step, vb, offerB, 60, 20);

  await signIn(page, await createMerchant());
  await page.goto(`/merchant/funnels/${funnel}`);
  const experiment = page.getByTestId("experiment");
  await expect(experiment.getByTestId("experiment-verdict")).toContainText("Too early: every variant needs 100 impressions (B has fewer)");
  await expect(experiment.getByRole("button", { name: /only variant/ })).toHaveCount(0);

  await shown(customer, step, vb, offerB, 90, 25); // B: 150 shown, 45 taken (30%) against A's 6%
  await page.reload();
  await expect(experiment.locator('[data-label="B"]')).toContainText("30.0%");
  await expect(experiment.locator('[data-label="B"]')).toContainText("significant");
  await expect(experiment.getByTestId("experiment-verdict")).toContainText("B is taken more often than every other variant");
  await experiment.getByRole("button", { name: "Make B the only variant" }).click();
  // The page re-renders with one live variant: the experiment panel (and its button) is gone.
  await expect(page.getByTestId("funnel-step")).toContainText(/B: Bold pitch \S+ \(100%\)/);
  await expect(page.getByTestId("funnel-step")).not.toContainText("A: Plain pitch");
  await expect(page.getByTestId("experiment")).toHaveCount(0);
  const { rows } = await sql<{ label: string; weightBps: number }>(`SELECT label, "weightBps" FROM "StepVariant" WHERE "stepId" = $1 ORDER BY label`, [step]);
  expect(rows).toEqual([{ label: "A", weightBps: 0 }, { label: "B", weightBps: 10000 }]);
});
