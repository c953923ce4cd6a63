// Customers move between plans on /account/plan: Dodo's preview is shown before they confirm, and
// what they confirm is what they pay; the page works on a phone, replaces "processing" with the
// outcome without a reload, compares yearly plans in words and confirms a kept plan. One file so
// these run in order on one worker (a test below injects change-plan faults).
import { expect, test, type Page } from "@playwright/test";
import { dodoPayments, dodoSubscription, renewNow, seedLadder, signIn, subscribe } from "../support/e2e/plans";
import { control, dodo, sql } from "../support/e2e/env";
import { expectNoSeriousA11yViolations } from "./support/a11y";

const option = (page: Page, productId: string) => page.locator(`[data-testid="plan-option"][data-product-id="${productId}"]`);

/** A Basic subscriber on the plan page, with Dodo's $50.00 preview of the upgrade to Pro open. */
async function previewBasicToPro(page: Page) {
  const ladder = await seedLadder();
  const s = await subscribe(ladder.basic);
  await signIn(page, s.customerId);
  await page.goto("/account/plan");
  await option(page, ladder.pro).getByRole("button", { name: "Upgrade to Pro" }).click();
  const quote = page.getByTestId("quote-panel");
  await expect(quote.getByTestId("quote-charge-now")).toHaveText("$50.00");
  return { ladder, s, quote };
}

async function planChanges(subscriptionId: string) {
  const { rows } = await sql<{ status: string; dodoPaymentId: string | null; quotedAmount: number; errorCode: string | null }>(
    `SELECT status, "dodoPaymentId", "quotedAmount", "errorCode" FROM "PlanChange" WHERE "subscriptionId" = $1 ORDER BY "createdAt"`,
    [subscriptionId],
  );
  return rows;
}

for (const [upgradeProration, shown, amount] of [["DIFFERENCE_IMMEDIATELY", "$50.00", 5000], ["FULL_IMMEDIATELY", "$80.00", 8000]] as const) {
  test(`upgrade Basic → Pro (${upgradeProration}): the preview shows Dodo's numbers and exactly that is charged`, async ({ page }) => {
    const ladder = await seedLadder({ upgradeProration });
    const s = await subscribe(ladder.basic);
    await signIn(page, s.customerId);
    await page.goto("/account/plan");
    await expect(page.getByTestId("plan-current-name")).toHaveText("Basic");
    await expect(option(page, ladder.pro).getByTestId("plan-difference")).toHaveText("+$50.00/month");
    await expect(option(page, ladder.starter).getByTestId("plan-difference")).toHaveText("−$10.00/month");

    await option(page, ladder.pro).getByRole("button", { name: "Upgrade to Pro" }).click();
    const quote = page.getByTestId("quote-panel");
    await expect(quote.getByTestId("quote-charge-now")).toHaveText(shown);
    await expect(quote.getByTestId("quote-new-plan")).toHaveText("Pro · $80.00/month");
    await expect(quote.getByTestId("quote-effective")).toHaveText("Immediately");
    await expect(quote.getByTestId("quote-line")).toContainText(["Pro"]);
    await quote.getByRole("button", { name: `Confirm upgrade and pay ${shown}` }).click();

    // Processing until Dodo's webhooks (or the page's own sync) confirm; then the new plan.
    await expect(page.getByTestId("plan-current-name")).toHaveText("Pro");
    const [change] = await planChanges(s.subscriptionId);
    expect(change).toMatchObject({ status: "APPLIED", quotedAmount: amount });
    expect((await dodo().payments.retrieve(change!.dodoPaymentId!)).total_amount).toBe(amount);
    await expect.poll(async () => (await sql(`SELECT 1 FROM "Entitlement" WHERE "customerId" = $1 AND "productId" = $2 AND status = 'ACTIVE'`, [s.customerId, ladder.pro])).rowCount).toBe(1);
  });
}

