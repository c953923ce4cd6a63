import DodoPayments from "dodopayments";
import { describe, expect, it } from "vitest";
import { SEED_CUSTOMERS, SEED_PAYMENT_METHODS, SEED_PRODUCTS } from "../../../sandbox/seed";
import { apiError, useSandbox, waitUntil } from "./helpers";

const t = useSandbox();

/** A complete address: `confirm: true` requires every field (docs: checkout-session). */
const billing = { country: "US" as const, state: "CA", city: "San Francisco", street: "1 Market St", zipcode: "94107" };

function oneClick(customerId: string, paymentMethodId: string, productId: string = SEED_PRODUCTS.template_pack) {
  return t.client.checkoutSessions.create({
    product_cart: [{ product_id: productId, quantity: 1 }],
    customer: { customer_id: customerId },
    payment_method_id: paymentMethodId,
    confirm: true,
    billing_address: billing,
    return_url: "http://127.0.0.1:3000/thanks",
    feature_flags: { redirect_immediately: true },
    metadata: { offer_id: "offer_1", order_ref: 42 },
  });
}

async function cardFor(customerId: string, cardNumber: string): Promise<string> {
  const method = await t.control<{ payment_method_id: string }>("POST", `/_sandbox/customers/${customerId}/payment-methods`, { card_number: cardNumber });
  return method.payment_method_id;
}


