import "server-only";
import type DodoPayments from "dodopayments";
import { db } from "@/lib/db/client";
import { dodo } from "@/lib/dodo/client";
import { ensureDodoDiscount, type DiscountCodeResult } from "@/lib/offers/discount-code";

// A DISCOUNTED_PLAN save offer is charged through a Dodo percentage discount restricted to the plan
// it moves the subscriber to, valid for the offer's billing cycles (Discount.subscription_cycles),
// sent with change-plan as `discount_codes`. One code per offer, product and terms, made on first
// need through the offers' discount module and kept in SaveOfferDiscount.

export type SaveOfferTerms = { id: string; discountBps: number; discountCycles: number };

export type SaveOfferDiscountResult = { ok: true; code: string; discountId: string } | Exclude<DiscountCodeResult, { ok: true }>;

async function kept(offer: SaveOfferTerms, productId: string) {
  return db.saveOfferDiscount.findUnique({
    where: { saveOfferId_productId_bps_cycles: { saveOfferId: offer.id, productId, bps: offer.discountBps, cycles: offer.discountCycles } },
  });
}

/** The code (and Dodo discount id) for `offer`'s terms on `productId`. Calls Dodo on first need: never inside a transaction. */
export async function ensureSaveOfferDiscount(offer: SaveOfferTerms, productId: string, client: DodoPayments = dodo()): Promise<SaveOfferDiscountResult> {
  const existing = await kept(offer, productId);
  if (existing) return { ok: true, code: existing.code, discountId: existing.dodoDiscountId };
  let made: { discount_id: string; code: string } | null = null;
  const result = await ensureDodoDiscount(
    { bps: offer.discountBps, productIds: [productId], cycles: offer.discountCycles, name: `Encore save offer ${offer.id} (${offer.discountBps / 100}% off, ${offer.discountCycles} cycles)` },
    {
      keep: async (created) => {
        made = created;
        const { count } = await db.saveOfferDiscount.createMany({
          data: [{ saveOfferId: offer.id, productId, bps: offer.discountBps, cycles: offer.discountCycles, dodoDiscountId: created.discount_id, code: created.code }],
          skipDuplicates: true,
        });
        return count === 1;
      },
      stored: async () => (await kept(offer, productId))?.code ?? null,
    },
    client,
  );
  if (!result.ok) return result;
  const row = await kept(offer, productId);
  if (row && row.code === result.discountCode) return { ok: true, code: row.code, discountId: row.dodoDiscountId };
  // The offer was deleted meanwhile (nothing kept): our own code still holds the terms shown.
  const own = made as { discount_id: string; code: string } | null;
  if (own && own.code === result.discountCode) return { ok: true, code: own.code, discountId: own.discount_id };
  return { ok: false, code: "unavailable", message: "The discount could not be set up with Dodo." };
}
