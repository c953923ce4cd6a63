// Offers at the right moment inside the merchant's own app (issue 16): the example SaaS app
// reports moments through the server API, embeds Encore's prompt and unlocks features from the
// signed outgoing webhooks; Dodo's credit.balance_low is a plan_limit_near moment; hosted offer
// links open once; concurrent accepts from the embed charge once. Real app, sandbox, Postgres, worker.
import http from "node:http";
import type { AddressInfo } from "node:net";
import { expect, test, type Page } from "@playwright/test";
import { rawRequest } from "../support/e2e/app-instance";
import { createProduct, dodoPaymentsFor, insertOffer } from "../support/e2e/journey";
import { appToken, dodo, env, magicLinkPath, sql, uid } from "../support/e2e/env";
import { createApiKey, startExampleApp, targetMoment } from "../support/e2e/example-app";
import { createMerchant, signIn as signInMerchant } from "../support/e2e/merchant";
import { seedLadder, subscribe } from "../support/e2e/plans";

test.describe.configure({ timeout: 150_000 });

async function customerOf(customerId: string): Promise<{ dodoCustomerId: string; email: string }> {
  const { rows } = await sql<{ dodoCustomerId: string; email: string }>(`SELECT "dodoCustomerId", email FROM "Customer" WHERE id = $1`, [customerId]);
  return rows[0]!;
}

/** The few fields of POST /moments and /embed-token answers these tests read. */
type ApiAnswer = { offer: { offer_id: string; kind: string; url: string } | null; token: string };

async function api(key: string, path: string, body: unknown): Promise<{ status: number; json: ApiAnswer }> {
  const res = await fetch(`${env("E2E_BASE_URL")}/api/v1${path}`, { method: "POST", headers: { authorization: `Bearer ${key}`, "content-type": "application/json" }, body: JSON.stringify(body) });
  return { status: res.status, json: (await res.json()) as ApiAnswer };
}

const prompt = (page: Page) => page.locator('[data-encore="offer"]');

/** A merchant's page on its own origin that embeds the prompt for one customer's token. */
async function merchantPage(token: string): Promise<{ url: string; close: () => void }> {
  const html = `<!doctype html><html lang="en"><head><title>Merchant app</title></head><body><main><h1>Merchant app</h1><div id="offer"></div></main>`
    + `<script src="${env("E2E_BASE_URL")}/embed/encore.js" data-token="${token}" data-target="#offer" async></script></body></html>`;
  const server = http.createServer((_req, res) => res.writeHead(200, { "content-type": "text/html" }).end(html));
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  return { url: `http://127.0.0.1:${(server.address() as AddressInfo).port}/`, close: () => server.close() };
}

/** A one-click offer due for a fresh Basic subscriber (saved card `card`) at a moment of its own, and the prompt's token. */
async function oneClickDue(card: "4242" | "3155", productName: string) {
  const key = await createApiKey();
  const moment = `e2e_${uid()}`.slice(0, 40);
  const product = await createProduct(productName, 2900);
  const offerId = await insertOffer("CROSS_SELL", product.id, [], `Add ${productName}`);
  await targetMoment(offerId, moment, {});
  const ladder = await seedLadder();
  const { customerId } = await subscribe(ladder.basic, card);
  const { dodoCustomerId } = await customerOf(customerId);
  if (card === "3155") {
    // The customer removed the card they first paid with: the 3-D Secure card is the one saved.
    const { items } = await dodo().customers.retrievePaymentMethods(dodoCustomerId);
    for (const m of items.filter((i) => i.card?.last4_digits !== "3155")) {
      const res = await fetch(`${env("E2E_SANDBOX_URL")}/customers/${dodoCustomerId}/payment-methods/${m.payment_method_id}`, { method: "DELETE", headers: { authorization: `Bearer ${env("E2E_API_KEY")}` } });
      expect(res.ok).toBe(true);
    }
  }
  expect((await api(key, "/moments", { customer_id: dodoCustomerId, name: moment, properties: {} })).json.offer).toMatchObject({ offer_id: offerId });
  const { json: embed } = await api(key, `/customers/${dodoCustomerId}/embed-token`, {});
  return { key, offerId, product, customerId, dodoCustomerId, token: embed.token };
}

