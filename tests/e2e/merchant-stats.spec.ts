// The whole loop: a merchant builds an upsell → downsell funnel in the console, a customer (another
// browser context) buys, declines the upsell and accepts the downsell, and the stats page shows it;
// a refund through the sandbox lowers the revenue, and the CSV export matches the table. Then an
// offer bought through the "use another card" fallback, plan changes, and the revenue chart's axes.
import { expect, test, type Page } from "@playwright/test";
import { buy, createProduct, newEmail, payOnHostedPage, seedJourney } from "../support/e2e/journey";
import { createMerchant, seedConsole, signIn } from "../support/e2e/merchant";
import { seedLadder, signIn as signInCustomer, subscribe } from "../support/e2e/plans";
import { control, dodo, sql, uid } from "../support/e2e/env";

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
    // Net revenue, and under it what the refund took off.
    await expect(cell(page, downsell, "revenue")).toHaveText(`${usd(total - 1000)}after ${usd(1000)} refunded`, { timeout: 1000 });
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
  expect(rows.find((r) => r[0] === "offer" && r[1] === downsell)![col("refunded_USD")]).toBe("10.00");

  // A dispute the merchant loses takes its amount off the net revenue too, and the CSV says so.
  const dispute = await control<{ dispute_id: string }>("POST", "/_sandbox/disputes", { payment_id: paymentId, amount: 500 });
  await control("POST", `/_sandbox/disputes/${dispute.dispute_id}`, { status: "dispute_lost" });
  await expect(async () => {
    await page.reload();
    await expect(cell(page, downsell, "revenue")).toHaveText(`${usd(total - 1500)}after ${usd(1000)} refunded, ${usd(500)} lost to disputes`, { timeout: 1000 });
  }).toPass({ timeout: 30_000 });
  const disputed = (await (await page.request.get(href!)).text()).trim().split("\r\n").map((l) => l.split(","));
  const downRow = disputed.find((r) => r[0] === "offer" && r[1] === downsell)!;
  expect([downRow[col("revenue_USD")], downRow[col("refunded_USD")], downRow[col("disputed_USD")]]).toEqual([(((total - 1500) / 100).toFixed(2)), "10.00", "5.00"]);
});

test("an offer bought with another card after its one-click charge failed counts in revenue and order value", async ({ page, browser }) => {
  test.setTimeout(180_000);
  const shop = await seedJourney();
  const customerContext = await browser.newContext();
  const customer = await customerContext.newPage();
  await buy(customer, shop.course.id, { email: newEmail(), card: "4000000000000341" });
  await customer.getByTestId("offer").getByRole("button", { name: /Accept — one click/ }).click();
  const failed = customer.getByTestId("answered-offer").filter({ hasText: shop.coaching.name });
  await expect(failed).toHaveAttribute("data-status", "failed");
  await failed.getByRole("button", { name: "Use another card (secure checkout)" }).click();
  await payOnHostedPage(customer, { card: "4242424242424242" });
  await customer.waitForURL(/\/thank-you\?order=/);
  await customerContext.close();

  const merchant = await createMerchant();
  await signIn(page, merchant);
  // The retry's payment reaches us by webhook: the upsell is an accept with its $99.00.
  await expect(async () => {
    await page.goto("/merchant/stats");
    await expect(cell(page, shop.upsellOffer, "accepts")).toHaveText("1", { timeout: 1000 });
  }).toPass({ timeout: 30_000 });
  await expect(cell(page, shop.upsellOffer, "failures")).toHaveText("0");
  await expect(cell(page, shop.upsellOffer, "take-rate")).toHaveText("100.0%");
  await expect(cell(page, shop.upsellOffer, "revenue")).toHaveText("$99.00");
  await expect(cell(page, shop.upsellOffer, "rpi")).toHaveText("$99.00");
  // The visit that took it: the $49.00 course plus the $99.00 coaching call.
  await expect(cell(page, shop.upsellOffer, "aov")).toHaveText(/^\$148\.00 vs —$/);
});

