// The merchant console through the browser: sign-in and sign-out, the sign-in rate limit, and
// creating, editing and pausing an offer with field-level validation messages.
import { expect, test } from "@playwright/test";
import { createProduct } from "../support/e2e/journey";
import { createMerchant, signIn } from "../support/e2e/merchant";
import { sql } from "../support/e2e/env";

test("sign in, see the console, sign out; the session is gone afterwards", async ({ page }) => {
  const merchant = await createMerchant();
  await page.goto("/merchant/stats");
  await expect(page).toHaveURL(/\/merchant\/sign-in$/);
  await page.getByLabel("Email").fill(merchant.email);
  await page.getByLabel("Password").fill("not-the-password");
  await page.getByRole("button", { name: "Sign in" }).click();
  await expect(page.getByTestId("form-error")).toHaveText("Email or password is incorrect.");
  await expect(page.getByLabel("Email")).toHaveValue(merchant.email);

  await signIn(page, merchant);
  const cookie = (await page.context().cookies()).find((c) => c.name === "encore_merchant");
  expect(cookie).toMatchObject({ httpOnly: true, sameSite: "Strict" });
  await page.getByRole("navigation", { name: "Merchant console" }).getByRole("link", { name: "Offers" }).click();
  await expect(page.getByRole("heading", { name: "Offers" })).toBeVisible();

  await page.getByRole("button", { name: "Sign out" }).click();
  await expect(page).toHaveURL(/\/merchant\/sign-in$/);
  await page.goto("/merchant/offers");
  await expect(page).toHaveURL(/\/merchant\/sign-in$/);
});

test("five wrong passwords lock the account, even against the right one", async ({ page }) => {
  const merchant = await createMerchant();
  await page.goto("/merchant/sign-in");
  for (let i = 0; i < 5; i++) {
    await page.getByLabel("Email").fill(merchant.email);
    await page.getByLabel("Password").fill(`wrong-${i}`);
    await page.getByRole("button", { name: "Sign in" }).click();
    // Each failure is kept in Postgres; wait for this one before typing the next.
    await expect.poll(async () => (await sql<{ n: number }>(`SELECT count(*)::int AS n FROM "LoginAttempt" WHERE key = $1`, [`email:${merchant.email}`])).rows[0]!.n).toBe(i + 1);
    await expect(page.getByRole("button", { name: "Sign in" })).toBeEnabled();
    await expect(page.getByTestId("form-error")).toHaveText("Email or password is incorrect.");
  }
  await page.getByLabel("Email").fill(merchant.email);
  await page.getByLabel("Password").fill(merchant.password);
  await page.getByRole("button", { name: "Sign in" }).click();
  await expect(page.getByTestId("form-error")).toContainText("Too many sign-in attempts");
  await expect(page).toHaveURL(/\/merchant\/sign-in$/);
});

test("create an offer (field errors first), edit it, pause and resume it", async ({ page }) => {
  const merchant = await createMerchant();
  // A real Dodo (sandbox) product: saving a discounted offer sets up its Dodo discount code.
  const product = (await createProduct("Console add-on", 2500)).id;
  await signIn(page, merchant);
  await page.goto("/merchant/offers/new");

  // Empty form: the shared schema reports each field.
  await page.getByLabel("Discount (%)").fill("120");
  await page.getByLabel("Frequency cap").fill("0");
  await page.getByLabel("A purchase of…").check();
  await page.getByRole("button", { name: "Create offer" }).click();
  await expect(page.getByTestId("error-name")).toHaveText("Give the offer a name");
  await expect(page.getByTestId("error-headline")).toHaveText("Write a headline");
  await expect(page.getByTestId("error-offeredProductId")).toHaveText("Choose the product to offer");
  await expect(page.getByTestId("error-discountBps")).toHaveText("Discount must be between 0% and 95%");
  await expect(page.getByTestId("error-frequencyCap")).toHaveText("Frequency cap must be at least 1");
  await expect(page.getByTestId("error-triggerProductIds")).toContainText("Pick at least one trigger product");

  const name = `Console offer ${Date.now()}`;
  await page.getByLabel("Name (only you see it)").fill(name);
  await page.getByLabel("Offered product").selectOption(product);
  await page.getByLabel("Any purchase").check();
  await page.getByLabel("Discount (%)").fill("10");
  await page.getByLabel("Headline").fill("Add the console pack");
  await page.getByLabel("Frequency cap").fill("2");
  await page.getByLabel("Minimum order value").fill("19.999");
  await page.getByRole("button", { name: "Create offer" }).click();
  // Only the server knows the currency: USD has two decimals.
  await expect(page.getByTestId("error-minOrder")).toHaveText("Too many decimals for USD");
  await expect(page.getByLabel("Headline")).toHaveValue("Add the console pack");
  await page.getByLabel("Minimum order value").fill("20");
  await page.getByRole("button", { name: "Create offer" }).click();
  await expect(page.getByRole("status").filter({ hasText: "Offer created" })).toBeVisible();
  const offerId = page.url().split("/merchant/offers/")[1]!.split("?")[0]!;
  const stored = await sql(`SELECT kind, "discountBps", "minOrderAmount", "frequencyCap", "triggerProductIds", active FROM "Offer" WHERE id = $1`, [offerId]);
  expect(stored.rows[0]).toEqual({ kind: "UPSELL", discountBps: 1000, minOrderAmount: 2000, frequencyCap: 2, triggerProductIds: [], active: true });
  const code = await sql(`SELECT "dodoDiscountCode", "dodoDiscountBps" FROM "Offer" WHERE id = $1`, [offerId]);
  expect(code.rows[0]).toMatchObject({ dodoDiscountCode: expect.any(String), dodoDiscountBps: 1000 });

  await page.getByLabel("Headline").fill("");
  await page.getByRole("button", { name: "Save offer" }).click();
  await expect(page.getByTestId("error-headline")).toHaveText("Write a headline");
  await page.getByLabel("Headline").fill("A better headline");
  await page.getByRole("button", { name: "Save offer" }).click();
  await expect(page.getByTestId("form-success")).toHaveText("Offer saved.");

  await page.getByRole("button", { name: `Pause ${name}` }).click();
  await expect(page.getByRole("button", { name: `Resume ${name}` })).toBeVisible();
  await page.goto("/merchant/offers");
  const row = page.getByTestId("offer-row").filter({ hasText: name });
  await expect(row).toContainText("Paused");
  await expect(row).toContainText("A better headline");
  await row.getByRole("button", { name: `Resume ${name}` }).click();
  await expect(row).toContainText("Active");
  expect((await sql(`SELECT headline, active FROM "Offer" WHERE id = $1`, [offerId])).rows[0]).toEqual({ headline: "A better headline", active: true });
});
