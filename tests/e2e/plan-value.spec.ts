// What a plan includes, listed by the merchant in the console, shown to a subscriber on the plan
// page as what each move gains and loses next to its price difference; badges set by the merchant
// or earned from real upgrades (20 applied in the ladder within 90 days, a clear leader).
import { expect, test, type Page } from "@playwright/test";
import { createMerchant, signIn as merchantSignIn } from "../support/e2e/merchant";
import { seedLadder, signIn, subscribe } from "../support/e2e/plans";
import { sql, uid } from "../support/e2e/env";

test.describe.configure({ timeout: 120_000 });

const option = (page: Page, productId: string) => page.locator(`[data-testid="plan-option"][data-product-id="${productId}"]`);

async function describePlan(page: Page, productId: string, features: string, badge = "") {
  const form = page.locator("form", { has: page.locator(`input[name="productId"][value="${productId}"]`) });
  await form.getByLabel(/includes$/).fill(features);
  await form.getByLabel("Badge").fill(badge);
  await form.getByRole("button", { name: "Save plan details" }).click();
  await expect(form.getByTestId("form-success")).toHaveText("Plan details saved.");
}

async function appliedUpgrades(subscriptionId: string, ladderId: string, from: string, to: string, n: number) {
  for (let i = 0; i < n; i++) {
    await sql(
      `INSERT INTO "PlanChange" (id, "subscriptionId", "fromProductId", "toProductId", "prorationMode", "effectiveAt", "onPaymentFailure", "quotedAmount", "quotedCredits", currency, "ladderId", direction, status, "createdAt", "updatedAt")
       VALUES ($1, $2, $3, $4, 'DIFFERENCE_IMMEDIATELY', 'IMMEDIATELY', 'PREVENT_CHANGE', 0, 0, 'USD', $5, 'UPGRADE', 'APPLIED', now() - interval '1 day', now())`,
      [uid("pc_"), subscriptionId, from, to, ladderId],
    );
  }
}

test("the plan page shows what each move gains and loses, and badges only the merchant set or customers earned", async ({ page, browser }) => {
  const ladder = await seedLadder();
  const { rows } = await sql<{ ladderId: string }>(`SELECT "ladderId" FROM "Product" WHERE id = $1`, [ladder.basic]);
  const ladderId = rows[0]!.ladderId;

  const merchant = await (await browser.newContext()).newPage();
  await merchantSignIn(merchant, await createMerchant());
  await merchant.goto("/merchant/products");
  await describePlan(merchant, ladder.starter, "1 project\nEmail support", "Budget pick");
  await describePlan(merchant, ladder.basic, "5 projects\nEmail support");
  await describePlan(merchant, ladder.pro, "Unlimited projects\n email  support \nPhone support");
  await merchant.reload();
  const proForm = merchant.locator("form", { has: merchant.locator(`input[name="productId"][value="${ladder.pro}"]`) });
  await expect(proForm.getByLabel(/includes$/)).toHaveValue("Unlimited projects\nemail support\nPhone support");

  const s = await subscribe(ladder.basic);
  await signIn(page, s.customerId);
  await page.goto("/account/plan");
  const pro = option(page, ladder.pro);
  await expect(pro.getByTestId("plan-difference")).toHaveText("+$50.00/month");
  await expect(pro.getByTestId("plan-gains")).toContainText("Unlimited projects");
  await expect(pro.getByTestId("plan-gains")).toContainText("Phone support");
  await expect(pro.getByTestId("plan-gains").getByRole("listitem")).toHaveCount(2);
  await expect(pro.getByTestId("plan-losses")).toHaveText(/5 projects/);
  const starter = option(page, ladder.starter);
  await expect(starter.getByTestId("plan-losses")).toContainText("5 projects");
  await expect(starter.getByTestId("plan-gains")).toContainText("1 project");
  await expect(starter.getByTestId("plan-badge")).toHaveText("Budget pick");
  // Too few real upgrades: no "Most popular" on Pro.
  await appliedUpgrades(s.subscriptionId, ladderId, ladder.basic, ladder.pro, 19);
  await page.reload();
  await expect(pro.getByTestId("plan-badge")).toHaveCount(0);
  // The twentieth upgrade earns it.
  await appliedUpgrades(s.subscriptionId, ladderId, ladder.basic, ladder.pro, 1);
  await page.reload();
  await expect(pro.getByTestId("plan-badge")).toHaveText("Most popular upgrade");
  await expect(starter.getByTestId("plan-badge")).toHaveText("Budget pick");
});
