// Offer admin: the shared form schema's field errors and the service's checks against the catalogue.
// Saving a discounted offer sets up its Dodo discount code, so the service runs against a sandbox.
import DodoPayments from "dodopayments";
import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";
import { db } from "@/lib/db/client";
import { offerSchema } from "@/lib/offers/offer-schema";
import { createOffer, getOffer, listOffers, offerFormValues, setOfferActive, updateOffer } from "@/lib/offers/offer-admin";
import { fieldErrorsOf } from "@/lib/result";
import { startSandbox, type RunningSandbox } from "../../../sandbox/server";
import { seedFunnel, seedOffer, seedProduct } from "@/tests/support/seed";
import { worded } from "@/tests/support/words";

const API_KEY = "sk_test_merchant_offers";
const box = vi.hoisted(() => ({ client: undefined as DodoPayments | undefined }));
vi.mock("@/lib/dodo/client", async (original) => ({ ...(await original<object>()), dodo: () => box.client! }));

let sandbox: RunningSandbox;
beforeAll(async () => {
  sandbox = await startSandbox({ port: 0, apiKey: API_KEY, webhookSecret: "whsec_bWVyY2hhbnQtb2ZmZXJzLXVuaXQtdGVzdC1zZWNyZXQ=", dataFile: null });
  box.client = new DodoPayments({ bearerToken: API_KEY, baseURL: sandbox.url, maxRetries: 0 });
});
afterAll(() => sandbox.close());

/** A one-time product that exists in Dodo (the sandbox) and in the catalogue mirror. */
async function dodoProduct(price: number) {
  const p = await box.client!.products.create({ name: `Pack ${Math.random()}`, price: { type: "one_time_price", currency: "USD", price, discount: 0, purchasing_power_parity: false }, tax_category: "edtech" });
  return db.product.create({ data: { id: p.product_id, name: p.name!, kind: "ONE_TIME", priceAmount: price, currency: "USD" } });
}

const valid = (productId: string, extra: Record<string, unknown> = {}) => ({
  name: "Pro upgrade", kind: "UPSELL", triggerMode: "any", offeredProductId: productId, discountBps: "15",
  headline: "Add the pro pack", body: "", minOrder: "", frequencyCap: "", ...extra,
});

describe("offer schema", () => {
  it("reports every invalid field by name", () => {
    const parsed = offerSchema.safeParse({ name: " ", kind: "FREEBIE", triggerMode: "specific", offeredProductId: "", discountBps: "120", headline: "", minOrder: "12,50", frequencyCap: "0" });
    expect(parsed.success).toBe(false);
    const errors = worded(fieldErrorsOf(parsed.error!));
    expect(Object.keys(errors).sort()).toEqual(["discountBps", "frequencyCap", "headline", "kind", "minOrder", "name", "offeredProductId", "triggerProductIds"]);
    expect(errors.triggerProductIds![0]).toMatch(/at least one trigger product/);
    expect(errors.discountBps![0]).toMatch(/between 0% and 95%/);
  });

  it("turns form strings into stored values", () => {
    const parsed = offerSchema.parse({ ...valid("pdt_x"), triggerMode: "specific", triggerProductIds: "pdt_a", discountBps: "12.5", frequencyCap: "3", minOrder: "49.9" });
    expect(parsed).toMatchObject({ triggerProductIds: ["pdt_a"], discountBps: 1250, frequencyCap: 3, minOrder: "49.9" });
    // "Any purchase" ignores ticked boxes and stores no triggers.
    expect(offerSchema.parse({ ...valid("pdt_x"), triggerProductIds: ["pdt_a", "pdt_b"] }).triggerProductIds).toEqual([]);
  });
});

