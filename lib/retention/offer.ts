import "server-only";
import { intervalLabel } from "@/lib/catalog/format";
import { db } from "@/lib/db/client";
import type { CancelReason, PlanLadder, Product, SaveOffer, Subscription } from "@/lib/generated/prisma/client";
import { ladderPlanOf } from "@/lib/plans/context";
import { classifyMove, recurringLabel } from "@/lib/plans/ladder";
import { formatDate } from "@/lib/plans/quote-view";
import { termsFor } from "@/lib/plans/terms";
import { DEFAULT_LOCALE, type Locale } from "@/lib/i18n/locales";
import { translator } from "@/lib/i18n/translator";
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

/** A discount as the customer's language writes a percentage ("20%", "12,5%"). */
function percentOff(bps: number, locale: Locale): string {
  return new Intl.NumberFormat(locale, { style: "percent", maximumFractionDigits: 2 }).format(bps / 10_000);
}

/** The offer as the customer reads it (in `locale`), with what it does to billing and access. */
export function saveOfferView(offer: SaveOffer & { targetProduct: Product | null }, sub: SubscriptionWithPlan, now: Date, locale: Locale = DEFAULT_LOCALE): SaveOfferView | null {
  const t = translator(locale);
  const planName = sub.product.name;
  if (offer.kind === "PAUSE") {
    const cycles = offer.pauseCycles ?? 1;
    const interval = sub.product.billingInterval;
    if (!interval) return null;
    const length = intervalLabel(interval, (sub.product.billingIntervalCount ?? 1) * cycles, locale);
    const until = formatDate(pauseEndsAt(now, { interval, intervalCount: sub.product.billingIntervalCount ?? 1 }, cycles), locale);
    return {
      kind: offer.kind,
      headline: offer.headline || t("retention.saveOffer.pauseHeadline", { length }),
      body: t("retention.saveOffer.pauseBody", { plan: planName, date: until }),
      actionLabel: t("retention.saveOffer.pauseAction", { length }),
    };
  }
  const target = planTarget(offer, sub);
  if (!target) return null;
  const price = recurringLabel(target.to, locale);
  const plan = target.to.name;
  if (offer.kind === "DISCOUNTED_PLAN") {
    const words = { off: percentOff(offer.discountBps ?? 0, locale), count: offer.discountCycles ?? 1, plan, same: String(target.to.productId === target.from.productId) };
    return {
      kind: offer.kind,
      headline: offer.headline || t("retention.saveOffer.discountHeadline", words),
      body: t("retention.saveOffer.discountBody", { ...words, price }),
      actionLabel: t("retention.saveOffer.discountAction", { off: words.off }),
    };
  }
  return {
    kind: offer.kind,
    headline: offer.headline || (offer.kind === "CHEAPER_PLAN" ? t("retention.saveOffer.cheaperHeadline", { plan, price }) : t("retention.saveOffer.intervalHeadline", { plan, price })),
    body: t("retention.saveOffer.switchBody", { plan, price }),
    actionLabel:
      offer.kind === "INTERVAL_SWITCH"
        ? t("retention.saveOffer.switchIntervalAction", { plan, interval: intervalLabel(target.to.interval, target.to.intervalCount, locale) })
        : t("retention.saveOffer.switchAction", { plan }),
  };
}
