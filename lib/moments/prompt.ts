import "server-only";
import type { SessionCustomer } from "@/lib/auth/customer-session";
import { db } from "@/lib/db/client";
import { loadEnv } from "@/lib/env";
import type { OfferPlacement } from "@/lib/generated/prisma/enums";
import { logger } from "@/lib/log";
import { DEFAULT_LOCALE } from "@/lib/i18n/locales";
import { translator } from "@/lib/i18n/translator";
import { copyFor } from "@/lib/offers/copy";
import { ensureOfferDiscount } from "@/lib/offers/discount-code";
import { expireStaleImpressions, recordImpression, shownTerms } from "@/lib/offers/impressions";
import { offerView, type OfferView } from "@/lib/offers/view";
import { oneClickCardFor } from "@/lib/payment-methods/saved";
import { linkQuoteToImpression } from "@/lib/plans/plan-change";
import { confirmPlanChange, openQuoteOf, previewPlanChange, type ConfirmResult, type PlanDeps } from "@/lib/plans/quote";
import type { QuoteView } from "@/lib/plans/quote-view";
import { currentMomentOffer, type MomentOffer } from "./current";

const log = logger("moments");

export type InAppPlacement = Extract<OfferPlacement, "IN_APP" | "HOSTED_LINK">;

export type PromptView =
  /** A one-click offer: the same panel data as the thank-you page (card, frozen price, charge). */
  | { kind: "offer"; moment: string; offer: OfferView }
  /** A plan upgrade: Dodo's preview of the change, confirmed through change-plan. */
  | { kind: "upgrade"; moment: string; impressionId: string; headline: string; body: string; fromName: string; toName: string; quote: QuoteView; expiresAt: Date };

/**
 * Shows the customer's current moment offer at an in-app placement: records the impression (one
 * per placement and offer while it is open: reloads show the same one, at the same price) and
 * returns what the prompt renders. Null when no offer is due, or it can't be shown right now.
 * `deps.locale`: the customer's language (an upgrade's preview and the merchant's copy in it).
 */
export async function showMomentOffer(customer: SessionCustomer, placement: InAppPlacement, now = new Date(), due?: MomentOffer | null, deps: PlanDeps = {}): Promise<PromptView | null> {
  // Closing stale impressions changes nothing the choice reads (declines and view counts), so both run at once.
  const [, current] = await Promise.all([expireStaleImpressions({ customerId: customer.id }, now), due === undefined ? currentMomentOffer(customer.id, now) : due]);
  if (!current) return null;
  const { moment, offer } = current;
  const expiresAt = new Date(now.getTime() + loadEnv().OFFER_WINDOW_MINUTES * 60_000);
  if (current.upgrade) {
    const upgrade = current.upgrade;
    const { headline, body } = copyFor(offer, offer.copies, deps.locale ?? DEFAULT_LOCALE);
    // The customer's next page: the offer already open here, shown with its still-valid quote.
    const open = await openUpgradeOffer(customer.id, offer.id, placement, now, deps);
    if (open) {
      return {
        kind: "upgrade", moment: moment.name, impressionId: open.impression.id, headline, body,
        fromName: upgrade.fromName, toName: upgrade.toName, quote: open.quote.quote, expiresAt: open.impression.expiresAt,
      };
    }
    const preview = await previewPlanChange({ customerId: customer.id, subscriptionId: upgrade.subscriptionId, productId: upgrade.toProductId, origin: "UPGRADE_OFFER" }, deps);
    if (!preview.ok) {
      log.warn({ offerId: offer.id, code: preview.code }, "upgrade offer not shown");
      return null;
    }
    const amounts = preview.amounts;
    const recorded = await recordImpression({
      customerId: customer.id, offerId: offer.id, stepId: null, variantId: null, funnelSessionId: null, placement, holdout: false,
      priceAmount: amounts.totalAmount, listPriceAmount: amounts.totalAmount, currency: amounts.currency, discountCode: null, paymentMethodId: null,
      expiresAt, momentId: moment.id,
    }, offer.offeredProductId, now);
    // Held: the same plan is already on offer elsewhere (the prompt, a link): that open offer is
    // shown, with this fresh preview (Dodo's numbers are read again at every showing anyway).
    // The quote answers that impression: whatever the change's outcome, and whenever it is
    // learned, it becomes the offer's decision and its payment the offer's revenue.
    await linkQuoteToImpression(db, preview.changeId, recorded.impression.id);
    return {
      kind: "upgrade", moment: moment.name, impressionId: recorded.impression.id, headline, body,
      fromName: upgrade.fromName, toName: upgrade.toName, quote: preview.quote, expiresAt: recorded.impression.expiresAt,
    };
  }
  // A discount shown must be charged: without its Dodo code the offer is left out.
  const discount = await ensureOfferDiscount(offer);
  if (!discount.ok) {
    log.error({ offerId: offer.id, reason: discount.message }, "offer not shown");
    return null;
  }
  const card = await oneClickCardFor(customer, { currency: offer.offeredProduct.currency, preferredMethodId: null, now });
  const recorded = await recordImpression({
    customerId: customer.id, offerId: offer.id, stepId: null, variantId: null, funnelSessionId: null, placement, holdout: false,
    ...shownTerms(offer, discount.discountCode, card), expiresAt, momentId: moment.id,
  }, offer.offeredProductId, now);
  return { kind: "offer", moment: moment.name, offer: await offerView(recorded.impression.id, customer, recorded.kind === "slot" ? card : undefined) };
}

/** This placement's open impression of an upgrade offer, with the quote it was last shown with (openQuoteOf), or null. */
async function openUpgradeOffer(customerId: string, offerId: string, placement: InAppPlacement, now: Date, deps: PlanDeps) {
  const impression = await db.offerImpression.findFirst({
    where: { customerId, offerId, placement, funnelSessionId: null, holdout: false, decision: null, expiresAt: { gt: now } },
    orderBy: { shownAt: "asc" },
  });
  const quote = impression ? await openQuoteOf({ customerId, impressionId: impression.id, locale: deps.locale }, now) : null;
  return impression && quote ? { impression, quote } : null;
}

export type UpgradeAcceptResult = ConfirmResult | { ok: false; code: "not_found" | "already_decided"; message: string };

/**
 * Confirms an upgrade offer's previewed change (the quote token the prompt got with it): Dodo's
 * change-plan, at most once (lib/plans claims the change before calling). The change answers the
 * impression: its outcome — now, or once the worker learns what happened to a change whose answer
 * was lost — is the offer's decision (lib/plans/plan-change.ts), and its payment the offer's revenue.
 */
export async function acceptUpgradeOffer(input: { impressionId: string; customerId: string; token: string }, deps: PlanDeps = {}): Promise<UpgradeAcceptResult> {
  const t = translator(deps.locale ?? DEFAULT_LOCALE);
  const imp = await db.offerImpression.findUnique({ where: { id: input.impressionId }, include: { offer: { select: { kind: true } }, decision: true } });
  if (!imp || imp.customerId !== input.customerId || imp.offer?.kind !== "UPGRADE") return { ok: false, code: "not_found", message: t("offers.notAvailable") };
  if (imp.decision && imp.decision.outcome !== "ACCEPTED") return { ok: false, code: "already_decided", message: t("offers.refused.alreadyDecided") };
  return confirmPlanChange({ customerId: input.customerId, token: input.token, impressionId: imp.id }, deps);
}
