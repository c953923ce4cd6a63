import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import DodoPayments from "dodopayments";
import { describe, expect, it } from "vitest";
import { SEED_CUSTOMERS, SEED_PAYMENT_METHODS, SEED_PRODUCTS, SEED_SUBSCRIPTIONS } from "../../../sandbox/seed";
import { API_KEY, startTestSandbox, useSandbox } from "./helpers";

describe("faults", () => {
  const t = useSandbox();

  it("injects 500s on one endpoint only, then clears", async () => {
    await t.control("POST", "/_sandbox/faults", { endpoint: "GET /customers/{id}/payment-methods", error_rate: 1 });
    const error = await t.client.customers.retrievePaymentMethods(SEED_CUSTOMERS.demo).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(DodoPayments.InternalServerError);
    expect((await t.client.customers.retrieve(SEED_CUSTOMERS.demo)).customer_id).toBe(SEED_CUSTOMERS.demo);
    await t.control("DELETE", "/_sandbox/faults");
    expect((await t.client.customers.retrievePaymentMethods(SEED_CUSTOMERS.demo)).items).toHaveLength(1);
  });

  it("adds latency", async () => {
    await t.control("POST", "/_sandbox/faults", { endpoint: "GET /products/*", latency_ms: 150 });
    const started = Date.now();
    await t.client.products.retrieve(SEED_PRODUCTS.course);
    expect(Date.now() - started).toBeGreaterThanOrEqual(140);
    await t.control("POST", "/_sandbox/faults", { clear: true });
  });

  it("hangs requests so the client times out", async () => {
    await t.control("POST", "/_sandbox/faults", { endpoint: "POST /checkouts", timeout: true });
    const error = await t.client.checkoutSessions
      .create({ product_cart: [{ product_id: SEED_PRODUCTS.course, quantity: 1 }] }, { timeout: 200 })
      .catch((e: unknown) => e);
    expect(error).toBeInstanceOf(DodoPayments.APIConnectionTimeoutError);
    await t.control("DELETE", "/_sandbox/faults");
  });

  it("processed, answer lost (timeout): the one-click charge is made, the client only times out", async () => {
    await t.control("POST", "/_sandbox/faults", { endpoint: "POST /checkouts", lose_answer: "timeout" });
    const before = (await t.client.payments.list({ page_number: 0, customer_id: SEED_CUSTOMERS.demo })).items.length;
    const error = await t.client.checkoutSessions
      .create({
        product_cart: [{ product_id: SEED_PRODUCTS.template_pack, quantity: 1 }], customer: { customer_id: SEED_CUSTOMERS.demo },
        payment_method_id: SEED_PAYMENT_METHODS.demo_visa, confirm: true, minimal_address: true, billing_address: { country: "US", zipcode: "94107" },
        metadata: { attempt: "a1" },
      }, { timeout: 300 })
      .catch((e: unknown) => e);
    expect(error).toBeInstanceOf(DodoPayments.APIConnectionTimeoutError);
    await t.control("POST", "/_sandbox/settle");
    const payments = (await t.client.payments.list({ page_number: 0, customer_id: SEED_CUSTOMERS.demo })).items;
    expect(payments).toHaveLength(before + 1);
    expect(payments[0]).toMatchObject({ status: "succeeded", total_amount: 1900, metadata: { attempt: "a1" } });
  });

  it("processed, answer lost (502, once): the plan changes, the client sees a 5xx, the next call is answered", async () => {
    await t.control("POST", "/_sandbox/faults", { endpoint: "POST /subscriptions/{id}/change-plan", lose_answer: 502, times: 1 });
    const body = { product_id: SEED_PRODUCTS.pro_monthly, quantity: 1, proration_billing_mode: "do_not_bill" as const };
    const error = await t.client.subscriptions.changePlan(SEED_SUBSCRIPTIONS.demo_basic, body).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(DodoPayments.InternalServerError);
    expect((error as InstanceType<typeof DodoPayments.APIError>).status).toBe(502);
    expect((await t.client.subscriptions.retrieve(SEED_SUBSCRIPTIONS.demo_basic)).product_id).toBe(SEED_PRODUCTS.pro_monthly);
    expect(await t.control("GET", "/_sandbox/faults")).toEqual({ items: [] });
    await t.client.subscriptions.changePlan(SEED_SUBSCRIPTIONS.demo_basic, { ...body, product_id: SEED_PRODUCTS.team_monthly });
    expect((await t.client.subscriptions.retrieve(SEED_SUBSCRIPTIONS.demo_basic)).product_id).toBe(SEED_PRODUCTS.team_monthly);
  });

  it("a fault scoped to a customer hits only that customer's requests", async () => {
    await t.control("POST", "/_sandbox/faults", { endpoint: "POST /checkouts", customer_id: SEED_CUSTOMERS.demo, error_rate: 1 });
    const oneClick = (customer: string, method: string) => t.client.checkoutSessions.create({
      product_cart: [{ product_id: SEED_PRODUCTS.template_pack, quantity: 1 }], customer: { customer_id: customer },
      payment_method_id: method, confirm: true, minimal_address: true, billing_address: { country: "US", zipcode: "94107" },
    });
    expect(await oneClick(SEED_CUSTOMERS.failing, SEED_PAYMENT_METHODS.failing_card).catch((e: unknown) => e)).toMatchObject({ session_id: expect.any(String) });
    expect(await oneClick(SEED_CUSTOMERS.demo, SEED_PAYMENT_METHODS.demo_visa).catch((e: unknown) => e)).toBeInstanceOf(DodoPayments.InternalServerError);
    // Path and query name the customer too.
    await t.control("POST", "/_sandbox/faults", { endpoint: "GET /customers/{id}/payment-methods", customer_id: SEED_CUSTOMERS.failing, error_rate: 1 });
    expect((await t.client.customers.retrievePaymentMethods(SEED_CUSTOMERS.demo)).items).toHaveLength(1);
    await expect(t.client.customers.retrievePaymentMethods(SEED_CUSTOMERS.failing)).rejects.toBeInstanceOf(DodoPayments.InternalServerError);
  });

  it("rejects a malformed endpoint pattern", async () => {
    await expect(t.control("POST", "/_sandbox/faults", { endpoint: "checkouts", error_rate: 1 })).rejects.toThrow(/422/);
  });
});

