import "server-only";
import { db } from "@/lib/db/client";
import type { OfferPlacement } from "@/lib/generated/prisma/enums";
import { lock } from "@/lib/db/lock";
import { inTransaction } from "@/lib/db/tx";
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
  expiresAt: Date;
};

type ShownTerms = Pick<NewImpression, "priceAmount" | "listPriceAmount" | "currency" | "discountCode" | "paymentMethodId">;

/** What a customer is shown, frozen on the impression so the charge is exactly that. */
export function shownTerms(
  offer: { discountBps: number; offeredProduct: { priceAmount: number; currency: string } },
  discountCode: string | null,
  card: { paymentMethodId: string } | null,
): ShownTerms {
  const { price, listPrice } = offerPrice(offer.offeredProduct, offer.discountBps);
  return { priceAmount: price.amount, listPriceAmount: listPrice.amount, currency: price.currency, discountCode, paymentMethodId: card?.paymentMethodId ?? null };
}

/**
 * Records a view, or returns the live one already recorded for the same slot (a funnel step, or
 * an account offer), so reloads and second tabs show, and can charge, one impression only.
 */
export async function recordImpression(data: NewImpression, now = new Date()) {
  const slot = data.funnelSessionId
    ? { funnelSessionId: data.funnelSessionId, stepId: data.stepId }
    : { customerId: data.customerId, offerId: data.offerId, placement: data.placement, funnelSessionId: null, decision: null, expiresAt: { gt: now } };
  const key = data.funnelSessionId ? `${data.funnelSessionId}:${data.stepId}` : `${data.customerId}:${data.placement}:${data.offerId}`;
  return inTransaction(async (tx) => {
    await lock(tx, "offer-slot", key);
    const existing = await tx.offerImpression.findFirst({ where: slot, orderBy: { shownAt: "asc" } });
    return existing ?? tx.offerImpression.create({ data: { ...data, shownAt: now } });
  });
}

/** Closes impressions whose window passed without a decision (no charge was started on them). */
export async function expireStaleImpressions(where: { customerId?: string; funnelSessionId?: string }, now = new Date()): Promise<void> {
  const stale = await db.offerImpression.findMany({
    where: { ...where, holdout: false, offerId: { not: null }, expiresAt: { lte: now }, decision: null, chargeAttempt: null },
    select: { id: true },
  });
  if (stale.length === 0) return;
  await db.offerDecision.createMany({
    data: stale.map((s) => ({ impressionId: s.id, outcome: "EXPIRED" as const, reason: "window_closed", decidedAt: now })),
    skipDuplicates: true,
  });
}
