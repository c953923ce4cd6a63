import { createRequire } from "node:module";
import type { Webhooks as WebhooksFactory } from "@dodopayments/nextjs";
import { Webhook } from "standardwebhooks";
import { describe, expect, it } from "vitest";
import { SEED_CUSTOMERS, SEED_PAYMENT_METHODS, SEED_PRODUCTS, SEED_SUBSCRIPTIONS } from "../../../sandbox/seed";
import { useSandbox, waitUntil, WEBHOOK_SECRET, type ReceivedWebhook } from "./helpers";

// The adapter's ESM bundle inlines Next's CommonJS internals (they read __dirname), so load its CJS build.
const { Webhooks } = createRequire(import.meta.url)("@dodopayments/nextjs") as { Webhooks: typeof WebhooksFactory };

const t = useSandbox({ receiver: true, sandbox: { retrySchedule: [0, 30, 30, 30] } });

async function buyTemplatePack(): Promise<string> {
  const session = await t.client.checkoutSessions.create({
    product_cart: [{ product_id: SEED_PRODUCTS.template_pack, quantity: 1 }], customer: { customer_id: SEED_CUSTOMERS.demo },
    payment_method_id: SEED_PAYMENT_METHODS.demo_visa, confirm: true, minimal_address: true, billing_address: { country: "US", zipcode: "94107" }, metadata: { offer: "o1" },
  });
  await t.control("POST", "/_sandbox/settle");
  return session.payment_id!;
}

/** Runs a received delivery through the @dodopayments/nextjs route handler; answers its HTTP status. */
async function nextjsStatus(webhook: ReceivedWebhook, seen: string[]): Promise<number> {
  const handler = Webhooks({ webhookKey: WEBHOOK_SECRET, onPayload: async (payload) => void seen.push(payload.type) });
  const request = new Request("http://localhost/api/webhooks", { method: "POST", headers: webhook.headers, body: webhook.body });
  return (await handler(request as never)).status;
}

describe("webhook bodies", () => {
  it("carry the Dodo envelope, verify with the SDK and standardwebhooks, and parse with @dodopayments/nextjs", async () => {
    const paymentId = await buyTemplatePack();
    await t.client.subscriptions.changePlan(SEED_SUBSCRIPTIONS.demo_basic, { product_id: SEED_PRODUCTS.pro_monthly, quantity: 1, proration_billing_mode: "difference_immediately" });
    await t.control("POST", "/_sandbox/settle");
    const refund = await t.client.refunds.create({ payment_id: paymentId });
    await t.control("POST", "/_sandbox/settle");
    const expected = ["payment.succeeded", "subscription.plan_changed", "subscription.updated", "refund.succeeded"];
    await t.receiver.waitFor((r) => expected.every((type) => r.some((w) => w.type === type)));

    const seen: string[] = [];
    for (const webhook of t.receiver.received) {
      const unwrapped = t.client.webhooks.unwrap(webhook.body, { headers: webhook.headers });
      expect(new Webhook(WEBHOOK_SECRET).verify(webhook.body, webhook.headers)).toEqual(unwrapped);
      expect(unwrapped.business_id).toMatch(/^bus_/);
      expect(Date.parse(unwrapped.timestamp)).not.toBeNaN();
      expect(webhook.headers["webhook-id"]).toMatch(/^msg_/);
      expect(await nextjsStatus(webhook, seen)).toBe(200);
    }
    expect(seen).toEqual(t.receiver.received.map((w) => w.type));

    const payment = JSON.parse(t.receiver.received.find((w) => w.type === "payment.succeeded")!.body) as { data: Record<string, unknown> };
    expect(payment.data).toMatchObject({ payload_type: "Payment", payment_id: paymentId, metadata: { offer: "o1" }, checkout_session_id: expect.stringMatching(/^cks_/) });
    for (const key of ["error_code", "error_message", "invoice_id", "discount_id", "card_holder_name", "subscription_id", "refund_status", "custom_field_responses"]) {
      expect(payment.data).toHaveProperty(key);
    }
    const sub = JSON.parse(t.receiver.received.find((w) => w.type === "subscription.plan_changed")!.body) as { data: Record<string, unknown> };
    expect(sub.data).toMatchObject({ payload_type: "Subscription", product_id: SEED_PRODUCTS.pro_monthly });
    for (const key of ["cancelled_at", "expires_at", "discount_id", "tax_id", "payment_method_id", "scheduled_change", "past_due_ends_at"]) {
      expect(sub.data).toHaveProperty(key);
    }
    const refundEvent = JSON.parse(t.receiver.received.find((w) => w.type === "refund.succeeded")!.body) as { data: Record<string, unknown> };
    expect(refundEvent.data).toMatchObject({ payload_type: "Refund", refund_id: refund.refund_id, amount: 1900, reason: null });
  });

  it("a tampered body fails verification in the nextjs handler (401)", async () => {
    await buyTemplatePack();
    await t.receiver.waitFor((r) => r.length > 0);
    const webhook = t.receiver.received[0]!;
    expect(await nextjsStatus({ ...webhook, body: webhook.body.replace("USD", "EUR") }, [])).toBe(401);
  });
});

