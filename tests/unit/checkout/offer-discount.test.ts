// Discounted offers are charged through Dodo discount codes, against a private in-process sandbox:
// the price frozen on the impression must be exactly what Dodo charges, one-click or hosted.
import DodoPayments from "dodopayments";
import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";
import { db } from "@/lib/db/client";
import { completeCheckoutReturn } from "@/lib/checkout/complete-return";
import { startHostedCheckout, startOfferCheckout } from "@/lib/checkout/intents";
import { acceptOffer } from "@/lib/checkout/one-click";
import { ensureOfferDiscount } from "@/lib/offers/discount-code";
import { currentFunnelOffer } from "@/lib/offers/funnel";
import { startSandbox, type RunningSandbox } from "../../../sandbox/server";
import { seedOffer, seedUpsellFunnel, uid } from "@/tests/support/seed";
import { payHostedPage } from "../sandbox/helpers";

const API_KEY = "sk_test_offer_discount";
// The app's own Dodo client (used where no client is passed in) is this file's sandbox.
const box = vi.hoisted(() => ({ client: undefined as DodoPayments | undefined }));
vi.mock("@/lib/dodo/client", async (original) => ({ ...(await original<object>()), dodo: () => box.client! }));

let sandbox: RunningSandbox;
let client: DodoPayments;
const control = async (method: string, path: string, body?: unknown) => {
  const response = await fetch(`${sandbox.url}${path}`, { method, headers: { authorization: `Bearer ${API_KEY}`, "content-type": "application/json" }, body: JSON.stringify(body ?? {}) });
  if (!response.ok) throw new Error(`${method} ${path} → ${response.status}`);
};

beforeAll(async () => {
  sandbox = await startSandbox({ port: 0, apiKey: API_KEY, webhookSecret: "whsec_b2ZmZXItZGlzY291bnQtdW5pdC10ZXN0LXNlY3JldA==", dataFile: null });
  client = new DodoPayments({ bearerToken: API_KEY, baseURL: sandbox.url, maxRetries: 0 });
  box.client = client;
});
afterAll(() => sandbox.close());

/** A one-time product in the sandbox, mirrored into the catalogue. */
async function product(price: number) {
  const p = await client.products.create({ name: uid("Product"), price: { type: "one_time_price", currency: "USD", price, discount: 0, purchasing_power_parity: false }, tax_category: "edtech" });
  return db.product.create({ data: { id: p.product_id, name: p.name!, kind: "ONE_TIME", priceAmount: price, currency: "USD" } });
}

/** Buys a $49 course through hosted checkout; its funnel shows a 20%-off $99 coaching upsell. */
async function buyCourseAndSeeUpsell() {
  const [course, coaching, workbook] = await Promise.all([product(4900), product(9900), product(2900)]);
  const upsell = await seedOffer(coaching.id, { triggers: [course.id], discountBps: 2000 });
  const downsell = await seedOffer(workbook.id, { kind: "DOWNSELL", triggers: [course.id] });
  await seedUpsellFunnel(upsell.id, downsell.id);
  const started = await startHostedCheckout({ productId: course.id, customer: null }, client);
  if (!started.ok) throw new Error(started.message);
  const back = await payHostedPage(started.url, { email: `${uid("buyer")}@example.com` });
  const returned = await completeCheckoutReturn(new URL(back.location!).searchParams.get("token"), null, client);
  if (!returned.ok) throw new Error(returned.message);
  const customer = await db.customer.findUniqueOrThrow({ where: { id: returned.customerId }, select: { id: true, dodoCustomerId: true, email: true, name: true } });
  const session = await db.funnelSession.findFirstOrThrow({ where: { customerId: customer.id } });
  return { customer, coaching, upsell, sessionId: session.id, show: () => currentFunnelOffer(session.id, customer) };
}

