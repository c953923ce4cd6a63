// Offers at the right moment inside the merchant's own app (issue 16): the example SaaS app
// reports moments through the server API, embeds Encore's prompt and unlocks features from the
// signed outgoing webhooks; Dodo's credit.balance_low is a plan_limit_near moment; merchants target
// offers at moments. Real app, sandbox, Postgres, worker. (The embed's endpoints and hosted offer
// links on their own: embed-and-offer-links.spec.ts.)
import { expect, test, type Page } from "@playwright/test";
import { customerOf, prompt } from "../support/e2e/embed";
import { dodo, sql, uid } from "../support/e2e/env";
import { startExampleApp, targetMoment } from "../support/e2e/example-app";
import { createProduct, insertOffer } from "../support/e2e/journey";
import { seedLadder, subscribe } from "../support/e2e/plans";
import { createMerchant, signIn as signInMerchant } from "../support/e2e/merchant";

test.describe.configure({ timeout: 150_000 });

async function signInToExample(page: Page, url: string, email: string) {
  await page.goto(url);
  await page.getByRole("button", { name: `Sign in as ${email}` }).click();
  await expect(page.getByTestId("usage")).toBeVisible();
}

test("a usage milestone in the example app shows Dodo's upgrade preview in the embed; one click changes the plan and the app unlocks the feature from verified webhooks", async ({ page }) => {
  const ladder = await seedLadder();
  const { customerId, subscriptionId } = await subscribe(ladder.basic);
  const { dodoCustomerId, email } = await customerOf(customerId);
  const offerId = await insertOffer("UPGRADE", ladder.pro, [], "Running lots of reports? Go Pro");
  await targetMoment(offerId, "usage_milestone", { feature: "reports", used: { gte: 3 } });
  const app = await startExampleApp({ users: { [email]: dodoCustomerId }, proProducts: [ladder.pro] });
  try {
    await signInToExample(page, app.url, email);
    await page.getByRole("button", { name: "Run a report" }).click();
    await page.getByRole("button", { name: "Run a report" }).click();
    await expect(page.getByTestId("usage")).toHaveText("2 of 5 reports used");
    // Before the milestone nothing is due.
    await page.waitForLoadState("networkidle");
    await expect(prompt(page)).toHaveCount(0);
    await page.getByRole("button", { name: "Run a report" }).click();
    await expect(page.getByTestId("usage")).toHaveText("3 of 5 reports used");

    await expect(prompt(page)).toBeVisible();
    await expect(prompt(page)).toContainText("Running lots of reports? Go Pro");
    await expect(prompt(page)).toContainText("Basic → Pro");
    // In the store's branding: its name, and its accent (never the script's fallback indigo) on the button.
    const brand = await sql<{ name: string; accentColor: string | null }>(`SELECT name, "accentColor" FROM "StoreSettings" WHERE id = 'store'`);
    await expect(page.locator('[data-encore="store"]')).toHaveText(brand.rows[0]?.name ?? "Encore demo store");
    await expect(page.locator('[data-encore="accept"]')).not.toHaveCSS("background-color", "rgb(67, 56, 202)");
    // Dodo's preview: the prorated difference charged now ($50 a month more, for the rest of the period).
    await expect(page.locator('[data-encore="charge-now"]')).toContainText(/Charged now: \$\d+\.\d\d/);
    const { rows: [imp] } = await sql<{ placement: string; momentName: string }>(
      `SELECT i.placement, m.name AS "momentName" FROM "OfferImpression" i JOIN "Moment" m ON m.id = i."momentId" WHERE i."offerId" = $1`, [offerId]);
    expect(imp).toEqual({ placement: "IN_APP", momentName: "usage_milestone" });

    await page.locator('[data-encore="accept"]').click();
    await expect(page.locator('[data-encore="message"]')).toBeVisible();
    await expect.poll(async () => (await dodo().subscriptions.retrieve(subscriptionId)).product_id, { timeout: 15_000 }).toBe(ladder.pro);
    // The offer is decided by Dodo's outcome of its plan change (as its webhooks report it), and its payment is the offer's revenue.
    await expect.poll(async () => (await sql<{ outcome: string }>(`SELECT d.outcome FROM "OfferDecision" d JOIN "OfferImpression" i ON i.id = d."impressionId" WHERE i."offerId" = $1`, [offerId])).rows[0]?.outcome, { timeout: 15_000 }).toBe("ACCEPTED");
    await expect.poll(async () => (await sql(`SELECT 1 FROM "Payment" p JOIN "OfferImpression" i ON i.id = p."impressionId" WHERE i."offerId" = $1 AND p.status = 'SUCCEEDED'`, [offerId])).rows.length, { timeout: 15_000 }).toBe(1);

    // The example app learns it only from Encore's signed webhooks.
    await expect.poll(async () => {
      await page.reload();
      const text = await page.getByTestId("webhooks").innerText();
      return text.includes("plan_change.applied (signature verified)") && text.includes("entitlement.granted (signature verified)");
    }, { timeout: 30_000 }).toBe(true);
    await expect(page.getByTestId("feature-unlocked")).toBeVisible();
    await expect(page.getByTestId("usage")).toHaveText("unlimited");
  } finally {
    await app.stop();
  }
});

