import { describe, expect, it } from "vitest";
import { SEED_CUSTOMERS, SEED_PRODUCTS } from "../../../sandbox/seed";
import { API_KEY, payHostedPage as pay, useSandbox } from "./helpers";

const t = useSandbox();

describe("hosted checkout (HTTP level)", () => {
  it("a session made straight at the sandbox by another server returns to its own URL with Dodo's query (docs: checkout-session return_url)", async () => {
    const response = await fetch(`${t.sandbox.url}/checkouts`, {
      method: "POST",
      headers: { authorization: `Bearer ${API_KEY}`, "content-type": "application/json" },
      body: JSON.stringify({ product_cart: [{ product_id: SEED_PRODUCTS.workbook, quantity: 1 }], return_url: "https://shop.example.com/orders/complete?ref=A-17" }),
    });
    const session = (await response.json()) as { checkout_url: string };
    const target = new URL((await pay(session.checkout_url, { email: "third@example.com" })).location!);
    expect([target.origin, target.pathname, target.searchParams.get("ref")]).toEqual(["https://shop.example.com", "/orders/complete", "A-17"]);
    expect(target.searchParams.get("status")).toBe("succeeded");
    expect(target.searchParams.get("email")).toBe("third@example.com");
    expect((await t.client.payments.retrieve(target.searchParams.get("payment_id")!)).total_amount).toBe(2900);
  });

  it("collects the full address unless minimal_address, and records what was entered", async () => {
    const full = await t.client.checkoutSessions.create({ product_cart: [{ product_id: SEED_PRODUCTS.course, quantity: 1 }], return_url: "http://127.0.0.1:3999/thanks" });
    expect(await (await fetch(full.checkout_url!)).text()).toContain('name="street"');
    const back = new URL((await pay(full.checkout_url!, { street: "1 Market St", city: "San Francisco", state: "CA" })).location!);
    expect((await t.client.payments.retrieve(back.searchParams.get("payment_id")!)).billing).toEqual({ country: "US", zipcode: "10001", street: "1 Market St", city: "San Francisco", state: "CA" });
    const minimal = await t.client.checkoutSessions.create({ product_cart: [{ product_id: SEED_PRODUCTS.course, quantity: 1 }], minimal_address: true });
    expect(await (await fetch(minimal.checkout_url!)).text()).not.toContain('name="street"');
  });

  it("renders the page, pays with 4242, saves the card, redirects with payment_id & status", async () => {
    const session = await t.client.checkoutSessions.create({
      product_cart: [{ product_id: SEED_PRODUCTS.course, quantity: 1 }], customer: { customer_id: SEED_CUSTOMERS.fresh },
      return_url: "http://127.0.0.1:3999/thanks?from=test",
    });
    const page = await (await fetch(session.checkout_url!)).text();
    expect(page).toContain("Launch Your Course");
    expect(page).toContain("$49.00");
    const result = await pay(session.checkout_url!, {});
    expect(result.status).toBe(303);
    const target = new URL(result.location!);
    expect(target.pathname).toBe("/thanks");
    expect(target.searchParams.get("from")).toBe("test");
    expect(target.searchParams.get("status")).toBe("succeeded");
    expect(target.searchParams.get("email")).toBe("fresh@example.com");
    const payment = await t.client.payments.retrieve(target.searchParams.get("payment_id")!);
    expect(payment).toMatchObject({ status: "succeeded", total_amount: 4900, checkout_session_id: session.session_id, customer: { customer_id: SEED_CUSTOMERS.fresh } });
    const methods = await t.client.customers.retrievePaymentMethods(SEED_CUSTOMERS.fresh);
    expect(methods.items.map((m) => m.card?.last4_digits)).toEqual(["4242"]);
    expect((await pay(session.checkout_url!, {})).status).toBe(422); // already complete
  });

  it("a subscription returns subscription_id & status=active; a new email creates the customer", async () => {
    const session = await t.client.checkoutSessions.create({ product_cart: [{ product_id: SEED_PRODUCTS.pro_monthly, quantity: 1 }], return_url: "http://127.0.0.1:3999/welcome" });
    const target = new URL((await pay(session.checkout_url!, { email: "newbie@example.com" })).location!);
    expect(target.searchParams.get("status")).toBe("active");
    const sub = await t.client.subscriptions.retrieve(target.searchParams.get("subscription_id")!);
    expect(sub).toMatchObject({ status: "active", product_id: SEED_PRODUCTS.pro_monthly, customer: { email: "newbie@example.com" } });
  });

  it("a declining card fails the payment and saves nothing", async () => {
    const session = await t.client.checkoutSessions.create({
      product_cart: [{ product_id: SEED_PRODUCTS.course, quantity: 1 }], customer: { customer_id: SEED_CUSTOMERS.fresh }, return_url: "http://127.0.0.1:3999/thanks",
    });
    const target = new URL((await pay(session.checkout_url!, { card_number: "4000000000009995" })).location!);
    expect(target.searchParams.get("status")).toBe("failed");
    expect((await t.client.payments.retrieve(target.searchParams.get("payment_id")!)).error_code).toBe("INSUFFICIENT_FUNDS");
    expect((await t.client.customers.retrievePaymentMethods(SEED_CUSTOMERS.fresh)).items).toEqual([]);
  });

  it("shows form errors on the page", async () => {
    const session = await t.client.checkoutSessions.create({ product_cart: [{ product_id: SEED_PRODUCTS.course, quantity: 1 }] });
    const result = await pay(session.checkout_url!, { email: "not-an-email" });
    expect(result.status).toBe(422);
    expect(result.html).toContain("Enter a valid email.");
  });

  it("customer portal sessions link to a page listing the customer's subscriptions and cards", async () => {
    const { link } = await t.client.customers.customerPortal.create(SEED_CUSTOMERS.demo);
    expect(link).toBe(`${t.sandbox.url}/portal/${SEED_CUSTOMERS.demo}`);
    const page = await (await fetch(link)).text();
    expect(page).toContain("Basic (monthly)");
    expect(page).toContain("•••• 4242");
  });
});
