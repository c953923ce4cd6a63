// Bundle offers end to end: the merchant builds one in the console (a subscription is refused, the
// live preview shows every product), the buyer sees all its products at one price on the
// thank-you page, one click makes one payment at the sandbox with every product in its cart, and
// the account page lists each as owned. The hosted fallback sells the same bundle; a customer who
// owns one of its products is not offered it.
import { expect, test, type Browser, type Page } from "@playwright/test";
import { buy, customerIdByEmail, dodoCustomerIdByEmail, dodoPaymentsFor, hasEntitlement, newEmail, payOnHostedPage, seedJourney, type JourneyCatalogue } from "../support/e2e/journey";
import { sql } from "../support/e2e/env";
import { createMerchant, insertProduct, signIn } from "../support/e2e/merchant";
import { expectNoSeriousA11yViolations } from "./support/a11y";

test.describe.configure({ timeout: 180_000 });

/** Coaching ($99) + workbook ($29) + templates ($19), 10% off each: $132.30 instead of $147.00. */
const BUNDLE = { price: "$132.30", list: "$147.00", saving: "Save $14.70 (10%)", total: 13230 };

/**
 * Creates the bundle in the console as a merchant would (after trying to bundle a subscription)
 * and puts it in place of the journey's upsell. Returns the offer's id.
 */
async function createBundleInConsole(browser: Browser, shop: JourneyCatalogue, opts: { checkPreview?: boolean } = {}): Promise<string> {
  const plan = await insertProduct("Monthly plan", 1500, "SUBSCRIPTION");
  const page = await (await browser.newContext()).newPage();
  await signIn(page, await createMerchant());
  await page.goto("/merchant/offers/new");
  await page.getByLabel("Name (only you see it)").fill(`Bundle ${Date.now()}`);
  await page.getByLabel("A purchase of…").check();
  await page.locator(`input[name="triggerProductIds"][value="${shop.course.id}"]`).check();
  await page.getByLabel("Offered product").selectOption(shop.coaching.id);
  await page.getByLabel("Discount (%)").fill("10");
  await page.getByLabel("Headline").fill("Get the whole kit");
  await page.getByLabel("Second product").selectOption(plan);
  await page.getByRole("button", { name: "Create offer" }).click();
  await expect(page.getByTestId("error-bundleProductIds")).toHaveText("Subscriptions can't be bundled: choose one-time products only");

  await page.getByLabel("Second product").selectOption(shop.workbook.id);
  await page.getByLabel("Third product").selectOption(shop.templates.id);
  if (opts.checkPreview) {
    // The live preview shows the bundle as the customer will see it.
    const preview = page.frameLocator('[data-testid="offer-preview-desktop"]');
    await expect(preview.getByTestId("bundle-item")).toHaveCount(3);
    await expect(preview.getByTestId("offer-price")).toContainText(BUNDLE.price);
    await expect(preview.getByTestId("offer-saving")).toHaveText(BUNDLE.saving);
  }
  await page.getByRole("button", { name: "Create offer" }).click();
  await expect(page.getByRole("status").filter({ hasText: "Offer created" })).toBeVisible();
  const offerId = page.url().split("/merchant/offers/")[1]!.split("?")[0]!;
  // The editor shows the saved bundle; the offers list names every product.
  await expect(page.getByLabel("Second product")).toHaveValue(shop.workbook.id);
  await expect(page.getByLabel("Third product")).toHaveValue(shop.templates.id);
  await page.goto("/merchant/offers");
  await expect(page.getByTestId("offer-row").filter({ hasText: "Get the whole kit" }).filter({ hasText: shop.coaching.name })).toContainText(`${shop.coaching.name} + ${shop.workbook.name} + ${shop.templates.name}`);
  await page.context().close();
  await sql(`UPDATE "StepVariant" SET "offerId" = $1 WHERE "offerId" = $2`, [offerId, shop.upsellOffer]);
  return offerId;
}

async function expectBundleShown(page: Page, shop: JourneyCatalogue) {
  const offer = page.getByTestId("offer");
  await expect(offer).toContainText("Get the whole kit");
  const items = offer.getByTestId("bundle-item");
  await expect(items).toHaveCount(3);
  await expect(items.nth(0)).toContainText(shop.coaching.name);
  await expect(items.nth(0)).toContainText("$99.00");
  await expect(items.nth(1)).toContainText(shop.workbook.name);
  await expect(items.nth(2)).toContainText(shop.templates.name);
  await expect(offer.getByTestId("offer-price")).toContainText(BUNDLE.price);
  await expect(offer.getByTestId("offer-price")).toContainText(BUNDLE.list);
  await expect(offer.getByTestId("offer-saving")).toHaveText(BUNDLE.saving);
  // One of each: no quantity selector on a bundle.
  await expect(offer.getByTestId("offer-quantity")).toHaveCount(0);
  return offer;
}

const bundleName = (shop: JourneyCatalogue) => `${shop.coaching.name} + ${shop.workbook.name} + ${shop.templates.name}`;