test("plan upgrades and downgrades: counts, money charged now and MRR change by ladder and by where they started; CSV", async ({ page, browser }) => {
  test.setTimeout(180_000);
  const ladder = await seedLadder();
  const { rows } = await sql<{ ladderId: string }>(`SELECT "ladderId" FROM "Product" WHERE id = $1`, [ladder.basic]);
  const ladderName = rows[0]!.ladderId; // seedLadder names a ladder by its id
  const option = (p: Page, productId: string) => p.locator(`[data-testid="plan-option"][data-product-id="${productId}"]`);

  // An upgrade that starts at an upgrade offer's link…
  const upgrader = await subscribe(ladder.basic);
  const customerContext = await browser.newContext();
  const customer = await customerContext.newPage();
  await signInCustomer(customer, upgrader.customerId);
  await customer.goto(`/account/plan?to=${ladder.pro}&origin=upgrade_offer`);
  await option(customer, ladder.pro).getByRole("button", { name: "Upgrade to Pro" }).click();
  await customer.getByTestId("quote-panel").getByRole("button", { name: "Confirm upgrade and pay $50.00" }).click();
  await expect(customer.getByTestId("plan-flow-message")).toBeVisible();
  await expect.poll(async () => (await sql<{ status: string }>(`SELECT status FROM "PlanChange" WHERE "subscriptionId" = $1 AND "submittedAt" IS NOT NULL`, [upgrader.subscriptionId])).rows[0]?.status, { timeout: 30_000 }).toBe("APPLIED");
  // …and a downgrade from the plan page, scheduled for the next billing date.
  const downgrader = await subscribe(ladder.basic);
  await customerContext.clearCookies();
  await signInCustomer(customer, downgrader.customerId);
  await customer.goto("/account/plan");
  await option(customer, ladder.starter).getByRole("button", { name: "Downgrade to Starter" }).click();
  await customer.getByTestId("quote-panel").getByRole("button", { name: /^Schedule downgrade for / }).click();
  await expect(customer.getByTestId("plan-scheduled")).toBeVisible();
  await customerContext.close();

  await signIn(page, await createMerchant());
  await page.goto("/merchant/stats");
  const line = (direction: string) => page.getByTestId("plan-changes-by-ladder").locator(`[data-testid="plan-change-line"][data-group="${ladderName}"][data-direction="${direction}"]`);
  const up = line("UPGRADE");
  // The upgrade's payment may reach us by webhook just after the plan switched.
  await expect(async () => {
    await page.reload();
    await expect(up.locator('[data-col="charged"]')).toHaveText("$50.00", { timeout: 1000 });
  }).toPass({ timeout: 30_000 });
  await expect(up.locator('[data-col="sent"]')).toHaveText("1");
  await expect(up.locator('[data-col="applied"]')).toHaveText("1");
  await expect(up.locator('[data-col="mrr"]')).toHaveText("+$50.00/mo");
  const down = line("DOWNGRADE");
  await expect(down.locator('[data-col="scheduled"]')).toHaveText("1");
  await expect(down.locator('[data-col="charged"]')).toHaveText("$0.00");
  await expect(down.locator('[data-col="mrr"]')).toHaveText("$0.00/mo");
  await expect(down.locator('[data-col="mrr-scheduled"]')).toHaveText("−$10.00/mo");
  // Where they started (all ladders of this run together): both origins are listed.
  const byOrigin = page.getByTestId("plan-changes-by-origin");
  await expect(byOrigin.locator('[data-testid="plan-change-line"][data-group="Upgrade offer"][data-direction="UPGRADE"]')).toBeVisible();
  await expect(byOrigin.locator('[data-testid="plan-change-line"][data-group="Plan page"][data-direction="DOWNGRADE"]')).toBeVisible();
  const origins = await sql<{ origin: string; direction: string }>(
    `SELECT origin, direction FROM "PlanChange" WHERE "subscriptionId" IN ($1, $2) ORDER BY direction`, [upgrader.subscriptionId, downgrader.subscriptionId]);
  expect(origins.rows).toEqual([{ origin: "UPGRADE_OFFER", direction: "UPGRADE" }, { origin: "PLAN_PAGE", direction: "DOWNGRADE" }]);

  const res = await page.request.get((await page.getByTestId("plan-changes-csv-link").getAttribute("href"))!);
  expect(res.status()).toBe(200);
  expect(res.headers()["content-disposition"]).toContain("encore-plan-change-stats_");
  const csv = (await res.text()).trim().split("\r\n");
  expect(csv[0]).toBe("breakdown,group,direction,currency,sent,applied,scheduled,failed,awaiting_dodo,kept_plan,charged_now,mrr_change_applied,mrr_change_scheduled");
  expect(csv).toContain(`ladder,${ladderName},Upgrade,USD,1,1,0,0,0,0,50.00,50.00,0.00`);
  expect(csv).toContain(`ladder,${ladderName},Downgrade,USD,1,0,1,0,0,0,0.00,0.00,-10.00`);
});

test("the revenue chart ticks at round amounts and labels today's bar", async ({ page }) => {
  const seed = await seedConsole(); // an accepted $25.00 offer today
  await signIn(page, await createMerchant());
  await page.goto(`/merchant/stats?funnel=${seed.funnelId}`);
  // The USD chart: other specs may have sold offers in other currencies today (one chart each).
  const chart = page.locator('[data-testid="revenue-chart"][aria-label$=" in USD"]').first();
  await expect(chart.getByTestId("chart-label").last()).toHaveText("Today");
  const ticks = (await chart.getByTestId("chart-tick").allTextContents()).map((t) => Math.round(Number(t.replace(/[$,]/g, "")) * 100));
  expect(ticks[0]).toBe(0);
  const step = ticks[1]!;
  // Each tick a whole multiple of 1, 2, 2.5 or 5 × a power of ten, evenly spaced.
  expect(String(step / 10 ** Math.floor(Math.log10(step)))).toMatch(/^(1|2|2\.5|5)$/);
  ticks.forEach((t, i) => expect(t).toBe(i * step));
});
