// Refunds as the SDK's RefundCreateParams and the error-code reference (Refunds) describe them, and
// disputes: read through the API (SDK disputes.list/retrieve), opened and moved from the control plane.
import DodoPayments from "dodopayments";
import type { GetDispute, Payment } from "dodopayments/resources/index";
import { describe, expect, it } from "vitest";
import { SEED_CUSTOMERS, SEED_PAYMENT_METHODS, SEED_PAYMENTS, SEED_PRODUCTS } from "../../../sandbox/seed";
import { apiError, useSandbox } from "./helpers";

const t = useSandbox({ receiver: true });

async function buy(productIds: string[]): Promise<string> {
  const session = await t.client.checkoutSessions.create({
    product_cart: productIds.map((product_id) => ({ product_id, quantity: 1 })), customer: { customer_id: SEED_CUSTOMERS.demo },
    payment_method_id: SEED_PAYMENT_METHODS.demo_visa, confirm: true, minimal_address: true, billing_address: { country: "US", zipcode: "94107" },
  });
  await t.control("POST", "/_sandbox/settle");
  return session.payment_id!;
}

const code = async (promise: Promise<unknown>) => (await apiError(promise))?.error;

describe("refunds", () => {
  it("refunds one line partly, then the rest of the payment, with its reason; line items show what is left", async () => {
    const paymentId = await buy([SEED_PRODUCTS.course, SEED_PRODUCTS.template_pack]);
    const partial = await t.client.refunds.create({ payment_id: paymentId, items: [{ item_id: SEED_PRODUCTS.course, amount: 900 }], reason: "late delivery" });
    expect(partial).toMatchObject({ amount: 900, is_partial: true, reason: "late delivery", status: "pending" });
    expect(await code(t.client.refunds.create({ payment_id: paymentId }))).toMatchObject({ code: "EXISTING_REFUND_REQUEST_PROCESSING" });
    await t.control("POST", "/_sandbox/settle");
    const lines = (await t.client.payments.retrieveLineItems(paymentId)).items;
    expect(lines.map((l) => [l.items_id, l.amount, l.refundable_amount])).toEqual([[SEED_PRODUCTS.course, 4900, 4000], [SEED_PRODUCTS.template_pack, 1900, 1900]]);

    const whole = await t.client.refunds.create({ payment_id: paymentId, items: [{ item_id: SEED_PRODUCTS.template_pack }] });
    expect(whole.amount).toBe(1900);
    await t.control("POST", "/_sandbox/settle");
    const rest = await t.client.refunds.create({ payment_id: paymentId });
    expect(rest).toMatchObject({ amount: 4000, is_partial: true });
    await t.control("POST", "/_sandbox/settle");
    expect((await t.client.payments.retrieve(paymentId)).refund_status).toBe("full");
    expect(await code(t.client.refunds.create({ payment_id: paymentId }))).toMatchObject({ code: "PAYMENT_ALREADY_REFUNDED" });
    await t.receiver.waitFor((r) => r.filter((w) => w.type === "refund.succeeded").length === 3);
  });

  it.each([
    ["an item not on the payment", [{ item_id: SEED_PRODUCTS.workbook }], "LINE_ITEM_NOT_FOUND"],
    ["more than the line's amount", [{ item_id: SEED_PRODUCTS.course, amount: 5000 }], "LINE_ITEM_REFUND_AMOUNT_TOO_HIGH"],
    ["a zero amount", [{ item_id: SEED_PRODUCTS.course, amount: 0 }], "LINE_ITEM_REFUND_AMOUNT_TOO_LOW"],
    ["the same item twice", [{ item_id: SEED_PRODUCTS.course, amount: 100 }, { item_id: SEED_PRODUCTS.course, amount: 100 }], "DUPLICATE_LINE_ITEMS_IN_REQUEST"],
  ])("refuses %s (422 %s)", async (_label, items, errorCode) => {
    const paymentId = await buy([SEED_PRODUCTS.course]);
    const error = await apiError(t.client.refunds.create({ payment_id: paymentId, items }));
    expect(error).toBeInstanceOf(DodoPayments.UnprocessableEntityError);
    expect(error?.error).toMatchObject({ code: errorCode });
  });

  it("refunds a subscription payment by its product line; refuses an unsettled payment and an over-long reason", async () => {
    const lines = (await t.client.payments.retrieveLineItems(SEED_PAYMENTS.demo_basic_first)).items;
    expect(lines).toEqual([expect.objectContaining({ items_id: SEED_PRODUCTS.basic_monthly, amount: 3000, refundable_amount: 3000 })]);
    expect((await t.client.refunds.create({ payment_id: SEED_PAYMENTS.demo_basic_first, items: [{ item_id: SEED_PRODUCTS.basic_monthly, amount: 1000 }] })).amount).toBe(1000);

    const session = await t.client.checkoutSessions.create({
      product_cart: [{ product_id: SEED_PRODUCTS.course, quantity: 1 }], customer: { customer_id: SEED_CUSTOMERS.demo },
      payment_method_id: SEED_PAYMENT_METHODS.demo_visa, confirm: true, minimal_address: true, billing_address: { country: "US", zipcode: "94107" },
    });
    expect(await code(t.client.refunds.create({ payment_id: session.payment_id! }))).toMatchObject({ code: "PAYMENT_NOT_SUCCEEDED" });
    await t.control("POST", "/_sandbox/settle");
    expect(await apiError(t.client.refunds.create({ payment_id: session.payment_id!, reason: "x".repeat(3001) }))).toBeInstanceOf(DodoPayments.UnprocessableEntityError);
  });
});

