// The whole loop: a merchant builds an upsell → downsell funnel in the console, a customer (another
// browser context) buys, declines the upsell and accepts the downsell, and the stats page shows it;
// a refund through the sandbox lowers the revenue, and the CSV export matches the table.
import { expect, test, type Page } from "@playwright/test";
import { buy, createProduct, newEmail } from "../support/e2e/journey";
import { createMerchant, signIn } from "../support/e2e/merchant";
import { dodo, sql, uid } from "../support/e2e/env";

async function createOfferInConsole(page: Page, o: { name: string; kind: "UPSELL" | "DOWNSELL"; trigger: string; offered: string; headline: string }) {
  await page.goto("/merchant/offers/new");
  await page.getByLabel("Name (only you see it)").fill(o.name);
  await page.getByLabel("Kind").selectOption(o.kind);
  await page.getByLabel("A purchase of…").check();
  await page.locator(`input[name="triggerProductIds"][value="${o.trigger}"]`).check();
  await page.getByLabel("Offered product").selectOption(o.offered);
  await page.getByLabel("Headline").fill(o.headline);
  await page.getByRole("button", { name: "Create offer" }).click();
  await expect(page.getByRole("status").filter({ hasText: "Offer created" })).toBeVisible();
  return page.url().split("/merchant/offers/")[1]!.split("?")[0]!;
}

async function addStep(page: Page, name: string, offerName: string) {
  const form = page.getByRole("form", { name: "Add step" });
  await form.getByLabel("Step name").fill(name);
  await form.getByLabel("Variant A offer").selectOption({ label: offerName });
  await form.getByLabel("Variant A weight (%)").fill("100");
  await form.getByRole("button", { name: "Add step" }).click();
  await expect(page.getByTestId("funnel-step").filter({ hasText: name })).toBeVisible();
}

const cell = (page: Page, offerId: string, col: string) => page.locator(`[data-testid="stats-line"][data-level="offer"][data-offer-id="${offerId}"] [data-col="${col}"]`);

test("merchant funnel → customer declines the upsell, accepts the downsell → stats, refund, CSV", async ({ page, browser }) => {
  test.setTimeout(180_000);
  const [course, coaching, workbook] = await Promise.all([createProduct("Stats course", 4900), createProduct("Stats coaching", 9900), createProduct("Stats workbook", 2900)]);
  const merchant = await createMerchant();
  await signIn(page, merchant);
  const tag = uid();
  const upsell = await createOfferInConsole(page, { name: `Upsell ${tag}`, kind: "UPSELL", trigger: course.id, offered: coaching.id, headline: `Add coaching ${tag}` });
  const downsell = await createOfferInConsole(page, { name: `Downsell ${tag}`, kind: "DOWNSELL", trigger: course.id, offered: workbook.id, headline: `Take the workbook ${tag}` });

  await page.goto("/merchant/funnels");
  await page.getByLabel("Name").fill(`Stats funnel ${tag}`);
  await page.getByRole("button", { name: "Create funnel" }).click();
  await page.waitForURL(/\/merchant\/funnels\/[^/]+$/);
  const funnelId = page.url().split("/merchant/funnels/")[1]!;
  await addStep(page, "Upsell", `Upsell ${tag}`);
  await addStep(page, "Downsell", `Downsell ${tag}`);
  const first = page.getByRole("form", { name: "Edit step" }).first();
  await first.getByLabel("When declined (downsell)").selectOption({ label: "Step 2: Downsell" });
  await first.getByLabel("When the payment fails").selectOption({ label: "Step 2: Downsell" });
  await first.getByRole("button", { name: "Save step" }).click();
  await expect(first.getByTestId("form-success")).toHaveText("Step saved.");

  // The customer, in a browser of their own.
  const customerContext = await browser.newContext();
  const customer = await customerContext.newPage();
  await buy(customer, course.id, { email: newEmail() });
  await expect(customer.getByTestId("offer")).toContainText(`Add coaching ${tag}`);
  await customer.getByRole("button", { name: "No thanks" }).click();
  await expect(customer.getByTestId("offer")).toContainText(`Take the workbook ${tag}`);
  await customer.getByTestId("offer").getByRole("button", { name: /Accept — one click/ }).click();
  await expect(customer.getByTestId("answered-offer").filter({ hasText: workbook.name })).toContainText("Added to your order.");
  await customerContext.close();

  const paid = await sql<{ id: string; total: number }>(
    `SELECT p.id, p."totalAmount" AS total FROM "OfferImpression" i JOIN "ChargeAttempt" c ON c."impressionId" = i.id JOIN "Payment" p ON p.id = c."dodoPaymentId" WHERE i."offerId" = $1 AND p.status = 'SUCCEEDED'`,
    [downsell],
  );
  expect(paid.rows).toHaveLength(1);
  const { id: paymentId, total } = paid.rows[0]!;
  const usd = (minor: number) => `$${(minor / 100).toFixed(2)}`;

  await page.goto(`/merchant/stats?funnel=${funnelId}`);
  await expect(cell(page, upsell, "impressions")).toHaveText("1");
  await expect(cell(page, upsell, "declines")).toHaveText("1");
  await expect(cell(page, upsell, "accepts")).toHaveText("0");
  await expect(cell(page, upsell, "revenue")).toHaveText("—");
  await expect(cell(page, downsell, "impressions")).toHaveText("1");
  await expect(cell(page, downsell, "accepts")).toHaveText("1");
  await expect(cell(page, downsell, "declines")).toHaveText("0");
  await expect(cell(page, downsell, "take-rate")).toHaveText("100.0%");
  await expect(cell(page, downsell, "revenue")).toHaveText(usd(total));
  const steps = page.getByTestId("funnel-step-row");
  await expect(steps.nth(0)).toContainText(/Step 1: Upsell\s*1\s*0\s*1/);
  await expect(steps.nth(1)).toContainText(/Step 2: Downsell\s*1\s*1\s*0/);

  // A partial refund in Dodo reaches us by webhook and lowers the net revenue.
  await dodo().refunds.create({ payment_id: paymentId, items: [{ item_id: workbook.id, amount: 1000 }], reason: "e2e partial refund" });
  await expect(async () => {
    await page.reload();
    await expect(cell(page, downsell, "revenue")).toHaveText(usd(total - 1000), { timeout: 1000 });
  }).toPass({ timeout: 30_000 });

  // The CSV has the table's lines and numbers.
  const href = await page.getByTestId("csv-link").getAttribute("href");
  const res = await page.request.get(href!);
  expect(res.status()).toBe(200);
  expect(res.headers()["content-type"]).toContain("text/csv");
  const [header, ...rows] = (await res.text()).trim().split("\r\n").map((l) => l.split(","));
  const col = (name: string) => header!.indexOf(name);
  for (const offerId of [upsell, downsell]) {
    const row = rows.find((r) => r[0] === "offer" && r[1] === offerId)!;
    for (const name of ["impressions", "accepts", "declines", "failures", "expiries"]) {
      expect(row[col(name)], `${offerId} ${name}`).toBe(await cell(page, offerId, name).textContent());
    }
    const revenue = Number(row[col("revenue_USD")]);
    expect(usd(Math.round(revenue * 100))).toBe(offerId === downsell ? usd(total - 1000) : "$0.00");
  }
});
