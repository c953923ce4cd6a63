// payment.*, refund.* and dispute.* effects: payment rows, one-click attempts and decisions, plan
// change links, entitlements, refunds (full vs partial) and disputes, including out-of-order arrival.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { db } from "@/lib/db/client";
import { canUse } from "@/lib/entitlements/service";
import { handleDodoWebhook } from "@/lib/webhooks/handle";
import { customer, dispute, envelope, payment, refund, signed, startFakeDodo, subscription, uid } from "@/tests/support/dodo-objects";
import { seedChargeAttempt, seedProductId } from "@/tests/support/seed";

const send = async (type: string, data: unknown, at?: Date) => {
  const res = await handleDodoWebhook(signed(envelope(type, data, at)));
  expect(res.status, JSON.stringify(res.body)).toBe(200);
  return res;
};

let fakeDodo: Awaited<ReturnType<typeof startFakeDodo>>;
beforeAll(async () => {
  fakeDodo = await startFakeDodo({});
});
afterAll(() => fakeDodo.close());

describe("payment events", () => {
  it("payment.succeeded stores the payment, resolves the one-click attempt and grants the product", async () => {
    const product = await seedProductId();
    const cus = customer();
    const { attemptId, impressionId, customerId } = await seedChargeAttempt(cus);
    const p = payment({
      customer: cus,
      product_cart: [{ product_id: product, quantity: 1 }],
      checkout_session_id: "cks_oneclick1",
      metadata: { encore_impression_id: impressionId, encore_charge_attempt_id: attemptId },
    });
    await send("payment.succeeded", p);
    expect(await db.payment.findUniqueOrThrow({ where: { id: p.payment_id } })).toMatchObject({
      status: "SUCCEEDED", totalAmount: 4900, customerId, checkoutSessionId: "cks_oneclick1", cardLast4: "4242", refundState: "NONE",
    });
    expect(await db.chargeAttempt.findUniqueOrThrow({ where: { id: attemptId } })).toMatchObject({
      status: "SUCCEEDED", dodoPaymentId: p.payment_id, dodoCheckoutSessionId: "cks_oneclick1",
    });
    expect(await db.offerDecision.findUniqueOrThrow({ where: { impressionId } })).toMatchObject({ outcome: "ACCEPTED" });
    expect(await canUse({ dodoCustomerId: cus.customer_id }, product)).toBe(true);
    expect(await canUse({ customerId }, product)).toBe(true);
  });

  it("finds the attempt by checkout session id when metadata is missing", async () => {
    const cus = customer();
    const sessionId = uid("cks");
    const { attemptId } = await seedChargeAttempt(cus, { checkoutSessionId: sessionId });
    const p = payment({ customer: cus, checkout_session_id: sessionId });
    await send("payment.succeeded", p);
    expect(await db.chargeAttempt.findUniqueOrThrow({ where: { id: attemptId } })).toMatchObject({ status: "SUCCEEDED", dodoPaymentId: p.payment_id });
  });

  it("payment.failed fails the attempt and the decision with the error code, granting nothing", async () => {
    const product = await seedProductId();
    const cus = customer();
    const { attemptId, impressionId } = await seedChargeAttempt(cus);
    const p = payment({
      customer: cus,
      status: "failed",
      error_code: "INSUFFICIENT_FUNDS",
      error_message: "Insufficient funds",
      product_cart: [{ product_id: product, quantity: 1 }],
      metadata: { encore_impression_id: impressionId, encore_charge_attempt_id: attemptId },
    });
    await send("payment.failed", p);
    expect(await db.chargeAttempt.findUniqueOrThrow({ where: { id: attemptId } })).toMatchObject({ status: "FAILED", errorCode: "INSUFFICIENT_FUNDS" });
    expect(await db.offerDecision.findUniqueOrThrow({ where: { impressionId } })).toMatchObject({ outcome: "FAILED", reason: "INSUFFICIENT_FUNDS" });
    expect(await db.entitlement.count({ where: { sourceId: p.payment_id } })).toBe(0);
  });

  it("an older payment.processing arriving after payment.succeeded changes nothing", async () => {
    const product = await seedProductId();
    const cus = customer();
    const { attemptId, impressionId } = await seedChargeAttempt(cus);
    const base = { customer: cus, product_cart: [{ product_id: product, quantity: 1 }], metadata: { encore_charge_attempt_id: attemptId, encore_impression_id: impressionId } };
    const p = payment({ ...base, updated_at: new Date(Date.now() - 1000).toISOString() });
    const processing = { ...p, status: "processing" as const, updated_at: new Date(Date.now() - 5000).toISOString() };
    await send("payment.succeeded", p);
    await send("payment.processing", processing);
    expect(await db.payment.findUniqueOrThrow({ where: { id: p.payment_id } })).toMatchObject({ status: "SUCCEEDED" });
    expect(await db.chargeAttempt.findUniqueOrThrow({ where: { id: attemptId } })).toMatchObject({ status: "SUCCEEDED" });
    expect(await canUse({ dodoCustomerId: cus.customer_id }, product)).toBe(true);
  });

  it("does not grant a subscription product through a payment (the subscription does)", async () => {
    const plan = await seedProductId("SUBSCRIPTION");
    const cus = customer();
    const p = payment({ customer: cus, product_cart: [{ product_id: plan, quantity: 1 }], subscription_id: "sub_x" });
    await send("payment.succeeded", p);
    expect(await db.entitlement.count({ where: { sourceId: p.payment_id } })).toBe(0);
  });

  it("links plan-change payments: success applies, a failed prevent_change fails", async () => {
    const [from, to] = [await seedProductId("SUBSCRIPTION"), await seedProductId("SUBSCRIPTION")];
    const cus = customer();
    const s = subscription({ customer: cus, product_id: from });
    await send("subscription.active", s);
    const quote = { subscriptionId: s.subscription_id, fromProductId: from, toProductId: to, prorationMode: "DIFFERENCE_IMMEDIATELY" as const, effectiveAt: "IMMEDIATELY" as const, quotedAmount: 2000, quotedCredits: 0, currency: "USD", status: "SUBMITTED" as const };
    const ok = await db.planChange.create({ data: { ...quote, onPaymentFailure: "PREVENT_CHANGE" } });
    const bad = await db.planChange.create({ data: { ...quote, onPaymentFailure: "PREVENT_CHANGE" } });
    const lenient = await db.planChange.create({ data: { ...quote, onPaymentFailure: "APPLY_CHANGE" } });
    const okPay = payment({ customer: cus, subscription_id: s.subscription_id, metadata: { encore_plan_change_id: ok.id } });
    const badPay = payment({ customer: cus, subscription_id: s.subscription_id, status: "failed", error_code: "CARD_DECLINED", metadata: { encore_plan_change_id: bad.id } });
    const lenientPay = payment({ customer: cus, subscription_id: s.subscription_id, status: "failed", error_code: "CARD_DECLINED", metadata: { encore_plan_change_id: lenient.id } });
    await send("payment.succeeded", okPay);
    await send("payment.failed", badPay);
    await send("payment.failed", lenientPay);
    expect(await db.planChange.findUniqueOrThrow({ where: { id: ok.id } })).toMatchObject({ status: "APPLIED", dodoPaymentId: okPay.payment_id });
    expect(await db.planChange.findUniqueOrThrow({ where: { id: bad.id } })).toMatchObject({ status: "FAILED", errorCode: "CARD_DECLINED" });
    expect(await db.planChange.findUniqueOrThrow({ where: { id: lenient.id } })).toMatchObject({ status: "SUBMITTED", errorCode: "CARD_DECLINED" });
  });
});