async function signInToExample(page: Page, url: string, email: string) {
  await page.goto(url);
  await page.getByRole("button", { name: `Sign in as ${email}` }).click();
  await expect(page.getByTestId("usage")).toBeVisible();
}

test("a usage milestone in the example app shows Dodo's upgrade preview in the embed; one click changes the plan and the app unlocks the feature from verified webhooks", async ({ page }) => {
  const ladder = await seedLadder();
  const { customerId, subscriptionId } = await subscribe(ladder.basic);
  const { dodoCustomerId, email } = await customerOf(customerId);
  const offerId = await insertOffer("UPGRADE", ladder.pro, [], "Running lots of reports? Go Pro");
  await targetMoment(offerId, "usage_milestone", { feature: "reports", used: { gte: 3 } });
  const app = await startExampleApp({ users: { [email]: dodoCustomerId }, proProducts: [ladder.pro] });
  try {
    await signInToExample(page, app.url, email);
    await page.getByRole("button", { name: "Run a report" }).click();
    await page.getByRole("button", { name: "Run a report" }).click();
    await expect(page.getByTestId("usage")).toHaveText("2 of 5 reports used");
    // Before the milestone nothing is due.
    await page.waitForLoadState("networkidle");
    await expect(prompt(page)).toHaveCount(0);
    await page.getByRole("button", { name: "Run a report" }).click();
    await expect(page.getByTestId("usage")).toHaveText("3 of 5 reports used");

    await expect(prompt(page)).toBeVisible();
    await expect(prompt(page)).toContainText("Running lots of reports? Go Pro");
    await expect(prompt(page)).toContainText("Basic → Pro");
    // In the store's branding: its name, and its accent (never the script's fallback indigo) on the button.
    const brand = await sql<{ name: string; accentColor: string | null }>(`SELECT name, "accentColor" FROM "StoreSettings" WHERE id = 'store'`);
    await expect(page.locator('[data-encore="store"]')).toHaveText(brand.rows[0]?.name ?? "Encore demo store");
    await expect(page.locator('[data-encore="accept"]')).not.toHaveCSS("background-color", "rgb(67, 56, 202)");
    // Dodo's preview: the prorated difference charged now ($50 a month more, for the rest of the period).
    await expect(page.locator('[data-encore="charge-now"]')).toContainText(/Charged now: \$\d+\.\d\d/);
    const { rows: [imp] } = await sql<{ placement: string; momentName: string }>(
      `SELECT i.placement, m.name AS "momentName" FROM "OfferImpression" i JOIN "Moment" m ON m.id = i."momentId" WHERE i."offerId" = $1`, [offerId]);
    expect(imp).toEqual({ placement: "IN_APP", momentName: "usage_milestone" });

    await page.locator('[data-encore="accept"]').click();
    await expect(page.locator('[data-encore="message"]')).toBeVisible();
    await expect.poll(async () => (await dodo().subscriptions.retrieve(subscriptionId)).product_id, { timeout: 15_000 }).toBe(ladder.pro);
    // The offer is decided by Dodo's outcome of its plan change (as its webhooks report it), and its payment is the offer's revenue.
    await expect.poll(async () => (await sql<{ outcome: string }>(`SELECT d.outcome FROM "OfferDecision" d JOIN "OfferImpression" i ON i.id = d."impressionId" WHERE i."offerId" = $1`, [offerId])).rows[0]?.outcome, { timeout: 15_000 }).toBe("ACCEPTED");
    await expect.poll(async () => (await sql(`SELECT 1 FROM "Payment" p JOIN "OfferImpression" i ON i.id = p."impressionId" WHERE i."offerId" = $1 AND p.status = 'SUCCEEDED'`, [offerId])).rows.length, { timeout: 15_000 }).toBe(1);

    // The example app learns it only from Encore's signed webhooks.
    await expect.poll(async () => {
      await page.reload();
      const text = await page.getByTestId("webhooks").innerText();
      return text.includes("plan_change.applied (signature verified)") && text.includes("entitlement.granted (signature verified)");
    }, { timeout: 30_000 }).toBe(true);
    await expect(page.getByTestId("feature-unlocked")).toBeVisible();
    await expect(page.getByTestId("usage")).toHaveText("unlimited");
  } finally {
    await app.stop();
  }
});

