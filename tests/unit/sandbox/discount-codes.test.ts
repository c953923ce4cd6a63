import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import DodoPayments from "dodopayments";
import { describe, expect, it } from "vitest";
import { SEED_PRODUCTS } from "../../../sandbox/seed";
import { apiError, startTestSandbox, useSandbox } from "./helpers";

const t = useSandbox();


describe("discount codes (CRUD)", () => {
  it("creates, retrieves (by id and case-insensitively by code), updates, lists and deletes", async () => {
    const created = await t.client.discounts.create({ type: "percentage", amount: 2000, code: "today20", name: "Today only", restricted_to: [SEED_PRODUCTS.coaching_call], usage_limit: 5 });
    expect(created).toEqual({
      amount: 2000, business_id: expect.stringMatching(/^bus_/), code: "TODAY20", created_at: expect.any(String), customer_eligibility: "any",
      discount_id: expect.stringMatching(/^dsc_[0-9A-Za-z]{21}$/), metadata: {}, preserve_on_plan_change: false,
      restricted_to: [SEED_PRODUCTS.coaching_call], times_used: 0, type: "percentage", currency_options: [], expires_at: null,
      name: "Today only", per_customer_usage_limit: null, starts_at: null, subscription_cycles: null, usage_limit: 5,
    });
    expect(await t.client.discounts.retrieve(created.discount_id)).toEqual(created);
    expect(await t.client.discounts.retrieveByCode("today20")).toEqual(created);

    const updated = await t.client.discounts.update(created.discount_id, { amount: 2500, usage_limit: null, name: "Quarter off" });
    expect(updated).toMatchObject({ amount: 2500, usage_limit: null, name: "Quarter off", code: "TODAY20", restricted_to: [SEED_PRODUCTS.coaching_call] });
    // `null` keeps non-clearable fields (the SDK's PATCH semantics).
    expect(await t.client.discounts.update(created.discount_id, { amount: null, restricted_to: null })).toMatchObject({ amount: 2500, restricted_to: [SEED_PRODUCTS.coaching_call] });

    const generated = await t.client.discounts.create({ type: "percentage", amount: 540 });
    expect(generated.code).toMatch(/^[A-Z0-9]{16}$/);
    const page = await t.client.discounts.list({ page_number: 0 });
    expect(page.items.map((d) => d.discount_id)).toEqual([generated.discount_id, created.discount_id]);
    expect((await t.client.discounts.list({ page_number: 1 })).items).toEqual([]);

    await t.client.discounts.delete(created.discount_id);
    expect(await apiError(t.client.discounts.retrieve(created.discount_id))).toBeInstanceOf(DodoPayments.NotFoundError);
    expect(await apiError(t.client.discounts.retrieveByCode("TODAY20"))).toBeInstanceOf(DodoPayments.NotFoundError);
    expect((await t.client.discounts.list({ page_number: 0 })).items.map((d) => d.discount_id)).toEqual([generated.discount_id]);
    // A deleted code may be reused.
    expect((await t.client.discounts.create({ type: "percentage", amount: 1000, code: "TODAY20" })).code).toBe("TODAY20");
  });

  it.each([
    ["a percentage above 100%", { type: "percentage", amount: 10_001 }, "INVALID_PERCENTAGE"],
    ["an amount below 1", { type: "percentage", amount: 0 }],
    ["a code shorter than 3 characters", { type: "percentage", amount: 100, code: "AB" }],
    ["a code longer than 16 characters", { type: "percentage", amount: 100, code: "ABCDEFGHIJKLMNOPQ" }],
    ["flat_per_unit (blocked)", { type: "flat_per_unit", amount: 100 }, "UNSUPPORTED_DISCOUNT_TYPE"],
    ["flat without currency_options", { type: "flat", amount: 1 }, "DISCOUNT_CURRENCY_OPTION_INVALID"],
    ["flat with two rows and no default", { type: "flat", amount: 1, currency_options: [{ currency: "USD", max_amount_possible: 500 }, { currency: "EUR", max_amount_possible: 500 }] }, "DISCOUNT_CURRENCY_OPTION_INVALID"],
    ["two rows for one currency", { type: "percentage", amount: 100, currency_options: [{ currency: "USD" }, { currency: "USD" }] }, "DISCOUNT_CURRENCY_OPTION_INVALID"],
    ["an unknown restricted product", { type: "percentage", amount: 100, restricted_to: ["pdt_000000000000000000000"] }],
    ["per_customer_usage_limit above usage_limit", { type: "percentage", amount: 100, usage_limit: 1, per_customer_usage_limit: 2 }],
    ["starts_at after expires_at", { type: "percentage", amount: 100, starts_at: "2030-01-02T00:00:00Z", expires_at: "2030-01-01T00:00:00Z" }],
  ])("refuses %s (422)", async (_label, body, code?: string) => {
    const error = await apiError(t.client.discounts.create(body as DodoPayments.DiscountCreateParams));
    expect(error).toBeInstanceOf(DodoPayments.UnprocessableEntityError);
    if (code) expect(error?.error).toMatchObject({ code });
  });

  it("refuses a code that already exists, whatever its case (422), on create and on update", async () => {
    const first = await t.client.discounts.create({ type: "percentage", amount: 1000, code: "SAVE10" });
    const duplicate = await apiError(t.client.discounts.create({ type: "percentage", amount: 1000, code: "save10" }));
    expect(duplicate).toBeInstanceOf(DodoPayments.UnprocessableEntityError);
    expect(duplicate?.error).toMatchObject({ code: "DISCOUNT_CODE_ALREADY_EXISTS" });
    const second = await t.client.discounts.create({ type: "percentage", amount: 1000, code: "SAVE11" });
    expect(await apiError(t.client.discounts.update(second.discount_id, { code: "save10" }))).toBeInstanceOf(DodoPayments.UnprocessableEntityError);
    expect(await t.client.discounts.update(first.discount_id, { code: "SAVE10" })).toMatchObject({ code: "SAVE10" });
  });

  it("filters the list by active, code, type and product", async () => {
    const now = (await t.control<{ now: string }>("GET", "/_sandbox/clock")).now;
    const soon = new Date(Date.parse(now) + 3_600_000).toISOString();
    const expiring = await t.client.discounts.create({ type: "percentage", amount: 1000, code: "SOON10", expires_at: soon });
    const coaching = await t.client.discounts.create({ type: "percentage", amount: 2000, code: "COACH20", restricted_to: [SEED_PRODUCTS.coaching_call] });
    const flat = await t.client.discounts.create({ type: "flat", amount: 1, code: "FIVEOFF", currency_options: [{ currency: "USD", max_amount_possible: 500 }] });
    const ids = async (query: DodoPayments.DiscountListParams) => (await t.client.discounts.list({ page_number: 0, ...query })).items.map((d) => d.discount_id);

    expect(await ids({ code: "coach" })).toEqual([coaching.discount_id]);
    expect(await ids({ discount_type: "flat" })).toEqual([flat.discount_id]);
    expect(await ids({ product_id: SEED_PRODUCTS.course })).toEqual([flat.discount_id, expiring.discount_id]);
    expect(await ids({ active: false })).toEqual([]);
    await t.control("POST", "/_sandbox/clock", { advance_ms: 2 * 3_600_000 });
    expect(await ids({ active: false })).toEqual([expiring.discount_id]);
    expect(await ids({ active: true })).toEqual([flat.discount_id, coaching.discount_id]);
  });
});

