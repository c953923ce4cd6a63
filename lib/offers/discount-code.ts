import "server-only";
import type DodoPayments from "dodopayments";
import { db } from "@/lib/db/client";
import { dodo, SAFE_CALL_OPTIONS } from "@/lib/dodo/client";
import type { ProductKind } from "@/lib/generated/prisma/enums";
import type { Result } from "@/lib/result";
import { logger } from "@/lib/log";

const log = logger("offers");

// An offer's discount is charged through a Dodo percentage discount restricted to the offered
// product (every product of a bundle): Dodo honours a cart line's `amount` only on pay-what-you-want products, so a code is
// the one way to make Dodo charge exactly the discounted price the customer saw.

export type OfferForDiscount = {
  id: string;
  offeredProductId: string;
  discountBps: number;
  dodoDiscountCode: string | null;
  dodoDiscountBps: number | null;
  dodoDiscountProductId: string | null;
  offeredProduct: { kind: ProductKind };
  /** A bundle's other products, in order (none = one product). */
  bundleItems: readonly { productId: string }[];
};

export type DiscountCodeResult = Result<{ discountCode: string | null }, "unsupported" | "unavailable">;


const matches = (o: Pick<OfferForDiscount, "dodoDiscountCode" | "dodoDiscountBps" | "dodoDiscountProductId">, bps: number, productKey: string) =>
  o.dodoDiscountCode !== null && o.dodoDiscountBps === bps && o.dodoDiscountProductId === productKey;

/**
 * The products an offer's code is restricted to, as Offer.dodoDiscountProductId records them: the
 * offered product's id, then a bundle's other products, comma-separated (ids never hold a comma).
 */
export function discountProductKey(offer: Pick<OfferForDiscount, "offeredProductId" | "bundleItems">): string {
  return [offer.offeredProductId, ...offer.bundleItems.map((i) => i.productId)].join(",");
}

/** The offer's Dodo code is made for its current discount and products. */
export function offerDiscountReady(offer: Pick<OfferForDiscount, "offeredProductId" | "bundleItems" | "discountBps" | "dodoDiscountCode" | "dodoDiscountBps" | "dodoDiscountProductId">): boolean {
  return offer.discountBps === 0 || matches(offer, offer.discountBps, discountProductKey(offer));
}

/** What a Dodo percentage discount is made for: its bps, the products it is restricted to, and (subscriptions) its cycles. */
export type DiscountTerms = { bps: number; productIds: string[]; cycles: number | null; name: string };

/**
 * Where a caller keeps the code made for its terms. `keep` stores the new code only if none is
 * stored for these terms yet (a conditional write, so two instances racing store one); `stored`
 * reads the code kept for these terms, or null (also when the owner's terms moved on meanwhile).
 */
export type DiscountStore = {
  keep(created: { discount_id: string; code: string }): Promise<boolean>;
  stored(): Promise<string | null>;
};

/**
 * Makes the Dodo discount for `terms` and keeps it in `store`, on first need. Two instances may
 * race here: each makes its own Dodo discount and only the first conditional write keeps one. The
 * loser uses the kept code and deletes its own, which no customer has seen; if that delete fails, a
 * spare unused discount in Dodo is harmless. When nothing is kept (the owner was edited meanwhile),
 * our code is still right for the terms the caller is about to show. Calls Dodo: never inside a
 * database transaction.
 */
export async function ensureDodoDiscount(terms: DiscountTerms, store: DiscountStore, client: DodoPayments = dodo()): Promise<DiscountCodeResult> {
  let created: { discount_id: string; code: string };
  try {
    created = await client.discounts.create(
      {
        type: "percentage",
        amount: terms.bps,
        restricted_to: terms.productIds,
        name: terms.name,
        // SDK Discount.subscription_cycles: "Number of subscription billing cycles this discount is valid for".
        ...(terms.cycles !== null ? { subscription_cycles: terms.cycles } : {}),
      },
      SAFE_CALL_OPTIONS,
    );
  } catch (err) {
    log.error({ err, terms }, "could not create the Dodo discount");
    return { ok: false, code: "unavailable", message: "The discount could not be set up with Dodo." };
  }
  if (await store.keep(created)) return { ok: true, discountCode: created.code };
  const stored = await store.stored();
  if (!stored) return { ok: true, discountCode: created.code };
  try {
    await client.discounts.delete(created.discount_id, SAFE_CALL_OPTIONS);
  } catch (err) {
    log.error({ err, discountId: created.discount_id }, "spare Dodo discount left unused");
  }
  return { ok: true, discountCode: stored };
}

/**
 * The Dodo discount code that makes Dodo charge `offer.discountBps` off the offered product, made
 * on first need; null when the offer has no discount. The code is for the bps and product passed
 * in, i.e. the price the caller is about to show, even if the merchant edits the offer meanwhile.
 * Calls Dodo: never call it inside a database transaction. The merchant console may call it on
 * save so the first customer doesn't wait for Dodo.
 */
export async function ensureOfferDiscount(offer: OfferForDiscount, client: DodoPayments = dodo()): Promise<DiscountCodeResult> {
  const bps = offer.discountBps;
  const productId = offer.offeredProductId;
  const key = discountProductKey(offer);
  const extras = offer.bundleItems.map((i) => i.productId);
  if (bps === 0) return { ok: true, discountCode: null };
  if (matches(offer, bps, key)) return { ok: true, discountCode: offer.dodoDiscountCode };
  // Dodo discounts on subscription lines also need a cycle count the offer doesn't have.
  if (offer.offeredProduct.kind !== "ONE_TIME") return { ok: false, code: "unsupported", message: "Discounts are only charged on one-time products." };

  const result = await ensureDodoDiscount({ bps, productIds: [productId, ...extras], cycles: null, name: `Encore offer ${offer.id} (${bps / 100}% off)` }, {
    // The update requires the offer to still have these terms (discount, product and bundle), so a
    // slow create never overwrites the code of a newer edit. Raw SQL for IS DISTINCT FROM (the stored
    // terms may be NULL), and so the merchant's updatedAt is left alone: the offer's content didn't change.
    keep: async (created) => (await db.$executeRaw`
      UPDATE "Offer"
      SET "dodoDiscountId" = ${created.discount_id}, "dodoDiscountCode" = ${created.code}, "dodoDiscountBps" = ${bps}, "dodoDiscountProductId" = ${key}
      WHERE id = ${offer.id} AND "discountBps" = ${bps} AND "offeredProductId" = ${productId}
        AND (SELECT coalesce(array_agg(b."productId" ORDER BY b."position"), '{}') FROM "OfferBundleItem" b WHERE b."offerId" = ${offer.id}) = ${extras}::text[]
        AND ("dodoDiscountBps", "dodoDiscountProductId") IS DISTINCT FROM (${bps}::int, ${key}::text)`) === 1,
    stored: async () => {
      const stored = await db.offer.findUnique({ where: { id: offer.id }, select: { dodoDiscountCode: true, dodoDiscountBps: true, dodoDiscountProductId: true } });
      return stored && matches(stored, bps, key) ? stored.dodoDiscountCode : null;
    },
  }, client);
  if (!result.ok) return { ...result, message: "The offer's discount could not be set up with Dodo." };
  return result;
}
