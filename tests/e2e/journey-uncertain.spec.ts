// One-click charges whose outcome is not known at once, end to end against the real app, sandbox,
// worker and Postgres: a card that asks for 3-D Secure (the customer confirms or fails it on
// Dodo's page, and the funnel continues from the outcome), and a charge Dodo made while its answer
// was lost (the page says it is confirming, no downsell meanwhile, the worker finds the payment).
import { expect, test, type Page } from "@playwright/test";
import { customerIdByEmail, dodoCustomerIdByEmail, dodoPaymentsFor, hasEntitlement, newEmail, payOnHostedPage, seedJourney } from "../support/e2e/journey";
import { control, sql } from "../support/e2e/env";

test.describe.configure({ timeout: 150_000 });

const AUTH_CARD = "4000002500003155";

/** Buys the course on the hosted page with the 3-D Secure card, confirming it on the bank's page. */
async function buyWithAuthenticationCard(page: Page, productId: string, email: string) {
  await page.goto(`/products/${productId}`);
  await page.getByRole("button", { name: "Buy now" }).click();
  await payOnHostedPage(page, { email, card: AUTH_CARD });
  await page.waitForURL(/\/authenticate\//);
  await page.getByRole("button", { name: "Complete authentication" }).click();
  await page.waitForURL(/\/thank-you\?order=/);
  await expect(page.getByRole("heading", { name: "Thank you for your order!" })).toBeVisible();
}

/** Accepts the upsell in one click; its charge then waits on the bank: the page says so and links to Dodo's page. */
async function acceptAndMeetTheBank(page: Page) {
  const offer = page.getByTestId("offer");
  await expect(offer.getByTestId("offer-card")).toContainText("ending in 3155");
  await offer.getByRole("button", { name: /Accept — one click/ }).click();
  const waiting = offer.getByTestId("charge-authenticate");
  await expect(waiting).toContainText("Your bank wants you to confirm this payment. Nothing is charged until you do.");
  await expect(page.getByText("Processing your payment…")).toHaveCount(0);
  // While the bank has the last word there is no downsell and no second way to pay.
  await expect(page.getByTestId("offer")).toHaveAttribute("data-offer-kind", "UPSELL");
  await expect(offer.getByRole("button", { name: "No thanks" })).toHaveCount(0);
  await waiting.getByRole("link", { name: "Confirm with your bank" }).click();
  await page.waitForURL(/\/authenticate\//);
}

test("3-D Secure card → one click → the customer confirms with the bank → back in the funnel, added, access granted", async ({ page }) => {
  const shop = await seedJourney();
  const email = newEmail();
  await buyWithAuthenticationCard(page, shop.course.id, email);
  await acceptAndMeetTheBank(page);
  await page.getByRole("button", { name: "Complete authentication" }).click();

  await page.waitForURL(/\/thank-you\?order=/);
  const added = page.getByTestId("answered-offer").filter({ hasText: shop.coaching.name });
  await expect(added).toHaveAttribute("data-status", "succeeded");
  await expect(added).toContainText("Access granted.");
  await expect(page.getByTestId("offer")).toHaveCount(0);
  expect(await hasEntitlement(await customerIdByEmail(email), shop.coaching.id)).toBe(true);
  const payments = await dodoPaymentsFor(await dodoCustomerIdByEmail(email), shop.coaching.id);
  expect(payments.map((p) => p.status)).toEqual(["succeeded"]);
});

test("3-D Secure failed → a clear message, the downsell, and secure checkout for the same offer", async ({ page }) => {
  const shop = await seedJourney();
  const email = newEmail();
  await buyWithAuthenticationCard(page, shop.course.id, email);
  await acceptAndMeetTheBank(page);
  await page.getByRole("button", { name: "Fail authentication" }).click();

  await page.waitForURL(/\/thank-you\?order=/);
  const order = page.url();
  const failed = page.getByTestId("answered-offer").filter({ hasText: shop.coaching.name });
  await expect(failed).toHaveAttribute("data-status", "failed");
  await expect(failed.getByRole("alert")).toHaveText("Your bank could not confirm this payment, so nothing was charged.");
  await expect(page.getByTestId("offer")).toHaveAttribute("data-offer-kind", "DOWNSELL");
  expect(await hasEntitlement(await customerIdByEmail(email), shop.coaching.id)).toBe(false);

  // The fallback: the same offer through Dodo's hosted checkout, with a card that needs no confirmation.
  await failed.getByRole("button", { name: "Use another card (secure checkout)" }).click();
  await payOnHostedPage(page, { card: "4242424242424242" });
  // Back on the same order, the coaching call added once.
  await page.waitForURL(order);
  const added = page.getByTestId("answered-offer");
  await expect(added).toHaveCount(1);
  await expect(added).toContainText(shop.coaching.name);
  await expect(added).toContainText("Added to your order.");
  await expect(added).toContainText("Access granted.");
});

test("processed, answer lost: 'confirming', no downsell; the worker finds the payment → added, exactly one charge", async ({ page }) => {
  const shop = await seedJourney();
  const email = newEmail();
  await page.goto(`/products/${shop.course.id}`);
  await page.getByRole("button", { name: "Buy now" }).click();
  await payOnHostedPage(page, { email, card: "4242424242424242" });
  await page.waitForURL(/\/thank-you\?order=/);
  await expect(page.getByTestId("offer")).toContainText("Add a coaching call");

  // From here Dodo's webhooks for this customer never arrive, and the one-click's answer is lost
  // after Dodo charged: only the worker can find out what happened.
  const dodoCustomerId = await dodoCustomerIdByEmail(email);
  const { modes } = await control<{ modes: { withhold_customers: string[] } }>("GET", "/_sandbox/webhooks");
  await control("POST", "/_sandbox/webhooks", { withhold_customers: [...modes.withhold_customers, dodoCustomerId] });
  // Dodo takes 3 s to (not) answer, so the page is seen while the charge is under way.
  await control("POST", "/_sandbox/faults", { endpoint: "POST /checkouts", customer_id: dodoCustomerId, lose_answer: 502, latency_ms: 3_000, times: 1 });
  try {
    const offer = page.getByTestId("offer");
    await offer.getByRole("button", { name: /Accept — one click/ }).click();
    await expect(offer.getByRole("button", { name: "Processing…" })).toBeVisible();
    // Checked at once, not retried: declining must be gone the moment the charge starts, not after a refresh.
    expect(await offer.getByRole("button", { name: "No thanks" }).count()).toBe(0);
    await expect(offer.getByTestId("charge-confirming")).toContainText("We are confirming this payment with your bank");
    await expect(page.getByText(/not charged|nothing was (charged|taken)|could not charge/i)).toHaveCount(0);
    await expect(page.getByTestId("offer")).toHaveAttribute("data-offer-kind", "UPSELL");
    const customerId = await customerIdByEmail(email);
    const { rows } = await sql<{ status: string }>(`SELECT status FROM "ChargeAttempt" WHERE "customerId" = $1`, [customerId]);
    // Recorded as unknown; the worker may already have found the payment, still processing (SUBMITTED).
    expect(rows).toHaveLength(1);
    expect(["UNKNOWN", "SUBMITTED"]).toContain(rows[0]!.status);

    // The page updates by itself once the worker has found the payment at Dodo.
    const added = page.getByTestId("answered-offer").filter({ hasText: shop.coaching.name });
    await expect(added).toHaveAttribute("data-status", "succeeded", { timeout: 45_000 });
    await expect(added).toContainText("Access granted.");
    await expect(page.getByTestId("offer")).toHaveCount(0);
    await expect(page.getByText("Take the workbook instead")).toHaveCount(0);
    expect(await dodoPaymentsFor(dodoCustomerId, shop.coaching.id)).toHaveLength(1);
    expect(await dodoPaymentsFor(dodoCustomerId, shop.workbook.id)).toHaveLength(0);
    const settled = await sql<{ status: string; outcome: string }>(
      `SELECT a.status, d.outcome FROM "ChargeAttempt" a JOIN "OfferDecision" d ON d."impressionId" = a."impressionId" WHERE a."customerId" = $1`,
      [customerId],
    );
    expect(settled.rows).toEqual([{ status: "SUCCEEDED", outcome: "ACCEPTED" }]);
  } finally {
    const { modes } = await control<{ modes: { withhold_customers: string[] } }>("GET", "/_sandbox/webhooks");
    await control("POST", "/_sandbox/webhooks", { withhold_customers: modes.withhold_customers.filter((id) => id !== dodoCustomerId) });
  }
});