describe("discounted offers", () => {
  it("charges a 20%-off $99 upsell $79.20 with one click, the price shown", async () => {
    const { customer, upsell, show } = await buyCourseAndSeeUpsell();
    const view = await show();
    if (view.state !== "offer") throw new Error(`expected an offer, got ${view.state}`);
    expect(view.offer).toMatchObject({ price: { amount: 7920 }, listPrice: { amount: 9900 }, card: { last4: "4242" } });
    const offer = await db.offer.findUniqueOrThrow({ where: { id: upsell.id } });
    const impression = await db.offerImpression.findUniqueOrThrow({ where: { id: view.offer.impressionId } });
    expect(impression.discountCode).toBe(offer.dodoDiscountCode);
    expect(offer).toMatchObject({ dodoDiscountBps: 2000, dodoDiscountProductId: upsell.offeredProductId });

    const accepted = await acceptOffer({ impressionId: impression.id, customerId: customer.id }, { client });
    expect(accepted.ok).toBe(true);
    await control("POST", "/_sandbox/settle");
    const attempt = await db.chargeAttempt.findUniqueOrThrow({ where: { impressionId: impression.id } });
    const payment = await client.payments.retrieve(attempt.dodoPaymentId!);
    expect(payment).toMatchObject({ status: "succeeded", total_amount: impression.priceAmount, discount_id: offer.dodoDiscountId });
    expect(attempt.amount).toBe(7920);
  });

  it("charges the same $79.20 through hosted checkout for the offer", async () => {
    const { customer, show } = await buyCourseAndSeeUpsell();
    const view = await show();
    if (view.state !== "offer") throw new Error(`expected an offer, got ${view.state}`);
    const started = await startOfferCheckout(view.offer.impressionId, customer, client);
    if (!started.ok) throw new Error(started.message);
    const back = new URL((await payHostedPage(started.url, {})).location!);
    expect(await completeCheckoutReturn(back.searchParams.get("token"), customer.id, client)).toMatchObject({ ok: true });
    const payment = await client.payments.retrieve(back.searchParams.get("payment_id")!);
    expect(payment.total_amount).toBe(7920);
    expect((await db.offerImpression.findUniqueOrThrow({ where: { id: view.offer.impressionId } })).priceAmount).toBe(payment.total_amount);
    expect(await db.offerDecision.findUnique({ where: { impressionId: view.offer.impressionId } })).toMatchObject({ outcome: "ACCEPTED" });
  });

  it("makes a new code when the merchant edits the discount; the old one keeps working", async () => {
    const coaching = await product(9900);
    const created = await seedOffer(coaching.id, { discountBps: 2000 });
    const load = () => db.offer.findUniqueOrThrow({ where: { id: created.id }, include: { offeredProduct: true, bundleItems: true } });
    const first = await ensureOfferDiscount(await load(), client);
    const again = await ensureOfferDiscount(await load(), client);
    expect(again).toEqual(first);

    await db.offer.update({ where: { id: created.id }, data: { discountBps: 1000 } });
    const edited = await ensureOfferDiscount(await load(), client);
    if (!first.ok || !edited.ok) throw new Error("expected codes");
    expect(edited.discountCode).not.toBe(first.discountCode);
    expect(await load()).toMatchObject({ dodoDiscountCode: edited.discountCode, dodoDiscountBps: 1000 });
    const dodoDiscount = await client.discounts.retrieve((await load()).dodoDiscountId!);
    expect(dodoDiscount).toMatchObject({ type: "percentage", amount: 1000, restricted_to: [coaching.id] });
    expect((await client.discounts.list({ product_id: coaching.id })).items.map((d) => d.code).sort()).toEqual([first.discountCode, edited.discountCode].sort());
  });

  it("converges when several instances make the first code at once, leaving no spare discount", async () => {
    const coaching = await product(9900);
    const created = await seedOffer(coaching.id, { discountBps: 2000 });
    const snapshot = await db.offer.findUniqueOrThrow({ where: { id: created.id }, include: { offeredProduct: true, bundleItems: true } });
    const results = await Promise.all(Array.from({ length: 5 }, () => ensureOfferDiscount(snapshot, client)));
    const stored = await db.offer.findUniqueOrThrow({ where: { id: created.id } });
    expect(results.every((r) => r.ok && r.discountCode === stored.dodoDiscountCode)).toBe(true);
    expect((await client.discounts.list({ product_id: coaching.id })).items.map((d) => d.discount_id)).toEqual([stored.dodoDiscountId]);
  });

  it("skips a discounted offer it can't make a code for, instead of showing a price it can't charge", async () => {
    const { show, sessionId } = await buyCourseAndSeeUpsell();
    await control("POST", "/_sandbox/faults", { endpoint: "POST /discounts", error_rate: 1 });
    const errors = vi.spyOn(console, "error").mockImplementation(() => {});
    try {
      const view = await show();
      expect(view.state === "offer" && view.offer.kind).toBe("DOWNSELL");
    } finally {
      errors.mockRestore();
      await control("DELETE", "/_sandbox/faults");
    }
    expect(await db.offerImpression.count({ where: { funnelSessionId: sessionId, priceAmount: 7920 } })).toBe(0);
  });
});
