import "server-only";
import type DodoPayments from "dodopayments";
import { db } from "@/lib/db/client";
import { dodo, SAFE_CALL_OPTIONS } from "@/lib/dodo/client";
import type { ProductKind } from "@/lib/generated/prisma/enums";
import type { Result } from "@/lib/result";
import { logger } from "@/lib/log";

const log = logger("offers");

// An offer's discount is charged through a Dodo percentage discount restricted to the offered
// product: Dodo honours a cart line's `amount` only on pay-what-you-want products, so a code is
// the one way to make Dodo charge exactly the discounted price the customer saw.

export type OfferForDiscount = {
  id: string;
  offeredProductId: string;
  discountBps: number;
  dodoDiscountCode: string | null;
  dodoDiscountBps: number | null;
  dodoDiscountProductId: string | null;
  offeredProduct: { kind: ProductKind };
};

export type DiscountCodeResult = Result<{ discountCode: string | null }, "unsupported" | "unavailable">;


const matches = (o: Pick<OfferForDiscount, "dodoDiscountCode" | "dodoDiscountBps" | "dodoDiscountProductId">, bps: number, productId: string) =>
  o.dodoDiscountCode !== null && o.dodoDiscountBps === bps && o.dodoDiscountProductId === productId;

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
  if (bps === 0) return { ok: true, discountCode: null };
  if (matches(offer, bps, productId)) return { ok: true, discountCode: offer.dodoDiscountCode };
  // Dodo discounts on subscription lines also need a cycle count the offer doesn't have.
  if (offer.offeredProduct.kind !== "ONE_TIME") return { ok: false, code: "unsupported", message: "Discounts are only charged on one-time products." };

  let created: { discount_id: string; code: string };
  try {
    created = await client.discounts.create(
      { type: "percentage", amount: bps, restricted_to: [productId], name: `Encore offer ${offer.id} (${bps / 100}% off)` },
      SAFE_CALL_OPTIONS,
    );
  } catch (err) {
    log.error({ err, offerId: offer.id }, "could not create the Dodo discount");
    return { ok: false, code: "unavailable", message: "The offer's discount could not be set up with Dodo." };
  }

  // Two instances may race here on the first impression: each made its own Dodo discount, and
  // only the first conditional update stores one. The loser uses the stored code and deletes its
  // own, which no customer has seen; if that delete fails, a spare unused discount in Dodo is
  // harmless. The update also requires the offer to still have these terms, so a slow create
  // never overwrites the code of a newer edit. Raw SQL for IS DISTINCT FROM (the stored terms
  // may be NULL), and so the merchant's updatedAt is left alone: the offer's content didn't change.
  const count = await db.$executeRaw`
    UPDATE "Offer"
    SET "dodoDiscountId" = ${created.discount_id}, "dodoDiscountCode" = ${created.code}, "dodoDiscountBps" = ${bps}, "dodoDiscountProductId" = ${productId}
    WHERE id = ${offer.id} AND "discountBps" = ${bps} AND "offeredProductId" = ${productId}
      AND ("dodoDiscountBps", "dodoDiscountProductId") IS DISTINCT FROM (${bps}::int, ${productId}::text)`;
  if (count === 1) return { ok: true, discountCode: created.code };

  const stored = await db.offer.findUnique({ where: { id: offer.id }, select: { dodoDiscountCode: true, dodoDiscountBps: true, dodoDiscountProductId: true } });
  if (!stored || !matches(stored, bps, productId)) {
    // The offer was edited meanwhile: our code is still right for the price this caller shows.
    return { ok: true, discountCode: created.code };
  }
  try {
    await client.discounts.delete(created.discount_id, SAFE_CALL_OPTIONS);
  } catch (err) {
    log.error({ err, discountId: created.discount_id }, "spare Dodo discount left unused");
  }
  return { ok: true, discountCode: stored.dodoDiscountCode };
}
