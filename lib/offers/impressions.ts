import "server-only";
import { db, type Prisma } from "@/lib/db/client";
import type { OfferImpression } from "@/lib/generated/prisma/client";
import type { OfferPlacement } from "@/lib/generated/prisma/enums";
import { lock } from "@/lib/db/lock";
import { inTransaction } from "@/lib/db/tx";
import type { PricedProduct } from "@/lib/catalog/prices";
import { bundleOf, bundlePrice } from "./bundle";
import { offerPrice } from "./rules";

export type NewImpression = {
  customerId: string;
  offerId: string | null;
  stepId: string | null;
  variantId: string | null;
  funnelSessionId: string | null;
  placement: OfferPlacement;
  holdout: boolean;
  priceAmount: number;
  listPriceAmount: number;
  currency: string;
  discountCode: string | null;
  paymentMethodId: string | null;
  /** A bundle's other products, as shown (default: none). */
  bundleProductIds?: string[];
  expiresAt: Date;
  /** The moment an in-app or hosted-link offer is shown for (lib/moments). */
  momentId?: string | null;
};

type ShownTerms = Pick<NewImpression, "priceAmount" | "listPriceAmount" | "currency" | "discountCode" | "paymentMethodId" | "bundleProductIds">;

type ShownOffer = { id: string; discountBps: number; offeredProduct: PricedProduct & { id: string }; bundleItems: readonly { product: PricedProduct & { id: string } }[] };

/**
 * What a customer is shown, frozen on the impression so the charge is exactly that: in `currency`
 * when the product is sold in it. A bundle freezes its products and their summed price (eligibility
 * checked every product is sold in the currency).
 */
export function shownTerms(offer: ShownOffer, discountCode: string | null, card: { paymentMethodId: string } | null, currency?: string): ShownTerms {
  const extras = bundleOf(offer);
  const bundle = extras.length ? bundlePrice([offer.offeredProduct, ...extras], offer.discountBps, currency) : null;
  if (extras.length && !bundle) throw new Error(`bundle offer ${offer.id} has a product without a price in ${currency}`);
  const { price, listPrice } = bundle ?? offerPrice(offer.offeredProduct, offer.discountBps, currency);
  return {
    priceAmount: price.amount,
    listPriceAmount: listPrice.amount,
    currency: price.currency,
    discountCode,
    paymentMethodId: card?.paymentMethodId ?? null,
    bundleProductIds: extras.map((p) => p.id),
  };
}

/**
 * One open offer per product per customer: while an offer of a product is open (shown, not yet
 * answered, its window not closed, or its charge still being settled), no other placement records
 * a new offer of that product — on its own or in a bundle. The customer never sees one product at two prices at once: the
 * account page shows that same open offer (same frozen price, card and countdown), and a funnel
 * step that would offer the product is skipped like an ineligible one.
 */
export const OPEN_OFFER_RULE = "one open offer per product per customer";

/** A plan change sent for an impression whose outcome Dodo has not settled: the offer stays undecided meanwhile. */
export const PLAN_CHANGE_IN_FLIGHT = { status: { in: ["SUBMITTED", "UNKNOWN"] as ("SUBMITTED" | "UNKNOWN")[] } };

export type Recorded =
  /** This slot's impression: just recorded, or recorded before (reloads, second tabs). */
  | { kind: "slot"; impression: OfferImpression }
  /** The product is already on offer elsewhere (another placement or funnel): nothing recorded. */
  | { kind: "held"; impression: OfferImpression };

function openWhere(customerId: string, productIds: readonly string[], now: Date): Prisma.OfferImpressionWhereInput {
  return {
    customerId,
    holdout: false,
    decision: null,
    AND: [
      // An offer of one of these products, on its own or in a bundle.
      { OR: [{ offer: { offeredProductId: { in: [...productIds] } } }, { bundleProductIds: { hasSome: [...productIds] } }] },
      { OR: [{ expiresAt: { gt: now } }, { chargeAttempt: { status: { in: ["PENDING", "SUBMITTED", "UNKNOWN"] } } }] },
    ],
  };
}

/** The open offer of this product already shown to the customer elsewhere (OPEN_OFFER_RULE), if any. Reads only. */
export function openOfferOf(customerId: string, productId: string, now = new Date()) {
  return db.offerImpression.findFirst({ where: openWhere(customerId, [productId], now), orderBy: { shownAt: "asc" }, select: { id: true, funnelSessionId: true, placement: true } });
}

/**
 * Records a view, or returns the live one already recorded for the same slot (a funnel step, or
 * an account offer), so reloads and second tabs show, and can charge, one impression only. Locks
 * the product for this customer first, then the slot (always in that order), so two placements
 * loading at once can't both open an offer of the same product.
 */
export async function recordImpression(data: NewImpression, productId: string | null, now = new Date()): Promise<Recorded> {
  // An account offer's slot is its live impression — or one whose one-click charge is still open
  // (processing, being confirmed, waiting on the bank) even past its window: that offer keeps
  // showing its charge, and can't be shown (and charged) afresh meanwhile.
  const slot = data.funnelSessionId
    ? { funnelSessionId: data.funnelSessionId, stepId: data.stepId }
    : {
        customerId: data.customerId, offerId: data.offerId, placement: data.placement, funnelSessionId: null, decision: null,
        OR: [{ expiresAt: { gt: now } }, { chargeAttempt: { status: { in: ["PENDING", "SUBMITTED", "UNKNOWN"] as ("PENDING" | "SUBMITTED" | "UNKNOWN")[] } } }],
      };
  const key = data.funnelSessionId ? `${data.funnelSessionId}:${data.stepId}` : `${data.customerId}:${data.placement}:${data.offerId}`;
  // A bundle holds every one of its products (locked in one order, so two bundles can't deadlock).
  const products = productId ? [...new Set([productId, ...(data.bundleProductIds ?? [])])].sort() : [];
  return inTransaction(async (tx): Promise<Recorded> => {
    for (const id of products) await lock(tx, "offer-product", `${data.customerId}:${id}`);
    await lock(tx, "offer-slot", key);
    const existing = await tx.offerImpression.findFirst({ where: slot, orderBy: { shownAt: "asc" } });
    if (existing) return { kind: "slot", impression: existing };
    if (products.length) {
      const held = await tx.offerImpression.findFirst({ where: openWhere(data.customerId, products, now), orderBy: { shownAt: "asc" } });
      if (held) return { kind: "held", impression: held };
    }
    return { kind: "slot", impression: await tx.offerImpression.create({ data: { ...data, shownAt: now } }) };
  });
}

/**
 * Closes impressions whose window passed without a decision (no charge was started on them, and
 * no plan change of an UPGRADE offer is awaiting Dodo's outcome: that outcome decides it).
 */
export async function expireStaleImpressions(where: { customerId?: string; funnelSessionId?: string }, now = new Date()): Promise<void> {
  const stale = await db.offerImpression.findMany({
    where: { ...where, holdout: false, offerId: { not: null }, expiresAt: { lte: now }, decision: null, chargeAttempt: null, planChanges: { none: PLAN_CHANGE_IN_FLIGHT } },
    select: { id: true },
  });
  if (stale.length === 0) return;
  await db.offerDecision.createMany({
    data: stale.map((s) => ({ impressionId: s.id, outcome: "EXPIRED" as const, reason: "window_closed", decidedAt: now })),
    skipDuplicates: true,
  });
}