describe("disputes (control plane opens and moves them; the API reads them)", () => {
  it("opens a dispute with dispute.opened, lists it on the payment and the API, and resolves it with dispute.won", async () => {
    const paymentId = await buy([SEED_PRODUCTS.coaching_call]);
    const opened = await t.control<GetDispute>("POST", "/_sandbox/disputes", { payment_id: paymentId, reason: "product not received" });
    expect(opened).toMatchObject({ payment_id: paymentId, amount: "9900", currency: "USD", dispute_status: "dispute_opened", dispute_stage: "dispute", reason: "product not received", customer: { customer_id: SEED_CUSTOMERS.demo } });
    expect(opened.dispute_id).toMatch(/^dsp_/);
    expect(await t.client.disputes.retrieve(opened.dispute_id)).toEqual(opened);
    expect((await t.client.disputes.list({ page_number: 0, customer_id: SEED_CUSTOMERS.demo })).items.map((d) => d.dispute_id)).toEqual([opened.dispute_id]);
    expect((await t.client.payments.retrieve(paymentId)).disputes).toEqual([expect.objectContaining({ dispute_id: opened.dispute_id, dispute_status: "dispute_opened" })]);
    expect((await t.client.payments.list({ page_number: 0, customer_id: SEED_CUSTOMERS.demo })).items.find((p) => p.payment_id === paymentId)?.dispute_status).toBe("dispute_opened");

    await t.control("POST", `/_sandbox/disputes/${opened.dispute_id}`, { status: "dispute_challenged" });
    const won = await t.control<GetDispute>("POST", `/_sandbox/disputes/${opened.dispute_id}`, { status: "dispute_won", remarks: "evidence accepted" });
    expect(won).toMatchObject({ dispute_status: "dispute_won", remarks: "evidence accepted" });
    await expect(t.control("POST", `/_sandbox/disputes/${opened.dispute_id}`, { status: "dispute_lost" })).rejects.toThrow(/422/);
    expect((await t.client.disputes.list({ page_number: 0, dispute_status: "dispute_won" })).items).toHaveLength(1);

    await t.receiver.waitFor((r) => r.some((w) => w.type === "dispute.won"));
    const events = t.receiver.received.filter((w) => w.type.startsWith("dispute."));
    expect(events.map((w) => w.type)).toEqual(["dispute.opened", "dispute.challenged", "dispute.won"]);
    const data = t.client.webhooks.unwrap(events[0]!.body, { headers: events[0]!.headers }).data as GetDispute & { payload_type: string };
    expect(data).toMatchObject({ payload_type: "Dispute", dispute_id: opened.dispute_id, payment_id: paymentId });
  });

  it("refuses a dispute on a payment that did not succeed, or for more than was paid", async () => {
    const declining = await t.control<{ payment_method_id: string }>("POST", `/_sandbox/customers/${SEED_CUSTOMERS.fresh}/payment-methods`, { card_number: "4000000000000002" });
    const session = await t.client.checkoutSessions.create({
      product_cart: [{ product_id: SEED_PRODUCTS.course, quantity: 1 }], customer: { customer_id: SEED_CUSTOMERS.fresh }, payment_method_id: declining.payment_method_id,
      confirm: true, minimal_address: true, billing_address: { country: "US", zipcode: "94107" },
    });
    await t.control("POST", "/_sandbox/settle");
    await expect(t.control("POST", "/_sandbox/disputes", { payment_id: session.payment_id })).rejects.toThrow(/422/);
    await expect(t.control("POST", "/_sandbox/disputes", { payment_id: SEED_PAYMENTS.demo_course, amount: 99_999 })).rejects.toThrow(/422/);
    expect(await apiError(t.client.disputes.retrieve("dsp_000000000000000000000"))).toBeInstanceOf(DodoPayments.NotFoundError);
    const payment: Payment = await t.client.payments.retrieve(SEED_PAYMENTS.demo_course);
    expect(payment.disputes).toEqual([]);
  });
});
