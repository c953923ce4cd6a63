// Dodo's objects as the SDK types them, signed webhooks carrying them, and a stand-in for Dodo's
// read API. Every id is unique per call: other test files share the database and run in parallel.
import http from "node:http";
import type { AddressInfo } from "node:net";
import DodoPayments from "dodopayments";
import type { Dispute } from "dodopayments/resources/disputes";
import type { Payment } from "dodopayments/resources/payments";
import type { Refund } from "dodopayments/resources/refunds";
import type { Subscription } from "dodopayments/resources/subscriptions";
import { Webhook } from "standardwebhooks";
import { loadEnv } from "@/lib/env";
import type { WebhookRequest } from "@/lib/webhooks/handle";
import { uid } from "./ids";

export { uid };

export type Envelope<T> = { business_id: string; type: string; timestamp: string; data: T };

export function envelope<T>(type: string, data: T, timestamp: Date = new Date()): Envelope<T> {
  return { business_id: "bus_test", type, timestamp: timestamp.toISOString(), data };
}

/** Signs like Dodo: Standard Webhooks over the exact body string, with the configured secret. */
export function signed(body: unknown, opts: { id?: string; at?: Date; secret?: string } = {}): WebhookRequest & { id: string; headers: Record<string, string> } {
  const id = opts.id ?? uid("msg");
  const at = opts.at ?? new Date();
  const rawBody = JSON.stringify(body);
  const signature = new Webhook(opts.secret ?? loadEnv().DODO_PAYMENTS_WEBHOOK_KEY).sign(id, at, rawBody);
  return {
    id,
    rawBody,
    headers: { "webhook-id": id, "webhook-timestamp": String(Math.floor(at.getTime() / 1000)), "webhook-signature": signature },
  };
}

export type CustomerRef = { customer_id: string; email: string; name: string };
export function customer(): CustomerRef {
  const id = uid("cus");
  return { customer_id: id, email: `${id.toLowerCase()}@example.com`, name: "Test Customer" };
}

export function payment(p: Partial<Payment> & { customer: CustomerRef }): Payment & { payload_type: "Payment" } {
  const created = p.created_at ?? new Date(Date.now() - 60_000).toISOString();
  return {
    payload_type: "Payment",
    payment_id: uid("pay"),
    business_id: "bus_test",
    brand_id: "brnd_test",
    created_at: created,
    updated_at: created,
    currency: "USD",
    total_amount: 4900,
    settlement_amount: 4900,
    settlement_currency: "USD",
    billing: { country: "US", zipcode: "94107", city: null, state: null, street: null },
    metadata: {},
    digital_products_delivered: false,
    disputes: [],
    refunds: [],
    subscription_ids: [],
    is_multi_subscription: false,
    is_update_payment_method: false,
    payment_provider: "dodo",
    retry_attempt: 0,
    status: "succeeded",
    subscription_id: null,
    product_cart: null,
    checkout_session_id: null,
    payment_method_id: "pm_test",
    card_last_four: "4242",
    card_network: "VISA",
    error_code: null,
    error_message: null,
    refund_status: null,
    ...p,
  };
}

export function subscription(s: Partial<Subscription> & { customer: CustomerRef; product_id: string }): Subscription & { payload_type: "Subscription" } {
  const start = new Date(Date.now() - 86_400_000);
  return {
    payload_type: "Subscription",
    subscription_id: uid("sub"),
    status: "active",
    quantity: 1,
    currency: "USD",
    recurring_pre_tax_amount: 2900,
    tax_inclusive: false,
    created_at: start.toISOString(),
    previous_billing_date: start.toISOString(),
    next_billing_date: new Date(start.getTime() + 30 * 86_400_000).toISOString(),
    payment_frequency_count: 1,
    payment_frequency_interval: "Month",
    subscription_period_count: 12,
    subscription_period_interval: "Month",
    trial_period_days: 0,
    cancel_at_next_billing_date: false,
    on_demand: false,
    billing: { country: "US", zipcode: "94107", city: null, state: null, street: null },
    metadata: {},
    addons: [],
    meters: [],
    credit_entitlement_cart: [],
    meter_credit_entitlement_cart: [],
    brand_id: "brnd_test",
    has_payment_method: true,
    payment_method_id: "pm_test",
    scheduled_change: null,
    cancelled_at: null,
    expires_at: null,
    paused_at: null,
    ...s,
  };
}

export function refund(r: Partial<Refund> & { payment_id: string; customer: CustomerRef }): Refund & { payload_type: "Refund" } {
  return {
    payload_type: "Refund",
    refund_id: uid("ref"),
    business_id: "bus_test",
    brand_id: "brnd_test",
    created_at: new Date().toISOString(),
    is_partial: false,
    metadata: {},
    status: "succeeded",
    amount: 4900,
    currency: "USD",
    reason: "requested_by_customer",
    ...r,
  };
}

export function dispute(d: Partial<Dispute> & { payment_id: string }): Dispute & { payload_type: "Dispute" } {
  return {
    payload_type: "Dispute",
    dispute_id: uid("dsp"),
    business_id: "bus_test",
    created_at: new Date().toISOString(),
    amount: "4900",
    currency: "USD",
    dispute_stage: "dispute",
    dispute_status: "dispute_opened",
    remarks: null,
    ...d,
  };
}

/**
 * A stand-in for Dodo's read API (GET /payments/:id, /subscriptions/:id and their lists), driven
 * through the real SDK, for fetches made by reconciliation and by refunds of unseen payments.
 */
export async function startFakeDodo(objects: { payments?: Map<string, Payment>; subscriptions?: Map<string, Subscription> }) {
  const payments = objects.payments ?? new Map<string, Payment>();
  const subscriptions = objects.subscriptions ?? new Map<string, Subscription>();
  const requests: string[] = [];
  const server = http.createServer((req, res) => {
    requests.push(`${req.method} ${req.url}`);
    const url = new URL(req.url ?? "/", "http://localhost");
    const [, resource, id] = url.pathname.split("/");
    const store: Map<string, unknown> | undefined = resource === "payments" ? payments : resource === "subscriptions" ? subscriptions : undefined;
    const send = (status: number, body: unknown) => {
      res.writeHead(status, { "content-type": "application/json" });
      res.end(JSON.stringify(body));
    };
    if (!store || req.method !== "GET") return send(404, { code: "NOT_FOUND", message: "no route" });
    if (id) return store.has(id) ? send(200, store.get(id)) : send(404, { code: "NOT_FOUND", message: `${id} not found` });
    const page = Number(url.searchParams.get("page_number") ?? 0);
    const size = Number(url.searchParams.get("page_size") ?? 10);
    send(200, { items: [...store.values()].slice(page * size, (page + 1) * size) });
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const port = (server.address() as AddressInfo).port;
  const client = new DodoPayments({ bearerToken: "sk_test_fake", baseURL: `http://127.0.0.1:${port}`, maxRetries: 0 });
  return { client, payments, subscriptions, requests, close: () => new Promise<void>((resolve) => server.close(() => resolve())) };
}
