import DodoPayments from "dodopayments";
import type { Payment, ProductItemReq } from "dodopayments/resources/index";
import { describe, expect, it } from "vitest";
import { SEED_CUSTOMERS, SEED_PAYMENT_METHODS, SEED_PRODUCTS } from "../../../sandbox/seed";
import { apiError, payHostedPage, useSandbox } from "./helpers";

const t = useSandbox({ receiver: true });

/** A complete address: `confirm: true` requires every field (docs: checkout-session). */
const billing = { country: "US" as const, state: "CA", city: "San Francisco", street: "1 Market St", zipcode: "94107" };
const coaching = (quantity = 1): ProductItemReq[] => [{ product_id: SEED_PRODUCTS.coaching_call, quantity }];

function oneClick(codes: string[], cart: ProductItemReq[] = coaching(), customerId: string = SEED_CUSTOMERS.demo) {
  return t.client.checkoutSessions.create({
    product_cart: cart, customer: { customer_id: customerId }, payment_method_id: SEED_PAYMENT_METHODS.demo_visa,
    confirm: true, billing_address: billing, discount_codes: codes,
  });
}

const percent = (code: string, bps: number, extra: Partial<DodoPayments.DiscountCreateParams> = {}) =>
  t.client.discounts.create({ type: "percentage", amount: bps, code, ...extra });

async function paymentsOf(customerId: string): Promise<string[]> {
  return (await t.client.payments.list({ page_number: 0, customer_id: customerId })).items.map((p) => p.payment_id);
}

describe("one-click with a discount code", () => {
  it("charges $79.20 for the $99 call with 20% off, and the webhook, payment, line items and usage count agree", async () => {
    const discount = await percent("TODAY20", 2000, { restricted_to: [SEED_PRODUCTS.coaching_call] });
    const session = await oneClick(["today20"]);
    expect((await t.client.payments.retrieve(session.payment_id!)).total_amount).toBe(7920);
    await t.control("POST", "/_sandbox/settle");

    const payment = await t.client.payments.retrieve(session.payment_id!);
    expect(payment).toMatchObject({ status: "succeeded", total_amount: 7920, settlement_amount: 7920, tax: 0, discount_id: discount.discount_id });
    expect(payment.discounts).toEqual([{
      amount: 2000, business_id: discount.business_id, code: "TODAY20", created_at: discount.created_at, discount_id: discount.discount_id,
      metadata: {}, position: 0, preserve_on_plan_change: false, restricted_to: [SEED_PRODUCTS.coaching_call], times_used: 1,
      type: "percentage", cycles_remaining: null, expires_at: null, name: null, subscription_cycles: null, usage_limit: null,
    }]);
    expect((await t.client.discounts.retrieve(discount.discount_id)).times_used).toBe(1);
    expect((await t.client.payments.retrieveLineItems(session.payment_id!)).items).toEqual([expect.objectContaining({ items_id: SEED_PRODUCTS.coaching_call, amount: 7920, refundable_amount: 7920 })]);

    await t.receiver.waitFor((r) => r.some((w) => w.type === "payment.succeeded"));
    const webhook = t.receiver.received.find((w) => w.type === "payment.succeeded")!;
    const data = t.client.webhooks.unwrap(webhook.body, { headers: webhook.headers }).data as Payment;
    expect(data).toMatchObject({ payment_id: session.payment_id, total_amount: 7920, discount_id: discount.discount_id, discounts: [{ code: "TODAY20", times_used: 1 }] });
    // A full refund returns what was charged, not the list price.
    expect((await t.client.refunds.create({ payment_id: session.payment_id! })).amount).toBe(7920);
  });

  it("rounds half up to minor units: 1.5% of $19.00 is 29 cents", async () => {
    await percent("ODD15", 150);
    const session = await oneClick(["ODD15"], [{ product_id: SEED_PRODUCTS.template_pack, quantity: 1 }]);
    expect((await t.client.payments.retrieve(session.payment_id!)).total_amount).toBe(1900 - 29);
  });

  it("discounts only the lines a restricted code covers, and stacked codes compound in order", async () => {
    await percent("COACH20", 2000, { restricted_to: [SEED_PRODUCTS.coaching_call] });
    await percent("ALL10", 1000);
    const cart = [{ product_id: SEED_PRODUCTS.course, quantity: 1 }, ...coaching()];
    const session = await oneClick(["COACH20", "ALL10"], cart);
    // course 4900 − 490 = 4410; coaching 9900 − 1980 = 7920, − 792 = 7128.
    const payment = await t.client.payments.retrieve(session.payment_id!);
    expect(payment.total_amount).toBe(4410 + 7128);
    expect(payment.discounts?.map((d) => [d.code, d.position])).toEqual([["COACH20", 0], ["ALL10", 1]]);
  });

  it("applies a flat code's amount for the cart currency, and accepts the deprecated discount_code", async () => {
    await t.client.discounts.create({ type: "flat", amount: 1, code: "FIVEOFF", currency_options: [{ currency: "USD", max_amount_possible: 500, is_default: true }] });
    const session = await t.client.checkoutSessions.create({
      product_cart: coaching(), customer: { customer_id: SEED_CUSTOMERS.demo }, payment_method_id: SEED_PAYMENT_METHODS.demo_visa,
      confirm: true, billing_address: billing, discount_code: "FIVEOFF",
    });
    expect((await t.client.payments.retrieve(session.payment_id!)).total_amount).toBe(9400);
    const both = await apiError(t.client.checkoutSessions.create({ product_cart: coaching(), discount_code: "FIVEOFF", discount_codes: ["FIVEOFF"] }));
    expect(both).toBeInstanceOf(DodoPayments.UnprocessableEntityError);
  });
});

