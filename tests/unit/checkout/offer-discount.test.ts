// Discounted offers are charged through Dodo discount codes, against a private in-process sandbox:
// the price frozen on the impression must be exactly what Dodo charges, one-click or hosted. Bundles
// too: one payment whose cart holds every product, at the bundle price shown (Dodo's percentage code
// cut per line), granting an entitlement for every product; a customer owning one is not offered it.
import DodoPayments from "dodopayments";
import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";
import { db } from "@/lib/db/client";
import { completeCheckoutReturn } from "@/lib/checkout/complete-return";
import { startHostedCheckout, startOfferCheckout } from "@/lib/checkout/intents";
import { acceptOffer } from "@/lib/checkout/one-click";
import { ensureOfferDiscount } from "@/lib/offers/discount-code";
import { currentFunnelOffer } from "@/lib/offers/funnel";
import { syncPayment } from "@/lib/sync/sync";
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

/** The offer's hosted checkout (the one-click fallback), paid and returned from; Dodo's payment. */
async function payOfferOnHostedPage(impressionId: string, customer: { id: string; dodoCustomerId: string }) {
  const started = await startOfferCheckout(impressionId, customer, client);
  if (!started.ok) throw new Error(started.message);
  const back = new URL((await payHostedPage(started.url, {})).location!);
  expect(await completeCheckoutReturn(back.searchParams.get("token"), customer.id, client)).toMatchObject({ ok: true });
  return client.payments.retrieve(back.searchParams.get("payment_id")!);
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
    const payment = await payOfferOnHostedPage(view.offer.impressionId, customer);
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

/**
 * Buys a $49 course; its funnel offers a bundle of coaching ($99) + two $10.04 guides at 12.5% off
 * (each line's cut rounds up: $86.62 + $8.78 + $8.78 = $104.18), a workbook downsell after it.
 * `owned` products are bought first, in an earlier order.
 */
async function bundleFunnel(opts: { owned?: (ids: { guideA: string }) => string[] } = {}) {
  const [course, coaching, guideA, guideB, workbook] = await Promise.all([product(4900), product(9900), product(1004), product(1004), product(2900)]);
  const bundle = await seedOffer(coaching.id, { triggers: [course.id], discountBps: 1250 });
  await db.offerBundleItem.createMany({ data: [{ offerId: bundle.id, productId: guideA.id, position: 1 }, { offerId: bundle.id, productId: guideB.id, position: 2 }] });
  const downsell = await seedOffer(workbook.id, { kind: "DOWNSELL", triggers: [course.id] });
  await seedUpsellFunnel(bundle.id, downsell.id);
  const email = `${uid("buyer")}@example.com`;
  for (const id of opts.owned?.({ guideA: guideA.id }) ?? []) {
    const earlier = await startHostedCheckout({ productId: id, customer: null }, client);
    if (!earlier.ok) throw new Error(earlier.message);
    const back = await payHostedPage(earlier.url, { email });
    await completeCheckoutReturn(new URL(back.location!).searchParams.get("token"), null, client);
  }
  const started = await startHostedCheckout({ productId: course.id, customer: null }, client);
  if (!started.ok) throw new Error(started.message);
  const back = await payHostedPage(started.url, { email });
  const returned = await completeCheckoutReturn(new URL(back.location!).searchParams.get("token"), null, client);
  if (!returned.ok) throw new Error(returned.message);
  const customer = await db.customer.findUniqueOrThrow({ where: { id: returned.customerId }, select: { id: true, dodoCustomerId: true, email: true, name: true } });
  const session = await db.funnelSession.findFirstOrThrow({ where: { customerId: customer.id, originPaymentId: new URL(back.location!).searchParams.get("payment_id")! } });
  const products = [coaching.id, guideA.id, guideB.id];
  return { customer, bundle, products, workbook, show: () => currentFunnelOffer(session.id, customer) };
}

async function accessOf(customerId: string, productIds: string[]) {
  const rows = await db.entitlement.findMany({ where: { customerId, productId: { in: productIds } }, select: { productId: true, status: true, quantity: true } });
  return productIds.map((id) => rows.find((r) => r.productId === id)?.status ?? null);
}

describe("bundle offers", () => {
  it("shows every product at one price, charges it once in one payment with a line each, and grants each", async () => {
    const { customer, bundle, products, show } = await bundleFunnel();
    const view = await show();
    if (view.state !== "offer") throw new Error(`expected an offer, got ${view.state}`);
    expect(view.offer).toMatchObject({ price: { amount: 10418, currency: "USD" }, listPrice: { amount: 11908 }, maxQuantity: 1 });
    expect(view.offer.bundle.map((i) => [i.id, i.listPrice.amount])).toEqual([[products[0], 9900], [products[1], 1004], [products[2], 1004]]);
    const impression = await db.offerImpression.findUniqueOrThrow({ where: { id: view.offer.impressionId } });
    expect(impression.bundleProductIds).toEqual(products.slice(1));
    // The offer's Dodo code is restricted to all three products.
    const offer = await db.offer.findUniqueOrThrow({ where: { id: bundle.id } });
    expect((await client.discounts.retrieve(offer.dodoDiscountId!)).restricted_to).toEqual(products);

    // Two units asked for are refused: a bundle is one of each.
    expect(await acceptOffer({ impressionId: impression.id, customerId: customer.id, quantity: 2 }, { client })).toMatchObject({ ok: false, code: "invalid_quantity" });
    const [first, second] = await Promise.all([1, 2].map(() => acceptOffer({ impressionId: impression.id, customerId: customer.id }, { client })));
    expect(first!.ok && second!.ok).toBe(true);
    await control("POST", "/_sandbox/settle");
    const attempt = await db.chargeAttempt.findUniqueOrThrow({ where: { impressionId: impression.id } });
    expect(attempt).toMatchObject({ amount: 10418, quantity: 1 });
    const payments = (await client.payments.list({ customer_id: customer.dodoCustomerId, product_id: products[1], page_size: 100 })).items;
    expect(payments).toHaveLength(1);
    const payment = await client.payments.retrieve(attempt.dodoPaymentId!);
    expect(payment.total_amount).toBe(10418);
    expect(payment.product_cart?.map((l) => [l.product_id, l.quantity])).toEqual(products.map((id) => [id, 1]));
    await syncPayment(payment.payment_id, { dodo: client });
    expect(await accessOf(customer.id, products)).toEqual(["ACTIVE", "ACTIVE", "ACTIVE"]);
    expect(await db.chargeAttempt.findUniqueOrThrow({ where: { id: attempt.id } })).toMatchObject({ status: "SUCCEEDED" });
  });

  it("sells the same bundle, at the same price, through hosted checkout", async () => {
    const { customer, products, show } = await bundleFunnel();
    const view = await show();
    if (view.state !== "offer") throw new Error(`expected an offer, got ${view.state}`);
    const payment = await payOfferOnHostedPage(view.offer.impressionId, customer);
    expect(payment.total_amount).toBe(view.offer.price.amount);
    expect(payment.product_cart?.map((l) => l.product_id)).toEqual(products);
    await syncPayment(payment.payment_id, { dodo: client });
    expect(await accessOf(customer.id, products)).toEqual(["ACTIVE", "ACTIVE", "ACTIVE"]);
    expect(await db.offerDecision.findUnique({ where: { impressionId: view.offer.impressionId } })).toMatchObject({ outcome: "ACCEPTED" });
  });

  it("is not offered to a customer who owns one of its products: the funnel goes on to the downsell", async () => {
    const { workbook, show } = await bundleFunnel({ owned: ({ guideA }) => [guideA] });
    const view = await show();
    if (view.state !== "offer") throw new Error(`expected an offer, got ${view.state}`);
    expect(view.offer.product.id).toBe(workbook.id);
    expect(view.offer.bundle).toEqual([]);
  });
});