describe("discount persistence", () => {
  it("keeps discounts in the data file, loads files written before discounts existed, and reset drops them", async () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), "sandbox-discounts-"));
    const dataFile = path.join(dir, "state.json");
    try {
      const first = await startTestSandbox({ dataFile });
      const discount = await first.client.discounts.create({ type: "percentage", amount: 2000, code: "KEEP20" });
      await first.close();

      const second = await startTestSandbox({ dataFile });
      expect(await second.client.discounts.retrieveByCode("KEEP20")).toMatchObject({ discount_id: discount.discount_id, amount: 2000 });
      await second.control("POST", "/_sandbox/reset");
      expect(await apiError(second.client.discounts.retrieve(discount.discount_id))).toBeInstanceOf(DodoPayments.NotFoundError);
      await second.close();

      // An older file: no `discounts` map and no discount fields on payments.
      const old = JSON.parse(fs.readFileSync(dataFile, "utf8")) as Record<string, unknown> & { payments: Record<string, Record<string, unknown>> };
      delete old.discounts;
      for (const payment of Object.values(old.payments)) delete payment.discount_ids;
      fs.writeFileSync(dataFile, JSON.stringify(old));
      const third = await startTestSandbox({ dataFile });
      try {
        expect((await third.client.discounts.list({ page_number: 0 })).items).toEqual([]);
        const payments = await third.client.payments.list({ page_number: 0 });
        expect(payments.items.length).toBeGreaterThan(0);
        expect((await third.client.payments.retrieve(payments.items[0]!.payment_id)).discounts).toBeNull();
      } finally {
        await third.close();
      }
    } finally {
      fs.rmSync(dir, { recursive: true, force: true });
    }
  });
});