test("credit.balance_low from the sandbox shows the plan-limit offer on the customer's next page; declined, it is not shown again", async ({ page }) => {
  const ladder = await seedLadder();
  const creditName = `Calls ${uid()}`;
  const credits = await dodo().creditEntitlements.create({ name: creditName, unit: "API calls", precision: 0, overage_enabled: false, rollover_enabled: false } as never);
  await dodo().products.update(ladder.basic, { credit_entitlements: [{ credit_entitlement_id: credits.id, credits_amount: "100", low_balance_threshold_percent: 20 }] } as never);
  const { customerId } = await subscribe(ladder.basic);
  const { dodoCustomerId, email } = await customerOf(customerId);
  const offerId = await insertOffer("UPGRADE", ladder.pro, [], "Almost out of API calls? Pro has five times more");
  await targetMoment(offerId, "plan_limit_near", { feature: creditName });
  const app = await startExampleApp({ users: { [email]: dodoCustomerId }, proProducts: [ladder.pro], creditEntitlement: credits.id });
  try {
    await signInToExample(page, app.url, email);
    await expect(page.getByTestId("credits")).toHaveText("Balance: 100");
    await page.getByRole("button", { name: "Make 30 API calls" }).click();
    await page.getByRole("button", { name: "Make 30 API calls" }).click();
    await page.waitForLoadState("networkidle");
    await expect(prompt(page)).toHaveCount(0);
    // 40 → 10: below 20% of 100; the sandbox sends credit.balance_low to Encore.
    await page.getByRole("button", { name: "Make 30 API calls" }).click();
    await expect(page.getByTestId("credits")).toHaveText("Balance: 10");
    await expect.poll(async () => (await sql(`SELECT 1 FROM "Moment" WHERE "customerId" = $1 AND name = 'plan_limit_near' AND source = 'DODO_WEBHOOK'`, [customerId])).rows.length, { timeout: 15_000 }).toBe(1);

    await page.reload();
    await expect(prompt(page)).toContainText("Almost out of API calls?");
    await page.locator('[data-encore="decline"]').click();
    await expect(prompt(page)).toHaveCount(0);
    const { rows: [decision] } = await sql<{ outcome: string; placement: string }>(
      `SELECT d.outcome, i.placement FROM "OfferDecision" d JOIN "OfferImpression" i ON i.id = d."impressionId" WHERE i."offerId" = $1`, [offerId]);
    expect(decision).toEqual({ outcome: "DECLINED", placement: "IN_APP" });

    await page.reload();
    await page.waitForLoadState("networkidle");
    await expect(page.locator("[data-encore-prompt]")).toHaveCount(1);
    await expect(prompt(page)).toHaveCount(0);
    expect((await sql(`SELECT 1 FROM "OfferImpression" WHERE "offerId" = $1`, [offerId])).rows.length).toBe(1);
  } finally {
    await app.stop();
  }
});

