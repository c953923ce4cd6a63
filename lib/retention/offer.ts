import "server-only";
import { intervalLabel } from "@/lib/catalog/format";
import { db } from "@/lib/db/client";
import type { CancelReason, PlanLadder, Product, SaveOffer, Subscription } from "@/lib/generated/prisma/client";
import { ladderPlanOf } from "@/lib/plans/context";
import { classifyMove, recurringLabel } from "@/lib/plans/ladder";
import { formatDate } from "@/lib/plans/quote-view";
import { termsFor } from "@/lib/plans/terms";
import { pauseEndsAt } from "./rules";

// Which save offer a cancelling subscriber sees, and how it reads. An offer stored by the merchant
// is checked again here (the plans may have been re-ranked, archived or re-priced since): one the
// subscription cannot take is not shown at all, rather than shown and refused.

export type SaveOfferView = {
  kind: SaveOffer["kind"];
  headline: string;
  /** What accepting does to billing and access, in words. */
  body: string;
  actionLabel: string;
};

type SubscriptionWithPlan = Subscription & { product: Product & { ladder: PlanLadder | null } };

/**
 * The plan a plan offer moves this subscription to: its target plan, or for a discounted offer
 * without one the subscription's own plan; null when the subscription cannot take it.
 */
export function offerTargetProduct(offer: SaveOffer & { targetProduct: Product | null }, sub: SubscriptionWithPlan): Product | null {
  if (offer.kind === "DISCOUNTED_PLAN" && !offer.targetProductId) return sub.product;
  return offer.targetProduct;
}

/** The target plan of a plan offer, when this subscription can move to it under the ladder's policy. */
function planTarget(offer: SaveOffer & { targetProduct: Product | null }, sub: SubscriptionWithPlan) {
  const from = ladderPlanOf(sub.product);
  const target = offerTargetProduct(offer, sub);
  const to = target && !target.archived && target.ladderId === sub.product.ladderId && target.currency === sub.currency ? ladderPlanOf(target) : null;
  if (!from || !to || !sub.product.ladder) return null;
  const move = classifyMove(from, to);
  // The subscriber's own plan at a discount: no move, only a lower price (SAME_PLAN_DISCOUNT_TERMS).
  if (!move && offer.kind === "DISCOUNTED_PLAN") return { from, to, move: null };
  if (!move || !termsFor(sub.product.ladder, move).ok) return null;
  if (offer.kind === "CHEAPER_PLAN" && move.direction !== "downgrade") return null;
  if (offer.kind === "INTERVAL_SWITCH" && move.intervalChange === "none") return null;
  return { from, to, move };
}

/** The merchant's offer for this reason that this subscription can take, or null. */
export async function eligibleOffer(sub: SubscriptionWithPlan, reason: CancelReason | undefined) {
  if (!reason || !sub.product.ladderId) return null;
  const offer = await db.saveOffer.findUnique({ where: { ladderId_reason: { ladderId: sub.product.ladderId, reason } }, include: { targetProduct: true } });
  if (!offer || !offer.active) return null;
  if (offer.kind === "PAUSE") return offer.pauseCycles && offer.pauseCycles > 0 ? offer : null;
  if (offer.kind === "DISCOUNTED_PLAN" && !(offer.discountBps && offer.discountBps > 0 && offer.discountCycles && offer.discountCycles > 0)) return null;
  return planTarget(offer, sub) ? offer : null;
}

/** The offer as the customer reads it, with what it does to billing and access. */
export function saveOfferView(offer: SaveOffer & { targetProduct: Product | null }, sub: SubscriptionWithPlan, now: Date): SaveOfferView | null {
  const planName = sub.product.name;
  if (offer.kind === "PAUSE") {
    const cycles = offer.pauseCycles ?? 1;
    const interval = sub.product.billingInterval;
    if (!interval) return null;
    const length = intervalLabel(interval, (sub.product.billingIntervalCount ?? 1) * cycles);
    const until = formatDate(pauseEndsAt(now, { interval, intervalCount: sub.product.billingIntervalCount ?? 1 }, cycles));
    return {
      kind: offer.kind,
      headline: offer.headline || `Take a break instead: pause for ${length}`,
      body: `Nothing is charged while paused, and your access to ${planName} is suspended until it resumes on ${until} (or sooner, whenever you choose to resume). Your next billing date then moves later by as long as you were paused, so you keep every day you already paid for.`,
      actionLabel: `Pause for ${length}`,
    };
  }
  const target = planTarget(offer, sub);
  if (!target) return null;
  const price = recurringLabel(target.to);
  if (offer.kind === "DISCOUNTED_PLAN") {
    const off = `${(offer.discountBps ?? 0) / 100}%`;
    const n = offer.discountCycles ?? 1;
    const periods = `${n} billing period${n === 1 ? "" : "s"}`;
    const same = target.to.productId === target.from.productId;
    const plan = same ? `your ${target.to.name} plan` : target.to.name;
    return {
      kind: offer.kind,
      headline: offer.headline || `Stay for ${off} less: ${plan} at ${off} off for ${periods}`,
      body: `Instead of cancelling, keep ${plan} at ${off} off its price (${price}) for your next ${periods}, then the full price again. You keep your subscription and your access${same ? "" : ` to ${target.to.name}`}. Before anything changes you see exactly what the payment provider will charge or credit now, and what you pay per period.`,
      actionLabel: `Get ${off} off: see the price`,
    };
  }
  const switchLabel = offer.kind === "INTERVAL_SWITCH" ? `Switch to ${target.to.name}, billed per ${intervalLabel(target.to.interval, target.to.intervalCount)}` : `Switch to ${target.to.name}`;
  return {
    kind: offer.kind,
    headline: offer.headline || (offer.kind === "CHEAPER_PLAN" ? `Stay for less: ${target.to.name} at ${price}` : `Pay for ${target.to.name} at ${price}`),
    body: `Instead of cancelling, move to ${target.to.name} at ${price}. You keep your subscription and access to ${target.to.name}. Before anything changes you see exactly what the payment provider will charge or credit, and when.`,
    actionLabel: `${switchLabel}: see the price`,
  };
}
