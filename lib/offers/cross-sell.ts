import "server-only";
import { db } from "@/lib/db/client";
import { loadEnv } from "@/lib/env";
import type { SessionCustomer } from "@/lib/auth/customer-session";
import type { CardSummary } from "@/lib/payment-methods/eligibility";
import { oneClickCardFor } from "@/lib/payment-methods/saved";
import { bundleItemsInclude, bundleOf, sellableIn } from "./bundle";
import { ensureOfferDiscount } from "./discount-code";
import { customerHistory } from "./history";
import { expireStaleImpressions, recordImpression, shownTerms } from "./impressions";
import { showsOnAccountPage } from "./reach";
import { offerEligibility } from "./rules";
import { offerView, recentlyAnsweredProductIds, type OfferView } from "./view";
import { logger } from "@/lib/log";

const log = logger("offers");

const MAX_ACCOUNT_OFFERS = 3;

/**
 * The cross-sells an existing customer may see on their account page: active CROSS_SELL offers
 * related to what they own (by trigger products), not owned, not declined, not just answered.
 * Reads only (the server API lists them without recording a view).
 */
export async function eligibleAccountOffers(customerId: string, now = new Date()) {
  return (await accountOfferChoice(customerId, now)).offers;
}

/** The eligible cross-sells and the history they were judged on (it also names the latest order). */
async function accountOfferChoice(customerId: string, now: Date) {
  const [offers, history, answered] = await Promise.all([
    db.offer.findMany({ where: { kind: "CROSS_SELL", active: true }, include: { offeredProduct: { include: { prices: true } }, bundleItems: bundleItemsInclude }, orderBy: { createdAt: "asc" } }),
    customerHistory(customerId, now),
    recentlyAnsweredProductIds(customerId, now),
  ]);
  // An account offer needs something to relate to: catch-all offers are for funnels, not here.
  const eligible = offers
    .filter((o) => showsOnAccountPage(o) && ![o.offeredProductId, ...bundleOf(o).map((p) => p.id)].some((id) => answered.has(id)))
    .filter((o) => offerEligibility({ ...o, product: o.offeredProduct, bundle: bundleOf(o) }, null, history, now).eligible)
    .slice(0, MAX_ACCOUNT_OFFERS);
  return { offers: eligible, history };
}

/**
 * The account page's cross-sells, each recorded as shown; one-click when a saved card fits. A
 * product already on offer elsewhere (the thank-you page) is shown as that same offer, at its
 * frozen price and window (OPEN_OFFER_RULE in ./impressions).
 */
export async function accountOffers(customer: SessionCustomer, now = new Date()): Promise<OfferView[]> {
  await expireStaleImpressions({ customerId: customer.id }, now);
  const { offers: eligible, history } = await accountOfferChoice(customer.id, now);
  if (eligible.length === 0) return [];

  // In the currency the customer last paid in (the history's latest order), when the product is sold in it; else its base currency.
  const latest = history.latestOrder;
  const cards = new Map<string, CardSummary | null>();
  const expiresAt = new Date(now.getTime() + loadEnv().OFFER_WINDOW_MINUTES * 60_000);
  const views: OfferView[] = [];
  for (const offer of eligible) {
    // A discount shown must be charged: without its Dodo code the offer is left out.
    const discount = await ensureOfferDiscount(offer);
    if (!discount.ok) {
      log.error({ offerId: offer.id, reason: discount.message }, "offer not shown");
      continue;
    }
    // A bundle: in that currency only when every product of it is sold in it.
    const currency = latest && sellableIn([offer.offeredProduct, ...bundleOf(offer)], latest.currency) ? latest.currency.toUpperCase() : offer.offeredProduct.currency;
    if (!cards.has(currency)) cards.set(currency, await oneClickCardFor(customer, { currency, preferredMethodId: null, now }));
    const card = cards.get(currency) ?? null;
    const recorded = await recordImpression({
      customerId: customer.id,
      offerId: offer.id,
      stepId: null,
      variantId: null,
      funnelSessionId: null,
      placement: "ACCOUNT",
      holdout: false,
      ...shownTerms(offer, discount.discountCode, card, currency),
      expiresAt,
    }, offer.offeredProductId, now);
    if (views.some((v) => v.impressionId === recorded.impression.id)) continue;
    views.push(await offerView(recorded.impression.id, customer, recorded.kind === "slot" ? card : undefined));
  }
  return views;
}
