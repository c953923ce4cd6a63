// What a customer sees of offers on the thank-you and account pages: the funnel's own window with
// a live countdown, nothing to press once it has closed, one price per product at a time, copy
// that matches what happened before, offers in the currency paid in, and keyboard focus that
// follows the outcome.
import { expect, test } from "@playwright/test";
import { buy, customerIdByEmail, createProduct, insertOffer, newEmail, seedJourney } from "../support/e2e/journey";
import { sql } from "../support/e2e/env";
import { expectNoSeriousA11yViolations } from "./support/a11y";

// Each test buys through hosted checkout, some twice, on a machine shared with other builds.
test.describe.configure({ timeout: 150_000 });

const remaining = (text: string | null) => {
  const [m, s] = (text ?? "").split(":").map(Number);
  return (m ?? 0) * 60 + (s ?? 0);
};

test("a funnel set to 30 minutes keeps its offers open for 30 minutes, counted down on the page", async ({ page }) => {
  const shop = await seedJourney({ windowSecs: 1800 });
  const email = newEmail();
  await buy(page, shop.course.id, { email });
  const offer = page.getByTestId("offer");
  await expect(offer).toContainText("Add a coaching call");
  expect(remaining(await offer.getByTestId("offer-remaining").textContent())).toBeGreaterThan(29 * 60);
  const customerId = await customerIdByEmail(email);
  const { rows } = await sql<{ secs: number }>(`SELECT extract(epoch FROM "expiresAt" - "startedAt")::int AS secs FROM "FunnelSession" WHERE "customerId" = $1`, [customerId]);
  expect(rows).toEqual([{ secs: 1800 }]);

  // Twenty minutes later (past any 15-minute cap) the offer is still open, with ten minutes to go.
  await sql(`UPDATE "FunnelSession" SET "startedAt" = "startedAt" - interval '20 minutes', "expiresAt" = "expiresAt" - interval '20 minutes' WHERE "customerId" = $1`, [customerId]);
  await sql(`UPDATE "OfferImpression" SET "shownAt" = "shownAt" - interval '20 minutes', "expiresAt" = "expiresAt" - interval '20 minutes' WHERE "customerId" = $1`, [customerId]);
  await page.reload();
  const left = remaining(await offer.getByTestId("offer-remaining").textContent());
  expect(left).toBeGreaterThan(9 * 60);
  expect(left).toBeLessThanOrEqual(10 * 60);
  await expect(offer.getByRole("button", { name: /Accept — one click/ })).toBeEnabled();
});

test("when the window closes on screen, the offer says so and Accept can no longer be pressed", async ({ page }) => {
  const shop = await seedJourney();
  const email = newEmail();
  await buy(page, shop.course.id, { email });
  await expect(page.getByTestId("offer")).toContainText("Add a coaching call");
  const customerId = await customerIdByEmail(email);
  // The window now closes a few seconds from now.
  await sql(`UPDATE "FunnelSession" SET "expiresAt" = now() + interval '4 seconds' WHERE "customerId" = $1`, [customerId]);
  await sql(`UPDATE "OfferImpression" SET "expiresAt" = now() + interval '4 seconds' WHERE "customerId" = $1`, [customerId]);
  await page.reload();
  const offer = page.getByTestId("offer");
  expect(remaining(await offer.getByTestId("offer-remaining").textContent())).toBeLessThanOrEqual(4);
  await expect(offer.getByTestId("offer-expired")).toHaveText("This offer has expired.", { timeout: 10_000 });
  await expect(offer.getByRole("button", { name: "Offer expired" })).toBeDisabled();
  await expect(offer.getByRole("button", { name: "No thanks" })).toHaveCount(0);
  await expectNoSeriousA11yViolations(page, "thank-you: offer expired on screen");

  await page.reload();
  await expect(page.getByTestId("offer")).toHaveCount(0);
  await expect(page.getByTestId("offers-expired")).toHaveText("The offers for this order have expired.");
  await expectNoSeriousA11yViolations(page, "thank-you: offers expired");
});

test("one product, one price: the account page shows the thank-you page's open offer, same price and countdown", async ({ page }) => {
  const shop = await seedJourney({ acceptStep: true, crossSellDiscountBps: 1500 });
  const email = newEmail();
  await buy(page, shop.course.id, { email });
  await page.getByTestId("offer").getByRole("button", { name: /Accept — one click/ }).click();
  await expect(page.getByTestId("answered-offer").filter({ hasText: shop.coaching.name })).toContainText("Access granted.");
  // The accept edge offers the template pack at 10% off on the thank-you page…
  const thankYou = page.getByTestId("offer");
  await expect(thankYou).toContainText("Finish faster with the templates");
  await expect(thankYou.getByTestId("offer-price")).toContainText("$17.10");
  await expectNoSeriousA11yViolations(page, "thank-you: accepted upsell and the next offer");

  // …so the account page's 15%-off cross-sell of the same product gives way to that same offer.
  await page.goto("/account");
  const account = page.getByTestId("offer").filter({ hasText: shop.templates.name });
  await expect(account).toHaveCount(1);
  await expect(account.getByTestId("offer-price")).toContainText("$17.10");
  await expect(account.getByTestId("offer-price")).not.toContainText("$16.15");
  expect(remaining(await account.getByTestId("offer-remaining").textContent())).toBeGreaterThan(13 * 60);
  await expect(page.getByTestId("answered-offer").filter({ hasText: shop.coaching.name })).toContainText("Added to your account.");
  await expectNoSeriousA11yViolations(page, "account: shared open offer and just-added confirmation");
  const { rows } = await sql(`SELECT i.placement FROM "OfferImpression" i JOIN "Offer" o ON o.id = i."offerId" WHERE i."customerId" = $1 AND o."offeredProductId" = $2`, [await customerIdByEmail(email), shop.templates.id]);
  expect(rows).toEqual([{ placement: "THANK_YOU" }]);
});

