// A webhook event that failed is retried by the worker, not only by Dodo's redeliveries: the retry
// is queued in the transaction that records the failure, re-applies the stored event (once, however
// often it runs) and keeps failing loudly — for the queue's backoff — while the cause persists.
import { describe, expect, it } from "vitest";
import { db } from "@/lib/db/client";
import type { JobContext } from "@/lib/jobs/define";
import { retryFailedWebhookJob } from "@/lib/webhooks/jobs";
import { handleDodoWebhook } from "@/lib/webhooks/handle";
import { retryWebhookJobKey } from "@/lib/webhooks/process";
import { customer, envelope, payment, signed } from "@/tests/support/dodo-objects";
import { queuedJobs } from "@/tests/support/jobs";
import { seedProductId, uid } from "@/tests/support/seed";

const ctx = (): JobContext & { lines: string[] } => {
  const lines: string[] = [];
  return { jobId: "test", attempt: 1, maxAttempts: 10, log: (line) => lines.push(line), lines };
};

describe("webhooks.retry-failed", () => {
  it("is queued with the failure, re-applies the stored event once, and is a no-op after", async () => {
    const product = await seedProductId();
    const p = payment({ customer: customer(), product_cart: [{ product_id: product, quantity: 1 }] });
    const req = signed(envelope("payment.succeeded", p));
    const crashed = await handleDodoWebhook(req, { afterFirstWrite: () => { throw new Error("injected crash"); } });
    expect(crashed.status).toBe(500);
    expect(await queuedJobs(retryWebhookJobKey(req.id))).toMatchObject([{ task: "webhooks.retry-failed", payload: { webhookId: req.id }, attempts: 0 }]);
    // A second failed delivery keeps the one pending retry.
    await handleDodoWebhook(req, { afterFirstWrite: () => { throw new Error("injected crash"); } });
    expect(await queuedJobs(retryWebhookJobKey(req.id))).toHaveLength(1);

    const first = ctx();
    await retryFailedWebhookJob.run({ webhookId: req.id }, first);
    expect(first.lines).toEqual([`webhook ${req.id} re-applied (processed)`]);
    expect(await db.webhookEvent.findUniqueOrThrow({ where: { id: req.id } })).toMatchObject({ outcome: "PROCESSED" });
    expect(await db.entitlement.count({ where: { sourceId: p.payment_id } })).toBe(1);
    const again = ctx();
    await retryFailedWebhookJob.run({ webhookId: req.id }, again);
    expect(again.lines).toEqual([`webhook ${req.id} already applied`]);
    expect(await db.entitlement.count({ where: { sourceId: p.payment_id } })).toBe(1);
  });

  it("throws while the event still fails, so the queue retries it with backoff, and queues nothing more itself", async () => {
    // A product this app has never seen must be fetched from Dodo, which is unreachable here.
    const p = payment({ customer: customer(), product_cart: [{ product_id: uid("pdt"), quantity: 1 }] });
    const req = signed(envelope("payment.succeeded", p));
    expect((await handleDodoWebhook(req)).status).toBe(500);
    await db.$executeRaw`DELETE FROM graphile_worker._private_jobs WHERE key = ${retryWebhookJobKey(req.id)}`;
    await expect(retryFailedWebhookJob.run({ webhookId: req.id }, ctx())).rejects.toThrow(/replay of webhook .* failed again/);
    expect(await db.webhookEvent.findUniqueOrThrow({ where: { id: req.id } })).toMatchObject({ outcome: "FAILED" });
    expect(await queuedJobs(retryWebhookJobKey(req.id))).toHaveLength(0);
  });
});
