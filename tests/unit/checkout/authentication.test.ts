// 3-D Secure on a one-click charge, against a real in-process sandbox: the charge waits in
// requires_customer_action, the customer is sent to Dodo's page to confirm it, and the funnel
// continues from the outcome — accepted and granted, or a clear failure, the downsell and the
// hosted-checkout fallback. Never "processing" forever.
import type DodoPayments from "dodopayments";
import { describe, expect, it, vi } from "vitest";
import { db } from "@/lib/db/client";
import { offerCheckoutAllowed } from "@/lib/checkout/attempt-view";
import { authenticationReturn } from "@/lib/checkout/authentication-return";
import { acceptOffer, chargeStatus } from "@/lib/checkout/one-click";
import { loadEnv } from "@/lib/env";
import { answerAuthentication, buyCourseIntoFunnel } from "@/tests/support/offer-journey";
import { useSandbox } from "@/tests/support/sandbox";

const t = useSandbox();
const box = vi.hoisted(() => ({ client: undefined as DodoPayments | undefined }));
vi.mock("@/lib/dodo/client", async (original) => ({ ...(await original<object>()), dodo: () => box.client! }));

const AUTH_CARD = "4000002500003155";

/** Bought with the authentication card; the upsell accepted in one click, its charge now waiting on the bank. */
async function waitingOnTheBank() {
  box.client = t.client;
  const j = await buyCourseIntoFunnel(t.client, { card: AUTH_CARD });
  const accepted = await acceptOffer({ impressionId: j.impressionId, customerId: j.customer.id }, { client: t.client });
  // Dodo answers while the charge is processing; on a slow machine the sandbox may already have
  // moved it to the bank's step by the time the answer is read back. Never a decided outcome.
  expect(accepted).toMatchObject({ ok: true, charge: { status: expect.stringMatching(/^(processing|authenticate)$/) } });
  await t.control("POST", "/_sandbox/settle");
  const view = await chargeStatus({ impressionId: j.impressionId, customerId: j.customer.id }, { client: t.client });
  return { ...j, view };
}

describe("a one-click charge that needs 3-D Secure", () => {
  it("sends the customer to Dodo's page; completed → back on the thank-you page, accepted, with access", async () => {
    const j = await waitingOnTheBank();
    expect(j.view).toEqual({ status: "authenticate", url: expect.stringContaining("/authenticate/") });
    // Waiting on the customer: the funnel stays on this offer, and no second way to pay opens.
    expect(await j.show()).toMatchObject({ state: "offer", offer: { impressionId: j.impressionId, charge: { status: "authenticate" } } });
    expect(await offerCheckoutAllowed(j.impressionId)).toBe(false);

    const back = await answerAuthentication((j.view as { url: string }).url, "complete");
    const returnUrl = new URL(back!);
    expect(`${returnUrl.origin}${returnUrl.pathname}`).toBe(`${loadEnv().APP_URL}/thank-you/authenticated`);
    expect(returnUrl.searchParams.get("impression")).toBe(j.impressionId);
    expect(await authenticationReturn(j.impressionId, j.customer.id)).toBe(`/thank-you?order=${j.intentId}`);

    const attempt = await db.chargeAttempt.findUniqueOrThrow({ where: { impressionId: j.impressionId } });
    expect(attempt).toMatchObject({ status: "SUCCEEDED" });
    expect(await db.offerDecision.findUniqueOrThrow({ where: { impressionId: j.impressionId } })).toMatchObject({ outcome: "ACCEPTED" });
    expect(await db.entitlement.count({ where: { customerId: j.customer.id, productId: j.coaching.id, status: "ACTIVE" } })).toBe(1);
    expect(await j.show()).toEqual({ state: "done" });
  });

  it("failed authentication → a clear message, the downsell, and the hosted-checkout fallback", async () => {
    const j = await waitingOnTheBank();
    await answerAuthentication((j.view as { url: string }).url, "fail");
    const view = await chargeStatus({ impressionId: j.impressionId, customerId: j.customer.id }, { client: t.client });
    expect(view).toEqual({ status: "failed", kind: "authentication_failed", message: "Your bank could not confirm this payment, so nothing was charged.", offerOtherCard: true });
    expect(await db.offerDecision.findUniqueOrThrow({ where: { impressionId: j.impressionId } })).toMatchObject({ outcome: "FAILED" });
    expect(await j.show()).toMatchObject({ state: "offer", offer: { kind: "DOWNSELL" } });
    expect(await offerCheckoutAllowed(j.impressionId)).toBe(true);
  });

  it("not confirmed in time: Dodo lapses it and the customer is told so, with the fallback", async () => {
    const j = await waitingOnTheBank();
    await t.control("POST", "/_sandbox/clock", { advance_ms: 16 * 60_000 });
    const view = await chargeStatus({ impressionId: j.impressionId, customerId: j.customer.id }, { client: t.client });
    expect(view).toMatchObject({ status: "failed", kind: "authentication", message: expect.stringMatching(/not confirmed, so nothing was charged/), offerOtherCard: true });
    expect(await j.show()).toMatchObject({ state: "offer", offer: { kind: "DOWNSELL" } });
  });

  it("no link from Dodo: says so plainly and offers secure checkout for the same offer", async () => {
    await t.control("POST", "/_sandbox/settings", { authentication_payment_link: false });
    const j = await waitingOnTheBank();
    expect(j.view).toEqual({ status: "authenticate", url: null });
    expect(await offerCheckoutAllowed(j.impressionId)).toBe(true);
  });
});