test("the hosted offer link opens once, expires, and refuses another customer's session", async ({ browser }) => {
  const key = await createApiKey();
  const moment = `e2e_${uid()}`.slice(0, 40);
  const product = await createProduct("Report pack", 1900);
  const offerId = await insertOffer("CROSS_SELL", product.id, [], "Add the report pack");
  await targetMoment(offerId, moment, {});
  const ladder = await seedLadder();
  const { customerId } = await subscribe(ladder.basic);
  const other = await subscribe(ladder.basic);
  const { dodoCustomerId } = await customerOf(customerId);

  const reported = await api(key, "/moments", { customer_id: dodoCustomerId, name: moment, properties: { step: "done" } });
  expect(reported.status).toBe(201);
  expect(reported.json.offer).toMatchObject({ offer_id: offerId, kind: "cross_sell" });
  const url = reported.json.offer!.url;
  expect(url).toMatch(/\/offer\//);

  // Another customer signed in here: refused, and the link is not spent.
  const otherContext = await browser.newContext();
  const otherPage = await otherContext.newPage();
  await otherPage.goto(magicLinkPath(other.customerId));
  const refused = await otherPage.goto(url);
  expect(refused?.status()).toBe(403);
  await expect(otherPage.getByText("This offer is for another account")).toBeVisible();
  await otherContext.close();

  // The customer: signed in by the link, on the hosted offer page, one click with their card.
  const context = await browser.newContext();
  const page = await context.newPage();
  await page.goto(url);
  await expect(page).toHaveURL(/\/account\/offers\//);
  await expect(page.getByTestId("hosted-offer")).toContainText("Add the report pack");
  const { rows: [imp] } = await sql<{ placement: string }>(`SELECT placement FROM "OfferImpression" WHERE "offerId" = $1 AND "customerId" = $2`, [offerId, customerId]);
  expect(imp?.placement).toBe("HOSTED_LINK");
  await page.getByRole("button", { name: /Accept/ }).click();
  await expect(page.getByText(/added|Payment received|yours/i).first()).toBeVisible({ timeout: 20_000 });
  await context.close();

  // Once only.
  const again = await (await browser.newContext()).newPage();
  expect((await again.goto(url))?.status()).toBe(410);
  await expect(again.getByText("This offer link has already been used.")).toBeVisible();

  // Expired: a link past its time (its row, and a token whose signature says so).
  const second = await api(key, "/moments", { customer_id: (await customerOf(other.customerId)).dodoCustomerId, name: moment, properties: {} });
  const secondUrl = second.json.offer!.url;
  const linkId = (JSON.parse(Buffer.from(secondUrl.split("/offer/")[1]!.split(".")[0]!, "base64url").toString()) as { d: { l: string } }).d.l;
  await sql(`UPDATE "OfferLink" SET "expiresAt" = now() - interval '1 second' WHERE id = $1`, [linkId]);
  expect((await again.goto(secondUrl))?.status()).toBe(410);
  await expect(again.getByText("This offer link has expired.")).toBeVisible();
  const expiredToken = appToken("offer-link", { l: linkId }, -1);
  expect((await again.goto(`/offer/${expiredToken}`))?.status()).toBe(410);
  const forged = `${secondUrl.split("/offer/")[1]!.split(".")[0]}.AAAA`;
  expect((await again.goto(`/offer/${forged}`))?.status()).toBe(404);
});

test("ten concurrent accepts from the embed make exactly one charge", async () => {
  const key = await createApiKey();
  const moment = `e2e_${uid()}`.slice(0, 40);
  const product = await createProduct("Team seat", 2500);
  const offerId = await insertOffer("CROSS_SELL", product.id, [], "Add a team seat");
  await targetMoment(offerId, moment, { used: { gte: 10 } });
  const ladder = await seedLadder();
  const { customerId } = await subscribe(ladder.basic);
  const { dodoCustomerId } = await customerOf(customerId);

  // Below the condition: nothing due.
  expect((await api(key, "/moments", { customer_id: dodoCustomerId, name: moment, properties: { used: 9 } })).json.offer).toBeNull();
  expect((await api(key, "/moments", { customer_id: dodoCustomerId, name: moment, properties: { used: 10 } })).json.offer).toMatchObject({ offer_id: offerId });
  const { json: embed } = await api(key, `/customers/${dodoCustomerId}/embed-token`, {});
  const base = `${env("E2E_BASE_URL")}/api/embed/v1`;
  const headers = { authorization: `Bearer ${embed.token}`, "content-type": "application/json", origin: "https://app.merchant.example" };
  const shown = await (await fetch(`${base}/offer`, { headers })).json() as { offer: { impression_id: string; kind: string; card: string } };
  expect(shown.offer).toMatchObject({ kind: "one_click", card: expect.stringContaining("4242") });
  // Without the token (or with another purpose's token) the embed can do nothing.
  expect((await fetch(`${base}/offer`)).status).toBe(401);
  expect((await fetch(`${base}/offer`, { headers: { authorization: `Bearer ${appToken("customer-session", { c: customerId }, 600)}` } })).status).toBe(401);

  const answers = await Promise.all(Array.from({ length: 10 }, () => fetch(`${base}/accept`, { method: "POST", headers, body: JSON.stringify({ impression_id: shown.offer.impression_id }) }).then((r) => r.json() as Promise<{ ok: boolean }>)));
  expect(answers.every((a) => a.ok)).toBe(true);
  const { rows: attempts } = await sql(`SELECT id FROM "ChargeAttempt" WHERE "impressionId" = $1`, [shown.offer.impression_id]);
  expect(attempts).toHaveLength(1);
  await expect.poll(async () => (await dodoPaymentsFor(dodoCustomerId, product.id)).length, { timeout: 15_000 }).toBe(1);
  await expect.poll(async () => (await sql<{ outcome: string }>(`SELECT outcome FROM "OfferDecision" WHERE "impressionId" = $1`, [shown.offer.impression_id])).rows[0]?.outcome, { timeout: 15_000 }).toBe("ACCEPTED");
  // A few seconds later, still one.
  await new Promise((r) => setTimeout(r, 1500));
  expect(await dodoPaymentsFor(dodoCustomerId, product.id)).toHaveLength(1);
});

test("the merchant targets an offer at moments in the console", async ({ page }) => {
  const merchant = await createMerchant();
  const product = await createProduct("Export pack", 1500);
  const offerId = await insertOffer("CROSS_SELL", product.id, [], "Add the export pack");
  await signInMerchant(page, merchant);
  await page.goto(`/merchant/offers/${offerId}`);
  await expect(page.getByTestId("no-moments")).toBeVisible();
  const form = page.getByTestId("moment-target-form");
  await form.getByLabel("Moment").fill("usage_milestone");
  await form.getByLabel(/Conditions/).fill("feature = exports\nused >> 3");
  await form.getByRole("button", { name: "Show at this moment" }).click();
  await expect(form.getByText(/Line 2/)).toBeVisible();
  await form.getByLabel(/Conditions/).fill("feature = exports\nused >= 3");
  await form.getByRole("button", { name: "Show at this moment" }).click();
  await expect(page.getByTestId("moment-targets")).toContainText("usage_milestone · feature = exports · used >= 3");
  const { rows } = await sql<{ name: string; conditions: unknown }>(`SELECT name, conditions FROM "OfferMoment" WHERE "offerId" = $1`, [offerId]);
  expect(rows).toEqual([{ name: "usage_milestone", conditions: { feature: "exports", used: { gte: 3 } } }]);
  await page.getByRole("button", { name: "Stop showing at usage_milestone" }).click();
  await expect(page.getByTestId("no-moments")).toBeVisible();
  expect((await sql(`SELECT 1 FROM "OfferMoment" WHERE "offerId" = $1`, [offerId])).rows).toHaveLength(0);
});

test("a 3-D Secure card on an embed accept: the bank's page, back to a clear outcome without a store session, and the prompt updates by itself", async ({ browser }) => {
  const due = await oneClickDue("3155", "Priority support");
  const merchant = await merchantPage(due.token);
  const context = await browser.newContext();
  try {
    const page = await context.newPage();
    await page.goto(merchant.url);
    await expect(prompt(page)).toContainText("3155");
    await page.locator('[data-encore="accept"]').click();
    await expect(page.locator('[data-encore="authenticate"]')).toHaveText("Your bank wants you to confirm this payment. Nothing is charged until you do.");
    await expect(page.locator('[data-encore="decline"]')).toHaveCount(0);

    // The bank's page opens in a new tab; once confirmed there, Dodo sends the customer to Encore.
    const [bank] = await Promise.all([context.waitForEvent("page"), page.locator('[data-encore="bank"]').click()]);
    await bank.waitForURL(/\/authenticate\//);
    await bank.getByRole("button", { name: "Complete authentication" }).click();
    await bank.waitForURL(/\/offer\/return\//);
    await expect(bank.getByTestId("bank-return")).toHaveAttribute("data-status", "succeeded");
    await expect(bank.getByTestId("bank-return-outcome")).toHaveText(`Payment received: ${due.product.name} is yours. Your bank confirmed the payment.`);
    await expect(bank.getByText("You can close this tab: the app you came from shows the same outcome.")).toBeVisible();
    // No store session was needed, and none was made: the signed link shows this one outcome.
    expect((await context.cookies()).map((c) => c.name)).not.toContain("encore_customer");

    // The prompt in the merchant's app reads the charge until it settles.
    await expect(page.locator('[data-encore="done"]')).toBeVisible({ timeout: 20_000 });
    await expect.poll(async () => (await dodoPaymentsFor(due.dodoCustomerId, due.product.id)).map((p) => p.status), { timeout: 15_000 }).toEqual(["succeeded"]);
    await expect.poll(async () => (await sql<{ outcome: string }>(`SELECT d.outcome FROM "OfferDecision" d JOIN "OfferImpression" i ON i.id = d."impressionId" WHERE i."offerId" = $1`, [due.offerId])).rows[0]?.outcome).toBe("ACCEPTED");

    // A forged or tampered return link shows nothing of anyone's payment.
    const forged = await context.newPage();
    await forged.goto(`/offer/return/${appToken("offer-link", { i: "x" }, 600)}`);
    await expect(forged.getByTestId("bank-return-problem")).toHaveText("This link is not valid or has expired. Your account shows what you bought.");
  } finally {
    await context.close();
    merchant.close();
  }
});

test("a failed 3-D Secure step from the embed: the return page and the prompt both say nothing was charged, and secure checkout stays open", async ({ browser }) => {
  const due = await oneClickDue("3155", "Audit log");
  const merchant = await merchantPage(due.token);
  const context = await browser.newContext();
  try {
    const page = await context.newPage();
    await page.goto(merchant.url);
    await page.locator('[data-encore="accept"]').click();
    const [bank] = await Promise.all([context.waitForEvent("page"), page.locator('[data-encore="bank"]').click()]);
    await bank.getByRole("button", { name: "Fail authentication" }).click();
    await bank.waitForURL(/\/offer\/return\//);
    await expect(bank.getByTestId("bank-return")).toHaveAttribute("data-status", "failed");
    await expect(bank.getByTestId("bank-return-outcome")).toHaveText("Your bank could not confirm this payment, so nothing was charged.");
    await expect(page.locator('[data-encore="offer"] [role="alert"]')).toHaveText("Your bank could not confirm this payment, so nothing was charged.", { timeout: 20_000 });
    await expect(page.locator('[data-encore="checkout"]')).toBeVisible();
    expect((await dodoPaymentsFor(due.dodoCustomerId, due.product.id)).filter((p) => p.status === "succeeded")).toHaveLength(0);
  } finally {
    await context.close();
    merchant.close();
  }
});

test("the embed's endpoints and the hosted offer link are rate limited in Postgres, per customer and per address", async () => {
  const due = await oneClickDue("4242", "Rate seat");
  const other = await oneClickDue("4242", "Other seat");
  const base = `${env("E2E_BASE_URL")}/api/embed/v1`;
  const status = (token: string, from: string) => rawRequest(`${base}/status?impression_id=none`, { from, headers: { authorization: `Bearer ${token}` } });
  try {
    // A customer's budget: 120 requests a minute, from any address.
    for (let i = 0; i < 12; i++) {
      const batch = await Promise.all(Array.from({ length: 10 }, (_, j) => status(due.token, `127.0.0.${20 + ((i + j) % 4)}`)));
      expect(batch.map((r) => r.status)).toEqual(Array(10).fill(200));
    }
    const limited = await status(due.token, "127.0.0.24");
    expect(limited.status).toBe(429);
    expect(Number(limited.headers["retry-after"])).toBeGreaterThan(0);
    expect(JSON.parse(limited.body)).toMatchObject({ ok: false, code: "rate_limited" });
    // Another customer's prompt is not held back.
    expect((await status(other.token, "127.0.0.24")).status).toBe(200);
    // A token that does not verify is refused before anything is counted.
    expect((await status(`${due.token}x`, "127.0.0.25")).status).toBe(401);
    expect((await sql(`SELECT 1 FROM "LoginAttempt" WHERE key = 'embed-ip:127.0.0.25'`)).rows).toHaveLength(0);

    // Hosted offer links: 30 openings a minute per address.
    const link = (from: string) => rawRequest(`${env("E2E_BASE_URL")}/offer/${appToken("offer-link", { l: uid("gone") }, 600)}`, { from, headers: { accept: "text/html" } });
    for (let i = 0; i < 30; i++) expect((await link("127.0.0.26")).status).toBe(404);
    const tooMany = await link("127.0.0.26");
    expect(tooMany.status).toBe(429);
    expect(Number(tooMany.headers["retry-after"])).toBeGreaterThan(0);
    expect((await link("127.0.0.27")).status).toBe(404);
  } finally {
    await sql(`DELETE FROM "LoginAttempt" WHERE key IN ($1, $2) OR key LIKE 'embed-ip:127.0.0.2%' OR key LIKE 'offer-link-ip:127.0.0.2%'`, [`embed-customer:${due.customerId}`, `embed-customer:${other.customerId}`]);
  }
});