test("credit.balance_low from the sandbox shows the plan-limit offer on the customer's next page; declined, it is not shown again", async ({ page }) => {
  const ladder = await seedLadder();
  const creditName = `Calls ${uid()}`;
  const credits = await dodo().creditEntitlements.create({ name: creditName, unit: "API calls", precision: 0, overage_enabled: false, rollover_enabled: false } as never);
  await dodo().products.update(ladder.basic, { credit_entitlements: [{ credit_entitlement_id: credits.id, credits_amount: "100", low_balance_threshold_percent: 20 }] } as never);
  const { customerId } = await subscribe(ladder.basic);
  const { dodoCustomerId, email } = await customerOf(customerId);
  const offerId = await insertOffer("UPGRADE", ladder.pro, [], "Almost out of API calls? Pro has five times more");
  await targetMoment(offerId, "plan_limit_near", { feature: creditName });
  const app = await startExampleApp({ users: { [email]: dodoCustomerId }, proProducts: [ladder.pro], creditEntitlement: credits.id });
  try {
    await signInToExample(page, app.url, email);
    await expect(page.getByTestId("credits")).toHaveText("Balance: 100");
    await page.getByRole("button", { name: "Make 30 API calls" }).click();
    await page.getByRole("button", { name: "Make 30 API calls" }).click();
    await page.waitForLoadState("networkidle");
    await expect(prompt(page)).toHaveCount(0);
    // 40 → 10: below 20% of 100; the sandbox sends credit.balance_low to Encore.
    await page.getByRole("button", { name: "Make 30 API calls" }).click();
    await expect(page.getByTestId("credits")).toHaveText("Balance: 10");
    await expect.poll(async () => (await sql(`SELECT 1 FROM "Moment" WHERE "customerId" = $1 AND name = 'plan_limit_near' AND source = 'DODO_WEBHOOK'`, [customerId])).rows.length, { timeout: 15_000 }).toBe(1);

    await page.reload();
    await expect(prompt(page)).toContainText("Almost out of API calls?");
    await page.locator('[data-encore="decline"]').click();
    await expect(prompt(page)).toHaveCount(0);
    const { rows: [decision] } = await sql<{ outcome: string; placement: string }>(
      `SELECT d.outcome, i.placement FROM "OfferDecision" d JOIN "OfferImpression" i ON i.id = d."impressionId" WHERE i."offerId" = $1`, [offerId]);
    expect(decision).toEqual({ outcome: "DECLINED", placement: "IN_APP" });

    await page.reload();
    await page.waitForLoadState("networkidle");
    await expect(page.locator("[data-encore-prompt]")).toHaveCount(1);
    await expect(prompt(page)).toHaveCount(0);
    expect((await sql(`SELECT 1 FROM "OfferImpression" WHERE "offerId" = $1`, [offerId])).rows.length).toBe(1);
  } finally {
    await app.stop();
  }
});

test("the merchant targets an offer at moments in the console", async ({ page }) => {
  const merchant = await createMerchant();
  const product = await createProduct("Export pack", 1500);
  const offerId = await insertOffer("CROSS_SELL", product.id, [], "Add the export pack");
  await signInMerchant(page, merchant);
  await page.goto(`/merchant/offers/${offerId}`);
  await expect(page.getByTestId("no-moments")).toBeVisible();
  const form = page.getByTestId("moment-target-form");
  await form.getByLabel("Moment").fill("usage_milestone");
  await form.getByLabel(/Conditions/).fill("feature = exports\nused >> 3");
  await form.getByRole("button", { name: "Show at this moment" }).click();
  await expect(form.getByText(/Line 2/)).toBeVisible();
  await form.getByLabel(/Conditions/).fill("feature = exports\nused >= 3");
  await form.getByRole("button", { name: "Show at this moment" }).click();
  await expect(page.getByTestId("moment-targets")).toContainText("usage_milestone · feature = exports · used >= 3");
  const { rows } = await sql<{ name: string; conditions: unknown }>(`SELECT name, conditions FROM "OfferMoment" WHERE "offerId" = $1`, [offerId]);
  expect(rows).toEqual([{ name: "usage_milestone", conditions: { feature: "exports", used: { gte: 3 } } }]);
  await page.getByRole("button", { name: "Stop showing at usage_milestone" }).click();
  await expect(page.getByTestId("no-moments")).toBeVisible();
  expect((await sql(`SELECT 1 FROM "OfferMoment" WHERE "offerId" = $1`, [offerId])).rows).toHaveLength(0);
});
