import { expect, test } from "@playwright/test";

// Other specs add their own products to the same catalogue, in any order: this one looks only at
// the seeded demo products, found by name.
test("the home page lists the seeded catalogue read from Postgres", async ({ page }) => {
  const response = await page.goto("/");
  expect(response?.status()).toBe(200);
  await expect(page.getByRole("heading", { name: "Catalogue" })).toBeVisible();
  await expect(page.getByRole("heading", { name: "Subscription plans" })).toBeVisible();
  const card = (name: string) => page.getByTestId("product-card").filter({ has: page.getByRole("heading", { name, exact: true }) });
  // Prices come from minor units through the one money formatter.
  for (const [name, price] of [
    ["Launch Your Course", "$49.00"],
    ["1:1 Coaching Call", "$99.00"],
    ["Pro (monthly)", "$80.00 / month"],
    ["Pro (yearly)", "$800.00 / year"],
  ] as const) {
    await expect(card(name), name).toHaveCount(1);
    await expect(card(name).getByTestId("product-price"), name).toHaveText(price);
  }
});