describe("one-click checkout", () => {
  it("charges the saved 4242 card asynchronously: processing → succeeded, with session id and metadata", async () => {
    const session = await oneClick(SEED_CUSTOMERS.demo, SEED_PAYMENT_METHODS.demo_visa);
    expect(session.checkout_url).toBeNull();
    expect(session.session_id).toMatch(/^cks_[0-9A-Za-z]{21}$/);
    expect(session.payment_id).toMatch(/^pay_/);
    const pending = await t.client.payments.retrieve(session.payment_id!);
    expect(pending.status).toBe("processing");
    await t.control("POST", "/_sandbox/settle");
    const paid = await t.client.payments.retrieve(session.payment_id!);
    expect(paid).toMatchObject({
      status: "succeeded", total_amount: 1900, currency: "USD", checkout_session_id: session.session_id,
      metadata: { offer_id: "offer_1", order_ref: 42 }, payment_method_id: SEED_PAYMENT_METHODS.demo_visa,
      product_cart: [{ product_id: SEED_PRODUCTS.template_pack, quantity: 1 }], card_last_four: "4242", error_code: null,
      customer: { customer_id: SEED_CUSTOMERS.demo },
    });
    expect(await t.client.checkoutSessions.retrieve(session.session_id)).toMatchObject({ payment_id: session.payment_id, payment_status: "succeeded", customer_email: "demo@example.com" });
  });

  it("settles on its own after the settle delay", async () => {
    await t.control("POST", "/_sandbox/settings", { settle_delay_ms: 30 });
    const session = await oneClick(SEED_CUSTOMERS.demo, SEED_PAYMENT_METHODS.demo_visa);
    await waitUntil(async () => (await t.client.payments.retrieve(session.payment_id!)).status === "succeeded", 2_000);
  });

  it.each([
    ["4242424242424242", "succeeded", null],
    ["4000000000000002", "failed", "GENERIC_DECLINE"],
    ["4000000000009995", "failed", "INSUFFICIENT_FUNDS"],
    ["4000000000000341", "failed", "CARD_DECLINED"],
  ])("test card %s → %s (%s)", async (cardNumber, status, errorCode) => {
    const methodId = await cardFor(SEED_CUSTOMERS.fresh, cardNumber);
    const session = await oneClick(SEED_CUSTOMERS.fresh, methodId);
    await t.control("POST", "/_sandbox/settle");
    const payment = await t.client.payments.retrieve(session.payment_id!);
    expect(payment.status).toBe(status);
    expect(payment.error_code).toBe(errorCode);
    if (errorCode) expect(payment.error_message).toEqual(expect.any(String));
  });

  it("refuses payment_method_id without confirm: true (422)", async () => {
    const error = await apiError(t.client.checkoutSessions.create({
      product_cart: [{ product_id: SEED_PRODUCTS.course, quantity: 1 }], customer: { customer_id: SEED_CUSTOMERS.demo },
      payment_method_id: SEED_PAYMENT_METHODS.demo_visa, billing_address: billing,
    }));
    expect(error).toBeInstanceOf(DodoPayments.UnprocessableEntityError);
  });

  it("refuses payment_method_id without an existing customer_id (422), and an unknown customer (404)", async () => {
    const byEmail = await apiError(t.client.checkoutSessions.create({
      product_cart: [{ product_id: SEED_PRODUCTS.course, quantity: 1 }], customer: { email: "demo@example.com" },
      payment_method_id: SEED_PAYMENT_METHODS.demo_visa, confirm: true, billing_address: billing,
    }));
    expect(byEmail).toBeInstanceOf(DodoPayments.UnprocessableEntityError);
    const unknown = await apiError(oneClick("cus_000000000000000000000", SEED_PAYMENT_METHODS.demo_visa));
    expect(unknown).toBeInstanceOf(DodoPayments.NotFoundError);
  });

  it("refuses another customer's method (422) and a method saved in another currency (422)", async () => {
    const foreign = await apiError(oneClick(SEED_CUSTOMERS.failing, SEED_PAYMENT_METHODS.demo_visa));
    expect(foreign).toBeInstanceOf(DodoPayments.UnprocessableEntityError);
    const euro = await apiError(oneClick(SEED_CUSTOMERS.demo, SEED_PAYMENT_METHODS.demo_visa, SEED_PRODUCTS.course_eur));
    expect(euro).toBeInstanceOf(DodoPayments.UnprocessableEntityError);
    expect(euro?.error).toMatchObject({ code: "NO_ELIGIBLE_PAYMENT_METHODS" });
    await t.control("POST", "/_sandbox/settings", { enforce_method_currency: false });
    expect((await oneClick(SEED_CUSTOMERS.demo, SEED_PAYMENT_METHODS.demo_visa, SEED_PRODUCTS.course_eur)).payment_id).toMatch(/^pay_/);
  });

  describe("billing address with confirm: true (docs: checkout-session billing_address; SDK minimal_address)", () => {
    const request = (billing_address: Record<string, string | null> | undefined, extra: Record<string, unknown> = {}) => t.client.checkoutSessions.create({
      product_cart: [{ product_id: SEED_PRODUCTS.course, quantity: 1 }], customer: { customer_id: SEED_CUSTOMERS.demo },
      payment_method_id: SEED_PAYMENT_METHODS.demo_visa, confirm: true, billing_address: billing_address as never, ...extra,
    });

    it.each(["street", "city", "state", "zipcode"] as const)("refuses an address without %s (422) unless minimal_address", async (field) => {
      const error = await apiError(request({ ...billing, [field]: null }));
      expect(error).toBeInstanceOf(DodoPayments.UnprocessableEntityError);
      expect(error?.message).toContain(`billing_address.${field}`);
      if (field !== "zipcode") expect((await request({ ...billing, [field]: null }, { minimal_address: true })).payment_id).toMatch(/^pay_/);
    });

    it("takes country + zipcode with minimal_address, never less, and a complete address without it", async () => {
      const minimal = await request({ country: "US", zipcode: "94107" }, { minimal_address: true });
      expect((await t.client.payments.retrieve(minimal.payment_id!)).billing).toEqual({ country: "US", zipcode: "94107", city: null, state: null, street: null });
      expect(await apiError(request({ country: "US", zipcode: "" }, { minimal_address: true }))).toBeInstanceOf(DodoPayments.UnprocessableEntityError);
      expect(await apiError(request(undefined, { minimal_address: true }))).toBeInstanceOf(DodoPayments.UnprocessableEntityError);
      const complete = await request(billing);
      expect((await t.client.payments.retrieve(complete.payment_id!)).billing).toEqual(billing);
    });

    it("fills a missing address from the saved card when the switch is off (UNCONFIRMED kinder reading)", async () => {
      await t.control("POST", "/_sandbox/settings", { require_billing_address_on_confirm: false });
      const session = await request(undefined);
      expect((await t.client.payments.retrieve(session.payment_id!)).billing).toMatchObject({ country: "US" });
    });
  });

  it("starts a subscription from a one-click cart: pending → active once paid", async () => {
    const methodId = await cardFor(SEED_CUSTOMERS.fresh, "4242424242424242");
    const session = await oneClick(SEED_CUSTOMERS.fresh, methodId, SEED_PRODUCTS.team_monthly);
    const payment = await t.client.payments.retrieve(session.payment_id!);
    expect(payment.subscription_id).toMatch(/^sub_/);
    expect((await t.client.subscriptions.retrieve(payment.subscription_id!)).status).toBe("pending");
    await t.control("POST", "/_sandbox/settle");
    const sub = await t.client.subscriptions.retrieve(payment.subscription_id!);
    expect(sub).toMatchObject({ status: "active", product_id: SEED_PRODUCTS.team_monthly, recurring_pre_tax_amount: 20000, payment_method_id: methodId });
  });
});

