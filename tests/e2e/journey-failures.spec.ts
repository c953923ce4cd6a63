import { expect, test } from "@playwright/test";
import { buy, customerIdByEmail, dodoCustomerIdByEmail, dodoPaymentsFor, hasEntitlement, newEmail, payOnHostedPage, seedJourney } from "../support/e2e/journey";
import { dodo, magicLinkPath, sql } from "../support/e2e/env";

// Each test buys through hosted checkout, sometimes twice, on a machine shared with other builds.
test.describe.configure({ timeout: 150_000 });

test("a card that fails off-session: clear message, then hosted checkout with another card works", async ({ page }) => {
  const shop = await seedJourney();
  const email = newEmail();
  await buy(page, shop.course.id, { email, card: "4000000000000341" });
  const offer = page.getByTestId("offer");
  await expect(offer.getByTestId("offer-card")).toContainText("Visa ending in 0341");
  await offer.getByRole("button", { name: /Accept — one click/ }).click();

  const failed = page.getByTestId("answered-offer").filter({ hasText: shop.coaching.name });
  await expect(failed).toHaveAttribute("data-status", "failed");
  await expect(failed.getByRole("alert")).toHaveText("Your bank declined this charge. Nothing was taken from your card.");
  await expect(failed).not.toContainText(/stolen|lost|fraud/i);
  // The funnel's fallback step follows a failed payment.
  await expect(page.getByTestId("offer")).toHaveAttribute("data-offer-kind", "DOWNSELL");

  await failed.getByRole("button", { name: "Use another card (secure checkout)" }).click();
  await payOnHostedPage(page, { card: "4242424242424242" });
  await page.waitForURL(/\/thank-you\?order=/);
  await expect(page.getByTestId("order")).toContainText(shop.coaching.name);
  await expect(page.getByTestId("order")).toContainText("Access granted.");
  const customerId = await customerIdByEmail(email);
  expect(await hasEntitlement(customerId, shop.coaching.id)).toBe(true);
  // The merchant sees the failed one-click attempt.
  const { rows } = await sql(`SELECT status, "errorCode" FROM "ChargeAttempt" WHERE "customerId" = $1`, [customerId]);
  expect(rows).toEqual([{ status: "FAILED", errorCode: "CARD_DECLINED" }]);
});

test("ten concurrent accepts of one impression make exactly one Dodo payment", async ({ page, context }) => {
  const shop = await seedJourney();
  const email = newEmail();
  await buy(page, shop.course.id, { email });
  const url = page.url();
  const tabs = [page, ...(await Promise.all(Array.from({ length: 9 }, () => context.newPage())))];
  await Promise.all(tabs.slice(1).map((tab) => tab.goto(url)));
  const buttons = tabs.map((tab) => tab.getByRole("button", { name: /Accept — one click/ }));
  for (const button of buttons) await expect(button).toBeEnabled();
  await Promise.all(buttons.map((button) => button.click()));
  await expect(page.getByTestId("answered-offer").filter({ hasText: shop.coaching.name })).toHaveAttribute("data-status", "succeeded");
  await dodo().post("/_sandbox/settle");
  expect(await dodoPaymentsFor(await dodoCustomerIdByEmail(email), shop.coaching.id)).toHaveLength(1);
  const { rows } = await sql(`SELECT count(*)::int AS n FROM "ChargeAttempt" WHERE "customerId" = $1`, [await customerIdByEmail(email)]);
  expect(rows[0]!.n).toBe(1);
});

test("forged or reused tokens, another customer's order and a tampered offer id are refused, nothing charged", async ({ page, browser, request }) => {
  const shop = await seedJourney();
  const alice = newEmail();
  const confirmUrl = await buy(page, shop.course.id, { email: alice });
  const aliceOrder = page.url();
  await expect(page.getByTestId("offer")).toBeVisible();

  // The return token is single-use, and a forged or altered one is refused.
  expect((await request.get(confirmUrl)).status()).toBe(403);
  expect((await request.get("/thank-you/confirm?token=forged.token")).status()).toBe(403);
  const token = new URL(confirmUrl).searchParams.get("token")!;
  expect((await request.get(`/thank-you/confirm?token=${encodeURIComponent(token.slice(0, -2) + "xx")}`)).status()).toBe(403);
  expect((await request.get("/account/login?token=forged")).status()).toBe(403);
  // A magic link signs in once; used again it is refused with a page saying so. (Alice's own
  // browser uses it, so the anonymous `request` below stays signed out.)
  const signIn = magicLinkPath(await customerIdByEmail(alice));
  expect((await page.request.get(signIn, { maxRedirects: 0 })).status()).toBe(303);
  const reused = await page.request.get(signIn, { maxRedirects: 0 });
  expect(reused.status()).toBe(403);
  expect(await reused.text()).toContain("already been used");

  // Bob, with his own session, can't open Alice's order.
  const bobContext = await browser.newContext();
  const bob = await bobContext.newPage();
  await buy(bob, shop.course.id, { email: newEmail() });
  const bobOrder = bob.url();
  expect((await bob.goto(aliceOrder))!.status()).toBe(404);
  expect((await bob.goto(confirmUrl))!.status()).toBe(403);
  // Nobody without a session can either.
  expect((await request.get(aliceOrder)).status()).toBe(404);

  // Bob swaps his offer's id for Alice's impression: refused, nothing charged to anyone.
  const aliceId = await customerIdByEmail(alice);
  const { rows } = await sql<{ id: string }>(`SELECT id FROM "OfferImpression" WHERE "customerId" = $1`, [aliceId]);
  const aliceImpression = rows[0]!.id;
  await bob.goto(bobOrder);
  for (const forged of [aliceImpression, "imp_tampered"]) {
    await bob.locator('[data-testid="offer"] input[name="impressionId"]').first().evaluate((el, value) => ((el as HTMLInputElement).value = value), forged);
    await bob.getByRole("button", { name: /Accept — one click/ }).click();
    await expect(bob.getByTestId("offer-status")).toContainText("This offer is not available.");
    await bob.reload();
  }
  const attempts = await sql(`SELECT count(*)::int AS n FROM "ChargeAttempt" WHERE "impressionId" = $1 OR "customerId" = $2`, [aliceImpression, aliceId]);
  expect(attempts.rows[0]!.n).toBe(0);
  expect(await dodoPaymentsFor(await dodoCustomerIdByEmail(alice), shop.coaching.id)).toHaveLength(0);
  await bobContext.close();
});
