// The console's "Needs attention" page: money states that are not settled, with their age and what
// the worker did about them. The rows are seeded straight into the database in states no job
// changes by itself (no resolver queued), so the page is read exactly as the merchant would see it.
import { expect, test } from "@playwright/test";
import { createMerchant, signIn } from "../support/e2e/merchant";
import { sql, uid } from "../support/e2e/env";

test("lists unsettled charges and failed events with their age and the worker's part, linked from the nav", async ({ page }) => {
  const customerId = uid("cust_");
  const email = `attention-${uid()}@example.com`;
  await sql(`INSERT INTO "Customer" (id, "dodoCustomerId", email, "updatedAt") VALUES ($1, $2, $3, now())`, [customerId, uid("cus_"), email]);
  const impressionId = uid("imp_");
  await sql(
    `INSERT INTO "OfferImpression" (id, "customerId", placement, "priceAmount", "listPriceAmount", currency, "expiresAt", "shownAt")
     VALUES ($1, $2, 'ACCOUNT', 4200, 4200, 'USD', now() + interval '10 minutes', now() - interval '40 minutes')`,
    [impressionId, customerId],
  );
  const attemptId = uid("att_");
  await sql(
    `INSERT INTO "ChargeAttempt" (id, "impressionId", "customerId", amount, currency, status, "errorCode", "createdAt", "updatedAt")
     VALUES ($1, $2, $3, 4200, 'USD', 'UNKNOWN', 'PROVIDER_UNAVAILABLE', now() - interval '40 minutes', now())`,
    [attemptId, impressionId, customerId],
  );
  const eventId = `msg_${uid()}`;
  await sql(
    `INSERT INTO "WebhookEvent" (id, type, payload, "eventTimestamp", "receivedAt", outcome, error, attempts)
     VALUES ($1, 'payment.succeeded', '{}', now() - interval '3 hours', now() - interval '3 hours', 'FAILED', 'product pdt_gone could not be fetched', 4)`,
    [eventId],
  );

  const merchant = await createMerchant();
  await signIn(page, merchant);
  await page.getByRole("navigation", { name: "Merchant console" }).getByRole("link", { name: "Needs attention" }).click();
  await page.waitForURL(/\/merchant\/attention$/);
  await expect(page.getByRole("heading", { name: "Needs attention" })).toBeVisible();

  const charge = page.locator(`[data-testid="attention-charge"]`).filter({ hasText: attemptId });
  await expect(charge).toHaveAttribute("data-status", "UNKNOWN");
  await expect(charge).toContainText("$42.00");
  await expect(charge).toContainText(email);
  await expect(charge).toContainText("outcome unknown");
  await expect(charge.getByTestId("age")).toContainText("40 min");
  await expect(charge.getByTestId("worker-note")).toHaveText("No resolver job queued.");

  const event = page.locator(`[data-testid="attention-event"]`).filter({ hasText: eventId });
  await expect(event).toContainText("payment.succeeded · delivered 4 times");
  await expect(event).toContainText("product pdt_gone could not be fetched");
  await expect(event.getByTestId("age")).toContainText("3 h 0 min");
  await expect(event.getByTestId("worker-note")).toContainText("Replay it from the events page.");
  await expect(page.getByRole("link", { name: "Replay from the events page →" })).toHaveAttribute("href", "/merchant/events");
});
