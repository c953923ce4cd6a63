// Credit-based billing as Dodo documents it (docs: features/credit-based-billing, webhooks/intents/credit;
// SDK resources/credit-entitlements): entitlements, product attachments with a low-balance threshold,
// grants per subscription cycle, usage through ledger entries, and credit.balance_low (CreditBalanceLow).
import DodoPayments from "dodopayments";
import type { WebhookPayload } from "dodopayments/resources/index";
import { describe, expect, it } from "vitest";
import { SEED_CREDIT_ENTITLEMENTS, SEED_CUSTOMERS, SEED_PRODUCTS } from "../../../sandbox/seed";
import { API_KEY, apiError, useSandbox } from "./helpers";

const t = useSandbox({ receiver: true });

const CREDITS = SEED_CREDIT_ENTITLEMENTS.api_credits;
const CUSTOMER = SEED_CUSTOMERS.fresh;
const creditTypes = () => t.receiver.received.map((w) => w.type).filter((type) => type.startsWith("credit."));
const lowAlerts = () => t.receiver.received.filter((w) => w.type === "credit.balance_low").map((w) => JSON.parse(w.body).data as WebhookPayload.CreditBalanceLow);

/** Attaches the seeded API credits to Pro monthly (100 per cycle, alert below 20 %) and subscribes the fresh customer in one click. */
async function subscribeWithCredits(attach: Record<string, unknown> = {}, entitlementId: string = CREDITS): Promise<string> {
  await t.client.products.update(SEED_PRODUCTS.pro_monthly, {
    credit_entitlements: [{ credit_entitlement_id: entitlementId, credits_amount: "100", low_balance_threshold_percent: 20, ...attach }],
  });
  const card = await t.control<{ payment_method_id: string }>("POST", `/_sandbox/customers/${CUSTOMER}/payment-methods`, { card_number: "4242424242424242" });
  const session = await t.client.checkoutSessions.create({
    product_cart: [{ product_id: SEED_PRODUCTS.pro_monthly, quantity: 1 }], customer: { customer_id: CUSTOMER }, payment_method_id: card.payment_method_id,
    confirm: true, minimal_address: true, billing_address: { country: "US", zipcode: "94107" },
  });
  await t.control("POST", "/_sandbox/settle");
  return (await t.client.payments.retrieve(session.payment_id!)).subscription_id!;
}

const use = (amount: string, extra: Record<string, unknown> = {}, entitlementId: string = CREDITS) =>
  t.client.creditEntitlements.balances.createLedgerEntry(CUSTOMER, { credit_entitlement_id: entitlementId, amount, entry_type: "debit", ...extra });
const balance = async (entitlementId: string = CREDITS) => (await t.client.creditEntitlements.balances.retrieve(CUSTOMER, { credit_entitlement_id: entitlementId })).balance;

