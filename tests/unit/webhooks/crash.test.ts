// Crash consistency: a failure after the first write leaves no partial state, is visible to the
// merchant as a FAILED event, and the redelivery (or a replay) applies it exactly once.
import { describe, expect, it } from "vitest";
import { db } from "@/lib/db/client";
import { handleDodoWebhook } from "@/lib/webhooks/handle";
import { listWebhookEvents, replayWebhookEvent } from "@/lib/webhooks/log";
import { customer, envelope, payment, refund, signed, subscription } from "@/tests/support/dodo-objects";
import { seedChargeAttempt, seedProductId } from "@/tests/support/seed";
import { waitUntil } from "@/tests/support/sandbox";

const crash = () => {
  throw new Error("injected crash after first write");
};

describe("a crash mid-processing", () => {
  it("rolls back a payment's effects, records the failure, and the retry applies once", async () => {
    const product = await seedProductId();
    const cus = customer();
    const { attemptId, impressionId } = await seedChargeAttempt(cus);
    const p = payment({
      customer: cus,
      product_cart: [{ product_id: product, quantity: 1 }],
      metadata: { encore_impression_id: impressionId, encore_charge_attempt_id: attemptId },
    });
    const req = signed(envelope("payment.succeeded", p));

    let calls = 0;
    const res = await handleDodoWebhook(req, {
      afterFirstWrite: async (tx) => {
        calls++;
        // The payment row really was written (inside the transaction, invisible outside it).
        expect(await tx.payment.findUnique({ where: { id: p.payment_id } })).not.toBeNull();
        expect(await tx.webhookEvent.findUnique({ where: { id: req.id } })).toMatchObject({ outcome: "PROCESSED" });
        expect(await db.payment.findUnique({ where: { id: p.payment_id } })).toBeNull();
        crash();
      },
    });
    expect(calls).toBe(1);
    expect(res).toEqual({ status: 500, body: { error: "processing_failed", id: req.id } });
    expect(await db.payment.findUnique({ where: { id: p.payment_id } })).toBeNull();
    expect(await db.entitlement.count({ where: { sourceId: p.payment_id } })).toBe(0);
    expect(await db.chargeAttempt.findUniqueOrThrow({ where: { id: attemptId } })).toMatchObject({ status: "SUBMITTED", dodoPaymentId: null });
    expect(await db.offerDecision.findUnique({ where: { impressionId } })).toBeNull();
    expect(await db.webhookEvent.findUniqueOrThrow({ where: { id: req.id } })).toMatchObject({
      outcome: "FAILED", attempts: 1, error: "injected crash after first write",
    });

    // Dodo redelivers the same webhook-id: now it applies, once.
    expect(await handleDodoWebhook(req)).toEqual({ status: 200, body: { id: req.id, outcome: "processed" } });
    expect(await db.webhookEvent.findUniqueOrThrow({ where: { id: req.id } })).toMatchObject({ outcome: "PROCESSED", attempts: 2, error: null });
    expect(await db.entitlement.findMany({ where: { sourceId: p.payment_id } })).toHaveLength(1);
    expect(await db.chargeAttempt.findUniqueOrThrow({ where: { id: attemptId } })).toMatchObject({ status: "SUCCEEDED" });
    expect(await db.offerDecision.findUniqueOrThrow({ where: { impressionId } })).toMatchObject({ outcome: "ACCEPTED" });

    expect(await handleDodoWebhook(req)).toEqual({ status: 200, body: { id: req.id, outcome: "duplicate" } });
    expect(await db.webhookEvent.findUniqueOrThrow({ where: { id: req.id } })).toMatchObject({ attempts: 2 });
  });

  it("rolls back a full refund: access stays until the retry revokes it", async () => {
    const product = await seedProductId();
    const cus = customer();
    const p = payment({ customer: cus, product_cart: [{ product_id: product, quantity: 1 }] });
    expect((await handleDodoWebhook(signed(envelope("payment.succeeded", p)))).status).toBe(200);
    const r = refund({ payment_id: p.payment_id, customer: cus });
    const req = signed(envelope("refund.succeeded", r));
    expect((await handleDodoWebhook(req, { afterFirstWrite: crash })).status).toBe(500);
    expect(await db.refund.findUnique({ where: { id: r.refund_id } })).toBeNull();
    expect(await db.payment.findUniqueOrThrow({ where: { id: p.payment_id } })).toMatchObject({ refundState: "NONE" });
    expect(await db.entitlement.findFirstOrThrow({ where: { sourceId: p.payment_id } })).toMatchObject({ status: "ACTIVE" });

    expect((await handleDodoWebhook(req)).status).toBe(200);
    expect(await db.payment.findUniqueOrThrow({ where: { id: p.payment_id } })).toMatchObject({ refundState: "FULL", refundedAmount: 4900 });
    expect(await db.entitlement.findFirstOrThrow({ where: { sourceId: p.payment_id } })).toMatchObject({ status: "REVOKED" });
  });

  it("a failed subscription event shows in the merchant log and can be replayed", async () => {
    const plan = await seedProductId("SUBSCRIPTION");
    const s = subscription({ customer: customer(), product_id: plan });
    const req = signed(envelope("subscription.active", s));
    expect((await handleDodoWebhook(req, { afterFirstWrite: crash })).status).toBe(500);
    expect((await handleDodoWebhook(req, { afterFirstWrite: crash })).status).toBe(500);
    expect(await db.subscription.findUnique({ where: { id: s.subscription_id } })).toBeNull();

    let cursor: string | undefined;
    const failed: string[] = [];
    do {
      const page = await listWebhookEvents({ outcome: "FAILED", limit: 50, cursor });
      failed.push(...page.items.map((e) => e.id));
      cursor = page.nextCursor ?? undefined;
    } while (cursor);
    expect(failed).toContain(req.id);
    expect(await db.webhookEvent.findUniqueOrThrow({ where: { id: req.id } })).toMatchObject({ attempts: 2, outcome: "FAILED" });

    expect(await replayWebhookEvent(req.id)).toEqual({ outcome: "PROCESSED" });
    expect(await db.webhookEvent.findUniqueOrThrow({ where: { id: req.id } })).toMatchObject({ attempts: 3, outcome: "PROCESSED" });
    expect(await db.entitlement.count({ where: { sourceId: s.subscription_id, status: "ACTIVE" } })).toBe(1);
    // Replaying an applied event is harmless: same state, nothing granted twice.
    expect(await replayWebhookEvent(req.id)).toEqual({ outcome: "PROCESSED" });
    expect(await db.entitlement.count({ where: { sourceId: s.subscription_id } })).toBe(1);
  });

  it("pages the event log newest first without gaps", async () => {
    const ids: string[] = [];
    for (let i = 0; i < 5; i++) {
      const req = signed(envelope("payout.created", { payload_type: "Payout", i }));
      await handleDodoWebhook(req);
      ids.push(req.id);
      // receivedAt has millisecond precision: the next event must be received strictly later for
      // the expected order to be unambiguous, so wait until the clock has passed this one.
      const { receivedAt } = await db.webhookEvent.findUniqueOrThrow({ where: { id: req.id }, select: { receivedAt: true } });
      await waitUntil(() => Date.now() > receivedAt.getTime(), 1_000);
    }
    const seen: string[] = [];
    let cursor: string | undefined;
    do {
      const page = await listWebhookEvents({ outcome: "IGNORED", limit: 2, cursor });
      expect(page.items.length).toBeLessThanOrEqual(2);
      seen.push(...page.items.map((e) => e.id));
      cursor = page.nextCursor ?? undefined;
    } while (cursor);
    expect(new Set(seen).size).toBe(seen.length);
    const ours = seen.filter((id) => ids.includes(id));
    expect(ours).toEqual([...ids].reverse());
  });
});
