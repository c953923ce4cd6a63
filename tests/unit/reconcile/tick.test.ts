// The worker's scheduled re-sync, against a real sandbox that delivers no webhooks: what a lost
// webhook leaves stale is found without listing everything — Dodo's newest payments we never
// heard of, our open payments — and a one-click attempt an instance abandoned mid-call is handed
// to its resolver. Each tick does bounded work.
import type DodoPayments from "dodopayments";
import { describe, expect, it, vi } from "vitest";
import { resolveChargeJobKey } from "@/lib/checkout/charge-attempt";
import { db } from "@/lib/db/client";
import { resyncRecentlyChanged } from "@/lib/reconcile/tick";
import { syncPayment } from "@/lib/sync/sync";
import { SEED_CUSTOMERS, SEED_PAYMENT_METHODS, SEED_PRODUCTS } from "../../../sandbox/seed";
import { queuedJobs } from "@/tests/support/jobs";
import { useSandbox } from "@/tests/support/sandbox";
import { seedCustomer, seedImpression } from "@/tests/support/seed";

const t = useSandbox();
const box = vi.hoisted(() => ({ client: undefined as DodoPayments | undefined }));
vi.mock("@/lib/dodo/client", async (original) => ({ ...(await original<object>()), dodo: () => box.client! }));

async function oneClickAtDodo(): Promise<string> {
  box.client = t.client;
  const session = await t.client.checkoutSessions.create({
    product_cart: [{ product_id: SEED_PRODUCTS.template_pack, quantity: 1 }], customer: { customer_id: SEED_CUSTOMERS.demo },
    payment_method_id: SEED_PAYMENT_METHODS.demo_visa, confirm: true, minimal_address: true, billing_address: { country: "US", zipcode: "94107" },
  });
  return session.payment_id!;
}

describe("the scheduled re-sync", () => {
  it("picks up a payment Dodo made that no webhook told us about", async () => {
    const paymentId = await oneClickAtDodo();
    await t.control("POST", "/_sandbox/settle");
    expect(await db.payment.findUnique({ where: { id: paymentId } })).toBeNull();
    const report = await resyncRecentlyChanged({ dodo: t.client, limit: 100 });
    expect(report.payments).toBeGreaterThanOrEqual(1);
    expect(await db.payment.findUniqueOrThrow({ where: { id: paymentId } })).toMatchObject({ status: "SUCCEEDED" });
  });

  it("re-syncs our copy of a payment that settled at Dodo after we last saw it open", async () => {
    const paymentId = await oneClickAtDodo();
    await syncPayment(paymentId, { dodo: t.client });
    expect((await db.payment.findUniqueOrThrow({ where: { id: paymentId } })).status).toBe("PROCESSING");
    await t.control("POST", "/_sandbox/settle");
    // Written more than the settling margin ago, as the tick expects of rows it picks up.
    await db.$executeRaw`UPDATE "Payment" SET "updatedAt" = now() - interval '1 minute' WHERE id = ${paymentId}`;
    await resyncRecentlyChanged({ dodo: t.client, limit: 100 });
    expect((await db.payment.findUniqueOrThrow({ where: { id: paymentId } })).status).toBe("SUCCEEDED");
  });

  it("hands a one-click attempt left PENDING by a dead instance to its resolver", async () => {
    box.client = t.client;
    const customer = await seedCustomer();
    const { impression } = await seedImpression(customer.id);
    const attempt = await db.chargeAttempt.create({ data: { impressionId: impression.id, customerId: customer.id, amount: 1900, currency: "USD", status: "PENDING", createdAt: new Date(Date.now() - 5 * 60_000) } });
    const report = await resyncRecentlyChanged({ dodo: t.client, limit: 100 });
    expect(report.abandonedAttempts).toBeGreaterThanOrEqual(1);
    expect(await db.chargeAttempt.findUniqueOrThrow({ where: { id: attempt.id } })).toMatchObject({ status: "UNKNOWN", errorCode: "PROVIDER_UNAVAILABLE" });
    expect(await queuedJobs(resolveChargeJobKey(attempt.id))).toMatchObject([{ task: "checkout.resolve-charge", payload: { chargeAttemptId: attempt.id } }]);
  });

  it("does at most `limit` syncs per tick", async () => {
    for (let i = 0; i < 3; i++) await oneClickAtDodo();
    const report = await resyncRecentlyChanged({ dodo: t.client, limit: 2 });
    expect(report.payments + report.subscriptions + report.failures.length).toBeLessThanOrEqual(2);
  });
});
