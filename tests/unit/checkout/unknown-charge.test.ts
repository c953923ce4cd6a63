// A one-click charge whose answer never came back (Dodo processed it and the answer was lost, or
// nothing happened at all) against a real in-process sandbox that delivers no webhooks: the
// customer sees "confirming", the funnel waits on that offer, nothing can charge it twice, and the
// resolver job's work finds the truth at Dodo — the payment by our metadata, or none after the
// settle window — and the funnel continues from it.
import DodoPayments from "dodopayments";
import { describe, expect, it, vi } from "vitest";
import { db } from "@/lib/db/client";
import { offerCheckoutAllowed } from "@/lib/checkout/attempt-view";
import { startOfferCheckout } from "@/lib/checkout/intents";
import { acceptOffer } from "@/lib/checkout/one-click";
import { resolveChargeAttempt } from "@/lib/checkout/resolve-charge";
import { encoreMetadata } from "@/lib/dodo/metadata";
import { syncPayment } from "@/lib/sync/sync";
import { buyCourseIntoFunnel } from "@/tests/support/offer-journey";
import { useSandbox } from "@/tests/support/sandbox";

const t = useSandbox();
const box = vi.hoisted(() => ({ client: undefined as DodoPayments | undefined }));
vi.mock("@/lib/dodo/client", async (original) => ({ ...(await original<object>()), dodo: () => box.client! }));

async function acceptWithFault(fault: Record<string, unknown>) {
  box.client = t.client;
  const journey = await buyCourseIntoFunnel(t.client);
  await t.control("POST", "/_sandbox/faults", { endpoint: "POST /checkouts", customer_id: journey.customer.dodoCustomerId, times: 1, ...fault });
  const accepted = await acceptOffer({ impressionId: journey.impressionId, customerId: journey.customer.id }, { client: t.client });
  const attempt = await db.chargeAttempt.findUniqueOrThrow({ where: { impressionId: journey.impressionId } });
  return { ...journey, accepted, attempt };
}

const paymentsOf = async (dodoCustomerId: string, productId: string) => (await t.client.payments.list({ customer_id: dodoCustomerId, product_id: productId, page_number: 0 })).items;