describe("offer service", () => {
  it("creates, edits and pauses an offer, converting the minimum order to minor units", async () => {
    const product = await dodoProduct(4900);
    const trigger = await seedProduct({ price: 1000 });
    const created = await createOffer(valid(product.id, { triggerMode: "specific", triggerProductIds: [trigger.id], minOrder: "49.9", frequencyCap: "2" }));
    if (!created.ok) throw new Error(created.message);
    const offer = (await getOffer(created.id))!;
    expect(offer).toMatchObject({ kind: "UPSELL", triggerProductIds: [trigger.id], discountBps: 1500, minOrderAmount: 4990, frequencyCap: 2, active: true });
    expect(offerFormValues(offer)).toMatchObject({ minOrder: "49.90", discountBps: "15", triggerMode: "specific" });
    // The 15% discount already exists in Dodo, restricted to the offered product.
    const discount = await box.client!.discounts.retrieve(offer.dodoDiscountId!);
    expect(discount).toMatchObject({ code: offer.dodoDiscountCode, amount: 1500, restricted_to: [product.id] });

    expect((await updateOffer(offer.id, valid(product.id, { headline: "New headline", kind: "CROSS_SELL" }))).ok).toBe(true);
    expect(await db.offer.findUniqueOrThrow({ where: { id: offer.id } })).toMatchObject({ headline: "New headline", kind: "CROSS_SELL", triggerProductIds: [], minOrderAmount: null });
    expect((await setOfferActive(offer.id, false)).ok).toBe(true);
    expect((await db.offer.findUniqueOrThrow({ where: { id: offer.id } })).active).toBe(false);
    expect(await setOfferActive("off_missing", true)).toMatchObject({ ok: false, code: "not_found" });
  });

  it("keeps the Brazilian Portuguese copy beside the offer: saved, edited, removed when its headline is blanked", async () => {
    const product = await dodoProduct(4900);
    const created = await createOffer(valid(product.id, { ptBrHeadline: "Adicione uma mentoria", ptBrBody: "Só nesta página." }));
    if (!created.ok) throw new Error(created.message);
    expect(await db.offerCopy.findMany({ where: { offerId: created.id }, select: { locale: true, headline: true, body: true } })).toEqual([{ locale: "pt-BR", headline: "Adicione uma mentoria", body: "Só nesta página." }]);
    expect(offerFormValues((await getOffer(created.id))!)).toMatchObject({ ptBrHeadline: "Adicione uma mentoria", ptBrBody: "Só nesta página." });
    expect((await updateOffer(created.id, valid(product.id, { ptBrHeadline: "Mentoria com desconto" }))).ok).toBe(true);
    expect((await db.offerCopy.findFirstOrThrow({ where: { offerId: created.id } })).headline).toBe("Mentoria com desconto");
    expect((await updateOffer(created.id, valid(product.id))).ok).toBe(true);
    expect(await db.offerCopy.count({ where: { offerId: created.id } })).toBe(0);
    // A Portuguese body without its headline is refused, so a customer never sees half a translation.
    const half = offerSchema.safeParse(valid(product.id, { ptBrBody: "Só o texto." }));
    expect(half.success).toBe(false);
  });

  it("refuses what the catalogue cannot back: unknown or archived products, upgrades to one-time products, too many decimals", async () => {
    const oneTime = await seedProduct({ price: 1000 });
    const yen = await seedProduct({ price: 1000, currency: "JPY" });
    const archived = await seedProduct({ price: 1000 });
    await db.product.update({ where: { id: archived.id }, data: { archived: true } });
    expect(worded(await createOffer(valid("pdt_nope")))).toMatchObject({ fieldErrors: { offeredProductId: ["Choose an active product"] } });
    expect(worded(await createOffer(valid(archived.id)))).toMatchObject({ fieldErrors: { offeredProductId: ["Choose an active product"] } });
    expect(worded(await createOffer(valid(oneTime.id, { kind: "UPGRADE" })))).toMatchObject({ fieldErrors: { offeredProductId: [expect.stringMatching(/subscription/)] } });
    expect(worded(await createOffer(valid(yen.id, { minOrder: "10.5" })))).toMatchObject({ fieldErrors: { minOrder: ["Too many decimals for JPY"] } });
    expect(await createOffer(valid(oneTime.id, { triggerMode: "specific", triggerProductIds: ["pdt_gone"] }))).toMatchObject({ fieldErrors: { triggerProductIds: [expect.any(String)] } });
    const plan = await seedProduct({ price: 2000, kind: "SUBSCRIPTION" });
    expect(worded(await createOffer(valid(plan.id, { kind: "UPGRADE" })))).toMatchObject({ fieldErrors: { discountBps: [expect.stringMatching(/one-time/)] } });
    expect((await createOffer(valid(plan.id, { kind: "UPGRADE", discountBps: "0" }))).ok).toBe(true);
  });

  it("tells the merchant when Dodo cannot set up the discount", async () => {
    const unknownToDodo = await seedProduct({ price: 1000 });
    expect(await createOffer(valid(unknownToDodo.id))).toMatchObject({
      ok: false, code: "discount_unavailable",
      message: "Saved, but the offer's discount could not be set up with Dodo. Customers will not see this offer until it can be set up; save again to retry.",
    });
    // In the console's language (the action passes the request's).
    expect(await createOffer(valid(unknownToDodo.id), { locale: "pt-BR" })).toMatchObject({
      ok: false, code: "discount_unavailable",
      message: "Salva, mas não foi possível configurar o desconto da oferta com a Dodo. Os clientes não verão esta oferta até que isso seja resolvido; salve de novo para tentar outra vez.",
    });
  });

  it("counts the funnel steps that show an offer: paused funnels and retired variants show nothing", async () => {
    const offer = await seedOffer((await seedProduct({ price: 1500 })).id);
    const other = await seedOffer((await seedProduct({ price: 900 })).id);
    const live = await seedFunnel([{ offers: [[offer.id, 10_000]] }, { offers: [[other.id, 5_000], [offer.id, 5_000]] }]);
    const paused = await seedFunnel([{ offers: [[offer.id, 10_000]] }]);
    await db.funnel.update({ where: { id: paused.funnel.id }, data: { active: false } });
    await seedFunnel([{ offers: [[other.id, 10_000], [offer.id, 0]] }]); // retired variant
    expect((await getOffer(offer.id))!._count.variants).toBe(2);
    expect((await listOffers()).find((o) => o.id === offer.id)!._count.variants).toBe(2);
    await db.funnel.update({ where: { id: live.funnel.id }, data: { active: false } });
    expect((await getOffer(offer.id))!._count.variants).toBe(0);
  });
});
