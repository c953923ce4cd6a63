// Bring your own checkout, the server API and outgoing webhooks, as a merchant sets them up in the
// console and a stranger's app uses them: against the real app, sandbox, Postgres and worker.
import { expect, test, type APIRequestContext, type Page } from "@playwright/test";
import { newEmail, payOnHostedPage, seedJourney } from "../support/e2e/journey";
import { dodo, sql } from "../support/e2e/env";
import { createMerchant, signIn } from "../support/e2e/merchant";
import { seedLadder, signIn as signInCustomer, subscribe } from "../support/e2e/plans";
import { startWebhookReceiver } from "../support/e2e/receiver";

test.describe.configure({ timeout: 150_000 });

async function createKey(page: Page, name: string, scope: "Read" | "Read and write"): Promise<string> {
  await page.goto("/merchant/integrations");
  await page.getByLabel("Key name").fill(name);
  await page.getByLabel("Scope").selectOption({ label: scope });
  await page.getByRole("button", { name: "Create key" }).click();
  const secret = (await page.getByTestId("new-api-key").textContent())!;
  expect(secret).toMatch(/^enc_sk_/);
  return secret;
}

async function addEndpoint(page: Page, url: string, events: string[]): Promise<{ id: string; secret: string }> {
  await page.goto("/merchant/integrations");
  await page.getByLabel("Endpoint URL").fill(url);
  for (const box of await page.locator('input[name="eventTypes"]').all()) {
    if (events.includes((await box.getAttribute("value"))!)) await box.check();
    else await box.uncheck();
  }
  await page.getByRole("button", { name: "Add endpoint" }).click();
  await page.waitForURL(/\/merchant\/integrations\/endpoints\//);
  const id = page.url().split("/endpoints/")[1]!.split("?")[0]!;
  return { id, secret: (await page.getByTestId("endpoint-secret").textContent())!.trim() };
}

const api = (request: APIRequestContext, key: string | null) => ({
  get: (path: string) => request.get(`/api/v1${path}`, { headers: key ? { authorization: `Bearer ${key}` } : {} }),
  post: (path: string, data: unknown) => request.post(`/api/v1${path}`, { headers: key ? { authorization: `Bearer ${key}` } : {}, data }),
});

test("API keys from the console: read works and shows last used, write needs a write key, revoked and missing keys are refused", async ({ page, request }) => {
  await signIn(page, await createMerchant());
  const name = `reader ${Date.now()}`;
  const key = await createKey(page, name, "Read");
  // Shown once: after a reload only the prefix is left.
  await page.reload();
  await expect(page.getByTestId("new-api-key")).toHaveCount(0);
  const row = page.locator(`[data-testid="api-key-row"][data-key-name="${name}"]`);
  await expect(row).toContainText(key.slice(0, 13));
  await expect(row).not.toContainText(key.slice(13));
  await expect(row.getByTestId("last-used")).toHaveText("never");

  const shop = await seedJourney();
  const read = await api(request, key).get(`/customers/cus_nobody/access/${shop.course.id}`);
  expect(read.status()).toBe(200);
  expect(await read.json()).toMatchObject({ has_access: false });
  await page.reload();
  await expect(row.getByTestId("last-used")).not.toHaveText("never");

  const write = await api(request, key).post("/checkout-sessions", { product_cart: [{ product_id: shop.course.id, quantity: 1 }] });
  expect(write.status()).toBe(403);
  expect((await write.json()).error).toMatchObject({ code: "insufficient_scope" });

  expect((await api(request, null).get(`/customers/cus_nobody/access/${shop.course.id}`)).status()).toBe(401);
  await row.getByRole("button", { name: "Revoke" }).click();
  await expect(row).toContainText("revoked");
  const revoked = await api(request, key).get(`/customers/cus_nobody/access/${shop.course.id}`);
  expect(revoked.status()).toBe(401);
  expect((await revoked.json()).error.code).toBe("invalid_api_key");
});

test("the OpenAPI document is served and names the operations", async ({ request }) => {
  const doc = await (await request.get("/api/v1/openapi.json")).json();
  expect(doc.openapi).toBe("3.1.0");
  expect(Object.keys(doc.paths)).toEqual(expect.arrayContaining(["/checkout-sessions", "/customers/{customer_id}/access/{product_id}"]));
});

test("a checkout made through POST /api/v1/checkout-sessions returns to the thank-you page; the one-click accept reaches the merchant's app signed, on the third try, and redelivers from the console", async ({ page, request, browser }) => {
  const shop = await seedJourney();
  const email = newEmail();
  // The merchant's app fails the first two tries of this customer's offer.accepted.
  const receiver = await startWebhookReceiver({ failFirst: 2, failWhen: (e) => e.type === "offer.accepted" && (e.data.customer as { email?: string } | undefined)?.email === email });
  const merchantPage = await (await browser.newContext()).newPage();
  await signIn(merchantPage, await createMerchant());
  const endpoint = await addEndpoint(merchantPage, receiver.url, ["offer.accepted", "offer.declined", "entitlement.granted"]);
  receiver.useSecret(endpoint.secret);
  try {
    const key = await createKey(merchantPage, `server ${Date.now()}`, "Read and write");
    const created = await api(request, key).post("/checkout-sessions", {
      product_cart: [{ product_id: shop.course.id, quantity: 1 }],
      customer: { email, name: "API Buyer" },
      metadata: { merchant_order: "A-42" },
    });
    expect(created.status()).toBe(201);
    const session = await created.json();
    expect(session).toMatchObject({ session_id: expect.stringMatching(/^cks_/), checkout_url: expect.any(String), encore_checkout_id: expect.any(String) });

    await page.goto(session.checkout_url);
    await payOnHostedPage(page, { card: "4242424242424242" });
    await page.waitForURL(/\/thank-you\?order=/);
    await expect(page.getByRole("heading", { name: "Thank you for your order!" })).toBeVisible();
    const offer = page.getByTestId("offer");
    await expect(offer).toContainText("Add a coaching call");
    await offer.getByRole("button", { name: /Accept — one click/ }).click();
    await expect(page.getByTestId("answered-offer").filter({ hasText: shop.coaching.name })).toHaveAttribute("data-status", "succeeded");

    const accepted = () => receiver.received.filter((r) => r.type === "offer.accepted" && (r.data.customer as { email: string }).email === email);
    await expect.poll(() => accepted().map((r) => r.answered), { timeout: 40_000 }).toEqual([500, 500, 200]);
    expect(accepted().every((r) => r.verified)).toBe(true);
    expect(new Set(accepted().map((r) => r.id)).size).toBe(1);
    expect(accepted()[0]!.data).toMatchObject({ product_id: shop.coaching.id, placement: "thank_you", price: { amount: 9900, currency: "USD" } });
    // Access to the course and the coaching call were announced too.
    await expect.poll(() => receiver.received.filter((r) => r.type === "entitlement.granted" && (r.data.customer as { email: string }).email === email).map((r) => r.data.product_id).sort()).toEqual([shop.coaching.id, shop.course.id].sort());

    // The console's delivery log shows the three tries; Redeliver sends it once more.
    await merchantPage.goto(`/merchant/integrations/endpoints/${endpoint.id}`);
    const row = merchantPage.locator(`[data-testid="delivery-row"]`).filter({ hasText: accepted()[0]!.id });
    await expect(row).toHaveAttribute("data-status", "SUCCEEDED");
    await expect(row.getByTestId("delivery-attempts")).toHaveText("3");
    await row.getByRole("button", { name: "Redeliver" }).click();
    await expect(row.getByTestId("form-success")).toContainText("Queued for redelivery");
    await expect.poll(() => accepted().length, { timeout: 20_000 }).toBe(4);
    expect(accepted()[3]).toMatchObject({ verified: true, answered: 200, id: accepted()[0]!.id });
  } finally {
    await sql(`DELETE FROM "WebhookEndpoint" WHERE id = $1`, [endpoint.id]);
    await receiver.close();
  }
});

test("a plan change reaches the merchant's app as a signed plan_change.applied", async ({ page, browser }) => {
  const receiver = await startWebhookReceiver();
  const merchantPage = await (await browser.newContext()).newPage();
  await signIn(merchantPage, await createMerchant());
  const endpoint = await addEndpoint(merchantPage, receiver.url, ["plan_change.applied"]);
  receiver.useSecret(endpoint.secret);
  try {
    const ladder = await seedLadder();
    const s = await subscribe(ladder.basic);
    await signInCustomer(page, s.customerId);
    await page.goto("/account/plan");
    await page.locator(`[data-testid="plan-option"][data-product-id="${ladder.pro}"]`).getByRole("button", { name: "Upgrade to Pro" }).click();
    await page.getByTestId("quote-panel").getByRole("button", { name: /Confirm upgrade and pay/ }).click();
    await expect(page.getByTestId("plan-current-name")).toHaveText("Pro");
    await expect.poll(() => receiver.received.filter((r) => r.data.subscription_id === s.subscriptionId).map((r) => [r.type, r.verified, r.answered]), { timeout: 20_000 })
      .toEqual([["plan_change.applied", true, 200]]);
    expect(receiver.received.find((r) => r.data.subscription_id === s.subscriptionId)!.data).toMatchObject({ from_product_id: ladder.basic, to_product_id: ladder.pro, charged_now: { amount: 5000, currency: "USD" } });
  } finally {
    await sql(`DELETE FROM "WebhookEndpoint" WHERE id = $1`, [endpoint.id]);
    await receiver.close();
  }
});

test("a checkout Encore never saw (made straight at Dodo, as a payment link is) opens the funnel once; the same return URL in another browser gets no offer and no session", async ({ page, browser, baseURL }) => {
  const shop = await seedJourney();
  const session = await dodo().checkoutSessions.create({
    product_cart: [{ product_id: shop.course.id, quantity: 1 }],
    return_url: `${baseURL}/checkout/return`,
    feature_flags: { redirect_immediately: true },
  });
  await page.goto(session.checkout_url!);
  const returned = page.waitForRequest((r) => r.url().includes("/checkout/return?"));
  await payOnHostedPage(page, { email: newEmail(), card: "4242424242424242" });
  const returnUrl = (await returned).url();
  expect(new URL(returnUrl).searchParams.get("payment_id")).toMatch(/^pay_/);
  await page.waitForURL(/\/thank-you\?order=/);
  await expect(page.getByRole("heading", { name: "Thank you for your order!" })).toBeVisible();
  await expect(page.getByTestId("offer")).toContainText("Add a coaching call");

  // Reload in the same browser: still its page.
  await page.goto(returnUrl);
  await expect(page.getByTestId("offer")).toContainText("Add a coaching call");

  const stranger = await browser.newContext();
  const other = await stranger.newPage();
  const answer = await other.goto(returnUrl);
  expect(answer!.status()).toBe(403);
  await expect(other.getByTestId("problem")).toContainText("already opened in another browser");
  expect((await stranger.cookies()).map((c) => c.name)).not.toContain("encore_customer");
  await other.goto("/account");
  await expect(other.getByTestId("offer")).toHaveCount(0);
  await stranger.close();
});

test("a failed payment from a checkout Encore never saw gets a clear page and no offer", async ({ page, baseURL }) => {
  const shop = await seedJourney();
  const session = await dodo().checkoutSessions.create({ product_cart: [{ product_id: shop.course.id, quantity: 1 }], return_url: `${baseURL}/checkout/return` });
  await page.goto(session.checkout_url!);
  const answer = page.waitForResponse((r) => r.url().includes("/checkout/return?"));
  await payOnHostedPage(page, { email: newEmail(), card: "4000000000000002" });
  expect((await answer).status()).toBe(402);
  await expect(page.getByTestId("problem")).toContainText("did not go through");
  await expect(page.getByTestId("offer")).toHaveCount(0);
  expect((await page.context().cookies()).map((c) => c.name)).not.toContain("encore_customer");
});

test("a return URL without a payment, or with a made-up one, is refused with a page, not an error", async ({ page }) => {
  expect((await page.goto("/checkout/return"))!.status()).toBe(400);
  expect((await page.goto("/checkout/return?payment_id=pay_madeup0000000000000000"))!.status()).toBe(404);
  expect((await page.goto("/checkout/return?payment_id=%3Cscript%3E"))!.status()).toBe(400);
});

