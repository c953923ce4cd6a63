import http from "node:http";
import type { AddressInfo } from "node:net";
import { expect, test } from "@playwright/test";
import DodoPayments from "dodopayments";
import { SEED_CUSTOMERS, SEED_PRODUCTS } from "../../sandbox/seed";
import { startSandbox, type RunningSandbox } from "../../sandbox/server";

// Self-contained: its own in-memory sandbox and a tiny shop page to return to; no app or database.
const API_KEY = "sk_test_e2e_hosted_checkout";
let sandbox: RunningSandbox;
let shop: http.Server;
let shopUrl: string;
let client: DodoPayments;

test.beforeAll(async () => {
  sandbox = await startSandbox({ port: 0, apiKey: API_KEY, webhookSecret: "whsec_ZTJlLWhvc3RlZC1jaGVja291dC1zZWNyZXQ=", dataFile: null });
  client = new DodoPayments({ bearerToken: API_KEY, baseURL: sandbox.url, maxRetries: 0 });
  shop = http.createServer((req, res) => {
    const url = new URL(req.url ?? "/", "http://shop");
    res.writeHead(200, { "content-type": "text/html" });
    res.end(`<h1>Thank you</h1><p data-testid="status">${url.searchParams.get("status") ?? ""}</p>`);
  });
  await new Promise<void>((resolve) => shop.listen(0, "127.0.0.1", resolve));
  shopUrl = `http://127.0.0.1:${(shop.address() as AddressInfo).port}`;
});

test.afterAll(async () => {
  await sandbox?.close();
  shop?.closeAllConnections();
  await new Promise<void>((resolve) => (shop ? shop.close(() => resolve()) : resolve()));
});

test("pays the hosted checkout with 4242 and lands on the return URL", async ({ page }) => {
  const session = await client.checkoutSessions.create({
    product_cart: [{ product_id: SEED_PRODUCTS.course, quantity: 1 }],
    customer: { customer_id: SEED_CUSTOMERS.fresh },
    return_url: `${shopUrl}/thanks`,
  });
  expect(session.checkout_url).toBeTruthy();

  await page.goto(session.checkout_url!);
  await expect(page.getByRole("heading", { name: "Checkout" })).toBeVisible();
  await expect(page.getByText("Launch Your Course × 1")).toBeVisible();
  await page.getByLabel("Email").fill("fiona@example.com");
  await page.getByLabel("Name on card").fill("Fiona Fresh");
  await page.getByLabel("Country").selectOption("GB");
  await page.getByLabel("ZIP / postal code").fill("SW1A 1AA");
  await page.getByLabel("Visa 4242 — succeeds").check();
  await page.getByRole("button", { name: "Pay $49.00" }).click();

  await page.waitForURL(`${shopUrl}/thanks?**`);
  const landed = new URL(page.url());
  expect(landed.searchParams.get("status")).toBe("succeeded");
  await expect(page.getByTestId("status")).toHaveText("succeeded");

  const payment = await client.payments.retrieve(landed.searchParams.get("payment_id")!);
  expect(payment).toMatchObject({ status: "succeeded", total_amount: 4900, checkout_session_id: session.session_id, billing: { country: "GB", zipcode: "SW1A 1AA" } });
  const methods = await client.customers.retrievePaymentMethods(SEED_CUSTOMERS.fresh);
  expect(methods.items.map((m) => m.card?.last4_digits)).toEqual(["4242"]);
});