test("immediate downgrade Pro → Starter: $60 credit, explained, consumed by the next renewal", async ({ page }) => {
  const ladder = await seedLadder({ downgradeTiming: "IMMEDIATELY", downgradeProration: "DIFFERENCE_IMMEDIATELY" });
  const s = await subscribe(ladder.pro);
  const paidBefore = (await dodoPayments(s.subscriptionId)).length;
  await signIn(page, s.customerId);
  await page.goto("/account/plan");
  await option(page, ladder.starter).getByRole("button", { name: "Downgrade to Starter" }).click();
  const quote = page.getByTestId("quote-panel");
  await expect(quote.getByTestId("quote-charge-now")).toHaveText("$0.00");
  await expect(quote.getByTestId("quote-credit")).toHaveText("$60.00");
  await expect(quote).toContainText("The credit is applied to your next renewals.");
  await quote.getByRole("button", { name: "Confirm downgrade" }).click();

  await expect(page.getByTestId("plan-current-name")).toHaveText("Starter");
  await expect(page.getByTestId("plan-credit")).toHaveText("$60.00 credit, applied to your next renewals: your next 3 renewals are free.");
  expect((await dodoPayments(s.subscriptionId)).length).toBe(paidBefore);

  expect(await renewNow(s.subscriptionId)).toBe(0);
  await expect(async () => {
    await page.reload();
    await expect(page.getByTestId("plan-credit")).toHaveText("$40.00 credit, applied to your next renewals: your next 2 renewals are free.", { timeout: 1000 });
  }).toPass({ timeout: 15_000 });
});

test("a change between preview and confirm is refused with the new numbers; nothing is charged", async ({ page }) => {
  const { ladder, s, quote } = await previewBasicToPro(page);
  const paidBefore = (await dodoPayments(s.subscriptionId)).length;

  // Meanwhile the billing date moves (e.g. support extended the period): the locked terms no longer hold.
  const later = new Date(Date.parse((await dodoSubscription(s.subscriptionId)).next_billing_date) + 10 * 86_400_000).toISOString();
  await dodo().subscriptions.update(s.subscriptionId, { next_billing_date: later });
  await quote.getByRole("button", { name: "Confirm upgrade and pay $50.00" }).click();

  await expect(quote.getByTestId("quote-notice")).toContainText("changed since your preview");
  await expect(quote.getByTestId("quote-notice")).toContainText("Nothing was charged");
  expect((await dodoPayments(s.subscriptionId)).length).toBe(paidBefore);
  expect((await dodoSubscription(s.subscriptionId)).product_id).toBe(ladder.basic);
  expect((await planChanges(s.subscriptionId)).map((c) => c.status)).toEqual(["CANCELLED", "QUOTED"]);
});

test("…0341 card under prevent_change: stays on Basic with a clear message", async ({ page }) => {
  const ladder = await seedLadder({ upgradeOnPaymentFailure: "PREVENT_CHANGE" });
  const s = await subscribe(ladder.basic, "0341");
  await signIn(page, s.customerId);
  await page.goto("/account/plan");
  await option(page, ladder.pro).getByRole("button", { name: "Upgrade to Pro" }).click();
  const quote = page.getByTestId("quote-panel");
  await expect(quote.getByTestId("quote-failure-note")).toHaveText("If your card is declined, nothing changes: you stay on Basic.");
  await quote.getByRole("button", { name: "Confirm upgrade and pay $50.00" }).click();

  await expect(page.getByTestId("plan-notice")).toHaveText(/Your change to Pro did not go through: your card was declined\. Nothing changed; you are still on Basic\./);
  await expect(page.getByTestId("plan-current-name")).toHaveText("Basic");
  expect((await dodoSubscription(s.subscriptionId)).product_id).toBe(ladder.basic);
});

test("…0341 card under apply_change: on hold, and the page says how to fix the card", async ({ page }) => {
  const ladder = await seedLadder({ upgradeOnPaymentFailure: "APPLY_CHANGE" });
  const s = await subscribe(ladder.basic, "0341");
  await signIn(page, s.customerId);
  await page.goto("/account/plan");
  await option(page, ladder.pro).getByRole("button", { name: "Upgrade to Pro" }).click();
  const quote = page.getByTestId("quote-panel");
  await expect(quote.getByTestId("quote-failure-note")).toContainText("put on hold until you update your card");
  await quote.getByRole("button", { name: "Confirm upgrade and pay $50.00" }).click();

  const notice = page.getByTestId("plan-notice");
  await expect(notice).toContainText("Your subscription is on hold");
  await expect(notice).toContainText("Update your card to restore it");
  await expect(notice.getByRole("button", { name: "Update your card" })).toBeVisible();
  expect((await dodoSubscription(s.subscriptionId)).status).toBe("on_hold");
});