describe("delivery", () => {
  it("retries non-2xx with the same webhook-id until it is accepted, and logs the attempts", async () => {
    t.receiver.answers.push(500, 503);
    await buyTemplatePack();
    await t.receiver.waitFor((r) => r.length >= 3);
    const ids = new Set(t.receiver.received.map((w) => w.headers["webhook-id"]));
    expect(ids.size).toBe(1);
    const log = await t.control<{ items: Array<{ id: string; status: string; attempts: Array<{ status: number | null }> }> }>("GET", "/_sandbox/deliveries?type=payment.succeeded");
    expect(log.items[0]).toMatchObject({ status: "delivered", attempts: [{ status: 500 }, { status: 503 }, { status: 200 }] });
  });

  it("gives up after the last scheduled attempt", async () => {
    t.receiver.answers.push(500, 500, 500, 500);
    await buyTemplatePack();
    await t.receiver.waitFor((r) => r.length >= 4);
    const log = () => t.control<{ items: Array<{ status: string; attempts: unknown[] }> }>("GET", "/_sandbox/deliveries");
    // The failed status is recorded once the last attempt's answer is in.
    await waitUntil(async () => (await log()).items[0]?.status !== "pending");
    const [delivery] = (await log()).items;
    expect(delivery).toMatchObject({ status: "failed" });
    expect(delivery!.attempts).toHaveLength(4);
  });

  it("redelivers a logged message with its original id", async () => {
    await buyTemplatePack();
    await t.receiver.waitFor((r) => r.length === 1);
    const log = await t.control<{ items: Array<{ id: string }> }>("GET", "/_sandbox/deliveries");
    await t.control("POST", `/_sandbox/deliveries/${log.items[0]!.id}/redeliver`);
    await t.receiver.waitFor((r) => r.length === 2);
    expect(t.receiver.received[1]!.headers["webhook-id"]).toBe(log.items[0]!.id);
    expect(t.receiver.received[1]!.body).toBe(t.receiver.received[0]!.body);
  });

  it("duplicate mode sends each message twice", async () => {
    await t.control("POST", "/_sandbox/webhooks", { duplicate: true });
    await buyTemplatePack();
    await t.receiver.waitFor((r) => r.length === 2);
    expect(t.receiver.received[0]!.headers["webhook-id"]).toBe(t.receiver.received[1]!.headers["webhook-id"]);
  });

  it("drop_first mode loses the first attempt; the retry delivers", async () => {
    await t.control("POST", "/_sandbox/webhooks", { drop_first: true });
    await buyTemplatePack();
    await t.receiver.waitFor((r) => r.length === 1);
    const log = await t.control<{ items: Array<{ attempts: Array<{ error: string | null }> }> }>("GET", "/_sandbox/deliveries");
    expect(log.items[0]!.attempts[0]!.error).toMatch(/dropped/);
  });

  it("withhold_customers never sends one customer's events (logged as withheld) and leaves others alone", async () => {
    await t.control("POST", "/_sandbox/webhooks", { withhold_customers: [SEED_CUSTOMERS.demo] });
    await buyTemplatePack();
    // Another customer's event still arrives (a subscription change of the failing-card customer).
    await t.client.subscriptions.update(SEED_SUBSCRIPTIONS.failing_starter, { metadata: { note: "other customer" } });
    await t.receiver.waitFor((r) => r.length >= 1);
    await new Promise((r) => setTimeout(r, 100));
    expect(t.receiver.received.map((r) => (JSON.parse(r.body) as { data: { customer: { customer_id: string } } }).data.customer.customer_id)).not.toContain(SEED_CUSTOMERS.demo);
    const withheld = await t.control<{ items: Array<{ type: string; attempts: Array<{ error: string | null }> }> }>("GET", "/_sandbox/deliveries?status=withheld");
    expect(withheld.items.map((d) => d.type)).toContain("payment.succeeded");
    expect(withheld.items[0]!.attempts[0]!.error).toMatch(/withheld/);
  });

  it("delay mode holds deliveries back", async () => {
    await t.control("POST", "/_sandbox/webhooks", { delay_ms: 300 });
    const started = Date.now();
    await buyTemplatePack();
    await t.receiver.waitFor((r) => r.length === 1);
    expect(Date.now() - started).toBeGreaterThanOrEqual(280);
  });

  it("shuffle mode delivers a burst out of emission order", async () => {
    // Snapshots, so each message still shows the metadata it was emitted with; seeded, so the order replays.
    await t.control("POST", "/_sandbox/webhooks", { shuffle: true, snapshot: true, shuffle_seed: 7 });
    // One update per call: a burst of ten subscription.updated events with increasing metadata.
    const emitted: number[] = [];
    await Promise.all(Array.from({ length: 10 }, (_, i) => {
      emitted.push(i);
      return t.client.subscriptions.update(SEED_SUBSCRIPTIONS.demo_basic, { metadata: { n: i } });
    }));
    await t.receiver.waitFor((r) => r.length === 10);
    const order = t.receiver.received.map((w) => (JSON.parse(w.body) as { data: { metadata: { n: number } } }).data.metadata.n);
    expect([...order].sort((a, b) => a - b)).toEqual(emitted);
    expect(order).not.toEqual(emitted);
  });
});