describe("persistence and reset", () => {
  it("keeps state across restarts in the data file, and reset returns to the seed", async () => {
    const dataFile = path.join(fs.mkdtempSync(path.join(os.tmpdir(), "sandbox-state-")), "state.json");
    const first = await startTestSandbox({ dataFile });
    const customer = await first.client.customers.create({ email: "kept@example.com", name: "Kept" });
    await first.control("POST", "/_sandbox/clock", { advance_ms: 3_600_000 });
    await first.close();

    const second = await startTestSandbox({ dataFile });
    try {
      expect((await second.client.customers.retrieve(customer.customer_id)).email).toBe("kept@example.com");
      const clock = await second.control<{ offset_ms: number }>("GET", "/_sandbox/clock");
      expect(clock.offset_ms).toBeGreaterThanOrEqual(3_600_000);
      await second.control("POST", "/_sandbox/reset");
      const error = await second.client.customers.retrieve(customer.customer_id).catch((e: unknown) => e);
      expect(error).toBeInstanceOf(DodoPayments.NotFoundError);
      expect((await second.client.customers.retrieve(SEED_CUSTOMERS.demo)).name).toBe("Dana Demo");
    } finally {
      await second.close();
      fs.rmSync(path.dirname(dataFile), { recursive: true, force: true });
    }
  });

  it("starts empty with seed: false", async () => {
    const empty = await startTestSandbox({ seed: false });
    try {
      expect((await empty.client.products.list({ page_number: 0 })).items).toEqual([]);
    } finally {
      await empty.close();
    }
  });

  it("answers unknown Dodo paths with 404 {code,message}", async () => {
    const t = await startTestSandbox();
    try {
      const response = await fetch(`${t.sandbox.url}/nope`, { headers: { authorization: `Bearer ${API_KEY}` } });
      expect(response.status).toBe(404);
      expect(await response.json()).toMatchObject({ code: "NOT_FOUND", message: expect.any(String) });
    } finally {
      await t.close();
    }
  });
});
