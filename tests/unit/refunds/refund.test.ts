// Refunding an offer purchase from the console, a bundle's included: its payment is refunded as a
// whole (what is left of it), a partial refund is spread over the payment's lines as Dodo refunds
// them (each at most what is left of it), and the console names a bundle's products.
import DodoPayments from "dodopayments";
import { describe, expect, it, vi } from "vitest";
import { db } from "@/lib/db/client";
import { offerPurchases, refundItems, refundOfferPurchase } from "@/lib/refunds/refund";
import { seedCustomer, seedImpression, seedPayment, seedProduct, uid } from "@/tests/support/seed";

describe("refundItems", () => {
  const lines = [{ itemId: "a", refundable: 8910 }, { itemId: "b", refundable: 2610 }, { itemId: "c", refundable: 1710 }];
  it("fills the lines in cart order, each up to what is left of it", () => {
    expect(refundItems(1000, lines)).toEqual([{ item_id: "a", amount: 1000 }]);
    expect(refundItems(10000, lines)).toEqual([{ item_id: "a", amount: 8910 }, { item_id: "b", amount: 1090 }]);
    expect(refundItems(13230, lines)).toEqual([{ item_id: "a", amount: 8910 }, { item_id: "b", amount: 2610 }, { item_id: "c", amount: 1710 }]);
  });
  it("skips a line already refunded, and gives none when the lines hold less than asked", () => {
    expect(refundItems(500, [{ itemId: "a", refundable: 0 }, ...lines.slice(1)])).toEqual([{ item_id: "b", amount: 500 }]);
    expect(refundItems(13231, lines)).toBeNull();
  });
});

/** A Dodo stand-in: what is left of each line, and the refunds asked for. */
function fakeDodo(lineItems: () => Promise<{ items: { items_id: string; refundable_amount: number }[] }>) {
  const create = vi.fn(async () => ({ refund_id: uid("ref"), status: "pending" }));
  const retrieveLineItems = vi.fn(lineItems);
  const client = { refunds: { create }, payments: { retrieveLineItems, retrieve: vi.fn(async () => { throw new Error("not synced in this test"); }) } } as unknown as DodoPayments;
  return { client, create, retrieveLineItems };
}

/** A bundle's payment as the one click makes it: coaching $89.10 + workbook $26.10 + templates $17.10. */
async function bundlePurchase() {
  const customer = await seedCustomer();
  const { impression, product } = await seedImpression(customer.id);
  const [workbook, templates] = [await seedProduct({ name: "Workbook", price: 2900 }), await seedProduct({ name: "Templates", price: 1900 })];
  await db.offerImpression.update({ where: { id: impression.id }, data: { bundleProductIds: [workbook.id, templates.id], priceAmount: 13230, listPriceAmount: 14700 } });
  const payment = await seedPayment(customer.id, product.id, 13230);
  await db.payment.update({ where: { id: payment.id }, data: { impressionId: impression.id, productCart: [product.id, workbook.id, templates.id].map((productId) => ({ productId, quantity: 1 })) } });
  const lines = [{ items_id: product.id, refundable_amount: 8910 }, { items_id: workbook.id, refundable_amount: 2610 }, { items_id: templates.id, refundable_amount: 1710 }];
  return { payment, product, workbook, templates, lines };
}

describe("refundOfferPurchase for a bundle", () => {
  it("spreads a partial refund over the bundle's lines as Dodo says is left of each", async () => {
    const { payment, product, workbook, lines } = await bundlePurchase();
    const { client, create } = fakeDodo(async () => ({ items: lines }));
    const result = await refundOfferPurchase({ paymentId: payment.id, amount: "100", reason: "Coaching call cancelled" }, client);
    expect(result).toMatchObject({ ok: true, status: "MADE" });
    expect(create).toHaveBeenCalledTimes(1);
    expect((create.mock.calls[0] as unknown[])[0]).toMatchObject({ payment_id: payment.id, items: [{ item_id: product.id, amount: 8910 }, { item_id: workbook.id, amount: 1090 }] });
  });

  it("refunds what is left of the whole payment with no items when the amount is blank", async () => {
    const { payment } = await bundlePurchase();
    const { client, create, retrieveLineItems } = fakeDodo(async () => { throw new Error("not needed"); });
    expect(await refundOfferPurchase({ paymentId: payment.id, amount: "", reason: "Not what I expected" }, client)).toMatchObject({ ok: true, message: expect.stringContaining("$132.30") });
    expect((create.mock.calls[0] as unknown[])[0]).not.toHaveProperty("items");
    expect(retrieveLineItems).not.toHaveBeenCalled();
  });

  it("sends nothing when Dodo's lines can't be read, or hold less than asked", async () => {
    const { payment, lines } = await bundlePurchase();
    const unreadable = fakeDodo(async () => { throw new DodoPayments.APIConnectionError({ message: "connection refused" }); });
    expect(await refundOfferPurchase({ paymentId: payment.id, amount: "10", reason: "Goodwill" }, unreadable.client)).toMatchObject({ ok: false, code: "unavailable" });
    expect(unreadable.create).not.toHaveBeenCalled();
    const changed = fakeDodo(async () => ({ items: lines.map((l) => ({ ...l, refundable_amount: 0 })) }));
    expect(await refundOfferPurchase({ paymentId: payment.id, amount: "10", reason: "Goodwill" }, changed.client)).toMatchObject({ ok: false, code: "changed" });
    expect(changed.create).not.toHaveBeenCalled();
    expect(await db.refundRequest.count({ where: { paymentId: payment.id } })).toBe(0);
  });

  it("names one product's line without asking Dodo for the lines", async () => {
    const customer = await seedCustomer();
    const { impression, product } = await seedImpression(customer.id);
    const payment = await seedPayment(customer.id, product.id, 1900);
    await db.payment.update({ where: { id: payment.id }, data: { impressionId: impression.id } });
    const { client, create, retrieveLineItems } = fakeDodo(async () => { throw new Error("not needed"); });
    expect(await refundOfferPurchase({ paymentId: payment.id, amount: "5", reason: "Goodwill" }, client)).toMatchObject({ ok: true });
    expect((create.mock.calls[0] as unknown[])[0]).toMatchObject({ items: [{ item_id: product.id, amount: 500 }] });
    expect(retrieveLineItems).not.toHaveBeenCalled();
  });
});

describe("offerPurchases (the console's refunds page)", () => {
  it("names a bundle's products, the offered one first, with the whole payment's refundable amount; none for one product", async () => {
    const { payment, product } = await bundlePurchase();
    await db.refund.create({ data: { id: uid("ref"), paymentId: payment.id, amount: 1000, currency: "USD", status: "succeeded", isPartial: true, dodoCreatedAt: new Date() } });
    const single = await seedCustomer();
    const one = await seedImpression(single.id);
    const onePayment = await seedPayment(single.id, one.product.id, 1900);
    await db.payment.update({ where: { id: onePayment.id }, data: { impressionId: one.impression.id } });
    const listed = await offerPurchases(200);
    const bundle = listed.find((p) => p.id === payment.id)!;
    expect(bundle.bundle).toEqual([product.name, "Workbook", "Templates"]);
    expect(bundle.refundable).toBe(13230 - 1000);
    expect(listed.find((p) => p.id === onePayment.id)!.bundle).toEqual([]);
  });
});
