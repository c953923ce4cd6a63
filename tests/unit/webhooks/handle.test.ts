// The HTTP contract of the webhook handler: what is rejected, what is stored, what is acknowledged.
import { describe, expect, it } from "vitest";
import type { WebhookEventType } from "dodopayments/resources/webhook-events";
import { Webhook } from "standardwebhooks";
import { db } from "@/lib/db/client";
import { handleDodoWebhook, MAX_WEBHOOK_BODY_BYTES } from "@/lib/webhooks/handle";
import { listWebhookEvents, NEEDS_ATTENTION, replayEvent } from "@/lib/webhooks/log";
import { customer, envelope, payment, signed, uid } from "@/tests/support/dodo-objects";
import { seedProductId } from "@/tests/support/seed";

const OTHER_SECRET = "whsec_b3RoZXItc2VjcmV0LW5vdC1vdXJzLTAxMjM0NTY3ODk=";

async function stored(paymentId: string, webhookId: string) {
  const [event, row] = await Promise.all([
    db.webhookEvent.findUnique({ where: { id: webhookId } }),
    db.payment.findUnique({ where: { id: paymentId } }),
  ]);
  return { event, payment: row };
}

describe("signature and size checks", () => {
  it("rejects a body signed with another key with 401 and stores nothing", async () => {
    const p = payment({ customer: customer() });
    const req = signed(envelope("payment.succeeded", p), { secret: OTHER_SECRET });
    const res = await handleDodoWebhook(req);
    expect(res.status).toBe(401);
    expect(await stored(p.payment_id, req.id)).toEqual({ event: null, payment: null });
  });

  it("rejects a tampered body with 401", async () => {
    const p = payment({ customer: customer() });
    const req = signed(envelope("payment.succeeded", p));
    const res = await handleDodoWebhook({ ...req, rawBody: req.rawBody.replace('"total_amount":4900', '"total_amount":1') });
    expect(res.status).toBe(401);
    expect(await stored(p.payment_id, req.id)).toEqual({ event: null, payment: null });
  });

  it("rejects missing signature headers with 401", async () => {
    const p = payment({ customer: customer() });
    const req = signed(envelope("payment.succeeded", p));
    for (const drop of ["webhook-id", "webhook-timestamp", "webhook-signature"]) {
      const headers = Object.fromEntries(Object.entries(req.headers).filter(([k]) => k !== drop));
      expect((await handleDodoWebhook({ rawBody: req.rawBody, headers })).status).toBe(401);
    }
    expect(await stored(p.payment_id, req.id)).toEqual({ event: null, payment: null });
  });

  it("rejects timestamps outside the ±5 minute window with 401", async () => {
    const p = payment({ customer: customer() });
    const stale = signed(envelope("payment.succeeded", p), { at: new Date(Date.now() - 6 * 60_000) });
    const future = signed(envelope("payment.succeeded", p), { at: new Date(Date.now() + 6 * 60_000) });
    expect((await handleDodoWebhook(stale)).status).toBe(401);
    expect((await handleDodoWebhook(future)).status).toBe(401);
    expect(await db.webhookEvent.count({ where: { id: { in: [stale.id, future.id] } } })).toBe(0);
    // Just inside the window is fine.
    expect((await handleDodoWebhook(signed(envelope("payment.succeeded", p), { at: new Date(Date.now() - 4 * 60_000) }))).status).toBe(200);
  });

  it("accepts headers given as a Headers object and any matching signature in a list", async () => {
    const p = payment({ customer: customer() });
    const req = signed(envelope("payment.processing", { ...p, status: "processing" }));
    const other = new Webhook(OTHER_SECRET).sign(req.id, new Date(), req.rawBody);
    const headers = new Headers({ ...req.headers, "webhook-signature": `${other} ${req.headers["webhook-signature"]}` });
    expect((await handleDodoWebhook({ rawBody: req.rawBody, headers })).status).toBe(200);
  });

  it("rejects an oversized body with 413 before anything else", async () => {
    const p = payment({ customer: customer(), metadata: { padding: "x".repeat(MAX_WEBHOOK_BODY_BYTES) } });
    const req = signed(envelope("payment.succeeded", p));
    expect((await handleDodoWebhook(req)).status).toBe(413);
    expect(await stored(p.payment_id, req.id)).toEqual({ event: null, payment: null });
  });

  it("answers 400 to a correctly signed body that is not a Dodo envelope", async () => {
    const req = signed({ hello: "world" });
    expect((await handleDodoWebhook(req)).status).toBe(400);
    expect(await db.webhookEvent.findUnique({ where: { id: req.id } })).toBeNull();
  });
});

