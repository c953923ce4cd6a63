import "server-only";
import { db } from "@/lib/db/client";
import type { PlanLadder, Product, Subscription } from "@/lib/generated/prisma/client";
import { classifyMove, type LadderPlan, type Move } from "./ladder";
import { DEFAULT_LOCALE, type Locale } from "@/lib/i18n/locales";
import { translator } from "@/lib/i18n/translator";
import { failure, notFound, type PlanFailure } from "./results";
import { termsFor, type ChangeTerms } from "./terms";

/** A product as a rung of its ladder, or null when the merchant has not ranked it. */
export function ladderPlanOf(product: Product): LadderPlan | null {
  if (product.planRank === null || !product.billingInterval || !product.ladderId) return null;
  return {
    productId: product.id,
    name: product.name,
    rank: product.planRank,
    priceAmount: product.priceAmount,
    currency: product.currency,
    interval: product.billingInterval,
    intervalCount: product.billingIntervalCount ?? 1,
  };
}

export type MoveContext = {
  subscription: Subscription;
  ladder: PlanLadder;
  from: LadderPlan;
  to: LadderPlan;
  move: Move;
  terms: ChangeTerms;
};

/**
 * Everything a plan change is decided from, checked for this customer: their subscription, both
 * plans ranked in the same ladder, the move and the merchant's terms for it. Refusals are worded in `options.locale`.
 */
export async function loadMove(customerId: string, subscriptionId: string, toProductId: string, options: { samePlanTerms?: ChangeTerms; locale?: Locale } = {}): Promise<MoveContext | PlanFailure> {
  const t = translator(options.locale ?? DEFAULT_LOCALE);
  const subscription = await db.subscription.findUnique({ where: { id: subscriptionId }, include: { product: { include: { ladder: true } } } });
  if (!subscription || subscription.customerId !== customerId) return notFound(t);
  const ladder = subscription.product.ladder;
  const from = ladderPlanOf(subscription.product);
  if (!ladder || !from) return failure("not_in_ladder", t("plans.refused.currentNotInLadder"));
  const target = await db.product.findUnique({ where: { id: toProductId } });
  const to = target && !target.archived && target.ladderId === ladder.id ? ladderPlanOf(target) : null;
  if (!to || to.currency !== subscription.currency) return failure("not_in_ladder", t("plans.refused.targetNotInLadder"));
  const move = classifyMove(from, to);
  if (subscription.status !== "ACTIVE" && (move || options.samePlanTerms)) {
    return failure("inactive", t("plans.refused.inactive"));
  }
  // A discount on the current plan (a save offer) moves only the price: a downgrade, on its own terms.
  if (!move && options.samePlanTerms) return { subscription, ladder, from, to, move: { direction: "downgrade", intervalChange: "none" }, terms: options.samePlanTerms };
  if (!move) return failure("same_plan", t("plans.refused.samePlan"));
  const terms = termsFor(ladder, move);
  if (!terms.ok) return failure(terms.code, t("plans.option.intervalChangeNotAllowed"));
  return { subscription, ladder, from, to, move, terms: terms.terms };
}
