// Per-test seeds for the plan-change services: a private sandbox, a private ladder of plans (its
// own Dodo products, so parallel test files never share a ladder) and a customer subscribed to
// one of them, mirrored into the app database through the same sync the app uses.
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { randomUUID } from "node:crypto";
import type DodoPayments from "dodopayments";
import { productFromDodo } from "@/lib/catalog/from-dodo";
import { db } from "@/lib/db/client";
import type { PlanLadder } from "@/lib/generated/prisma/client";
import { syncPayment, syncSubscription } from "@/lib/sync/sync";
import { createPlan, subscribeAtDodo, type SandboxControl } from "./dodo-seed";
import { startTestSandbox, type TestSandbox } from "./sandbox";

export const API_KEY = "sk_test_plans_unit";
const WEBHOOK_SECRET = "whsec_cGxhbnMtdW5pdC10ZXN0LXdlYmhvb2stc2VjcmV0";

export type PlansSandbox = {
  client: DodoPayments;
  url: string;
  control: SandboxControl;
  /** Stops the sandbox, lets `edit` change its saved state, starts it again (new URL and client). */
  restartWith(edit: (state: SandboxStateFile) => void): Promise<void>;
  close(): Promise<void>;
};

export type SandboxStateFile = { products: Record<string, { product: { price: { price: number } } }> };

export async function startPlansSandbox(): Promise<PlansSandbox> {
  const dataFile = path.join(fs.mkdtempSync(path.join(os.tmpdir(), "encore-plans-")), "sandbox.json");
  const start = () => startTestSandbox({ apiKey: API_KEY, webhookSecret: WEBHOOK_SECRET, dataFile });
  let running: TestSandbox = await start();
  const box: PlansSandbox = {
    client: running.client,
    url: running.sandbox.url,
    control: (method, urlPath, body) => running.control(method, urlPath, body),
    async restartWith(edit) {
      await running.close();
      const state = JSON.parse(fs.readFileSync(dataFile, "utf8")) as SandboxStateFile;
      edit(state);
      fs.writeFileSync(dataFile, JSON.stringify(state));
      running = await start();
      box.url = running.sandbox.url;
      box.client = running.client;
    },
    close: () => running.close(),
  };
  // Charges settle only when a test says so (POST /_sandbox/settle), never on a timer mid-assertion.
  await box.control("POST", "/_sandbox/settings", { settle_delay_ms: 600_000 });
  return box;
}

export type TestLadder = { ladder: PlanLadder; starter: string; basic: string; basicYearly: string; pro: string };

type Policy = Partial<Pick<PlanLadder, "upgradeProration" | "upgradeOnPaymentFailure" | "downgradeTiming" | "downgradeProration" | "allowIntervalChange">>;

/** Starter $20, Basic $30, Basic yearly $300, Pro $80 — ranked explicitly, as a merchant would. */
export async function createLadder(t: Pick<PlansSandbox, "client">, policy: Policy = {}): Promise<TestLadder> {
  const ladder = await db.planLadder.create({ data: { name: `plans-test-${randomUUID()}`, ...policy } });
  const plans = [
    ["starter", "Starter", 2000, "Month", 1],
    ["basic", "Basic", 3000, "Month", 3],
    ["basicYearly", "Basic yearly", 30000, "Year", 4],
    ["pro", "Pro", 8000, "Month", 5],
  ] as const;
  const ids: Record<string, string> = {};
  for (const [key, name, price, interval, rank] of plans) {
    const product = await createPlan(t.client, { name, price, interval });
    await db.product.create({ data: { ...productFromDodo(product), ladderId: ladder.id, planRank: rank } });
    ids[key] = product.product_id;
  }
  return { ladder, starter: ids.starter!, basic: ids.basic!, basicYearly: ids.basicYearly!, pro: ids.pro! };
}

export type Subscriber = { customerId: string; dodoCustomerId: string; subscriptionId: string };

/**
 * A customer who bought `productId` with a 4242 card. With `card: "0341"` the subscription's card
 * is then swapped for Dodo's "fails off-session" test card, as a customer would in the portal.
 */
export async function subscribe(t: Pick<PlansSandbox, "client" | "control">, productId: string, opts: { card?: "4242" | "0341" | "3155" } = {}): Promise<Subscriber> {
  const { dodoCustomerId, subscriptionId, paymentId } = await subscribeAtDodo(t.client, t.control, productId, opts.card);
  await syncPayment(paymentId, { dodo: t.client });
  const sub = await syncSubscription(subscriptionId, { dodo: t.client });
  return { customerId: sub.customerId, dodoCustomerId, subscriptionId };
}

/** Moves sandbox time to `fraction` of the subscription's current period. */
export async function moveIntoPeriod(t: PlansSandbox, subscriptionId: string, fraction: number): Promise<void> {
  const sub = await t.client.subscriptions.retrieve(subscriptionId);
  const start = Date.parse(sub.previous_billing_date);
  const end = Date.parse(sub.next_billing_date);
  await t.control("POST", "/_sandbox/clock", { set: new Date(start + (end - start) * fraction).toISOString() });
}

/** Renews once (clock to the next billing date); returns what the renewal charged (0 when credit paid it). */
export async function renew(t: PlansSandbox, subscriptionId: string): Promise<number> {
  const sub = await t.client.subscriptions.retrieve(subscriptionId);
  await t.control("POST", "/_sandbox/clock", { set: sub.next_billing_date });
  const { items } = await t.client.payments.list({ page_number: 0, subscription_id: subscriptionId });
  const newest = items[0];
  await syncSubscription(subscriptionId, { dodo: t.client });
  return newest && Date.parse(newest.created_at) >= Date.parse(sub.next_billing_date) ? newest.total_amount : 0;
}

/** Settles Dodo's pending charges and pulls the outcome in, as the webhooks would. */
export async function settleAndSync(t: PlansSandbox, subscriptionId: string): Promise<void> {
  await t.control("POST", "/_sandbox/settle");
  const { items } = await t.client.payments.list({ page_number: 0, subscription_id: subscriptionId });
  for (const p of items) await syncPayment(p.payment_id, { dodo: t.client });
  await syncSubscription(subscriptionId, { dodo: t.client });
}

export async function paymentsOf(t: PlansSandbox, subscriptionId: string) {
  return (await t.client.payments.list({ page_number: 0, subscription_id: subscriptionId })).items;
}
