// Offer content: a picture (the merchant's, else Dodo's product image), the live countdown of the
// real window on every placement, and a quantity selector charged and granted per unit.
import { expect, test } from "@playwright/test";
import { buy, customerIdByEmail, dodoCustomerIdByEmail, dodoPaymentsFor, newEmail, seedJourney } from "../support/e2e/journey";
import { sql } from "../support/e2e/env";
import { createMerchant, signIn } from "../support/e2e/merchant";
import { expectNoSeriousA11yViolations } from "./support/a11y";

test.describe.configure({ timeout: 150_000 });

test("thank-you offer with a picture, a countdown and 1–3 units: three are charged and granted", async ({ page, browser, baseURL }) => {
  const shop = await seedJourney();
  const picture = `${baseURL}/screenshot.png`;
  await sql(`UPDATE "Offer" SET "maxQuantity" = 3, "imageUrl" = $2 WHERE id = $1`, [shop.upsellOffer, picture]);
  const email = newEmail();
  await buy(page, shop.course.id, { email });

  const offer = page.getByTestId("offer");
  await expect(offer).toContainText("Add a coaching call");
  const image = offer.getByTestId("offer-image");
  await expect(image).toHaveAttribute("src", picture);
  await expect(image).toHaveAttribute("alt", shop.coaching.name);
  await expect.poll(() => image.evaluate((el: HTMLImageElement) => el.complete && el.naturalWidth)).toBeGreaterThan(0);
  // The countdown of the funnel's real window (900 s): 14:xx, counting down.
  await expect(offer.getByTestId("offer-remaining")).toHaveText(/^1[45]:\d\d$/);
  const first = await offer.getByTestId("offer-remaining").textContent();
  await expect(offer.getByTestId("offer-remaining")).not.toHaveText(first!);

  await offer.getByLabel("Quantity").selectOption("3");
  await expect(offer.getByTestId("offer-total")).toHaveText("3 × $99.00 = $297.00");
  await expectNoSeriousA11yViolations(page, "offer with picture and quantity");
  await offer.getByRole("button", { name: "Accept — one click · $297.00" }).click();

  const added = page.getByTestId("answered-offer").filter({ hasText: shop.coaching.name });
  await expect(added).toHaveAttribute("data-status", "succeeded");
  await expect(added).toContainText(`3 × ${shop.coaching.name} · $297.00`);
  await expect(added).toContainText("Access granted.");
  // Dodo charged three units (one cart line, quantity 3); access counts three.
  const payments = await dodoPaymentsFor(await dodoCustomerIdByEmail(email), shop.coaching.id);
  expect(payments.map((p) => p.total_amount)).toEqual([29700]);
  const customerId = await customerIdByEmail(email);
  const { rows } = await sql<{ quantity: number; status: string }>(`SELECT quantity, status FROM "Entitlement" WHERE "customerId" = $1 AND "productId" = $2`, [customerId, shop.coaching.id]);
  expect(rows).toEqual([{ quantity: 3, status: "ACTIVE" }]);
  const attempt = await sql(`SELECT a.quantity, a.amount FROM "ChargeAttempt" a JOIN "OfferImpression" i ON i.id = a."impressionId" WHERE i."customerId" = $1`, [customerId]);
  expect(attempt.rows).toEqual([{ quantity: 3, amount: 29700 }]);
  // The account page lists the units owned.
  await page.goto("/account");
  await expect(page.getByTestId("owned-products")).toContainText(`${shop.coaching.name} × 3`);

  // The merchant's purchases export carries the units and the currency.
  const merchant = await (await browser.newContext()).newPage();
  await signIn(merchant, await createMerchant());
  await merchant.goto("/merchant/stats");
  const href = await merchant.getByTestId("purchases-csv-link").getAttribute("href");
  const csv = await (await merchant.request.get(href!)).text();
  const line = csv.split("\r\n").find((l) => l.includes(shop.coaching.id));
  expect(line).toMatch(/,3,USD,99\.00,297\.00,297\.00,0\.00$/);
});

test("the account page's cross-sell shows its countdown and picture too; a picture from a host not allowed is left out", async ({ page, baseURL }) => {
  const shop = await seedJourney();
  await sql(`UPDATE "Offer" SET "imageUrl" = 'https://tracker.example.org/pixel.gif' WHERE id = $1`, [shop.upsellOffer]);
  // Dodo's own product image (mirrored on the product) is shown when the offer has none of its own.
  await sql(`UPDATE "Product" SET "imageUrl" = $2 WHERE id = $1`, [shop.templates.id, `${baseURL}/screenshot.png`]);
  const email = newEmail();
  await buy(page, shop.course.id, { email });
  const upsell = page.getByTestId("offer");
  await expect(upsell).toContainText("Add a coaching call");
  await expect(upsell.getByTestId("offer-image")).toHaveCount(0);
  await expect(upsell.getByTestId("offer-quantity")).toHaveCount(0);

  await page.goto("/account");
  const crossSell = page.getByTestId("offer").filter({ hasText: "Templates for your course" });
  await expect(crossSell.getByTestId("offer-remaining")).toHaveText(/^1[45]:\d\d$/);
  await expect(crossSell.getByTestId("offer-image")).toHaveAttribute("src", `${baseURL}/screenshot.png`);
});