describe("payload at delivery time (docs: webhooks, Event Ordering: the latest payload at the time of delivery)", () => {
  const metadataOf = (webhook: ReceivedWebhook) => (JSON.parse(webhook.body) as { data: { metadata: { n: number } } }).data.metadata.n;
  const update = (n: number) => t.client.subscriptions.update(SEED_SUBSCRIPTIONS.demo_basic, { metadata: { n } });

  it("a redelivery carries the object's current state, with the original id and event timestamp", async () => {
    await update(1);
    await t.receiver.waitFor((r) => r.length === 1);
    await update(2);
    await t.receiver.waitFor((r) => r.length === 2);
    const log = await t.control<{ items: Array<{ id: string }> }>("GET", "/_sandbox/deliveries");
    await t.control("POST", `/_sandbox/deliveries/${log.items[0]!.id}/redeliver`);
    await t.receiver.waitFor((r) => r.length === 3);
    const [first, , again] = t.receiver.received;
    expect(again!.headers["webhook-id"]).toBe(first!.headers["webhook-id"]);
    expect([metadataOf(first!), metadataOf(again!)]).toEqual([1, 2]);
    expect(JSON.parse(again!.body).timestamp).toBe(JSON.parse(first!.body).timestamp);
    t.client.webhooks.unwrap(again!.body, { headers: again!.headers });
  });

  it("a late first delivery already carries the newer state", async () => {
    await t.control("POST", "/_sandbox/webhooks", { delay_ms: 150 });
    await update(1);
    await update(2);
    await t.receiver.waitFor((r) => r.length === 2);
    expect(t.receiver.received.map(metadataOf)).toEqual([2, 2]);
  });

  it("snapshot mode replays what was emitted", async () => {
    await t.control("POST", "/_sandbox/webhooks", { delay_ms: 150, snapshot: true });
    await update(1);
    await update(2);
    await t.receiver.waitFor((r) => r.length === 2);
    expect(t.receiver.received.map(metadataOf).sort()).toEqual([1, 2]);
  });
});
