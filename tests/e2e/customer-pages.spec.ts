// The store's own pages as a first-time customer meets them: no internal labels, branded error
// pages, declines that say why, "back" after paying leads somewhere, and a header that fits a phone.
import { expect, test } from "@playwright/test";
import { buy, newEmail, payOnHostedPage, seedJourney } from "../support/e2e/journey";
import { sql } from "../support/e2e/env";
import { expectNoSeriousA11yViolations } from "./support/a11y";

test.describe.configure({ timeout: 150_000 });

test("the catalogue and product pages show no internal labels", async ({ page }) => {
  await page.goto("/");
  await expectNoSeriousA11yViolations(page, "store home");
  const cards = page.getByTestId("product-card");
  await expect(cards.first()).toBeVisible();
  for (const text of await cards.allInnerTexts()) {
    expect(text).not.toMatch(/\((cross-sell|downsell|upsell)\)/i);
    // The ladder's internal name ("Plans") is no badge of a plan.
    expect(text.split("\n")).not.toContain("Plans");
  }
  // The demo's offer copy promises nothing its window can't keep ("today only" on 15 minutes).
  const { rows } = await sql<{ headline: string }>(`SELECT headline FROM "Offer" WHERE id LIKE 'seed_offer_%'`);
  expect(rows.length).toBeGreaterThan(0);
  for (const { headline } of rows) expect(headline).not.toMatch(/today/i);
  await page.getByRole("link", { name: "View product →" }).first().click();
  await expect(page.getByRole("button", { name: "Buy now" })).toBeVisible();
  await expectNoSeriousA11yViolations(page, "product page");
});

test("unknown pages are branded 404s with the store's header and a way back", async ({ page }) => {
  for (const path of ["/nope", "/products/pdt_does_not_exist", "/thank-you"]) {
    const response = await page.goto(path);
    expect(response!.status(), path).toBe(404);
    await expect(page.getByRole("navigation", { name: "Store" }).getByRole("link", { name: "Catalogue" })).toBeVisible();
    await expect(page.getByRole("heading", { name: "We could not find that page" })).toBeVisible();
    await expect(page.getByRole("link", { name: "Back to the store" })).toBeVisible();
    await expectNoSeriousA11yViolations(page, `404 ${path}`);
  }
});

test("a declined checkout is a store page; insufficient funds says so; 'try again' leads back", async ({ page }) => {
  const shop = await seedJourney();
  await page.goto(`/products/${shop.course.id}`);
  await page.getByRole("button", { name: "Buy now" }).click();
  const email = newEmail();
  const answered = page.waitForResponse((r) => r.url().includes("/thank-you/confirm"));
  await payOnHostedPage(page, { email, card: "4000000000009995" });
  expect((await answered).status()).toBe(402);
  await expect(page.getByRole("navigation", { name: "Store" })).toBeVisible();
  await expect(page.getByRole("heading", { name: "Your payment did not go through" })).toBeVisible();
  await expect(page.getByRole("link", { name: "Back to the store" })).toBeVisible();
  await expect(page.getByTestId("problem")).toHaveText("Your card was declined for insufficient funds. Nothing was charged. You can try again with another card.");
  await expectNoSeriousA11yViolations(page, "declined checkout page");
  await page.getByRole("link", { name: "Try again" }).click();
  await expect(page).toHaveURL(new RegExp(`/products/${shop.course.id}$`));

  await page.getByRole("button", { name: "Buy now" }).click();
  await payOnHostedPage(page, { email, card: "4000000000000002" });
  await expect(page.getByTestId("problem")).toHaveText("Your bank declined this payment. Nothing was charged. You can try again with another card.");
});

test("'back' after paying shows the checkout as paid, with a way back to the order, never the form again", async ({ page }) => {
  const shop = await seedJourney();
  await buy(page, shop.course.id, { email: newEmail() });
  const order = page.url();
  await page.goBack();
  await expect(page).toHaveURL(/\/checkout\/cks_/);
  await expect(page.getByText("This checkout has been completed: it has already been paid.")).toBeVisible();
  await expect(page.getByRole("button", { name: /^Pay / })).toHaveCount(0);
  await page.getByRole("link", { name: "Return to the store" }).click();
  await page.waitForURL(order);
  await expect(page.getByTestId("order-product")).toHaveText(shop.course.name);
});

test("on a phone, the header keeps a long address and 'Sign out' tidy, and no store page scrolls sideways", async ({ page }) => {
  const shop = await seedJourney();
  // A long address, as real ones often are.
  const email = `a-rather-long-customer-address-${newEmail()}`;
  await buy(page, shop.course.id, { email });
  await page.setViewportSize({ width: 375, height: 740 });
  for (const path of [page.url(), "/account", "/", `/products/${shop.course.id}`]) {
    await page.goto(path);
    const signOut = page.getByRole("button", { name: "Sign out" });
    await expect(signOut).toBeVisible();
    // One line of text: the button is no taller than its padding and one line.
    expect((await signOut.boundingBox())!.height, path).toBeLessThan(40);
    expect(await page.evaluate(() => document.documentElement.scrollWidth), path).toBeLessThanOrEqual(375);
  }
  await expect(page.getByTestId("signed-in-as")).toContainText(email.slice(0, 10));
});
