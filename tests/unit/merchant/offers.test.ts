// Offer admin: the shared form schema's field errors and the service's checks against the catalogue.
import { describe, expect, it } from "vitest";
import { db } from "@/lib/db";
import { offerSchema } from "@/lib/merchant/offer-schema";
import { createOffer, getOffer, offerFormValues, setOfferActive, updateOffer } from "@/lib/merchant/offers";
import { fieldErrorsOf } from "@/lib/merchant/result";
import { createProduct } from "../stats/fixture";

const valid = (productId: string, extra: Record<string, unknown> = {}) => ({
  name: "Pro upgrade", kind: "UPSELL", triggerMode: "any", offeredProductId: productId, discountBps: "15",
  headline: "Add the pro pack", body: "", minOrder: "", frequencyCap: "", ...extra,
});

describe("offer schema", () => {
  it("reports every invalid field by name", () => {
    const parsed = offerSchema.safeParse({ name: " ", kind: "FREEBIE", triggerMode: "specific", offeredProductId: "", discountBps: "120", headline: "", minOrder: "12,50", frequencyCap: "0" });
    expect(parsed.success).toBe(false);
    const errors = fieldErrorsOf(parsed.error!);
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
    const product = await createProduct({ price: 4900 });
    const trigger = await createProduct({ price: 1000 });
    const created = await createOffer(valid(product.id, { triggerMode: "specific", triggerProductIds: [trigger.id], minOrder: "49.9", frequencyCap: "2" }));
    if (!created.ok) throw new Error(created.message);
    const offer = (await getOffer(created.value.id))!;
    expect(offer).toMatchObject({ kind: "UPSELL", triggerProductIds: [trigger.id], discountBps: 1500, minOrderAmount: 4990, frequencyCap: 2, active: true });
    expect(offerFormValues(offer)).toMatchObject({ minOrder: "49.90", discountBps: "15", triggerMode: "specific" });

    expect((await updateOffer(offer.id, valid(product.id, { headline: "New headline", kind: "CROSS_SELL" }))).ok).toBe(true);
    expect(await db.offer.findUniqueOrThrow({ where: { id: offer.id } })).toMatchObject({ headline: "New headline", kind: "CROSS_SELL", triggerProductIds: [], minOrderAmount: null });
    expect((await setOfferActive(offer.id, false)).ok).toBe(true);
    expect((await db.offer.findUniqueOrThrow({ where: { id: offer.id } })).active).toBe(false);
    expect(await setOfferActive("off_missing", true)).toMatchObject({ ok: false, code: "not_found" });
  });

  it("refuses what the catalogue cannot back: unknown or archived products, upgrades to one-time products, too many decimals", async () => {
    const oneTime = await createProduct({ price: 1000 });
    const yen = await createProduct({ price: 1000, currency: "JPY" });
    const archived = await createProduct({ price: 1000 });
    await db.product.update({ where: { id: archived.id }, data: { archived: true } });
    expect(await createOffer(valid("pdt_nope"))).toMatchObject({ fieldErrors: { offeredProductId: ["Choose an active product"] } });
    expect(await createOffer(valid(archived.id))).toMatchObject({ fieldErrors: { offeredProductId: ["Choose an active product"] } });
    expect(await createOffer(valid(oneTime.id, { kind: "UPGRADE" }))).toMatchObject({ fieldErrors: { offeredProductId: [expect.stringMatching(/subscription/)] } });
    expect(await createOffer(valid(yen.id, { minOrder: "10.5" }))).toMatchObject({ fieldErrors: { minOrder: ["Too many decimals for JPY"] } });
    expect(await createOffer(valid(oneTime.id, { triggerMode: "specific", triggerProductIds: ["pdt_gone"] }))).toMatchObject({ fieldErrors: { triggerProductIds: [expect.any(String)] } });
    const plan = await createProduct({ price: 2000, kind: "SUBSCRIPTION" });
    expect((await createOffer(valid(plan.id, { kind: "UPGRADE" }))).ok).toBe(true);
  });
});
