// Customers sign in by email: "Email me a sign-in link" sends a single-use link through the
// stack's real local SMTP server (read here from its inbox), never says whether an address is
// known, is rate-limited, and brings the customer back to the order they asked from. Signing
// out works; one-click purchases are confirmed by email.
import { expect, test } from "@playwright/test";
import { buy, customerIdByEmail, newEmail, seedJourney } from "../support/e2e/journey";
import { askForSignInLink, linkIn, mailsTo, submitSignInLink, waitForMail } from "../support/e2e/mail";
import { sql } from "../support/e2e/env";
import { expectNoSeriousA11yViolations } from "./support/a11y";

test.describe.configure({ timeout: 150_000 });

test("a returning customer signs in with an emailed link (once), sees their account, and signs out", async ({ page, browser }) => {
  const shop = await seedJourney();
  const email = newEmail();
  await buy(page, shop.course.id, { email });

  const visitor = await (await browser.newContext()).newPage();
  await visitor.goto("/account");
  await expect(visitor.getByTestId("account-signed-out")).toBeVisible();
  await expect(visitor.locator("body")).not.toContainText(/npm run|customer-link|locally/);
  await expectNoSeriousA11yViolations(visitor, "account: signed out");
  await askForSignInLink(visitor, email.toUpperCase());

  const mail = await waitForMail(email);
  // The store's name as branded (store-branding.spec.ts may rename the store while this runs).
  expect(mail.subject).toMatch(/^Your sign-in link for \S/);
  const link = linkIn(mail);
  await visitor.goto(link);
  await visitor.waitForURL(/\/account$/);
  await expect(visitor.getByTestId("account-email")).toHaveText(email);
  await expect(visitor.getByTestId("owned-products")).toContainText(shop.course.name);

  // The link works once.
  const again = await (await browser.newContext()).newPage();
  const reused = await again.goto(link);
  expect(reused!.status()).toBe(403);
  await expect(again.getByTestId("problem")).toContainText("already been used");
  await expect(again.getByRole("link", { name: "Email me a new sign-in link" })).toBeVisible();
  await expectNoSeriousA11yViolations(again, "sign-in link already used");

  await visitor.getByRole("button", { name: "Sign out" }).click();
  await expect(visitor.getByTestId("signed-out")).toHaveText("You have signed out.");
  await expect(visitor.getByTestId("account-signed-out")).toBeVisible();
  await visitor.goto("/account/plan");
  await expect(visitor.getByTestId("plan-signed-out")).toBeVisible();
  await expectNoSeriousA11yViolations(visitor, "plan page: signed out");
});

test("the answer never reveals whether an address is known, and requests are rate-limited", async ({ page }) => {
  const unknown = newEmail();
  await page.goto("/account/sign-in");
  await expectNoSeriousA11yViolations(page, "sign-in page");
  await askForSignInLink(page, unknown);
  const answer = await page.getByTestId("sign-in-link-message").textContent();
  expect(answer).toBe(`Check your inbox. If ${unknown} has bought from us, we have just emailed a sign-in link to it. The link works once, for 15 minutes.`);
  // Nothing was queued for an address nobody bought with, so nothing can be sent.
  expect((await sql(`SELECT count(*)::int AS n FROM "OutboundEmail" WHERE "to" = $1`, [unknown])).rows[0]!.n).toBe(0);
  expect(await mailsTo(unknown)).toEqual([]);

  // Three requests per address per 15 minutes (counted in Postgres), known or not.
  await askForSignInLink(page, unknown);
  await askForSignInLink(page, unknown);
  expect(await submitSignInLink(page, unknown)).toMatch(/^Too many sign-in links were asked for\. Try again in \d+ minutes?\.$/);
  await expect(page.getByTestId("sign-in-link-message")).toBeFocused();
});

test("a mistyped address is tied to its field, which takes focus", async ({ page }) => {
  await page.goto("/account/sign-in");
  const field = page.getByLabel("Email address");
  await field.fill("not an email");
  await page.getByRole("button", { name: "Email me a sign-in link" }).click();
  await expect(field).toHaveAttribute("aria-invalid", "true");
  const describedBy = await field.getAttribute("aria-describedby");
  await expect(page.locator(`[id="${describedBy}"]`)).toHaveText("Enter the email address you bought with, like you@example.com");
  await expect(field).toBeFocused();
  await expectNoSeriousA11yViolations(page, "sign-in page with a field error");
});

test("a thank-you page opened in another browser asks to sign in, and the emailed link leads back to that order", async ({ page, browser }) => {
  const shop = await seedJourney();
  const email = newEmail();
  await buy(page, shop.course.id, { email });
  const order = page.url();

  const elsewhere = await (await browser.newContext()).newPage();
  const response = await elsewhere.goto(order);
  expect(response!.status()).toBe(200);
  await expect(elsewhere.getByRole("heading", { name: "Sign in to see this order" })).toBeVisible();
  await expect(elsewhere.locator("body")).not.toContainText(shop.course.name);
  await expectNoSeriousA11yViolations(elsewhere, "thank-you: signed out");
  await askForSignInLink(elsewhere, email);
  await elsewhere.goto(linkIn(await waitForMail(email)));
  await elsewhere.waitForURL(order);
  await expect(elsewhere.getByTestId("order-product")).toHaveText(shop.course.name);
});

test("a one-click purchase is confirmed by email: what was added and how to reach it", async ({ page }) => {
  const shop = await seedJourney({ upsellDiscountBps: 2000 });
  const email = newEmail();
  await buy(page, shop.course.id, { email });
  await page.getByTestId("offer").getByRole("button", { name: /Accept — one click/ }).click();
  await expect(page.getByTestId("answered-offer").filter({ hasText: shop.coaching.name })).toHaveAttribute("data-status", "succeeded");

  const mail = await waitForMail(email);
  expect(mail.subject).toBe(`Added to your order: ${shop.coaching.name}`);
  expect(mail.text).toContain(`${shop.coaching.name} has been added to your order. We charged $79.20 to your Visa ending in 4242.`);
  expect(linkIn(mail)).toMatch(/\/account$/);
  // One email per charge, however often the payment is synced.
  await page.reload();
  const rows = await sql(`SELECT kind, "sentAt" IS NOT NULL AS sent FROM "OutboundEmail" WHERE "to" = $1`, [email]);
  expect(rows.rows).toEqual([{ kind: "offer_charged", sent: true }]);
  expect(await customerIdByEmail(email)).toBeTruthy();
});