describe("refused codes (docs: error codes, Discounts; 422, nothing charged)", () => {
  it.each([
    ["unknown", async () => undefined, "NOPE", "INVALID_DISCOUNT_CODE"],
    ["restricted to another product", () => percent("COURSE20", 2000, { restricted_to: [SEED_PRODUCTS.course] }), "COURSE20", "DISCOUNT_NOT_AVAILABLE_FOR_PRODUCT"],
    ["expired (sandbox clock moved past expires_at)", async () => {
      const { now } = await t.control<{ now: string }>("GET", "/_sandbox/clock");
      await percent("BRIEF20", 2000, { expires_at: new Date(Date.parse(now) + 60_000).toISOString() });
      await t.control("POST", "/_sandbox/clock", { advance_ms: 120_000 });
    }, "BRIEF20", "DISCOUNT_CODE_EXPIRED"],
    ["not started yet", async () => percent("LATER20", 2000, { starts_at: "2999-01-01T00:00:00Z" }), "LATER20", "DISCOUNT_NOT_YET_ACTIVE"],
    ["deleted", async () => t.client.discounts.delete((await percent("GONE20", 2000)).discount_id), "GONE20", "INVALID_DISCOUNT_CODE"],
    ["for first-time buyers only (demo has paid before)", () => percent("FIRST20", 2000, { customer_eligibility: "first_time" }), "FIRST20", "DISCOUNT_CUSTOMER_NOT_ELIGIBLE"],
    ["below its minimum subtotal", () => percent("BIG20", 2000, { currency_options: [{ currency: "USD", minimum_subtotal: 20_000 }] }), "BIG20", "DISCOUNT_MINIMUM_SUBTOTAL_NOT_MET"],
    ["on a subscription product (not modelled by the sandbox)", () => percent("SUB20", 2000, { restricted_to: [SEED_PRODUCTS.pro_monthly] }), "SUB20", "DISCOUNT_ON_SUBSCRIPTION_NOT_SUPPORTED", SEED_PRODUCTS.pro_monthly],
  ])("%s", async (_label, setup, code, errorCode, productId: string = SEED_PRODUCTS.coaching_call) => {
    await setup();
    const before = await paymentsOf(SEED_CUSTOMERS.demo);
    const error = await apiError(oneClick([code], [{ product_id: productId, quantity: 1 }]));
    expect(error).toBeInstanceOf(DodoPayments.UnprocessableEntityError);
    expect(error?.error).toMatchObject({ code: errorCode });
    expect(await paymentsOf(SEED_CUSTOMERS.demo)).toEqual(before);
    const preview = await apiError(t.client.checkoutSessions.preview({ product_cart: [{ product_id: productId, quantity: 1 }], customer: { customer_id: SEED_CUSTOMERS.demo }, discount_codes: [code] }));
    expect(preview?.error).toMatchObject({ code: errorCode });
  });

  it("stops at the usage limit, counting a charge still settling", async () => {
    const discount = await percent("ONCE20", 2000, { usage_limit: 1 });
    await oneClick(["ONCE20"]);
    const whileSettling = await apiError(oneClick(["ONCE20"]));
    expect(whileSettling?.error).toMatchObject({ code: "DISCOUNT_CODE_USAGE_LIMIT_EXCEEDED" });
    await t.control("POST", "/_sandbox/settle");
    expect((await t.client.discounts.retrieve(discount.discount_id)).times_used).toBe(1);
    expect(await apiError(oneClick(["ONCE20"]))).toBeInstanceOf(DodoPayments.UnprocessableEntityError);
  });

  it("stops a customer at per_customer_usage_limit (DISCOUNT_PER_CUSTOMER_USAGE_LIMIT_EXCEEDED), others may still use it", async () => {
    await percent("TWICE20", 2000, { usage_limit: 5, per_customer_usage_limit: 1 });
    await oneClick(["TWICE20"]);
    expect((await apiError(oneClick(["TWICE20"])))?.error).toMatchObject({ code: "DISCOUNT_PER_CUSTOMER_USAGE_LIMIT_EXCEEDED" });
    const card = await t.control<{ payment_method_id: string }>("POST", `/_sandbox/customers/${SEED_CUSTOMERS.fresh}/payment-methods`, { card_number: "4242424242424242" });
    const other = await t.client.checkoutSessions.create({
      product_cart: coaching(), customer: { customer_id: SEED_CUSTOMERS.fresh }, payment_method_id: card.payment_method_id, confirm: true, billing_address: billing, discount_codes: ["TWICE20"],
    });
    expect(other.payment_id).toMatch(/^pay_/);
  });

  it("503 DISCOUNT_CONCURRENT_REDEMPTION when another redemption holds the usage-limit lock: transient, nothing charged, a retry works", async () => {
    const discount = await percent("BUSY20", 2000, { usage_limit: 3 });
    await t.control("POST", `/_sandbox/discounts/${discount.discount_id}/contention`, { times: 1 });
    const before = await paymentsOf(SEED_CUSTOMERS.demo);
    // A preview redeems nothing, so it is not held up.
    expect((await t.client.checkoutSessions.preview({ product_cart: coaching(), discount_codes: ["BUSY20"] })).total_price).toBe(7920);
    const busy = await apiError(oneClick(["BUSY20"]));
    expect(busy).toBeInstanceOf(DodoPayments.InternalServerError);
    expect([busy?.status, busy?.error]).toEqual([503, expect.objectContaining({ code: "DISCOUNT_CONCURRENT_REDEMPTION" })]);
    expect(await paymentsOf(SEED_CUSTOMERS.demo)).toEqual(before);
    expect((await oneClick(["BUSY20"])).payment_id).toMatch(/^pay_/);
    // Only a code with a usage limit takes that lock.
    const unlimited = await percent("FREE20", 2000);
    await expect(t.control("POST", `/_sandbox/discounts/${unlimited.discount_id}/contention`, { times: 1 })).rejects.toThrow(/422/);
  });

  it("a failed charge does not use the code up", async () => {
    const discount = await percent("ONCE20", 2000, { usage_limit: 1 });
    const declining = await t.control<{ payment_method_id: string }>("POST", `/_sandbox/customers/${SEED_CUSTOMERS.fresh}/payment-methods`, { card_number: "4000000000000002" });
    await t.client.checkoutSessions.create({
      product_cart: coaching(), customer: { customer_id: SEED_CUSTOMERS.fresh }, payment_method_id: declining.payment_method_id,
      confirm: true, billing_address: billing, discount_codes: ["ONCE20"],
    });
    await t.control("POST", "/_sandbox/settle");
    expect((await t.client.discounts.retrieve(discount.discount_id)).times_used).toBe(0);
    expect((await oneClick(["ONCE20"])).payment_id).toMatch(/^pay_/);
  });
});