describe("refunds", () => {
  it("a partial refund keeps access and is reported net; a later full refund revokes", async () => {
    const product = await seedProductId();
    const cus = customer();
    const p = payment({ customer: cus, total_amount: 5000, product_cart: [{ product_id: product, quantity: 1 }] });
    await send("payment.succeeded", p);
    await send("refund.succeeded", refund({ payment_id: p.payment_id, customer: cus, is_partial: true, amount: 1500 }));
    expect(await db.payment.findUniqueOrThrow({ where: { id: p.payment_id } })).toMatchObject({ refundedAmount: 1500, refundState: "PARTIAL" });
    expect(await canUse({ dodoCustomerId: cus.customer_id }, product)).toBe(true);

    await send("refund.succeeded", refund({ payment_id: p.payment_id, customer: cus, is_partial: false, amount: 3500 }));
    expect(await db.payment.findUniqueOrThrow({ where: { id: p.payment_id } })).toMatchObject({ refundedAmount: 5000, refundState: "FULL" });
    expect(await db.entitlement.findFirstOrThrow({ where: { sourceId: p.payment_id } })).toMatchObject({ status: "REVOKED" });
    expect(await canUse({ dodoCustomerId: cus.customer_id }, product)).toBe(false);
  });

  it("partial refunds that add up to the total count as full", async () => {
    const product = await seedProductId();
    const cus = customer();
    const p = payment({ customer: cus, total_amount: 3000, product_cart: [{ product_id: product, quantity: 1 }] });
    await send("payment.succeeded", p);
    await send("refund.succeeded", refund({ payment_id: p.payment_id, customer: cus, is_partial: true, amount: 1000 }));
    await send("refund.succeeded", refund({ payment_id: p.payment_id, customer: cus, is_partial: true, amount: 2000 }));
    expect(await db.payment.findUniqueOrThrow({ where: { id: p.payment_id } })).toMatchObject({ refundedAmount: 3000, refundState: "FULL" });
    expect(await canUse({ dodoCustomerId: cus.customer_id }, product)).toBe(false);
  });

  it("a failed refund changes nothing, and a stale pending status never overwrites succeeded", async () => {
    const product = await seedProductId();
    const cus = customer();
    const p = payment({ customer: cus, product_cart: [{ product_id: product, quantity: 1 }] });
    await send("payment.succeeded", p);
    const r = refund({ payment_id: p.payment_id, customer: cus, status: "failed" });
    await send("refund.failed", r);
    expect(await db.payment.findUniqueOrThrow({ where: { id: p.payment_id } })).toMatchObject({ refundState: "NONE", refundedAmount: 0 });
    expect(await canUse({ dodoCustomerId: cus.customer_id }, product)).toBe(true);

    const full = refund({ payment_id: p.payment_id, customer: cus });
    await send("refund.succeeded", full);
    await send("refund.succeeded", { ...full, status: "pending" });
    expect(await db.refund.findUniqueOrThrow({ where: { id: full.refund_id } })).toMatchObject({ status: "succeeded" });
    expect(await canUse({ dodoCustomerId: cus.customer_id }, product)).toBe(false);
  });

  it("a refund arriving before its payment fetches the payment from Dodo and converges", async () => {
    const product = await seedProductId();
    const cus = customer();
    const r = refund({ payment_id: "", customer: cus });
    const p = payment({ customer: cus, product_cart: [{ product_id: product, quantity: 1 }], refund_status: "full", refunds: [] });
    r.payment_id = p.payment_id;
    p.refunds = [{ ...r }];
    fakeDodo.payments.set(p.payment_id, p);
    const res = await handleDodoWebhook(signed(envelope("refund.succeeded", r)), { dodo: fakeDodo.client });
    expect(res.status).toBe(200);
    expect(fakeDodo.requests).toContain(`GET /payments/${p.payment_id}`);
    expect(await db.payment.findUniqueOrThrow({ where: { id: p.payment_id } })).toMatchObject({ status: "SUCCEEDED", refundState: "FULL" });
    expect(await db.entitlement.findFirstOrThrow({ where: { sourceId: p.payment_id } })).toMatchObject({ status: "REVOKED" });

    // The late payment.succeeded (an older state) does not re-grant.
    await send("payment.succeeded", { ...p, refunds: [] });
    expect(await canUse({ dodoCustomerId: cus.customer_id }, product)).toBe(false);
  });

  it("a refund for a payment Dodo cannot return fails with 500 so Dodo retries", async () => {
    const cus = customer();
    const req = signed(envelope("refund.succeeded", refund({ payment_id: "pay_unknownxxxxxxxxxxxxx", customer: cus })));
    expect((await handleDodoWebhook(req, { dodo: fakeDodo.client })).status).toBe(500);
    expect(await db.webhookEvent.findUniqueOrThrow({ where: { id: req.id } })).toMatchObject({ outcome: "FAILED" });
  });
});

describe("disputes", () => {
  it("records disputes against the payment; a stale status never overwrites a later one", async () => {
    const cus = customer();
    const p = payment({ customer: cus });
    await send("payment.succeeded", p);
    const d = dispute({ payment_id: p.payment_id, amount: "4900" });
    await send("dispute.opened", d);
    await send("dispute.lost", { ...d, dispute_status: "dispute_lost", dispute_stage: "pre_arbitration" });
    await send("dispute.challenged", { ...d, dispute_status: "dispute_challenged" });
    expect(await db.dispute.findUniqueOrThrow({ where: { id: d.dispute_id } })).toMatchObject({
      paymentId: p.payment_id, amount: 4900, status: "dispute_lost", stage: "pre_arbitration",
    });
  });
});
