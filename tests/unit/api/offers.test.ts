// GET /customers/{customer_id}/offers: what the merchant's app reads of a customer's offers —
// a bundle lists every product of it (bundle_product_ids, the offered product first) at the
// whole bundle's price; a single-product offer lists none.
import crypto from "node:crypto";
import { describe, expect, it } from "vitest";
import { db } from "@/lib/db/client";
import { handle } from "@/lib/api/endpoint";
import { createApiKey } from "@/lib/api/keys";
import { offersOperation } from "@/lib/api/operations/offers";
import { openApiDocument } from "@/lib/api/openapi";
import { markPeerHeaderServer, PEER_HEADER } from "@/lib/http/client-ip";
import { seedCustomer, seedOffer, seedProduct, uid } from "../../support/seed";

markPeerHeaderServer();

async function listOffers(dodoCustomerId: string) {
  const made = await createApiKey({ name: `offers ${crypto.randomUUID().slice(0, 6)}`, scope: "READ" });
  if (!made.ok) throw new Error(made.message);
  const response = await handle(offersOperation)(
    new Request(`http://app.test/api/v1/customers/${dodoCustomerId}/offers?placement=account`, { headers: { authorization: `Bearer ${made.secret}`, [PEER_HEADER]: `10.1.${Math.floor(Math.random() * 250)}.1` } }),
    { params: Promise.resolve({ customer_id: dodoCustomerId }) },
  );
  expect(response.status).toBe(200);
  return (await response.json()) as { items: { offer_id: string; product_id: string; bundle_product_ids: string[]; price: { amount: number; currency: string }; list_price: { amount: number } }[] };
}

describe("the merchant API's offer list", () => {
  it("gives a bundle's products in the order shown, the offered one first, at the bundle's price; none for one product", async () => {
    const customer = await seedCustomer();
    const owned = await seedProduct();
    await db.entitlement.create({ data: { customerId: customer.id, productId: owned.id, source: "PAYMENT", sourceId: uid("pay"), status: "ACTIVE" } });
    const [main, second, third, alone] = [await seedProduct({ price: 9900 }), await seedProduct({ price: 2900 }), await seedProduct({ price: 1900 }), await seedProduct({ price: 1500 })];
    const bundle = await seedOffer(main.id, { kind: "CROSS_SELL", triggers: [owned.id], discountBps: 1000 });
    // Positions say the order: the third product is stored first.
    await db.offerBundleItem.create({ data: { offerId: bundle.id, productId: third.id, position: 2 } });
    await db.offerBundleItem.create({ data: { offerId: bundle.id, productId: second.id, position: 1 } });
    const single = await seedOffer(alone.id, { kind: "CROSS_SELL", triggers: [owned.id] });

    const { items } = await listOffers(customer.dodoCustomerId);
    const listed = items.find((i) => i.offer_id === bundle.id)!;
    expect(listed).toMatchObject({ product_id: main.id, bundle_product_ids: [main.id, second.id, third.id], price: { amount: 13230, currency: "USD" }, list_price: { amount: 14700 } });
    expect(items.find((i) => i.offer_id === single.id)).toMatchObject({ product_id: alone.id, bundle_product_ids: [], price: { amount: 1500 } });
  });

  it("documents bundle_product_ids in the OpenAPI document's Offer and MomentOffer", () => {
    const schemas = openApiDocument().components?.schemas as Record<string, { properties: Record<string, { type?: string; description?: string }>; required?: string[] }>;
    for (const name of ["Offer", "MomentOffer"]) {
      expect(schemas[name]!.properties.bundle_product_ids).toMatchObject({ type: "array", description: expect.stringContaining("offered product_id first") });
      expect(schemas[name]!.required).toContain("bundle_product_ids");
    }
  });
});
