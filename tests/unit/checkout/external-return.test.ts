// The return from a checkout Encore did not create: accepted only for a succeeded, recent,
// unclaimed payment that Encore did not make, bound to the first browser; the API's checkout
// sessions carry Encore's return URL and metadata. Against the sandbox, with the real SDK.
import { describe, expect, it } from "vitest";
import { startApiCheckout } from "@/lib/checkout/api-checkout";
import { claimExternalReturn } from "@/lib/checkout/external-return";
import { readReturnToken } from "@/lib/checkout/intents";
import { db } from "@/lib/db/client";
import { SEED_PRODUCTS } from "@/sandbox/seed";
import { useSandbox } from "../../support/sandbox";
import { payHostedPage } from "../sandbox/helpers";

const t = useSandbox();

/** A session made straight at Dodo (as a payment link would be), paid with `card`; returns Dodo's return query. */
async function payAtDodo(card = "4242424242424242") {
  const session = await t.client.checkoutSessions.create({ product_cart: [{ product_id: SEED_PRODUCTS.course, quantity: 1 }], return_url: "https://merchant.example/checkout/return" });
  const paid = await payHostedPage(session.checkout_url!, { card_number: card, email: `buyer-${Date.now()}@example.com` });
  return new URL(paid.location!).searchParams;
}

describe("claimExternalReturn", () => {
  it("binds a succeeded payment to the first browser; the same browser may come back, another may not", async () => {
    const query = await payAtDodo();
    const paymentId = query.get("payment_id");
    expect(paymentId).toMatch(/^pay_/);
    const first = await claimExternalReturn({ paymentId, subscriptionId: null }, null, t.client);
    expect(first).toMatchObject({ ok: true });
    if (!first.ok) return;
    expect(await db.checkoutIntent.findUniqueOrThrow({ where: { id: first.intentId } })).toMatchObject({ origin: "EXTERNAL", paymentId, customerId: first.customerId });
    expect(await claimExternalReturn({ paymentId, subscriptionId: null }, first.customerId, t.client)).toMatchObject({ ok: true, intentId: first.intentId });
    expect(await claimExternalReturn({ paymentId, subscriptionId: null }, null, t.client)).toMatchObject({ ok: false, code: "forbidden", status: 403 });
    expect(await claimExternalReturn({ paymentId, subscriptionId: null }, "someone-else", t.client)).toMatchObject({ ok: false, status: 403 });
    // A funnel opened for the purchase, once.
    expect(await db.funnelSession.count({ where: { originPaymentId: paymentId } })).toBeLessThanOrEqual(1);
  });

  it("refuses a failed payment, and an old one, with no claim written", async () => {
    const declined = await payAtDodo("4000000000000002");
    expect(await claimExternalReturn({ paymentId: declined.get("payment_id"), subscriptionId: null }, null, t.client)).toMatchObject({ ok: false, code: "declined", status: 402 });

    const old = await payAtDodo();
    const later = new Date(Date.now() + 31 * 60_000);
    expect(await claimExternalReturn({ paymentId: old.get("payment_id"), subscriptionId: null }, null, t.client, later)).toMatchObject({ ok: false, code: "expired", status: 410 });
    expect(await db.checkoutIntent.count({ where: { paymentId: { in: [declined.get("payment_id")!, old.get("payment_id")!] } } })).toBe(0);
  });

  it("answers 404 for a payment Dodo does not know", async () => {
    expect(await claimExternalReturn({ paymentId: "pay_doesnotexist000000000", subscriptionId: null }, null, t.client)).toMatchObject({ ok: false, status: 404 });
  });

  it("refuses a payment of a checkout Encore created itself (its signed return is the only way in)", async () => {
    const started = await startApiCheckout({ product_cart: [{ product_id: SEED_PRODUCTS.course, quantity: 1 }], metadata: { order: "A-1" } }, t.client);
    expect(started.ok).toBe(true);
    if (!started.ok) return;
    const paid = await payHostedPage(started.session.checkout_url!, {});
    const back = new URL(paid.location!);
    // The API's session returns to Encore's own confirm route, with a token naming its intent.
    expect(back.pathname).toBe("/thank-you/confirm");
    expect(readReturnToken(back.searchParams.get("token"))).toMatchObject({ ok: true, intentId: started.checkoutId });
    const payment = await t.client.payments.retrieve(back.searchParams.get("payment_id")!);
    expect(payment.metadata).toMatchObject({ order: "A-1", encore_checkout_intent_id: started.checkoutId });
    expect(await claimExternalReturn({ paymentId: payment.payment_id, subscriptionId: null }, null, t.client)).toMatchObject({ ok: false, status: 403 });
  });

  it("refuses unknown products before calling Dodo's checkout", async () => {
    const result = await startApiCheckout({ product_cart: [{ product_id: "pdt_unknown0000000000000", quantity: 1 }] }, t.client);
    expect(result).toMatchObject({ ok: false, code: "unknown_product" });
  });
});
