// Offer targeting set in the console editor, the thank-you page obeying it after real hosted
// checkouts, and "test as a customer" telling the merchant the same thing the page did.
import { expect, test, type Browser, type Page } from "@playwright/test";
import { buy, newEmail, seedJourney } from "../support/e2e/journey";
import { createMerchant, signIn } from "../support/e2e/merchant";
import { sql } from "../support/e2e/env";

test.describe.configure({ timeout: 180_000 });

async function merchantPage(browser: Browser): Promise<Page> {
  const page = await (await browser.newContext()).newPage();
  await signIn(page, await createMerchant());
  return page;
}

async function testAsCustomer(page: Page, email: string, purchaseIndex: number) {
  await page.goto("/merchant/offers");
  await page.getByRole("link", { name: "Test as a customer" }).click();
  await page.getByLabel("Customer", { exact: true }).fill(email);
  await page.getByRole("button", { name: "Test" }).click();
  const purchase = page.getByLabel("Purchase", { exact: true });
  await expect(purchase).toBeEnabled();
  const values = await purchase.locator("option").evaluateAll((options) => options.map((o) => (o as HTMLOptionElement).value));
  // Newest first.
  await purchase.selectOption(values[values.length - 1 - purchaseIndex]!);
  await page.getByRole("button", { name: "Test" }).click();
  return page.getByTestId("preview");
}

test("an upsell for returning US customers: a first order gets the downsell, a second the upsell, and the console says why", async ({ page, browser }) => {
  const shop = await seedJourney();
  const merchant = await merchantPage(browser);

  // The merchant targets the upsell in the editor: returning customers AND billing country US.
  await merchant.goto(`/merchant/offers/${shop.upsellOffer}`);
  await merchant.getByLabel("Customer", { exact: true }).selectOption("returning");
  await merchant.getByLabel("Billing countries").fill("us, ca");
  await merchant.getByLabel("Badge", { exact: true }).fill("Most popular add-on");
  await merchant.getByLabel("Ends (UTC)").fill("2020-01-01T00:00");
  await merchant.getByLabel("Starts (UTC)").fill("2020-02-01T00:00");
  await merchant.getByRole("button", { name: "Save offer" }).click();
  await expect(merchant.getByTestId("error-endsAt")).toHaveText("End must be after the start");
  await merchant.getByLabel("Ends (UTC)").fill("");
  await merchant.getByLabel("Starts (UTC)").fill("");
  await merchant.getByRole("button", { name: "Save offer" }).click();
  await expect(merchant.getByTestId("form-success")).toHaveText("Offer saved.");
  const stored = await sql<{ targeting: unknown }>(`SELECT targeting FROM "Offer" WHERE id = $1`, [shop.upsellOffer]);
  expect(stored.rows[0]!.targeting).toEqual({ match: "all", conditions: [{ kind: "customer", is: "returning" }, { kind: "country", op: "in", countries: ["US", "CA"] }] });
  await merchant.reload();
  await expect(merchant.getByLabel("Customer", { exact: true })).toHaveValue("returning");
  await expect(merchant.getByLabel("Billing countries")).toHaveValue("US, CA");

  // First order: a new customer, so the upsell is skipped and the downsell shows.
  const email = newEmail();
  await buy(page, shop.course.id, { email });
  await expect(page.getByTestId("offer")).toContainText("Take the workbook instead");
  await expect(page.getByText("Add a coaching call")).toHaveCount(0);

  let preview = await testAsCustomer(merchant, email, 0);
  await expect(preview.getByTestId("preview-shown")).toContainText(shop.downsellOffer);
  const skipped = preview.getByTestId("preview-path").getByRole("listitem").filter({ hasText: shop.upsellOffer });
  await expect(skipped).toContainText("Skipped");
  await expect(skipped).toContainText("does not meet: a returning customer (paid before)");
  // The country condition is met (Dodo's billing country of the order is US), so it is not listed.
  await expect(skipped).not.toContainText("billing country");

  // Second order by the same customer: returning, from the US — the upsell shows.
  await buy(page, shop.course.id);
  await expect(page.getByTestId("offer")).toContainText("Add a coaching call");
  // The merchant's badge shows on the offer.
  await expect(page.getByTestId("offer-badge")).toHaveText("Most popular add-on");
  preview = await testAsCustomer(merchant, email, 1);
  await expect(preview.getByTestId("preview-shown")).toContainText(shop.upsellOffer);
  await expect(preview.getByTestId("preview-others").getByRole("row").filter({ hasText: shop.crossSellOffer })).toContainText("not in the funnel this purchase opens");
});
