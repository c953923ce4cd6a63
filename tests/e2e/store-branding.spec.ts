// Store branding: the merchant sets the store's name, logo, accent colour and support email in the
// console, and every customer page (store, thank-you, account, route-handler pages) and email shows
// them. Images come only from the app and IMAGE_ORIGINS: an address elsewhere is refused.
import { expect, test } from "@playwright/test";
import { buy, newEmail, seedJourney } from "../support/e2e/journey";
import { askForSignInLink, waitForMail } from "../support/e2e/mail";
import { createMerchant, signIn } from "../support/e2e/merchant";
import { sql, uid } from "../support/e2e/env";
import { expectNoSeriousA11yViolations } from "./support/a11y";

test.describe.configure({ timeout: 150_000 });

// The branding is the store's one setting: put the defaults back for the other specs.
test.afterEach(async () => {
  await sql(`DELETE FROM "StoreSettings"`);
});

test("the merchant brands the store; the store, thank-you page, account, error pages and emails use it", async ({ page, browser, baseURL }) => {
  const name = `Acme Tools ${uid()}`;
  const logo = `${baseURL}/screenshot.png`;
  await signIn(page, await createMerchant());
  await page.getByRole("link", { name: "Branding" }).click();
  await expect(page.getByRole("heading", { name: "Store branding" })).toBeVisible();
  await page.getByLabel("Store name").fill(name);
  await page.getByLabel("Support email").fill("help@acme.example");
  // A tracker's host is not an allowed image origin.
  await page.getByLabel("Logo address").fill("https://tracker.example.org/pixel.gif");
  await page.getByLabel("Accent colour").fill("#0f766e");
  await page.getByRole("button", { name: "Save branding" }).click();
  await expect(page.getByText(/Images can only come from/)).toBeVisible();
  await page.getByLabel("Logo address").fill(logo);
  await page.getByRole("button", { name: "Save branding" }).click();
  await expect(page.getByText("Branding saved")).toBeVisible();

  const shop = await seedJourney();
  const email = newEmail();
  const customer = await (await browser.newContext()).newPage();
  await customer.goto("/");
  await expect(customer.getByTestId("store-name")).toHaveText(name);
  await expect(customer).toHaveTitle(new RegExp(name));
  const img = customer.getByTestId("store-logo");
  await expect(img).toHaveAttribute("src", logo);
  // Loaded, not blocked by the CSP.
  await expect.poll(() => img.evaluate((el: HTMLImageElement) => el.complete && el.naturalWidth)).toBeGreaterThan(0);
  await expect(customer.getByTestId("support-email")).toHaveAttribute("href", "mailto:help@acme.example");
  // The accent colour: teal is dark enough to keep as it is for buttons.
  const scope = customer.getByTestId("brand-scope");
  expect(await scope.evaluate((el) => getComputedStyle(el).getPropertyValue("--color-brand-600").trim())).toBe("#0f766e");
  await expectNoSeriousA11yViolations(customer, "branded catalogue");

  await buy(customer, shop.course.id, { email });
  await expect(customer.getByTestId("store-name")).toHaveText(name);
  const accept = customer.getByTestId("offer").getByRole("button", { name: /Accept — one click/ });
  expect(await accept.evaluate((el) => getComputedStyle(el).backgroundColor)).not.toBe("rgb(109, 40, 217)");
  await expectNoSeriousA11yViolations(customer, "branded thank-you page");

  // A route handler's own page (a spent or bad sign-in link) is branded too.
  const bad = await customer.goto("/account/login?token=nope");
  expect(bad!.status()).toBe(403);
  await expect(customer.locator("header")).toContainText(name);
  await expect(customer.locator("footer")).toContainText("help@acme.example");

  // Email: the sign-in link names the store and says where to get help.
  const visitor = await (await browser.newContext()).newPage();
  await visitor.goto("/account");
  await askForSignInLink(visitor, email);
  const mail = await waitForMail(email);
  expect(mail.subject).toBe(`Your sign-in link for ${name}`);
  expect(mail.text).toContain("Questions? Write to help@acme.example.");

  // The console keeps Encore's own look.
  await page.goto("/merchant");
  await expect(page.locator("header").first()).toContainText("Encore merchant");
});

test("a pale accent is darkened where text sits on it, so the store stays readable", async ({ page }) => {
  await sql(`INSERT INTO "StoreSettings" (id, name, "accentColor", "updatedAt") VALUES ('store', 'Lemon shop', '#fde047', now())`);
  await page.goto("/");
  await expect(page.getByTestId("store-name")).toHaveText("Lemon shop");
  const scope = page.getByTestId("brand-scope");
  expect(await scope.evaluate((el) => getComputedStyle(el).getPropertyValue("--color-brand-500").trim())).toBe("#fde047");
  expect(await scope.evaluate((el) => getComputedStyle(el).getPropertyValue("--color-brand-600").trim())).not.toBe("#fde047");
  await expectNoSeriousA11yViolations(page, "pale accent");
});
