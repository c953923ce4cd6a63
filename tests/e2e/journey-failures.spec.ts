import { expect, test } from "@playwright/test";
import { buy, customerIdByEmail, dodoCustomerIdByEmail, dodoPaymentsFor, hasEntitlement, newEmail, payOnHostedPage, seedJourney } from "../support/e2e/journey";
import { readEncoreMetadata } from "../../lib/dodo/metadata";
import { dodo, magicLinkPath, sql } from "../support/e2e/env";
import { expectNoSeriousA11yViolations } from "./support/a11y";

// Each test buys through hosted checkout, sometimes twice, on a machine shared with other builds.
test.describe.configure({ timeout: 150_000 });

test("a card that fails off-session: clear message; 'use another card' continues the same order and funnel, on the new card", async ({ page }) => {
  const shop = await seedJourney({ acceptStep: true });
  const email = newEmail();
  await buy(page, shop.course.id, { email, card: "4000000000000341" });
  const order = page.url();
  const offer = page.getByTestId("offer");
  await expect(offer.getByTestId("offer-card")).toContainText("Visa ending in 0341");
  await offer.getByRole("button", { name: /Accept — one click/ }).click();

  const failed = page.getByTestId("answered-offer").filter({ hasText: shop.coaching.name });
  await expect(failed).toHaveAttribute("data-status", "failed");
  await expect(failed.getByRole("alert")).toHaveText("Your bank declined this charge. Nothing was taken from your card.");
  await expect(failed).not.toContainText(/stolen|lost|fraud/i);
  // The funnel's fallback step follows a failed payment, as an alternative to what was turned down.
  await expect(page.getByTestId("offer")).toHaveAttribute("data-offer-kind", "DOWNSELL");
  await expect(page.getByTestId("offer-eyebrow")).toHaveText("How about this instead?");
  await expectNoSeriousA11yViolations(page, "thank-you: failed one-click with 'use another card' and a downsell");

  await failed.getByRole("button", { name: "Use another card (secure checkout)" }).click();
  await payOnHostedPage(page, { card: "4242424242424242" });
  // Back on the same order: the course as ordered, the coaching call added once, no downsell
  // "instead" of what was just bought, and the next one-click on the card that just worked.
  await page.waitForURL(order);
  await expect(page.getByTestId("order-product")).toHaveText(shop.course.name);
  const added = page.getByTestId("answered-offer");
  await expect(added).toHaveCount(1);
  await expect(added).toContainText(shop.coaching.name);
  await expect(added).toContainText("Added to your order.");
  await expect(added).toContainText("Access granted.");
  const next = page.getByTestId("offer");
  await expect(next).toContainText("Finish faster with the templates");
  await expect(next.getByTestId("offer-card")).toContainText("Visa ending in 4242");
  await expect(page.getByText(shop.workbook.name)).toHaveCount(0);

  const customerId = await customerIdByEmail(email);
  expect(await hasEntitlement(customerId, shop.coaching.id)).toBe(true);
  // The merchant sees the failed one-click attempt; the fallback payment names the impression it pays for.
  const { rows } = await sql(`SELECT status, "errorCode", "impressionId" FROM "ChargeAttempt" WHERE "customerId" = $1`, [customerId]);
  expect(rows).toEqual([{ status: "FAILED", errorCode: "CARD_DECLINED", impressionId: expect.any(String) }]);
  const paid = (await dodoPaymentsFor(await dodoCustomerIdByEmail(email), shop.coaching.id)).filter((p) => p.status === "succeeded");
  expect(paid).toHaveLength(1);
  expect(readEncoreMetadata((await dodo().payments.retrieve(paid[0]!.payment_id)).metadata).impressionId).toBe(rows[0]!.impressionId);
  const decisions = await sql(
    `SELECT o."kind", d.outcome, d.reason FROM "OfferDecision" d JOIN "OfferImpression" i ON i.id = d."impressionId" JOIN "Offer" o ON o.id = i."offerId" WHERE i."customerId" = $1 ORDER BY i."shownAt"`,
    [customerId],
  );
  expect(decisions.rows).toEqual([{ kind: "UPSELL", outcome: "ACCEPTED", reason: null }, { kind: "DOWNSELL", outcome: "EXPIRED", reason: "superseded" }]);
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
  // Bob is asked to sign in as the buyer; nothing of Alice's order is on the page.
  await bob.goto(aliceOrder);
  await expect(bob.getByRole("heading", { name: "Sign in to see this order" })).toBeVisible();
  await expect(bob.locator("body")).not.toContainText(shop.course.name);
  await expect(bob.locator("body")).not.toContainText(alice);
  expect((await bob.goto(confirmUrl))!.status()).toBe(403);
  // Nobody without a session can either.
  const anonymous = await request.get(aliceOrder);
  expect(await anonymous.text()).toContain("Sign in to see this order");
  expect(await anonymous.text()).not.toContain(shop.course.name);

  // Bob swaps his offer's id for Alice's impression: refused, nothing charged to anyone.
  const aliceId = await customerIdByEmail(alice);
  const { rows } = await sql<{ id: string }>(`SELECT id FROM "OfferImpression" WHERE "customerId" = $1`, [aliceId]);
  const aliceImpression = rows[0]!.id;
  await bob.goto(bobOrder);
  for (const forged of [aliceImpression, "imp_tampered"]) {
    // Swapped as the form is submitted: set any earlier, hydration may render the real id back.
    await bob.locator('[data-testid="offer"] form:has(input[name="impressionId"])').first().evaluate((form, value) => {
      form.addEventListener("submit", () => ((form.querySelector('input[name="impressionId"]') as HTMLInputElement).value = value), { capture: true });
    }, forged);
    await bob.getByRole("button", { name: /Accept — one click/ }).click();
    await expect(bob.getByTestId("offer-status")).toContainText("This offer is not available.");
    await bob.reload();
  }
  const attempts = await sql(`SELECT count(*)::int AS n FROM "ChargeAttempt" WHERE "impressionId" = $1 OR "customerId" = $2`, [aliceImpression, aliceId]);
  expect(attempts.rows[0]!.n).toBe(0);
  expect(await dodoPaymentsFor(await dodoCustomerIdByEmail(alice), shop.coaching.id)).toHaveLength(0);
  await bobContext.close();
});