/** A Pro subscriber schedules the downgrade to Starter (the default ladder: at the next billing date). */
async function scheduleProToStarter(page: Page) {
  const ladder = await seedLadder();
  const s = await subscribe(ladder.pro);
  await signIn(page, s.customerId);
  await page.goto("/account/plan");
  await option(page, ladder.starter).getByRole("button", { name: "Downgrade to Starter" }).click();
  const quote = page.getByTestId("quote-panel");
  await expect(quote.getByTestId("quote-charge-now")).toHaveText("$0.00");
  await expect(quote.getByTestId("quote-effective")).toHaveText(/^On /);
  await quote.getByRole("button", { name: /^Schedule downgrade for / }).click();
  await expect(page.getByTestId("plan-scheduled")).toContainText("Your plan changes to Starter on");
  return { ladder, s };
}

test("scheduled downgrade: visible, cancelled in one click, no change at renewal", async ({ page }) => {
  const { ladder, s } = await scheduleProToStarter(page);
  const scheduled = page.getByTestId("plan-scheduled");
  await expect(page.getByTestId("plan-locked")).toContainText("Keep your current plan to cancel it");
  await scheduled.getByRole("button", { name: "Keep my current plan (Pro)" }).click();
  await expect(scheduled).toHaveCount(0);
  expect((await dodoSubscription(s.subscriptionId)).scheduled_change ?? null).toBeNull();

  expect(await renewNow(s.subscriptionId)).toBe(8000);
  expect((await dodoSubscription(s.subscriptionId)).product_id).toBe(ladder.pro);
});

test("change-plan 5xx with nothing done at Dodo: 'confirming', then the worker clears it and the customer can change plan again", async ({ page }) => {
  const { ladder, s, quote } = await previewBasicToPro(page);
  // Scoped to this subscription's change-plan path, so no other test's call is touched.
  await control("POST", "/_sandbox/faults", { endpoint: `POST /subscriptions/${s.subscriptionId}/change-plan`, error_rate: 1, times: 1 });
  await quote.getByRole("button", { name: "Confirm upgrade and pay $50.00" }).click();
  await expect(page.getByTestId("plan-flow-confirming")).toContainText("We are confirming your change to Pro with the payment provider");
  await page.reload();
  await expect(page.getByTestId("plan-confirming")).toContainText("We are checking with the payment provider whether your change to Pro went through");
  await expect(page.getByTestId("plan-locked")).toContainText("still confirming your previous change");
  await expect(page.getByText(/Nothing was changed or charged|did not go through/)).toHaveCount(0);
  expect((await planChanges(s.subscriptionId)).map((c) => c.status)).toEqual(["UNKNOWN"]);

  // The worker reads the subscription and finds no payment of the change: not applied. The page
  // updates by itself, well within a minute (the e2e settle window is 5 s).
  await expect(page.getByTestId("plan-notice")).toHaveText(
    "We checked with the payment provider: your change to Pro did not go through. Nothing changed; you are still on Basic and can choose a plan again.",
    { timeout: 60_000 },
  );
  await expect(page.getByTestId("plan-confirming")).toHaveCount(0);
  await expect(page.getByTestId("plan-locked")).toHaveCount(0);
  expect(await planChanges(s.subscriptionId)).toMatchObject([{ status: "FAILED", errorCode: "NOT_APPLIED" }]);
  expect((await dodoSubscription(s.subscriptionId)).product_id).toBe(ladder.basic);

  // And may change plan again.
  await option(page, ladder.pro).getByRole("button", { name: "Upgrade to Pro" }).click();
  await page.getByTestId("quote-panel").getByRole("button", { name: "Confirm upgrade and pay $50.00" }).click();
  await expect(page.getByTestId("plan-current-name")).toHaveText("Pro");
});