describe("checkout sessions without a saved method", () => {
  it("answers a hosted checkout_url and previews prices", async () => {
    const session = await t.client.checkoutSessions.create({
      product_cart: [{ product_id: SEED_PRODUCTS.course, quantity: 2 }], customer: { email: "buyer@example.com", name: "Buyer" },
      return_url: "http://127.0.0.1:3000/done",
    });
    expect(session.checkout_url).toBe(`${t.sandbox.url}/checkout/${session.session_id}`);
    expect(session.payment_id).toBeNull();
    expect(await t.client.checkoutSessions.retrieve(session.session_id)).toMatchObject({ payment_id: null, payment_status: null, customer_email: "buyer@example.com" });
    const preview = await t.client.checkoutSessions.preview({ product_cart: [{ product_id: SEED_PRODUCTS.course, quantity: 2 }, { product_id: SEED_PRODUCTS.template_pack, quantity: 1 }] });
    expect(preview).toMatchObject({ currency: "USD", total_price: 2 * 4900 + 1900, current_breakup: { total_amount: 11700 } });
  });

  it("404s an unknown session or product and 422s a mixed-currency cart", async () => {
    expect(await apiError(t.client.checkoutSessions.retrieve("cks_000000000000000000000"))).toBeInstanceOf(DodoPayments.NotFoundError);
    expect(await apiError(t.client.checkoutSessions.create({ product_cart: [{ product_id: "pdt_000000000000000000000", quantity: 1 }] }))).toBeInstanceOf(DodoPayments.NotFoundError);
    const mixed = await apiError(t.client.checkoutSessions.create({ product_cart: [{ product_id: SEED_PRODUCTS.course, quantity: 1 }, { product_id: SEED_PRODUCTS.course_eur, quantity: 1 }] }));
    expect(mixed).toBeInstanceOf(DodoPayments.UnprocessableEntityError);
  });
});

describe("payments and refunds", () => {
  it("lists payments with filters and pages", async () => {
    const session = await oneClick(SEED_CUSTOMERS.demo, SEED_PAYMENT_METHODS.demo_visa);
    await t.control("POST", "/_sandbox/settle");
    const mine = await t.client.payments.list({ page_number: 0, customer_id: SEED_CUSTOMERS.demo, status: "succeeded" });
    expect(mine.items[0]).toMatchObject({ payment_id: session.payment_id, total_amount: 1900, status: "succeeded" });
    expect(mine.items.every((p) => p.customer.customer_id === SEED_CUSTOMERS.demo)).toBe(true);
    const byProduct = await t.client.payments.list({ page_number: 0, product_id: SEED_PRODUCTS.template_pack });
    expect(byProduct.items.map((p) => p.payment_id)).toEqual([session.payment_id]);
  });

  it("deprecated payments.create still charges a saved method", async () => {
    const created = await t.client.payments.create({
      billing, customer: { customer_id: SEED_CUSTOMERS.demo }, product_cart: [{ product_id: SEED_PRODUCTS.workbook, quantity: 1 }],
      payment_method_id: SEED_PAYMENT_METHODS.demo_visa,
    });
    expect(created).toMatchObject({ total_amount: 2900, payment_link: null, customer: { customer_id: SEED_CUSTOMERS.demo } });
    await t.control("POST", "/_sandbox/settle");
    expect((await t.client.payments.retrieve(created.payment_id)).status).toBe("succeeded");
  });

  it("refunds partially then fully, then refuses (422)", async () => {
    const session = await oneClick(SEED_CUSTOMERS.demo, SEED_PAYMENT_METHODS.demo_visa);
    await t.control("POST", "/_sandbox/settle");
    const partial = await t.client.refunds.create({ payment_id: session.payment_id!, items: [{ item_id: SEED_PRODUCTS.template_pack, amount: 500 }], reason: "partial" });
    expect(partial).toMatchObject({ status: "pending", amount: 500, is_partial: true, currency: "USD" });
    await t.control("POST", "/_sandbox/settle");
    expect(await t.client.refunds.retrieve(partial.refund_id)).toMatchObject({ status: "succeeded" });
    expect((await t.client.payments.retrieve(session.payment_id!)).refund_status).toBe("partial");
    const rest = await t.client.refunds.create({ payment_id: session.payment_id! });
    expect(rest.amount).toBe(1400);
    await t.control("POST", "/_sandbox/settle");
    const payment = await t.client.payments.retrieve(session.payment_id!);
    expect(payment.refund_status).toBe("full");
    expect(payment.refunds).toHaveLength(2);
    expect(await apiError(t.client.refunds.create({ payment_id: session.payment_id! }))).toBeInstanceOf(DodoPayments.UnprocessableEntityError);
    const listed = await t.client.refunds.list({ page_number: 0, customer_id: SEED_CUSTOMERS.demo });
    expect(listed.items.map((r) => r.refund_id).sort()).toEqual([partial.refund_id, rest.refund_id].sort());
    expect(await apiError(t.client.refunds.retrieve("ref_000000000000000000000"))).toBeInstanceOf(DodoPayments.NotFoundError);
  });
});
