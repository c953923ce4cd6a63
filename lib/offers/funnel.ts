import "server-only";
import { cartProductIds } from "@/lib/catalog/cart";
import { db } from "@/lib/db/client";
import { inTransaction } from "@/lib/db/tx";
import type { SessionCustomer } from "@/lib/auth/customer-session";
import { oneClickCardFor } from "@/lib/payment-methods/saved";
import { stepAssignment } from "./assignment";
import { bundleItemsInclude, bundleOf } from "./bundle";
import { ensureOfferDiscount } from "./discount-code";
import { customerHistory } from "./history";
import { noteSkippedCurrency } from "./currency-note";
import { enqueueSessionExpiry, expireSession } from "./expiry";
import { recordImpression, shownTerms } from "./impressions";
import { nextStepAfter, offerEligibility, rankFunnelMatch, windowClosesAt, type PurchaseForRules } from "./rules";
import { offerView, offerViewInclude, type OfferView } from "./view";
import { logger } from "@/lib/log";

const log = logger("offers");

export type FunnelPurchase = {
  customerId: string;
  paymentId: string;
  subscriptionId: string | null;
  productIds: string[];
  orderAmount: number;
  currency: string;
};

/** The funnel a purchase of these products opens: one naming a bought product beats a catch-all; the newest wins a tie. */
export async function funnelFor(productIds: readonly string[]) {
  const funnels = await db.funnel.findMany({
    where: { active: true, entryStepId: { not: null } },
    orderBy: { createdAt: "desc" },
    select: { id: true, name: true, windowSecs: true, entryStepId: true, entryStep: { select: { variants: { select: { offer: { select: { triggerProductIds: true } } } } } } },
  });
  const ranked = funnels
    .map((f) => ({ f, rank: rankFunnelMatch(f.entryStep?.variants.map((v) => v.offer.triggerProductIds) ?? [], productIds) }))
    .filter((x) => x.rank > 0)
    .sort((a, b) => b.rank - a.rank);
  return ranked[0]?.f ?? null;
}

/**
 * Opens the funnel for a verified purchase (once: keyed by the payment). Funnels whose entry offers
 * name a bought product win over catch-all ones; the newest wins a tie. Null = no funnel applies.
 */
export async function startFunnelSession(p: FunnelPurchase, now = new Date()): Promise<string | null> {
  const existing = await db.funnelSession.findUnique({ where: { originPaymentId: p.paymentId }, select: { id: true } });
  if (existing) return existing.id;
  const best = await funnelFor(p.productIds);
  if (!best) return null;
  const expiresAt = windowClosesAt(now, best.windowSecs);
  return inTransaction(async (tx) => {
    const { count } = await tx.funnelSession.createMany({
      data: [{
        customerId: p.customerId,
        funnelId: best.id,
        originPaymentId: p.paymentId,
        originSubscriptionId: p.subscriptionId,
        orderAmount: p.orderAmount,
        currency: p.currency,
        currentStepId: best.entryStepId,
        startedAt: now,
        expiresAt,
      }],
      skipDuplicates: true,
    });
    const row = await tx.funnelSession.findUnique({ where: { originPaymentId: p.paymentId }, select: { id: true } });
    // The window closes at its end whether or not the customer comes back (the worker expires it).
    if (row && count === 1) await enqueueSessionExpiry(tx, row.id, expiresAt);
    return row?.id ?? null;
  });
}

export type FunnelView = { state: "offer"; offer: OfferView } | { state: "done" } | { state: "expired" } | { state: "none" };

export const MAX_HOPS = 20;
export const stepInclude = { variants: { include: { offer: { include: { offeredProduct: { include: { prices: true } }, bundleItems: bundleItemsInclude } } } } } as const;

/** Moves the session on from `fromStepId`, unless another request already did (compare-and-set). */
async function advance(sessionId: string, fromStepId: string, toStepId: string | null): Promise<void> {
  await db.funnelSession.updateMany({
    where: { id: sessionId, status: "OPEN", currentStepId: fromStepId },
    data: toStepId ? { currentStepId: toStepId } : { currentStepId: null, status: "COMPLETED" },
  });
}

/** The purchase as the rules see it, and the card one click would charge. */
export async function purchaseOf(session: { customerId: string; originPaymentId: string | null; orderAmount: number; currency: string; startedAt: Date }) {
  const payment = session.originPaymentId
    ? await db.payment.findUnique({ where: { id: session.originPaymentId }, select: { productCart: true, subscriptionId: true, paymentMethodId: true, billingCountry: true, dodoCreatedAt: true } })
    : null;
  // One click charges the card that paid most recently since this order: the order's own card,
  // or the one given in a "use another card" checkout after that card failed.
  const latest = await db.payment.findFirst({
    where: { customerId: session.customerId, status: "SUCCEEDED", paymentMethodId: { not: null }, dodoCreatedAt: { gte: session.startedAt } },
    orderBy: { dodoCreatedAt: "desc" },
    select: { paymentMethodId: true },
  });
  const productIds = cartProductIds(payment?.productCart);
  if (payment?.subscriptionId) {
    const sub = await db.subscription.findUnique({ where: { id: payment.subscriptionId }, select: { productId: true } });
    if (sub) productIds.push(sub.productId);
  }
  const rules: PurchaseForRules = {
    productIds,
    orderAmount: session.orderAmount,
    currency: session.currency,
    country: payment?.billingCountry ?? null,
    paidAt: payment?.dodoCreatedAt ?? session.startedAt,
  };
  return { rules, paymentMethodId: latest?.paymentMethodId ?? payment?.paymentMethodId ?? null };
}