describe("credit entitlements (CRUD)", () => {
  it("creates (201), retrieves, updates, soft-deletes and restores an entitlement", async () => {
    const created = await fetch(`${t.sandbox.url}/credit-entitlements`, {
      method: "POST", headers: { authorization: `Bearer ${API_KEY}`, "content-type": "application/json" },
      body: JSON.stringify({ name: "Tokens", unit: "tokens", precision: 2, overage_enabled: false, rollover_enabled: false }),
    });
    expect(created.status).toBe(201);
    const tokens = (await created.json()) as DodoPayments.CreditEntitlement;
    expect(tokens).toMatchObject({ id: expect.stringMatching(/^cde_/), overage_behavior: "forgive_at_reset", precision: 2, expires_after_days: null });
    expect(await t.client.creditEntitlements.retrieve(tokens.id)).toEqual(tokens);
    await t.client.creditEntitlements.update(tokens.id, { description: "LLM tokens", expires_after_days: 30 });
    expect(await t.client.creditEntitlements.retrieve(tokens.id)).toMatchObject({ description: "LLM tokens", expires_after_days: 30 });
    await t.client.creditEntitlements.update(tokens.id, { expires_after_days: null });
    expect((await t.client.creditEntitlements.retrieve(tokens.id)).expires_after_days).toBeNull();

    await t.client.creditEntitlements.delete(tokens.id);
    expect(await apiError(t.client.creditEntitlements.retrieve(tokens.id))).toBeInstanceOf(DodoPayments.NotFoundError);
    expect((await t.client.creditEntitlements.list({ page_number: 0, deleted: true })).items.map((e) => e.id)).toEqual([tokens.id]);
    expect(await apiError(t.client.products.update(SEED_PRODUCTS.course, { credit_entitlements: [{ credit_entitlement_id: tokens.id, credits_amount: "5" }] })))
      .toMatchObject({ error: { code: "CREDIT_ENTITLEMENT_IS_DELETED" } });
    await t.client.creditEntitlements.undelete(tokens.id);
    expect((await t.client.creditEntitlements.retrieve(tokens.id)).name).toBe("Tokens");
    // SDK: undeleting one that is not deleted "returns 500".
    expect(await apiError(t.client.creditEntitlements.undelete(tokens.id))).toBeInstanceOf(DodoPayments.InternalServerError);
  });

  it.each([
    ["a duplicate name", { name: "API credits" }, "CREDIT_ENTITLEMENT_NAME_ALREADY_EXISTS"],
    ["overage without a price", { overage_enabled: true }, "INVALID_REQUEST_PARAMETERS"],
    ["a price without a currency", { price_per_unit: "0.01" }, "INVALID_REQUEST_PARAMETERS"],
    ["precision above 10", { precision: 11 }, "INVALID_REQUEST_PARAMETERS"],
    ["half a rollover timeframe", { rollover_timeframe_count: 1 }, "INVALID_REQUEST_PARAMETERS"],
  ])("refuses %s (422)", async (_label, body, code) => {
    const error = await apiError(t.client.creditEntitlements.create({ name: "Other", unit: "units", precision: 0, overage_enabled: false, rollover_enabled: false, ...body }));
    expect(error).toBeInstanceOf(DodoPayments.UnprocessableEntityError);
    expect(error?.error).toMatchObject({ code });
  });

  it("attaches to a product with the entitlement's defaults; at most 3 per product", async () => {
    await t.client.products.update(SEED_PRODUCTS.pro_monthly, { credit_entitlements: [{ credit_entitlement_id: CREDITS, credits_amount: "100", low_balance_threshold_percent: 20 }] });
    expect((await t.client.products.retrieve(SEED_PRODUCTS.pro_monthly)).credit_entitlements).toEqual([expect.objectContaining({
      credit_entitlement_id: CREDITS, credit_entitlement_name: "API credits", credit_entitlement_unit: "API calls", credits_amount: "100",
      low_balance_threshold_percent: 20, overage_enabled: false, overage_behavior: "forgive_at_reset", rollover_enabled: false,
    })]);
    expect(await apiError(t.client.products.update(SEED_PRODUCTS.pro_monthly, { credit_entitlements: [{ credit_entitlement_id: CREDITS, credits_amount: "1.5" }] })))
      .toBeInstanceOf(DodoPayments.UnprocessableEntityError); // precision 0
  });
});

