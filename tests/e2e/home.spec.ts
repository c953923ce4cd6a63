import { expect, test } from "@playwright/test";

test("the home page lists the seeded catalogue read from Postgres", async ({ page }) => {
  const response = await page.goto("/");
  expect(response?.status()).toBe(200);
  await expect(page.getByRole("heading", { name: "Catalogue" })).toBeVisible();
  await expect(page.getByRole("heading", { name: "Subscription plans" })).toBeVisible();
  const cards = page.getByTestId("product-card");
  expect(await cards.count()).toBeGreaterThanOrEqual(6);
  // Prices come from minor units through the one money formatter.
  await expect(page.getByTestId("product-price").filter({ hasText: /^\$80\.00 \/ month$/ })).toHaveCount(1);
});