describe("a one-click charge whose answer was lost", () => {
  it("Dodo charged it: confirming, no downsell, then found by our metadata → accepted, access, one payment", async () => {
    const j = await acceptWithFault({ lose_answer: 502 });
    expect(j.accepted).toEqual({ ok: true, charge: { status: "confirming" } });
    expect(j.attempt.status).toBe("UNKNOWN");
    await t.control("POST", "/_sandbox/settle");

    // Meanwhile: the same offer stays on screen, confirming; no downsell, no second charge, no fallback.
    const waiting = await j.show();
    expect(waiting).toMatchObject({ state: "offer", offer: { impressionId: j.impressionId, kind: "UPSELL", charge: { status: "confirming" } } });
    expect(await acceptOffer({ impressionId: j.impressionId, customerId: j.customer.id }, { client: t.client })).toEqual(j.accepted);
    expect(await startOfferCheckout(j.impressionId, j.customer, t.client)).toMatchObject({ ok: false, code: "in_progress" });

    expect(await resolveChargeAttempt(j.attempt.id, { client: t.client })).toMatchObject({ kind: "found", status: "SUCCEEDED" });
    expect(await db.chargeAttempt.findUniqueOrThrow({ where: { id: j.attempt.id } })).toMatchObject({ status: "SUCCEEDED", errorCode: null });
    expect(await db.offerDecision.findUniqueOrThrow({ where: { impressionId: j.impressionId } })).toMatchObject({ outcome: "ACCEPTED" });
    expect(await db.entitlement.count({ where: { customerId: j.customer.id, productId: j.coaching.id, status: "ACTIVE" } })).toBe(1);
    // The upsell's accept edge leads nowhere: the funnel is done, never at the downsell.
    expect(await j.show()).toEqual({ state: "done" });
    expect(await paymentsOf(j.customer.dodoCustomerId, j.coaching.id)).toHaveLength(1);
    // Running it again changes nothing.
    expect(await resolveChargeAttempt(j.attempt.id, { client: t.client })).toEqual({ kind: "settled", status: "SUCCEEDED" });
  });

  it("Dodo did nothing: waits out the settle window, then FAILED-not-charged; the downsell and the fallback open", async () => {
    const j = await acceptWithFault({ error_rate: 1 });
    expect(j.accepted).toEqual({ ok: true, charge: { status: "confirming" } });
    const within = await resolveChargeAttempt(j.attempt.id, { client: t.client, settleMs: 60_000 });
    expect(within).toEqual({ kind: "waiting", until: new Date(j.attempt.createdAt.getTime() + 60_000) });
    expect((await db.chargeAttempt.findUniqueOrThrow({ where: { id: j.attempt.id } })).status).toBe("UNKNOWN");
    expect(await offerCheckoutAllowed(j.impressionId)).toBe(false);

    const after = () => new Date(j.attempt.createdAt.getTime() + 60_001);
    expect(await resolveChargeAttempt(j.attempt.id, { client: t.client, settleMs: 60_000, now: after })).toEqual({ kind: "not_charged" });
    expect(await db.chargeAttempt.findUniqueOrThrow({ where: { id: j.attempt.id } })).toMatchObject({ status: "FAILED", errorCode: "NOT_CHARGED" });
    expect(await db.offerDecision.findUniqueOrThrow({ where: { impressionId: j.impressionId } })).toMatchObject({ outcome: "FAILED", reason: "not_charged" });
    expect(await paymentsOf(j.customer.dodoCustomerId, j.coaching.id)).toHaveLength(0);
    expect(await j.show()).toMatchObject({ state: "offer", offer: { kind: "DOWNSELL" } });
    expect(await offerCheckoutAllowed(j.impressionId)).toBe(true);
  });

  it("money wins: a payment of the attempt that shows up after 'not charged' makes it succeeded and accepted", async () => {
    const j = await acceptWithFault({ error_rate: 1 });
    await resolveChargeAttempt(j.attempt.id, { client: t.client, settleMs: 1, now: () => new Date(Date.now() + 1000) });
    expect((await db.chargeAttempt.findUniqueOrThrow({ where: { id: j.attempt.id } })).status).toBe("FAILED");
    // A request Dodo was still holding creates the payment late (same metadata as our call).
    const pm = (await t.client.customers.retrievePaymentMethods(j.customer.dodoCustomerId)).items[0]!;
    const late = await t.client.checkoutSessions.create({
      product_cart: [{ product_id: j.coaching.id, quantity: 1 }], customer: { customer_id: j.customer.dodoCustomerId }, payment_method_id: pm.payment_method_id,
      confirm: true, minimal_address: true, billing_address: { country: "US", zipcode: "10001" },
      metadata: encoreMetadata({ impressionId: j.impressionId, chargeAttemptId: j.attempt.id }),
    });
    await t.control("POST", "/_sandbox/settle");
    await syncPayment(late.payment_id!, { dodo: t.client });
    expect(await db.chargeAttempt.findUniqueOrThrow({ where: { id: j.attempt.id } })).toMatchObject({ status: "SUCCEEDED", dodoPaymentId: late.payment_id });
    expect(await db.offerDecision.findUniqueOrThrow({ where: { impressionId: j.impressionId } })).toMatchObject({ outcome: "ACCEPTED" });
  });

  it("keeps looking (throws for a retry) while Dodo does not answer the search", async () => {
    const j = await acceptWithFault({ error_rate: 1 });
    await t.control("POST", "/_sandbox/faults", { endpoint: "GET /payments", error_rate: 1 });
    await expect(resolveChargeAttempt(j.attempt.id, { client: t.client, settleMs: 1, now: () => new Date(Date.now() + 1000) })).rejects.toBeInstanceOf(DodoPayments.InternalServerError);
    expect((await db.chargeAttempt.findUniqueOrThrow({ where: { id: j.attempt.id } })).status).toBe("UNKNOWN");
  });
});