test("change-plan processed at Dodo but its answer lost: never 'not changed', shown as applied once Dodo's subscription says so", async ({ page }) => {
  const { ladder, s, quote } = await previewBasicToPro(page);
  const paidBefore = (await dodoPayments(s.subscriptionId)).length;
  await control("POST", "/_sandbox/faults", { endpoint: `POST /subscriptions/${s.subscriptionId}/change-plan`, lose_answer: 502, times: 1 });
  await quote.getByRole("button", { name: "Confirm upgrade and pay $50.00" }).click();
  // The page may show "confirming" only for a moment, or not at all: the render after the action
  // already syncs the UNKNOWN change's subscription from Dodo, which shows the new plan. (The
  // banner itself is held by the 5xx test above, where Dodo did nothing.) Never a failure.
  await expect(page.getByText(/Nothing was changed or charged|did not go through/)).toHaveCount(0);
  await expect(page.getByTestId("plan-current-name")).toHaveText("Pro", { timeout: 60_000 });
  await expect(page.getByText(/Nothing was changed or charged|did not go through/)).toHaveCount(0);
  await expect(page.getByTestId("plan-flow-confirming")).toHaveCount(0);
  expect(await planChanges(s.subscriptionId)).toMatchObject([{ status: "APPLIED" }]);
  expect((await dodoSubscription(s.subscriptionId)).product_id).toBe(ladder.pro);
  // Sent once: the one charge for the change.
  expect((await dodoPayments(s.subscriptionId)).length).toBe(paidBefore + 1);
});

test("scheduled downgrade reaches Dodo as full_immediately + next_billing_date and takes effect at the renewal", async ({ page }) => {
  const { ladder, s } = await scheduleProToStarter(page);
  const { rows } = await sql<{ status: string; prorationMode: string; effectiveAt: string }>(
    `SELECT status, "prorationMode", "effectiveAt" FROM "PlanChange" WHERE "subscriptionId" = $1 AND status <> 'QUOTED'`,
    [s.subscriptionId],
  );
  expect(rows).toEqual([{ status: "SCHEDULED", prorationMode: "FULL_IMMEDIATELY", effectiveAt: "NEXT_BILLING_DATE" }]);
  // Dodo accepted it (it refuses next_billing_date with any other mode) and holds it for the renewal.
  const before = await dodoSubscription(s.subscriptionId);
  expect(before).toMatchObject({ product_id: ladder.pro, scheduled_change: { product_id: ladder.starter, effective_at: before.next_billing_date } });

  // The renewal: Starter applies and is billed in full.
  expect(await renewNow(s.subscriptionId)).toBe(2000);
  expect((await dodoSubscription(s.subscriptionId)).product_id).toBe(ladder.starter);
  await expect(async () => {
    await page.reload();
    await expect(page.getByTestId("plan-current-name")).toHaveText("Starter", { timeout: 1000 });
  }).toPass({ timeout: 30_000 });
  await expect(page.getByTestId("plan-scheduled")).toHaveCount(0);
});

test("an upgrade charge that needs 3-D Secure: the page links to the bank's page, and the change applies once confirmed", async ({ page, context }) => {
  const ladder = await seedLadder();
  const s = await subscribe(ladder.basic, "3155");
  await signIn(page, s.customerId);
  await page.goto("/account/plan");
  await option(page, ladder.pro).getByRole("button", { name: "Upgrade to Pro" }).click();
  await page.getByTestId("quote-panel").getByRole("button", { name: "Confirm upgrade and pay $50.00" }).click();

  const waiting = page.getByTestId("plan-authenticate");
  await expect(waiting).toContainText("Your bank wants you to confirm the payment for your change to Pro.");
  await expect(page.getByTestId("plan-locked")).toHaveText("Your previous change is waiting for your bank's confirmation.");
  const [bank] = await Promise.all([context.waitForEvent("page"), waiting.getByRole("link", { name: "Confirm with your bank" }).click()]);
  await bank.getByRole("button", { name: "Complete authentication" }).click();
  await expect(bank.getByText("The payment went through.")).toBeVisible();
  // The customer closes the bank's tab. (Left open, it kept the browser's focus away from the
  // next test's page, whose focus checks then failed.)
  await bank.close();
  await page.bringToFront();

  // The plan page, still open, updates by itself.
  await expect(page.getByTestId("plan-current-name")).toHaveText("Pro", { timeout: 30_000 });
  await expect(page.getByTestId("plan-authenticate")).toHaveCount(0);
  expect(await planChanges(s.subscriptionId)).toMatchObject([{ status: "APPLIED" }]);
});