describe("a subscription's credits", () => {
  it("grants credits_amount when the subscription starts, shown in its credit_entitlement_cart, with credit.added", async () => {
    const subscriptionId = await subscribeWithCredits();
    expect(await balance()).toBe("100");
    expect((await t.client.subscriptions.retrieve(subscriptionId)).credit_entitlement_cart).toEqual([expect.objectContaining({
      credit_entitlement_id: CREDITS, credits_amount: "100", remaining_balance: "100", overage_balance: "0", low_balance_threshold_percent: 20, product_id: SEED_PRODUCTS.pro_monthly,
    })]);
    const grants = await t.client.creditEntitlements.balances.listGrants(CUSTOMER, { credit_entitlement_id: CREDITS, page_number: 0 });
    expect(grants.items).toEqual([expect.objectContaining({ source_type: "subscription", source_id: subscriptionId, initial_amount: "100", remaining_amount: "100", is_expired: false })]);
    await t.receiver.waitFor(() => creditTypes().includes("credit.added"));
    const added = t.client.webhooks.unwrap(t.receiver.received.find((w) => w.type === "credit.added")!.body, { headers: t.receiver.received.find((w) => w.type === "credit.added")!.headers });
    expect(added.data).toMatchObject({ payload_type: "CreditLedgerEntry", transaction_type: "credit_added", amount: "100", balance_before: "0", balance_after: "100", reference_type: "subscription", reference_id: subscriptionId });
  });

  it("usage through ledger entries lowers the balance; below the threshold credit.balance_low fires once with Dodo's payload", async () => {
    const subscriptionId = await subscribeWithCredits();
    const first = await use("70", { reason: "batch job", metadata: { job: "j1" } });
    expect(first).toMatchObject({ amount: "70", balance_before: "100", balance_after: "30", entry_type: "debit", is_credit: false, reason: "batch job", metadata: { job: "j1" } });
    expect(lowAlerts()).toEqual([]); // 30 is not below 20
    await use("15");
    await t.receiver.waitFor(() => lowAlerts().length === 1);
    expect(lowAlerts()[0]).toEqual({
      payload_type: "CreditBalanceLow", available_balance: "15", brand_id: expect.stringMatching(/^brnd_/), credit_entitlement_id: CREDITS,
      credit_entitlement_name: "API credits", customer_id: CUSTOMER, subscription_credits_amount: "100", subscription_id: subscriptionId,
      threshold_amount: "20", threshold_percent: 20,
    });
    await use("5");
    await t.control("POST", "/_sandbox/settings", { credit_low_balance_alert: "every_deduction" });
    await use("1");
    await t.receiver.waitFor(() => lowAlerts().length === 2);
    expect(lowAlerts().map((a) => a.available_balance)).toEqual(["15", "9"]);
    const ledger = await t.client.creditEntitlements.balances.listLedger(CUSTOMER, { credit_entitlement_id: CREDITS, page_number: 0, transaction_type: "manual_adjustment" });
    expect(ledger.items.map((e) => e.amount)).toEqual(["1", "5", "15", "70"]);
    expect(creditTypes().filter((type) => type === "credit.manual_adjustment")).toHaveLength(4);
  });

  it("a debit above the balance: 400 without overage; with overage up to its limit, then 422 OVERAGE_LIMIT_EXCEEDED", async () => {
    await subscribeWithCredits();
    const refused = await apiError(use("101"));
    expect(refused).toBeInstanceOf(DodoPayments.BadRequestError);
    expect(await balance()).toBe("100");

    await t.client.products.update(SEED_PRODUCTS.pro_monthly, {
      credit_entitlements: [{ credit_entitlement_id: CREDITS, credits_amount: "100", low_balance_threshold_percent: 20, overage_enabled: true, overage_limit: "10", price_per_unit: "0.01", currency: "USD" }],
    });
    expect(await use("105")).toMatchObject({ balance_after: "0", overage_before: "0", overage_after: "5" });
    expect((await apiError(use("6")))?.error).toMatchObject({ code: "OVERAGE_LIMIT_EXCEEDED" });
    expect(await t.client.creditEntitlements.balances.retrieve(CUSTOMER, { credit_entitlement_id: CREDITS })).toMatchObject({ balance: "0", overage: "5" });
  });

  it("an idempotency key is used once (409); credits through the API are a new grant", async () => {
    await subscribeWithCredits();
    await use("10", { idempotency_key: "usage-1" });
    expect(await apiError(use("10", { idempotency_key: "usage-1" }))).toBeInstanceOf(DodoPayments.ConflictError);
    expect(await balance()).toBe("90");
    const credit = await t.client.creditEntitlements.balances.createLedgerEntry(CUSTOMER, { credit_entitlement_id: CREDITS, amount: "25", entry_type: "credit", reason: "goodwill" });
    expect(credit).toMatchObject({ balance_after: "115", entry_type: "credit", grant_id: expect.stringMatching(/^cgr_/) });
    const grants = await t.client.creditEntitlements.balances.listGrants(CUSTOMER, { credit_entitlement_id: CREDITS, page_number: 0, status: "active" });
    expect(grants.items.map((g) => g.source_type)).toEqual(["api", "subscription"]);
    expect(await apiError(use("1", { expires_at: "2030-01-01T00:00:00Z" }))).toBeInstanceOf(DodoPayments.UnprocessableEntityError);
  });

  it("at the renewal unused credits expire, overage is forgiven and a new cycle's credits arrive; the alert re-arms", async () => {
    const subscriptionId = await subscribeWithCredits({ overage_enabled: true, price_per_unit: "0.01", currency: "USD" });
    await use("95");
    await use("10"); // 5 over
    await t.receiver.waitFor(() => lowAlerts().length === 1);
    const sub = await t.client.subscriptions.retrieve(subscriptionId);
    await t.control("POST", "/_sandbox/clock", { set: sub.next_billing_date });
    expect(await t.client.creditEntitlements.balances.retrieve(CUSTOMER, { credit_entitlement_id: CREDITS })).toMatchObject({ balance: "100", overage: "0" });
    await t.receiver.waitFor(() => creditTypes().includes("credit.overage_reset") && creditTypes().filter((type) => type === "credit.added").length === 2);
    await use("90");
    await t.receiver.waitFor(() => lowAlerts().length === 2);
  });

  it("rolls over rollover_percentage of what is left and expires the rest", async () => {
    const subscriptionId = await subscribeWithCredits({ rollover_enabled: true, rollover_percentage: 50 });
    await use("70");
    await t.control("POST", "/_sandbox/clock", { set: (await t.client.subscriptions.retrieve(subscriptionId)).next_billing_date });
    expect(await balance()).toBe("115"); // 15 of the 30 left, plus the new 100
    await t.receiver.waitFor(() => ["credit.rolled_over", "credit.expired"].every((type) => creditTypes().includes(type)));
    const grants = (await t.client.creditEntitlements.balances.listGrants(CUSTOMER, { credit_entitlement_id: CREDITS, page_number: 0 })).items;
    expect(grants.find((g) => g.source_type === "rollover")).toMatchObject({ initial_amount: "15", rollover_count: 1 });
  });

  it("grants expire after expires_after_days by the sandbox clock", async () => {
    await subscribeWithCredits({ expires_after_days: 7 });
    await t.control("POST", "/_sandbox/clock", { advance_ms: 8 * 86_400_000 });
    expect(await balance()).toBe("0");
    await t.receiver.waitFor(() => creditTypes().includes("credit.expired"));
  });

  it("a subscription's own threshold (credit_entitlement_cart) wins over the product's", async () => {
    const subscriptionId = await subscribeWithCredits();
    await t.client.subscriptions.update(subscriptionId, { credit_entitlement_cart: [{ credit_entitlement_id: CREDITS, low_balance_threshold_percent: 50 }] });
    expect((await t.client.subscriptions.retrieve(subscriptionId)).credit_entitlement_cart[0]).toMatchObject({ low_balance_threshold_percent: 50 });
    await use("55");
    await t.receiver.waitFor(() => lowAlerts().length === 1);
    expect(lowAlerts()[0]).toMatchObject({ threshold_percent: 50, threshold_amount: "50", available_balance: "45" });
  });

  it("with the added_or_deducted switch API entries are credit_deducted / credit.deducted", async () => {
    await subscribeWithCredits();
    await t.control("POST", "/_sandbox/settings", { api_ledger_entry_type: "added_or_deducted" });
    await use("3");
    await t.receiver.waitFor(() => creditTypes().includes("credit.deducted"));
    const ledger = await t.client.creditEntitlements.balances.listLedger(CUSTOMER, { credit_entitlement_id: CREDITS, page_number: 0 });
    expect(ledger.items[0]).toMatchObject({ transaction_type: "credit_deducted", amount: "3" });
  });
});

describe("one-time purchases with credits", () => {
  it("grant their credits once per unit bought, with no low-balance alert (no subscription)", async () => {
    await t.client.products.update(SEED_PRODUCTS.template_pack, { credit_entitlements: [{ credit_entitlement_id: CREDITS, credits_amount: "40" }] });
    const card = await t.control<{ payment_method_id: string }>("POST", `/_sandbox/customers/${CUSTOMER}/payment-methods`, { card_number: "4242424242424242" });
    const session = await t.client.checkoutSessions.create({
      product_cart: [{ product_id: SEED_PRODUCTS.template_pack, quantity: 2 }], customer: { customer_id: CUSTOMER }, payment_method_id: card.payment_method_id,
      confirm: true, minimal_address: true, billing_address: { country: "US", zipcode: "94107" },
    });
    await t.control("POST", "/_sandbox/settle");
    expect(await balance()).toBe("80");
    const [grant] = (await t.client.creditEntitlements.balances.listGrants(CUSTOMER, { credit_entitlement_id: CREDITS, page_number: 0 })).items;
    expect(grant).toMatchObject({ source_type: "one_time", source_id: session.payment_id });
    await use("79");
    expect(lowAlerts()).toEqual([]);
  });
});