/**
 * The funnel's current offer for this customer, walking past decided and skipped steps:
 * accept → next upsell, decline → downsell, failed payment → fallback step, closed window → expired.
 * A charge whose outcome is not known yet (processing, confirming with Dodo, waiting on the bank)
 * has no decision, so the funnel waits on that offer and moves on from the outcome once known.
 * Showing an offer records its impression (one per step, however often the page is loaded).
 */
export async function currentFunnelOffer(sessionId: string, customer: SessionCustomer, now = new Date()): Promise<FunnelView> {
  // Bounded walk: a merchant may wire edges into a loop of skipped steps.
  for (let hop = 0; ; hop++) {
    // The step with this session's impression of it, in one statement (relation joins): its
    // variants, offers and products are read only when an impression is recorded (a render of an
    // offer already shown needs none of them), and the impression comes with what the offer panel
    // shows, so the panel reads nothing again.
    const session = await db.funnelSession.findUnique({
      where: { id: sessionId },
      include: { currentStep: { include: { impressions: { where: { funnelSessionId: sessionId }, orderBy: { shownAt: "asc" }, take: 1, include: { ...offerViewInclude, decision: true } } } } },
    });
    if (!session || session.customerId !== customer.id) return { state: "none" };
    if (session.status === "COMPLETED") return { state: "done" };
    if (session.status === "EXPIRED") return { state: "expired" };
    const step = session.currentStep;
    if (!step || hop >= MAX_HOPS) {
      await db.funnelSession.updateMany({ where: { id: sessionId, status: "OPEN" }, data: { status: "COMPLETED", currentStepId: null } });
      return { state: "done" };
    }
    const impression = step.impressions[0] ?? null;
    if (impression?.decision) {
      await advance(sessionId, step.id, nextStepAfter(step, impression.decision.outcome));
      continue;
    }
    // An offer with a charge in flight stays on screen after the window closes, until it settles.
    if (session.expiresAt <= now && !impression?.chargeAttempt) {
      await expireSession(sessionId, now);
      return { state: "expired" };
    }
    if (impression?.holdout) {
      await advance(sessionId, step.id, null);
      return { state: "done" };
    }
    if (impression) return { state: "offer", offer: await offerView(impression, customer) };

    const fullStep = await db.funnelStep.findUnique({ where: { id: step.id }, include: stepInclude });
    if (!fullStep) continue; // deleted meanwhile: the session's step is re-read (set null)
    const assignment = await stepAssignment(customer.id, fullStep);
    const base = { customerId: customer.id, stepId: step.id, funnelSessionId: sessionId, placement: "THANK_YOU" as const, expiresAt: session.expiresAt };
    if (assignment.holdout) {
      // The holdout sees nothing at this step; the impression measures them against the shown variants.
      await recordImpression({ ...base, offerId: null, variantId: null, holdout: true, priceAmount: 0, listPriceAmount: 0, currency: session.currency, discountCode: null, paymentMethodId: null }, null, now);
      await advance(sessionId, step.id, null);
      return { state: "done" };
    }
    const variant = fullStep.variants.find((v) => v.id === assignment.variantId);
    const purchase = await purchaseOf(session);
    const eligibility = variant && offerEligibility(
      { ...variant.offer, product: variant.offer.offeredProduct, bundle: bundleOf(variant.offer) },
      purchase.rules,
      await customerHistory(customer.id, now),
      now,
    );
    if (!variant || !eligibility?.eligible) {
      // Nothing this customer may see here: skip the step as if declined.
      if (variant && eligibility && !eligibility.eligible && eligibility.reason === "currency_mismatch") await noteSkippedCurrency(sessionId, variant.offer.offeredProduct.currency);
      await advance(sessionId, step.id, step.onDeclineStepId);
      continue;
    }
    // A discount shown must be charged: without its Dodo code the offer is skipped like an ineligible one.
    const discount = await ensureOfferDiscount(variant.offer);
    if (!discount.ok) {
      log.error({ offerId: variant.offer.id, reason: discount.message }, "offer not shown");
      await advance(sessionId, step.id, step.onDeclineStepId);
      continue;
    }
    // Priced in the order's currency (eligibility checked the product is sold in it).
    const currency = session.currency;
    const card = await oneClickCardFor(customer, { currency, preferredMethodId: purchase.paymentMethodId });
    const recorded = await recordImpression({
      ...base,
      offerId: variant.offer.id,
      variantId: variant.id,
      holdout: false,
      ...shownTerms(variant.offer, discount.discountCode, card, currency),
    }, variant.offer.offeredProductId, now);
    if (recorded.kind === "held") {
      // The product is on offer elsewhere right now (OPEN_OFFER_RULE): skip it here.
      await advance(sessionId, step.id, step.onDeclineStepId);
      continue;
    }
    const created = recorded.impression;
    // Another request recorded this step first (possibly as holdout): show what it recorded.
    if (created.holdout || created.offerId !== variant.offer.id) continue;
    return { state: "offer", offer: await offerView(created.id, customer, card) };
  }
}