test("a downsell whose upsell was skipped (already owned) does not say 'instead'", async ({ page }) => {
  const shop = await seedJourney();
  const email = newEmail();
  // The customer already owns the coaching call, so the funnel skips the upsell step.
  await buy(page, shop.coaching.id, { email });
  await buy(page, shop.course.id);
  const downsell = page.getByTestId("offer");
  await expect(downsell).toHaveAttribute("data-offer-kind", "DOWNSELL");
  await expect(downsell.getByTestId("offer-eyebrow")).toHaveText("Add to your order");
  await expect(downsell).not.toContainText(/instead\?/);
});

test("accepting a cross-sell on the account page confirms it, and keyboard focus moves to that confirmation", async ({ page }) => {
  const shop = await seedJourney();
  await buy(page, shop.course.id, { email: newEmail() });
  await page.goto("/account");
  const offer = page.getByTestId("offer").filter({ hasText: "Templates for your course" });
  await expectNoSeriousA11yViolations(page, "account: signed in with an offer");
  await offer.getByRole("button", { name: /Accept — one click/ }).focus();
  await page.keyboard.press("Enter");
  const added = page.getByTestId("answered-offer").filter({ hasText: shop.templates.name });
  await expect(added).toContainText("Added to your account.");
  await expect(added).toBeFocused();
  await expect(page.getByTestId("owned-products")).toContainText(shop.templates.name);
});

test("keyboard Accept on the thank-you page moves focus to the result, never to the page body", async ({ page }) => {
  const shop = await seedJourney({ acceptStep: true });
  await buy(page, shop.course.id, { email: newEmail() });
  await page.getByTestId("offer").getByRole("button", { name: /Accept — one click/ }).focus();
  await page.keyboard.press("Enter");
  const added = page.getByTestId("answered-offer").filter({ hasText: shop.coaching.name });
  await expect(added).toContainText("Added to your order.");
  await expect(added).toBeFocused();
  // "No thanks" on the next offer moves focus on as well (here to the order's heading: nothing follows).
  await page.getByTestId("offer").getByRole("button", { name: "No thanks" }).focus();
  await page.keyboard.press("Enter");
  await expect(page.getByTestId("offer")).toHaveCount(0);
  await expect(page.getByRole("heading", { name: "Thank you for your order!" })).toBeFocused();
});

test("a buyer paying in EUR is told the offers are only in USD, and sees an offer that is priced in EUR", async ({ page }) => {
  const shop = await seedJourney();
  const kurs = await createProduct("Kurs", 4500, "EUR");
  // The funnel's USD offers follow the euro course too.
  await sql(`UPDATE "Offer" SET "triggerProductIds" = array_append("triggerProductIds", $1) WHERE id = ANY($2)`, [kurs.id, [shop.upsellOffer, shop.downsellOffer]]);
  await buy(page, kurs.id, { email: newEmail() });
  await expect(page.getByTestId("order-price")).toContainText("€45.00");
  await expect(page.getByTestId("offer")).toHaveCount(0);
  await expect(page.getByTestId("offers-currency-note")).toHaveText("We have more for this order, but only priced in USD for now, so we can't offer it with your payment in EUR.");
  await expectNoSeriousA11yViolations(page, "thank-you: offers only in another currency");

  // A downsell priced in euros is shown to the next euro buyer (the USD upsell is still skipped).
  const heft = await createProduct("Arbeitsheft", 2500, "EUR");
  const euroOffer = await insertOffer("DOWNSELL", heft.id, [kurs.id], "Das Arbeitsheft dazu");
  await sql(`UPDATE "StepVariant" SET "offerId" = $1 WHERE "offerId" = $2`, [euroOffer, shop.downsellOffer]);
  await buy(page, kurs.id, { email: newEmail() });
  const offer = page.getByTestId("offer");
  await expect(offer).toContainText("Das Arbeitsheft dazu");
  await expect(offer.getByTestId("offer-price")).toContainText("€25.00");
  await expect(page.getByTestId("offers-currency-note")).toHaveCount(0);
});