test("after confirming an upgrade the page says it is done without a reload, and nothing says 'processing'", async ({ page }) => {
  const ladder = await seedLadder();
  const s = await subscribe(ladder.basic);
  await signIn(page, s.customerId);
  await page.goto("/account/plan");
  await option(page, ladder.pro).getByRole("button", { name: "Upgrade to Pro" }).click();
  await page.getByTestId("quote-panel").getByRole("button", { name: "Confirm upgrade and pay $50.00" }).click();
  await expect(page.getByTestId("plan-flow-message")).toHaveText("Done: you are now on Pro.", { timeout: 15_000 });
  await expect(page.getByTestId("plan-current-name")).toHaveText("Pro", { timeout: 15_000 });
  await expect(page.getByText(/Processing your change/)).toHaveCount(0);
  await expect(page.getByTestId("plan-flow-message")).toBeFocused();
});

test("on a phone, tapping a plan opens its preview right there, in view and focused", async ({ page }) => {
  await page.setViewportSize({ width: 390, height: 740 });
  const ladder = await seedLadder({}, { withYearly: true });
  const s = await subscribe(ladder.basic);
  await signIn(page, s.customerId);
  await page.goto("/account/plan");
  await option(page, ladder.starter).getByRole("button", { name: "Downgrade to Starter" }).click();
  const quote = option(page, ladder.starter).getByTestId("quote-panel");
  await expect(quote).toBeVisible();
  await expect(quote.getByRole("heading", { name: "Downgrade to Starter" })).toBeFocused();
  await expect(quote).toBeInViewport();
  await expectNoSeriousA11yViolations(page, "plan page with a preview open");
  // Each plan's button sits under it at full width instead of squeezing the plan's text.
  const row = option(page, ladder.proYearly!);
  const button = (await row.getByRole("button", { name: "Switch to Pro yearly" }).boundingBox())!;
  const price = (await row.getByTestId("plan-price").boundingBox())!;
  expect(button.y).toBeGreaterThan(price.y + price.height);
  expect(button.width).toBeGreaterThan(300);
});

test("yearly plans: no repeated price, a 'Switch' that says what happens to the time already paid for", async ({ page }) => {
  const ladder = await seedLadder({}, { withYearly: true });
  const s = await subscribe(ladder.basic);
  await signIn(page, s.customerId);
  await page.goto("/account/plan");
  const yearly = option(page, ladder.proYearly!);
  await expect(yearly.getByTestId("plan-price")).toHaveText("$800.00/year");
  await expect(yearly.getByTestId("plan-difference")).toHaveText("+$36.67/month on average");
  await yearly.getByRole("button", { name: "Switch to Pro yearly" }).click();
  const quote = yearly.getByTestId("quote-panel");
  await expect(quote.getByTestId("quote-charge-now")).toHaveText("$800.00");
  await expect(quote).toContainText("The unused part of your current period is not refunded or credited.");
  await expect(quote.getByTestId("quote-line")).not.toContainText("×");
  await expect(quote.getByRole("button", { name: "Confirm switch and pay $800.00" })).toBeVisible();

  // Lines say in words what share of a period they bill, never a raw factor.
  await quote.getByRole("button", { name: "Cancel" }).click();
  await option(page, ladder.pro).getByRole("button", { name: "Upgrade to Pro" }).click();
  await expect(option(page, ladder.pro).getByTestId("quote-line")).toContainText(["a full period"]);
});

test("keeping the current plan says so: the scheduled change is cancelled", async ({ page }) => {
  const ladder = await seedLadder();
  const s = await subscribe(ladder.pro);
  await signIn(page, s.customerId);
  await page.goto("/account/plan");
  await option(page, ladder.starter).getByRole("button", { name: "Downgrade to Starter" }).click();
  await page.getByTestId("quote-panel").getByRole("button", { name: /^Schedule downgrade for / }).click();
  await expect(page.getByTestId("plan-scheduled")).toContainText("Your plan changes to Starter on");
  await page.getByRole("button", { name: "Keep my current plan (Pro)" }).click();
  const kept = page.getByTestId("plan-kept");
  await expect(kept).toHaveText("Done: your scheduled change is cancelled. You stay on Pro.");
  await expect(kept).toBeFocused();
  await expect(page.getByTestId("plan-scheduled")).toHaveCount(0);
  await expectNoSeriousA11yViolations(page, "plan page after keeping the plan");
});