test("merchant creates a bundle in the console; the buyer takes all three in one click, one payment, each granted", async ({ page, browser }) => {
  const shop = await seedJourney();
  const offerId = await createBundleInConsole(browser, shop, { checkPreview: true });
  const email = newEmail();
  await buy(page, shop.course.id, { email });

  const offer = await expectBundleShown(page, shop);
  await expectNoSeriousA11yViolations(page, "thank-you: bundle offer");
  await offer.getByRole("button", { name: `Accept — one click · ${BUNDLE.price}` }).click();

  const added = page.getByTestId("answered-offer");
  await expect(added).toHaveAttribute("data-status", "succeeded");
  await expect(added).toContainText(`${bundleName(shop)} · ${BUNDLE.price}`);
  await expect(added).toContainText("Access granted.");

  // One payment at Dodo, at the price shown, with a line for every product.
  const dodoCustomer = await dodoCustomerIdByEmail(email);
  const payments = await dodoPaymentsFor(dodoCustomer, shop.workbook.id);
  expect(payments.map((p) => p.total_amount)).toEqual([BUNDLE.total]);
  expect((await dodoPaymentsFor(dodoCustomer, shop.coaching.id)).map((p) => p.payment_id)).toEqual(payments.map((p) => p.payment_id));
  const { rows: carts } = await sql<{ productCart: { productId: string; quantity: number }[] }>(`SELECT "productCart" FROM "Payment" WHERE id = $1`, [payments[0]!.payment_id]);
  expect(carts[0]!.productCart).toEqual([shop.coaching.id, shop.workbook.id, shop.templates.id].map((productId) => ({ productId, quantity: 1 })));
  const customerId = await customerIdByEmail(email);
  for (const product of [shop.coaching, shop.workbook, shop.templates]) expect(await hasEntitlement(customerId, product.id)).toBe(true);
  const { rows: attempts } = await sql(`SELECT a.amount, a.quantity FROM "ChargeAttempt" a JOIN "OfferImpression" i ON i.id = a."impressionId" WHERE i."offerId" = $1`, [offerId]);
  expect(attempts).toEqual([{ amount: BUNDLE.total, quantity: 1 }]);

  await page.goto("/account");
  const owned = page.getByTestId("owned-products");
  for (const product of [shop.coaching, shop.workbook, shop.templates]) await expect(owned).toContainText(product.name);

  // The purchases export: one line for the bundle (counted once), naming its products.
  const merchant = await (await browser.newContext()).newPage();
  await signIn(merchant, await createMerchant());
  await merchant.goto("/merchant/stats");
  const href = await merchant.getByTestId("purchases-csv-link").getAttribute("href");
  const csv = await (await merchant.request.get(href!)).text();
  const lines = csv.split("\r\n").filter((l) => l.includes(offerId));
  expect(lines).toHaveLength(1);
  expect(lines[0]).toContain(`,${shop.coaching.id} + ${shop.workbook.id} + ${shop.templates.id},${bundleName(shop)},1,USD,132.30,132.30,132.30,0.00`);
});

test("after a declined card, 'use another card' sells the same bundle through hosted checkout", async ({ page, browser }) => {
  const shop = await seedJourney();
  await createBundleInConsole(browser, shop);
  const email = newEmail();
  await buy(page, shop.course.id, { email, card: "4000000000000341" });
  const offer = await expectBundleShown(page, shop);
  await offer.getByRole("button", { name: `Accept — one click · ${BUNDLE.price}` }).click();
  const failed = page.getByTestId("answered-offer").filter({ hasText: bundleName(shop) });
  await expect(failed).toHaveAttribute("data-status", "failed");
  await failed.getByRole("button", { name: "Use another card (secure checkout)" }).click();
  // Dodo's page sells the three products at the bundle's price.
  await page.waitForURL(/\/checkout\/cks_/);
  await expect(page.getByRole("button", { name: `Pay ${BUNDLE.price}` })).toBeVisible();
  await payOnHostedPage(page, { card: "4242424242424242" });

  const added = page.getByTestId("answered-offer").filter({ hasText: bundleName(shop) });
  await expect(added).toContainText("Added to your order.");
  await expect(added).toContainText("Access granted.");
  const customerId = await customerIdByEmail(email);
  for (const product of [shop.coaching, shop.workbook, shop.templates]) expect(await hasEntitlement(customerId, product.id)).toBe(true);
  const paid = (await dodoPaymentsFor(await dodoCustomerIdByEmail(email), shop.templates.id)).filter((p) => p.status === "succeeded");
  expect(paid.map((p) => p.total_amount)).toEqual([BUNDLE.total]);
});

test("a customer who already owns a product of the bundle is not offered it: the funnel goes on to the downsell", async ({ page, browser }) => {
  const shop = await seedJourney();
  await createBundleInConsole(browser, shop);
  const email = newEmail();
  // They bought the template pack before.
  await buy(page, shop.templates.id, { email });
  await buy(page, shop.course.id, { email });
  const offer = page.getByTestId("offer");
  await expect(offer).toHaveAttribute("data-offer-kind", "DOWNSELL");
  await expect(offer).toContainText("Take the workbook instead");
  await expect(offer.getByTestId("offer-bundle")).toHaveCount(0);
  await expect(page.getByText("Get the whole kit")).toHaveCount(0);
});
