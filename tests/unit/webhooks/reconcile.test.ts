// Reconciliation through the real SDK against a stand-in for Dodo's read API: the same convergence
// as webhooks, without WebhookEvent rows, and explicit paging from page 0.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { db } from "@/lib/db/client";
import { canUse } from "@/lib/entitlements/service";
import { reconcileRecent } from "@/lib/reconcile/recent";
import { syncPayment, syncSubscription } from "@/lib/sync/sync";
import { handleDodoWebhook } from "@/lib/webhooks/handle";
import { customer, envelope, payment, refund, signed, startFakeDodo, subscription } from "@/tests/support/dodo-objects";
import { seedProductId } from "@/tests/support/seed";

let fakeDodo: Awaited<ReturnType<typeof startFakeDodo>>;
beforeAll(async () => {
  fakeDodo = await startFakeDodo({});
});
afterAll(() => fakeDodo.close());

describe("syncPayment / syncSubscription", () => {
  it("syncPayment grants a purchase before any webhook, and the late webhook is then a no-op", async () => {
    const product = await seedProductId();
    const cus = customer();
    const p = payment({ customer: cus, product_cart: [{ product_id: product, quantity: 1 }] });
    fakeDodo.payments.set(p.payment_id, p);
    const row = await syncPayment(p.payment_id, { dodo: fakeDodo.client });
    expect(row).toMatchObject({ status: "SUCCEEDED", sourceUpdatedAt: new Date(p.updated_at!) });
    expect(await canUse({ dodoCustomerId: cus.customer_id }, product)).toBe(true);
    expect(await db.webhookEvent.count({ where: { payload: { path: ["data", "payment_id"], equals: p.payment_id } } })).toBe(0);

    await handleDodoWebhook(signed(envelope("payment.processing", { ...p, status: "processing", updated_at: new Date(Date.now() - 120_000).toISOString() })));
    expect(await db.payment.findUniqueOrThrow({ where: { id: p.payment_id } })).toMatchObject({ status: "SUCCEEDED" });
    expect(await db.entitlement.count({ where: { sourceId: p.payment_id } })).toBe(1);
  });

  it("syncPayment applies refunds listed on the payment", async () => {
    const product = await seedProductId();
    const cus = customer();
    const p = payment({ customer: cus, product_cart: [{ product_id: product, quantity: 1 }] });
    p.refunds = [refund({ payment_id: p.payment_id, customer: cus, is_partial: false, amount: null })];
    fakeDodo.payments.set(p.payment_id, p);
    expect(await syncPayment(p.payment_id, { dodo: fakeDodo.client })).toMatchObject({ refundState: "FULL", refundedAmount: 4900 });
    expect(await canUse({ dodoCustomerId: cus.customer_id }, product)).toBe(false);
  });

  it("syncSubscription versions by fetch time: an event from before the fetch does not win", async () => {
    const plan = await seedProductId("SUBSCRIPTION");
    const cus = customer();
    const s = subscription({ customer: cus, product_id: plan });
    fakeDodo.subscriptions.set(s.subscription_id, s);
    const before = new Date(Date.now() - 1000);
    expect(await syncSubscription(s.subscription_id, { dodo: fakeDodo.client })).toMatchObject({ status: "ACTIVE" });
    await handleDodoWebhook(signed(envelope("subscription.updated", { ...s, status: "pending" }, before)));
    expect(await db.subscription.findUniqueOrThrow({ where: { id: s.subscription_id } })).toMatchObject({ status: "ACTIVE" });
    expect(await canUse({ dodoCustomerId: cus.customer_id }, plan)).toBe(true);
  });

  it("surfaces Dodo errors to the caller", async () => {
    await expect(syncPayment("pay_doesnotexist000000000", { dodo: fakeDodo.client })).rejects.toThrow(/404/);
  });
});

describe("reconcileRecent", () => {
  it("pages explicitly from page 0 and converges every listed payment and subscription", async () => {
    const [product, plan] = [await seedProductId(), await seedProductId("SUBSCRIPTION")];
    const cus = customer();
    const payments = Array.from({ length: 5 }, () => payment({ customer: cus, product_cart: [{ product_id: product, quantity: 1 }] }));
    const subs = Array.from({ length: 3 }, () => subscription({ customer: cus, product_id: plan }));
    const local = await startFakeDodo({
      payments: new Map(payments.map((p) => [p.payment_id, p])),
      subscriptions: new Map(subs.map((s) => [s.subscription_id, s])),
    });
    try {
      const report = await reconcileRecent({ days: 3, pageSize: 2, dodo: local.client });
      const listed = local.requests.filter((r) => r.startsWith("GET /payments?")).map((r) => new URL(r.slice(4), "http://x").searchParams.get("page_number"));
      expect(listed).toEqual(["0", "1", "2"]);
      const ours = [...payments.map((p) => p.payment_id), ...subs.map((s) => s.subscription_id)];
      // Other test files' unsettled rows are re-synced too; the stand-in does not know them.
      expect(report.failures.filter((f) => ours.includes(f.id))).toEqual([]);
      expect(await db.payment.count({ where: { id: { in: payments.map((p) => p.payment_id) }, status: "SUCCEEDED" } })).toBe(5);
      expect(await db.subscription.count({ where: { id: { in: subs.map((s) => s.subscription_id) }, status: "ACTIVE" } })).toBe(3);
      expect(await db.entitlement.count({ where: { customer: { dodoCustomerId: cus.customer_id } } })).toBe(8);
    } finally {
      await local.close();
    }
  });
});
