import DodoPayments from "dodopayments";
import { describe, expect, it } from "vitest";
import { SEED_ADDONS, SEED_CUSTOMERS, SEED_PAYMENT_METHODS, SEED_PRODUCTS } from "../../../sandbox/seed";
import { useSandbox } from "./helpers";

const t = useSandbox();

describe("auth", () => {
  it("answers 401 {code,message} to a wrong key, also on the control plane", async () => {
    const wrong = new DodoPayments({ bearerToken: "sk_wrong", baseURL: t.sandbox.url, maxRetries: 0 });
    const error = await wrong.customers.retrieve(SEED_CUSTOMERS.demo).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(DodoPayments.AuthenticationError);
    expect((error as InstanceType<typeof DodoPayments.AuthenticationError>).error).toMatchObject({ code: "UNAUTHORIZED", message: expect.any(String) });
    const control = await fetch(`${t.sandbox.url}/_sandbox/clock`, { headers: { authorization: "Bearer nope" } });
    expect(control.status).toBe(401);
  });
});

describe("customers", () => {
  it("creates, retrieves, updates and 404s", async () => {
    const created = await t.client.customers.create({ email: "new@example.com", name: "New Person", metadata: { plan: "x" } });
    expect(created.customer_id).toMatch(/^cus_[0-9A-Za-z]{21}$/);
    expect(await t.client.customers.retrieve(created.customer_id)).toEqual(created);
    const updated = await t.client.customers.update(created.customer_id, { name: "Renamed" });
    expect(updated.name).toBe("Renamed");
    const missing = await t.client.customers.retrieve("cus_000000000000000000000").catch((e: unknown) => e);
    expect(missing).toBeInstanceOf(DodoPayments.NotFoundError);
    expect((missing as InstanceType<typeof DodoPayments.NotFoundError>).error).toMatchObject({ code: "NOT_FOUND" });
  });

  it("rejects a create without email with 422", async () => {
    const error = await t.client.customers.create({ name: "No Email" } as never).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(DodoPayments.UnprocessableEntityError);
  });

  it("paginates zero-based with {items}, empty past the end, and SDK auto-pagination from page 0", async () => {
    for (let i = 0; i < 5; i++) await t.client.customers.create({ email: `page${i}@example.com`, name: `Page ${i}` });
    const first = await t.client.customers.list({ page_number: 0, page_size: 3 });
    expect(first.items).toHaveLength(3);
    expect(first.items[0]!.email).toBe("page4@example.com"); // newest first
    const second = await t.client.customers.list({ page_number: 1, page_size: 3 });
    expect(second.items.map((c) => c.email)).toEqual(["page1@example.com", "page0@example.com", "fresh@example.com"]);
    const past = await t.client.customers.list({ page_number: 10, page_size: 3 });
    expect(past.items).toEqual([]);
    const all: string[] = [];
    for await (const customer of t.client.customers.list({ page_number: 0, page_size: 2 })) all.push(customer.customer_id);
    expect(all).toHaveLength(8);
    const filtered = await t.client.customers.list({ page_number: 0, email: "PAGE3@" });
    expect(filtered.items.map((c) => c.name)).toEqual(["Page 3"]);
  });

  it("lists saved payment methods as {items} and deletes them (204, 409 in use, 404 foreign)", async () => {
    const methods = await t.client.customers.retrievePaymentMethods(SEED_CUSTOMERS.demo);
    expect(methods.items).toHaveLength(1);
    expect(methods.items[0]).toMatchObject({
      payment_method_id: SEED_PAYMENT_METHODS.demo_visa,
      payment_method: "card",
      recurring_enabled: true,
      card: { last4_digits: "4242", card_network: "visa", expiry_month: "12", expiry_year: "2034" },
    });
    const inUse = await t.client.customers.deletePaymentMethod(SEED_PAYMENT_METHODS.demo_visa, { customer_id: SEED_CUSTOMERS.demo }).catch((e: unknown) => e);
    expect(inUse).toBeInstanceOf(DodoPayments.ConflictError);
    const foreign = await t.client.customers.deletePaymentMethod(SEED_PAYMENT_METHODS.demo_visa, { customer_id: SEED_CUSTOMERS.fresh }).catch((e: unknown) => e);
    expect(foreign).toBeInstanceOf(DodoPayments.NotFoundError);
    const attached = await t.control<{ payment_method_id: string }>("POST", `/_sandbox/customers/${SEED_CUSTOMERS.fresh}/payment-methods`, { card_number: "5555555555554444" });
    await t.client.customers.deletePaymentMethod(attached.payment_method_id, { customer_id: SEED_CUSTOMERS.fresh });
    expect((await t.client.customers.retrievePaymentMethods(SEED_CUSTOMERS.fresh)).items).toEqual([]);
  });
});

describe("products and addons", () => {
  it("serves the seeded catalogue with Price objects and flattened list items", async () => {
    const pro = await t.client.products.retrieve(SEED_PRODUCTS.pro_monthly);
    expect(pro.price).toMatchObject({ type: "recurring_price", price: 8000, currency: "USD", payment_frequency_interval: "Month" });
    expect(pro.addons).toContain(SEED_ADDONS.extra_seat);
    const recurring = await t.client.products.list({ page_number: 0, page_size: 100, recurring: true });
    expect(recurring.items).toHaveLength(8);
    const oneTime = await t.client.products.list({ page_number: 0, page_size: 100, recurring: false });
    const course = oneTime.items.find((p) => p.product_id === SEED_PRODUCTS.course);
    expect(course).toMatchObject({ price: 4900, currency: "USD", is_recurring: false, price_detail: { type: "one_time_price" } });
    const missing = await t.client.products.retrieve("pdt_000000000000000000000").catch((e: unknown) => e);
    expect(missing).toBeInstanceOf(DodoPayments.NotFoundError);
  });

  it("creates products", async () => {
    const product = await t.client.products.create({
      name: "Sticker", tax_category: "digital_products", price: { type: "one_time_price", currency: "USD", price: 500, discount: 0, purchasing_power_parity: false },
    });
    expect(product.product_id).toMatch(/^pdt_/);
    expect(await t.client.products.retrieve(product.product_id)).toEqual(product);
  });

  it("lists and retrieves addons", async () => {
    const addons = await t.client.addons.list({ page_number: 0 });
    expect(addons.items.map((a) => a.id).sort()).toEqual([SEED_ADDONS.extra_seat, SEED_ADDONS.priority_support].sort());
    expect(await t.client.addons.retrieve(SEED_ADDONS.extra_seat)).toMatchObject({ price: 1000, currency: "USD", name: "Extra seat" });
  });
});
