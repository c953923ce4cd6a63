// axe-core on every page of the merchant console, with data on it and with its forms showing
// errors: no serious or critical WCAG 2 A/AA violation (contrast included).
import { expect, test, type Page } from "@playwright/test";
import { expectNoSeriousA11yViolations } from "./support/a11y";
import { createMerchant, seedConsole, signIn, type ConsoleSeed } from "../support/e2e/merchant";

test("the sign-in page, blank and with an error, has no serious or critical accessibility violation", async ({ page }) => {
  await page.goto("/merchant/sign-in");
  await expectNoSeriousA11yViolations(page, "sign-in");
  const merchant = await createMerchant();
  await page.getByLabel("Email").fill(merchant.email);
  await page.getByLabel("Password").fill("not-the-password");
  await page.getByRole("button", { name: "Sign in" }).click();
  await expect(page.getByTestId("form-error")).toBeVisible();
  await expectNoSeriousA11yViolations(page, "sign-in with an error");
});

// One test a page: axe takes many seconds a page on a loaded machine, and each page gets the whole
// timeout. Each seeds its own data and signs in its own merchant.
const CONSOLE_PAGES: { name: string; path: (seed: ConsoleSeed) => string; then?: (page: Page) => Promise<void> }[] = [
  { name: "dashboard", path: () => "/merchant" },
  { name: "offers", path: () => "/merchant/offers" },
  { name: "new offer", path: () => "/merchant/offers/new" },
  { name: "an offer", path: (seed) => `/merchant/offers/${seed.offerId}` },
  { name: "a just-created cross-sell", path: (seed) => `/merchant/offers/${seed.crossSellId}?saved=created` },
  { name: "funnels", path: () => "/merchant/funnels" },
  { name: "a funnel", path: (seed) => `/merchant/funnels/${seed.funnelId}` },
  { name: "products", path: () => "/merchant/products" },
  { name: "stats", path: () => "/merchant/stats" },
  { name: "one funnel's stats", path: (seed) => `/merchant/stats?funnel=${seed.funnelId}` },
  { name: "stats of an empty range", path: () => "/merchant/stats?from=2020-01-01&to=2020-01-31" },
  { name: "a deleted offer (console 404)", path: () => "/merchant/offers/off_deleted" },
  { name: "events", path: () => "/merchant/events", then: (page) => expect(page.getByTestId("failed-events")).toBeVisible() },
  { name: "needs attention", path: () => "/merchant/attention" },
  { name: "integrations", path: () => "/merchant/integrations" },
  { name: "retention", path: () => "/merchant/retention" },
  { name: "branding", path: () => "/merchant/store" },
  { name: "test as a customer", path: () => "/merchant/offers/test" },
  { name: "test as a customer, unknown customer", path: () => "/merchant/offers/test?customer=nobody%40example.com" },
  { name: "refunds", path: () => "/merchant/refunds" },
];

for (const consolePage of CONSOLE_PAGES) {
  test(`console page "${consolePage.name}" has no serious or critical accessibility violation`, async ({ page }) => {
    // Long: the products page lists every product the other specs created, and axe walks it all on a loaded machine.
    test.setTimeout(240_000);
    const seed = await seedConsole();
    await signIn(page, await createMerchant());
    const path = consolePage.path(seed);
    await page.goto(path);
    await expectNoSeriousA11yViolations(page, path);
    await consolePage.then?.(page);
  });
}

test("console forms showing their field errors have no serious or critical accessibility violation", async ({ page }) => {
  test.setTimeout(300_000);
  const seed = await seedConsole();
  await signIn(page, await createMerchant());
  await page.goto("/merchant/offers/new");
  await page.getByRole("button", { name: "Create offer" }).click();
  await expect(page.getByTestId("error-name")).toBeVisible();
  await expectNoSeriousA11yViolations(page, "new offer with field errors");
  await page.goto(`/merchant/funnels/${seed.funnelId}`);
  const step = page.getByRole("form", { name: "Edit step" }).first();
  await step.getByLabel("Variant A weight (%)").fill("30");
  await step.getByRole("button", { name: "Save step" }).click();
  await expect(step.getByTestId("error-variantWeight")).toBeVisible();
  await expectNoSeriousA11yViolations(page, "funnel step with field errors");
  await page.goto("/merchant/products");
  const ranking = page.getByRole("form", { name: "Plan ranking" }).first();
  await ranking.getByRole("textbox").first().fill("x");
  await ranking.getByRole("button", { name: "Save ranking" }).click();
  await expect(ranking.getByRole("textbox").first()).toHaveAttribute("aria-invalid", "true");
  await expectNoSeriousA11yViolations(page, "ranking with field errors");
});
