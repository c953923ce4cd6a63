import { describe, expect, it } from "vitest";
import { db } from "@/lib/db/client";
import { cartQuantities } from "@/lib/catalog/cart";
import { rangeOf, isoDay } from "@/lib/stats/range";
import { offerPurchases, purchasesCsv } from "@/lib/stats/purchases";
import { seedCustomer, seedImpression, seedPayment } from "@/tests/support/seed";

describe("cart quantities", () => {
  it("adds up a product's lines and counts a line without a quantity as one", () => {
    expect(cartQuantities([{ productId: "a", quantity: 2 }, { productId: "b" }, { productId: "a", quantity: 3 }, { nope: 1 }, "x"])).toEqual(new Map([["a", 5], ["b", 1]]));
    expect(cartQuantities(null)).toEqual(new Map());
  });
});

describe("offer purchases export", () => {
  it("lists accepted offers with their units, unit price, amount and currency; declined ones are left out", async () => {
    const customer = await seedCustomer();
    const bought = await seedImpression(customer.id);
    await db.chargeAttempt.create({ data: { impressionId: bought.impression.id, customerId: customer.id, amount: 5700, quantity: 3, currency: "USD", status: "SUCCEEDED" } });
    await db.offerDecision.create({ data: { impressionId: bought.impression.id, outcome: "ACCEPTED" } });
    const payment = await seedPayment(customer.id, bought.product.id, 5700);
    await db.payment.update({ where: { id: payment.id }, data: { impressionId: bought.impression.id, refundedAmount: 1900, productCart: [{ productId: bought.product.id, quantity: 3 }] } });
    // Bought through the hosted checkout instead: units from the payment's cart.
    const hosted = await seedImpression(customer.id);
    await db.offerDecision.create({ data: { impressionId: hosted.impression.id, outcome: "ACCEPTED" } });
    const hostedPayment = await seedPayment(customer.id, hosted.product.id, 3800);
    await db.payment.update({ where: { id: hostedPayment.id }, data: { impressionId: hosted.impression.id, productCart: [{ productId: hosted.product.id, quantity: 2 }] } });
    const declined = await seedImpression(customer.id);
    await db.offerDecision.create({ data: { impressionId: declined.impression.id, outcome: "DECLINED" } });

    const today = isoDay(new Date());
    const mine = (await offerPurchases(rangeOf(today, today))).filter((p) => [bought, hosted, declined].some((s) => s.impression.id === p.impressionId));
    expect(mine.map((p) => [p.impressionId, p.quantity, p.unitPrice, p.amount, p.currency, p.paid, p.refunded])).toEqual([
      [bought.impression.id, 3, 1900, 5700, "USD", 5700, 1900],
      [hosted.impression.id, 2, 1900, 3800, "USD", 3800, 0],
    ]);
    const csv = purchasesCsv(mine).split("\r\n");
    expect(csv[0]).toBe("impression_id,shown_at,accepted_at,offer_id,offer,kind,variant,placement,product_id,product,bundle_product_ids,bundle_products,quantity,currency,unit_price,amount,paid,refunded");
    expect(csv[1]).toContain(`,${bought.product.id},`);
    expect(csv[1]!.endsWith(",3,USD,19.00,57.00,57.00,19.00")).toBe(true);
    expect(csv[1]).toContain(",Upsell,,account,");
  });

  it("counts only the range's days", async () => {
    const customer = await seedCustomer();
    const old = await seedImpression(customer.id);
    await db.offerImpression.update({ where: { id: old.impression.id }, data: { shownAt: new Date("2020-01-01T10:00:00Z") } });
    await db.offerDecision.create({ data: { impressionId: old.impression.id, outcome: "ACCEPTED" } });
    expect((await offerPurchases(rangeOf("2020-01-01", "2020-01-01"))).map((p) => p.impressionId)).toContain(old.impression.id);
    expect((await offerPurchases(rangeOf("2020-01-02", "2020-01-03"))).map((p) => p.impressionId)).not.toContain(old.impression.id);
  });
});
