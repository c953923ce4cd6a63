// axe-core on every page of the merchant console, with data on it and with its forms showing
// errors: no serious or critical WCAG 2 A/AA violation (contrast included).
import { expect, test } from "@playwright/test";
import { expectNoSeriousA11yViolations } from "./support/a11y";
import { createMerchant, seedConsole, signIn } from "../support/e2e/merchant";

// axe takes seconds a page on a loaded machine: the pages are split over three tests.
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

test("every merchant console page has no serious or critical accessibility violation", async ({ page }) => {
  test.setTimeout(240_000);
  const seed = await seedConsole();
  await signIn(page, await createMerchant());
  const pages = [
    "/merchant",
    "/merchant/offers",
    "/merchant/offers/new",
    `/merchant/offers/${seed.offerId}`,
    `/merchant/offers/${seed.crossSellId}?saved=created`,
    "/merchant/funnels",
    `/merchant/funnels/${seed.funnelId}`,
    "/merchant/products",
    "/merchant/stats",
    `/merchant/stats?funnel=${seed.funnelId}`,
    "/merchant/stats?from=2020-01-01&to=2020-01-31",
    "/merchant/offers/off_deleted",
    "/merchant/events",
    "/merchant/offers/test",
    "/merchant/offers/test?customer=nobody%40example.com",
    "/merchant/refunds",
  ];
  for (const path of pages) {
    await page.goto(path);
    await expectNoSeriousA11yViolations(page, path);
  }
  await expect(page.getByTestId("failed-events")).toBeVisible();
});

test("console forms showing their field errors have no serious or critical accessibility violation", async ({ page }) => {
  test.setTimeout(180_000);
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
