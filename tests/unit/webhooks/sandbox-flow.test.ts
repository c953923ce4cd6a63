// End to end against the Dodo sandbox: real SDK calls, webhooks signed and delivered by the
// sandbox over HTTP to a small server running handleDodoWebhook. buy → entitlement,
// upgrade → plan and entitlement change, refund → revoked.
import http from "node:http";
import type { AddressInfo } from "node:net";
import DodoPayments from "dodopayments";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { productFromDodo } from "@/lib/catalog/from-dodo";
import { db } from "@/lib/db/client";
import { canUse } from "@/lib/entitlements/service";
import { handleDodoWebhook } from "@/lib/webhooks/handle";
import { startSandbox, type RunningSandbox } from "@/sandbox/server";
import { SEED_PRODUCTS } from "@/sandbox/seed";
import { uid } from "@/tests/support/dodo-objects";
import { seedChargeAttempt } from "@/tests/support/seed";

const API_KEY = "sk_sandbox_flow_test";
const SECRET = "whsec_c2FuZGJveC1mbG93LXRlc3Qtd2ViaG9vay1zZWNyZXQ=";

let sandbox: RunningSandbox;
let receiver: http.Server;
let client: DodoPayments;
const statuses: number[] = [];

async function until<T>(what: string, probe: () => Promise<T | null | undefined | false>, timeoutMs = 15_000): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const value = await probe();
    if (value) return value;
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}`);
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
}

beforeAll(async () => {
  receiver = http.createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on("data", (c: Buffer) => chunks.push(c));
    req.on("end", () => {
      const rawBody = Buffer.concat(chunks).toString("utf8");
      void handleDodoWebhook({ rawBody, headers: req.headers as Record<string, string> }, { secret: SECRET, dodo: client }).then((r) => {
        statuses.push(r.status);
        res.writeHead(r.status, { "content-type": "application/json" });
        res.end(JSON.stringify(r.body));
      });
    });
  });
  await new Promise<void>((resolve) => receiver.listen(0, "127.0.0.1", resolve));
  const webhookUrl = `http://127.0.0.1:${(receiver.address() as AddressInfo).port}/api/webhooks/dodo`;
  sandbox = await startSandbox({ port: 0, apiKey: API_KEY, webhookSecret: SECRET, webhookUrl, dataFile: null, retrySchedule: [0, 200, 500, 1000] });
  client = new DodoPayments({ bearerToken: API_KEY, baseURL: sandbox.url });
  // The app mirrors products from Dodo; this test's app-wide client points elsewhere, so mirror here.
  for (const id of [SEED_PRODUCTS.course, SEED_PRODUCTS.basic_monthly, SEED_PRODUCTS.pro_monthly]) {
    const mirror = productFromDodo(await client.products.retrieve(id));
    await db.product.upsert({ where: { id }, create: mirror, update: {} });
  }
});

afterAll(async () => {
  await sandbox?.close();
  await new Promise<void>((resolve) => receiver?.close(() => resolve()));
});

async function newCustomerWithCard() {
  const email = `${uid("flow").toLowerCase()}@example.com`;
  const cus = await client.customers.create({ email, name: "Flow Test" });
  const method = await client.post<{ payment_method_id: string }>(`/_sandbox/customers/${cus.customer_id}/payment-methods`, {
    body: { card_number: "4242424242424242" },
  });
  return { cus, paymentMethodId: method.payment_method_id };
}

describe("sandbox flows", () => {
  it("buy → entitlement, refund → revoked", async () => {
    const { cus, paymentMethodId } = await newCustomerWithCard();
    const { attemptId, impressionId } = await seedChargeAttempt({ customer_id: cus.customer_id, email: cus.email, name: cus.name });
    const session = await client.checkoutSessions.create(
      {
        product_cart: [{ product_id: SEED_PRODUCTS.course, quantity: 1 }],
        customer: { customer_id: cus.customer_id },
        payment_method_id: paymentMethodId,
        confirm: true,
        minimal_address: true,
        billing_address: { country: "US", zipcode: "94107" },
        metadata: { encore_impression_id: impressionId, encore_charge_attempt_id: attemptId },
      },
      { maxRetries: 0 },
    );
    const paymentId = session.payment_id!;
    const ref = { dodoCustomerId: cus.customer_id };
    await until("the purchase to grant access", () => canUse(ref, SEED_PRODUCTS.course));
    expect(await db.payment.findUniqueOrThrow({ where: { id: paymentId } })).toMatchObject({ status: "SUCCEEDED", checkoutSessionId: session.session_id });
    expect(await db.chargeAttempt.findUniqueOrThrow({ where: { id: attemptId } })).toMatchObject({ status: "SUCCEEDED", dodoPaymentId: paymentId });
    expect(await db.offerDecision.findUniqueOrThrow({ where: { impressionId } })).toMatchObject({ outcome: "ACCEPTED" });

    await client.refunds.create({ payment_id: paymentId, reason: "customer asked" });
    await client.post("/_sandbox/settle");
    await until("the refund to revoke access", async () => !(await canUse(ref, SEED_PRODUCTS.course)));
    expect(await db.payment.findUniqueOrThrow({ where: { id: paymentId } })).toMatchObject({ refundState: "FULL", refundedAmount: expect.any(Number) });
    expect(await db.entitlement.findFirstOrThrow({ where: { sourceId: paymentId } })).toMatchObject({ status: "REVOKED" });
  });

  it("subscribe → entitlement, upgrade → plan and entitlement change", async () => {
    const { cus, paymentMethodId } = await newCustomerWithCard();
    await client.checkoutSessions.create(
      {
        product_cart: [{ product_id: SEED_PRODUCTS.basic_monthly, quantity: 1 }],
        customer: { customer_id: cus.customer_id },
        payment_method_id: paymentMethodId,
        confirm: true,
        minimal_address: true,
        billing_address: { country: "US", zipcode: "94107" },
      },
      { maxRetries: 0 },
    );
    const ref = { dodoCustomerId: cus.customer_id };
    await until("the subscription to grant basic", () => canUse(ref, SEED_PRODUCTS.basic_monthly));
    const sub = await db.subscription.findFirstOrThrow({ where: { customer: { dodoCustomerId: cus.customer_id } } });
    expect(sub).toMatchObject({ status: "ACTIVE", productId: SEED_PRODUCTS.basic_monthly });

    await client.subscriptions.changePlan(
      sub.id,
      { product_id: SEED_PRODUCTS.pro_monthly, quantity: 1, proration_billing_mode: "difference_immediately" },
      { maxRetries: 0 },
    );
    await client.post("/_sandbox/settle");
    await until("the upgrade to grant pro", () => canUse(ref, SEED_PRODUCTS.pro_monthly));
    await until("the upgrade to end basic", async () => !(await canUse(ref, SEED_PRODUCTS.basic_monthly)));
    expect(await db.subscription.findUniqueOrThrow({ where: { id: sub.id } })).toMatchObject({ productId: SEED_PRODUCTS.pro_monthly, status: "ACTIVE" });
    expect(statuses.filter((s) => s !== 200)).toEqual([]);
  });
});
