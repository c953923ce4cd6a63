// What a customer's orders say: account payments name what they paid for and what became of the
// money (refunds included); a subscription's thank-you page gives its period and renewal date.
import { expect, test } from "@playwright/test";
import { buy, dodoCustomerIdByEmail, dodoPaymentsFor, newEmail, payOnHostedPage, seedJourney } from "../support/e2e/journey";
import { dodo } from "../support/e2e/env";
import { seedLadder } from "../support/e2e/plans";
import { expectNoSeriousA11yViolations } from "./support/a11y";

test.describe.configure({ timeout: 150_000 });

test("account payments name what they paid for and show a full refund as refunded", async ({ page }) => {
  const shop = await seedJourney();
  const email = newEmail();
  await buy(page, shop.course.id, { email });
  await page.goto("/account");
  const payment = page.getByTestId("payment").filter({ hasText: shop.course.name });
  await expect(payment.getByTestId("payment-status")).toHaveText("Paid");

  const [paid] = await dodoPaymentsFor(await dodoCustomerIdByEmail(email), shop.course.id);
  await dodo().refunds.create({ payment_id: paid!.payment_id, reason: "e2e: customer asked" });
  await expect(async () => {
    await page.reload();
    await expect(payment.getByTestId("payment-status")).toHaveText("Refunded", { timeout: 1000 });
  }).toPass({ timeout: 20_000 });
  await expect(payment).toContainText("$49.00");
  await expectNoSeriousA11yViolations(page, "account: refunded payment");
});

test("a subscription's thank-you page shows the price per period and the renewal date", async ({ page }) => {
  const ladder = await seedLadder();
  await page.goto(`/products/${ladder.starter}`);
  await page.getByRole("button", { name: "Subscribe" }).click();
  await payOnHostedPage(page, { email: newEmail(), card: "4242424242424242" });
  await page.waitForURL(/\/thank-you\?order=/);
  await expect(page.getByTestId("order-price")).toHaveText(/^\$20\.00 \/ month · Paid · Renews on \d{1,2} [A-Z][a-z]{2} \d{4}$/, { timeout: 20_000 });
  await expectNoSeriousA11yViolations(page, "thank-you: subscription");
});
