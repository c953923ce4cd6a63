import { expect, test } from "@playwright/test";
import { buy, customerIdByEmail, dodoCustomerIdByEmail, dodoPaymentsFor, hasEntitlement, newEmail, seedJourney } from "../support/e2e/journey";
import { sql } from "../support/e2e/env";

// Each test buys through hosted checkout, sometimes twice, on a machine shared with other builds.
test.describe.configure({ timeout: 150_000 });

test("buy with 4242, accept the 20%-off upsell with one click: charged the discounted price, access granted", async ({ page }) => {
  const shop = await seedJourney({ upsellDiscountBps: 2000 });
  const email = newEmail();
  await buy(page, shop.course.id, { email });
  await expect(page.getByTestId("order")).toContainText(shop.course.name);

  const offer = page.getByTestId("offer");
  await expect(offer).toContainText("Add a coaching call");
  await expect(offer.getByTestId("offer-price")).toContainText("$79.20");
  await expect(offer.getByTestId("offer-card")).toContainText("Visa ending in 4242");
  await offer.getByRole("button", { name: /Accept — one click/ }).click();

  const added = page.getByTestId("answered-offer").filter({ hasText: shop.coaching.name });
  await expect(added).toHaveAttribute("data-status", "succeeded");
  await expect(added).toContainText("Added to your order.");
  await expect(added).toContainText("Access granted.");
  const customerId = await customerIdByEmail(email);
  expect(await hasEntitlement(customerId, shop.coaching.id)).toBe(true);
  // Dodo charged exactly the price shown, through the offer's discount code.
  const payments = await dodoPaymentsFor(await dodoCustomerIdByEmail(email), shop.coaching.id);
  expect(payments.map((p) => p.total_amount)).toEqual([7920]);
  // Accepting the upsell ends this funnel: no downsell after a yes.
  await expect(page.getByTestId("offer")).toHaveCount(0);
});

test("decline → downsell accepted; the declined offer is never shown again", async ({ page }) => {
  const shop = await seedJourney();
  const email = newEmail();
  await buy(page, shop.course.id, { email });
  await expect(page.getByTestId("offer")).toContainText("Add a coaching call");
  await page.getByRole("button", { name: "No thanks" }).click();

  const downsell = page.getByTestId("offer");
  await expect(downsell).toHaveAttribute("data-offer-kind", "DOWNSELL");
  await expect(downsell).toContainText("Take the workbook instead");
  // It follows a refusal in this session (lib/offers/view.ts refusalsBefore): worded as one.
  await expect(downsell.getByTestId("offer-eyebrow")).toHaveText("How about this instead?");
  await expect(downsell.getByTestId("offer-price")).toContainText("$29.00");
  await downsell.getByRole("button", { name: /Accept — one click/ }).click();
  await expect(page.getByTestId("answered-offer").filter({ hasText: shop.workbook.name })).toContainText("Access granted.");

  // Second purchase by the same customer: the declined upsell must not come back.
  await buy(page, shop.course.id);
  await expect(page.getByTestId("order")).toBeVisible();
  await expect(page.getByText("Add a coaching call")).toHaveCount(0);
  const customerId = await customerIdByEmail(email);
  const { rows } = await sql(`SELECT count(*)::int AS n FROM "OfferImpression" WHERE "customerId" = $1 AND "offerId" = $2`, [customerId, shop.upsellOffer]);
  expect(rows[0]!.n).toBe(1);
  const decisions = await sql(
    `SELECT d.outcome, d.reason FROM "OfferDecision" d JOIN "OfferImpression" i ON i.id = d."impressionId" WHERE i."customerId" = $1 ORDER BY d."decidedAt"`,
    [customerId],
  );
  expect(decisions.rows).toEqual([{ outcome: "DECLINED", reason: "customer_declined" }, { outcome: "ACCEPTED", reason: null }]);
});

test("account page cross-sells to an existing customer with one click", async ({ page }) => {
  const shop = await seedJourney();
  const email = newEmail();
  await buy(page, shop.course.id, { email });
  await page.goto("/account");
  await expect(page.getByTestId("account-email")).toHaveText(email);
  await expect(page.getByTestId("owned-products")).toContainText(shop.course.name);
  const offer = page.getByTestId("offer").filter({ hasText: "Templates for your course" });
  await expect(offer.getByTestId("offer-card")).toContainText("Visa ending in 4242");
  await offer.getByRole("button", { name: /Accept — one click/ }).click();
  await expect(page.getByTestId("owned-products")).toContainText(shop.templates.name);
});