describe("preview and hosted checkout with a code", () => {
  it("preview shows the discounted numbers the one-click then charges", async () => {
    await percent("COACH20", 2000, { restricted_to: [SEED_PRODUCTS.coaching_call] });
    const cart = [{ product_id: SEED_PRODUCTS.course, quantity: 1 }, ...coaching(2)];
    const preview = await t.client.checkoutSessions.preview({ product_cart: cart, discount_codes: ["COACH20"] });
    expect(preview.current_breakup).toEqual({ subtotal: 4900 + 19800, discount: 3960, total_amount: 4900 + 15840, tax: 0 });
    expect(preview.total_price).toBe(20740);
    expect(preview.product_cart.map((l) => [l.product_id, l.og_price, l.discounted_price, l.discount_amount])).toEqual([
      [SEED_PRODUCTS.course, 4900, 4900, 0],
      [SEED_PRODUCTS.coaching_call, 19800, 15840, 2000],
    ]);
    const session = await oneClick(["COACH20"], cart);
    expect((await t.client.payments.retrieve(session.payment_id!)).total_amount).toBe(preview.current_breakup.total_amount);
  });

  it("rounds a percentage code on each line it applies to, or once on their subtotal (percentage_discount_rounding, UNCONFIRMED)", async () => {
    const made = await Promise.all([1, 2].map((n) => t.client.products.create({ name: `Guide ${n}`, price: { type: "one_time_price", currency: "USD", price: 1004, discount: 0, purchasing_power_parity: false }, tax_category: "edtech" })));
    await percent("GUIDES125", 1250, { restricted_to: made.map((p) => p.product_id) });
    const cart = made.map((p) => ({ product_id: p.product_id, quantity: 1 }));
    // 12.5% of $10.04 is 125.5 cents: rounded up on each line, or once on $20.08 (251 cents).
    expect((await t.client.checkoutSessions.preview({ product_cart: cart, discount_codes: ["GUIDES125"] })).total_price).toBe(1756);
    await t.control("POST", "/_sandbox/settings", { percentage_discount_rounding: "subtotal" });
    expect((await t.client.checkoutSessions.preview({ product_cart: cart, discount_codes: ["GUIDES125"] })).total_price).toBe(1757);
  });

  it("the hosted page shows and charges the discounted total, and counts the use", async () => {
    const discount = await percent("TODAY20", 2000);
    const session = await t.client.checkoutSessions.create({
      product_cart: coaching(), customer: { customer_id: SEED_CUSTOMERS.fresh }, discount_codes: ["TODAY20"], return_url: "http://127.0.0.1:3999/thanks",
    });
    const page = await (await fetch(session.checkout_url!)).text();
    expect(page).toContain("−$19.80");
    expect(page).toContain("Pay $79.20");
    const target = new URL((await payHostedPage(session.checkout_url!, {})).location!);
    const payment = await t.client.payments.retrieve(target.searchParams.get("payment_id")!);
    expect(payment).toMatchObject({ status: "succeeded", total_amount: 7920, discount_id: discount.discount_id });
    expect((await t.client.discounts.retrieve(discount.discount_id)).times_used).toBe(1);
  });

  it("a code that ran out after the session was created is shown on the page; nothing is charged or saved", async () => {
    const discount = await percent("ONCE20", 2000, { usage_limit: 1 });
    const session = await t.client.checkoutSessions.create({ product_cart: coaching(), customer: { customer_id: SEED_CUSTOMERS.fresh }, discount_codes: ["ONCE20"] });
    await oneClick(["ONCE20"]);
    await t.control("POST", "/_sandbox/settle");
    const result = await payHostedPage(session.checkout_url!, {});
    expect(result.status).toBe(422);
    expect(result.html).toContain("usage limit");
    expect(await paymentsOf(SEED_CUSTOMERS.fresh)).toEqual([]);
    expect((await t.client.customers.retrievePaymentMethods(SEED_CUSTOMERS.fresh)).items).toEqual([]);
    expect((await t.client.discounts.retrieve(discount.discount_id)).times_used).toBe(1);
  });
});