describe("storage and idempotency", () => {
  it("stores a verified event with its effects and treats a redelivery as a no-op", async () => {
    const product = await seedProductId();
    const cus = customer();
    const p = payment({ customer: cus, product_cart: [{ product_id: product, quantity: 1 }] });
    const req = signed(envelope("payment.succeeded", p));
    const first = await handleDodoWebhook(req);
    expect(first).toEqual({ status: 200, body: { id: req.id, outcome: "processed" } });
    const event = await db.webhookEvent.findUniqueOrThrow({ where: { id: req.id } });
    expect(event).toMatchObject({ type: "payment.succeeded", outcome: "PROCESSED", attempts: 1, error: null });
    expect((event.payload as { data: { payment_id: string } }).data.payment_id).toBe(p.payment_id);
    const before = await db.payment.findUniqueOrThrow({ where: { id: p.payment_id } });

    // Same webhook-id again (Dodo retries), even re-signed later: acknowledged, nothing changes.
    const again = await handleDodoWebhook(signed(envelope("payment.succeeded", p), { id: req.id }));
    expect(again).toEqual({ status: 200, body: { id: req.id, outcome: "duplicate" } });
    expect(await db.webhookEvent.findUniqueOrThrow({ where: { id: req.id } })).toMatchObject({ attempts: 1, outcome: "PROCESSED" });
    expect((await db.payment.findUniqueOrThrow({ where: { id: p.payment_id } })).updatedAt).toEqual(before.updatedAt);
    expect(await db.entitlement.count({ where: { sourceId: p.payment_id } })).toBe(1);
  });

  it("lets only one of two simultaneous deliveries of one id apply", async () => {
    const product = await seedProductId();
    const p = payment({ customer: customer(), product_cart: [{ product_id: product, quantity: 1 }] });
    const req = signed(envelope("payment.succeeded", p));
    const results = await Promise.all([handleDodoWebhook(req), handleDodoWebhook(req), handleDodoWebhook(req)]);
    expect(results.map((r) => r.status)).toEqual([200, 200, 200]);
    expect(results.filter((r) => r.body.outcome === "processed")).toHaveLength(1);
    expect(await db.webhookEvent.findUniqueOrThrow({ where: { id: req.id } })).toMatchObject({ attempts: 1 });
  });

  it("stores and acknowledges every event type it does not act on", async () => {
    const ignored: WebhookEventType[] = [
      "license_key.created", "payout.created", "payout.on_hold", "payout.in_progress", "payout.failed", "payout.success",
      "credit.added", "credit.deducted", "credit.expired", "credit.rolled_over", "credit.rollover_forfeited",
      "credit.overage_charged", "credit.overage_reset", "credit.manual_adjustment",
      "abandoned_checkout.detected", "abandoned_checkout.recovered", "dunning.started", "dunning.recovered",
      "entitlement_grant.created", "entitlement_grant.delivered", "entitlement_grant.failed", "entitlement_grant.revoked",
    ];
    for (const type of [...ignored, "something.new_next_year"]) {
      const req = signed(envelope(type, { payload_type: "Other", id: uid("obj") }));
      expect(await handleDodoWebhook(req)).toEqual({ status: 200, body: { id: req.id, outcome: "ignored" } });
      expect(await db.webhookEvent.findUniqueOrThrow({ where: { id: req.id } })).toMatchObject({ type, outcome: "IGNORED" });
    }
  });

  it("stores a verified event that can never be processed as REJECTED and acknowledges it once, so Dodo stops retrying", async () => {
    const poison = [
      envelope("payment.succeeded", {}),
      envelope("payment.succeeded", { payload_type: "Payment", payment_id: uid("pay") }),
      envelope("subscription.active", { subscription_id: uid("sub"), status: "not-a-status" }),
      envelope("refund.succeeded", { refund_id: uid("ref") }),
      envelope("dispute.opened", { dispute_id: uid("dis"), payment_id: uid("pay"), amount: "lots" }),
    ];
    for (const body of poison) {
      const req = signed(body);
      expect(await handleDodoWebhook(req)).toEqual({ status: 200, body: { id: req.id, outcome: "rejected" } });
      const row = await db.webhookEvent.findUniqueOrThrow({ where: { id: req.id } });
      expect(row).toMatchObject({ type: body.type, outcome: "REJECTED", attempts: 1, error: expect.stringContaining(`${body.type} payload is unusable`) });
      // Dodo's redelivery of the same id is acknowledged without running again.
      expect(await handleDodoWebhook(req)).toEqual({ status: 200, body: { id: req.id, outcome: "duplicate" } });
      expect(await db.webhookEvent.findUniqueOrThrow({ where: { id: req.id } })).toMatchObject({ outcome: "REJECTED", attempts: 1 });
      // The merchant sees it with what needs attention (console and `npm run events -- failed`); a replay says it is still unusable.
      expect((await listWebhookEvents({ outcome: NEEDS_ATTENTION, limit: 200 })).items.map((e) => e.id)).toContain(req.id);
      expect(await replayEvent(req.id)).toMatchObject({ ok: false, code: "replay_rejected", message: expect.stringMatching(/^Still unusable: /) });
    }
    expect(await db.payment.count({ where: { id: { in: poison.map((p) => String((p.data as { payment_id?: string }).payment_id)) } } })).toBe(0);
  });

  it("rejects (and stores, readably) an envelope carrying text PostgreSQL cannot hold", async () => {
    const p = payment({ customer: customer() });
    const req = signed(envelope("payment.succeeded", { ...p, metadata: { note: "nul \u0000 and \ud800 here" } }));
    expect(await handleDodoWebhook(req)).toMatchObject({ status: 200, body: { outcome: "rejected" } });
    const row = await db.webhookEvent.findUniqueOrThrow({ where: { id: req.id } });
    expect(row.outcome).toBe("REJECTED");
    expect((row.payload as { data: { metadata: { note: string } } }).data.metadata.note).toBe("nul \ufffd and \ufffd here");
    expect(await db.payment.findUnique({ where: { id: p.payment_id } })).toBeNull();
  });

  it("answers 500 on a transient failure and records it FAILED, so Dodo redelivers; the redelivery applies it", async () => {
    const product = await seedProductId();
    const p = payment({ customer: customer(), product_cart: [{ product_id: product, quantity: 1 }] });
    const req = signed(envelope("payment.succeeded", p));
    const dropped = Object.assign(new Error("Connection terminated unexpectedly"), { code: "ECONNRESET" });
    const res = await handleDodoWebhook(req, { afterFirstWrite: () => { throw dropped; } });
    expect(res).toEqual({ status: 500, body: { error: "processing_failed", id: req.id } });
    expect(await stored(p.payment_id, req.id)).toMatchObject({ event: { outcome: "FAILED", error: "Connection terminated unexpectedly" }, payment: null });
    expect(await handleDodoWebhook(req)).toEqual({ status: 200, body: { id: req.id, outcome: "processed" } });
    expect(await stored(p.payment_id, req.id)).toMatchObject({ event: { outcome: "PROCESSED", attempts: 2 }, payment: { status: "SUCCEEDED" } });
  });
});
