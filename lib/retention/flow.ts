import "server-only";
import type DodoPayments from "dodopayments";
import { db } from "@/lib/db/client";
import type { CancelReason } from "@/lib/generated/prisma/client";
import { confirmPlanChange, previewPlanChange, type ChangeDiscount } from "@/lib/plans/quote";
import { SAME_PLAN_DISCOUNT_TERMS } from "@/lib/plans/terms";
import { formatDate, type QuoteView } from "@/lib/plans/quote-view";
import type { Success } from "@/lib/result";
import { attemptOf, createAttempt, moveAttempt } from "./attempt";
import { ensureSaveOfferDiscount } from "./discount";
import { eligibleOffer, offerTargetProduct, saveOfferView, type SaveOfferView } from "./offer";
import { inHoldout, pauseEndsAt } from "./rules";
import { retentionFailure, sendSubscriptionUpdate, type RetentionFailure } from "./subscription-update";
import { DEFAULT_LOCALE, type Locale } from "@/lib/i18n/locales";
import { translator, type Translator } from "@/lib/i18n/translator";

// The customer's services behind the cancel flow and the pause/resume/undo buttons. Each checks
// that the subscription is the customer's, and sends Dodo exactly what the customer chose. Plan
// offers go through lib/plans (Dodo's preview, a signed quote, one confirm) like any plan change.
// Every answer is worded in `locale` (the customer's language; English when unsaid), dates too.

export type Deps = { client?: DodoPayments; now?: () => Date; locale?: Locale };

const localeOf = (deps: Deps): Locale => deps.locale ?? DEFAULT_LOCALE;
const notFound = (t: Translator) => retentionFailure("not_found", t("retention.refused.notFound"));
const gone = (t: Translator) => retentionFailure("not_found", t("retention.refused.gone"));

async function ownSubscription(customerId: string, subscriptionId: string) {
  const sub = await db.subscription.findUnique({ where: { id: subscriptionId }, include: { product: { include: { ladder: true } } } });
  return sub && sub.customerId === customerId ? sub : null;
}

export type Message = Success<{ message: string; confirming: boolean }>;

export type StartResult = Success<{ attemptId: string; offer: SaveOfferView | null; cancelTerms: string }> | RetentionFailure;

/** "Cancelling stops renewal…": what cancelling does, said before the customer confirms it. */
export function cancelTerms(planName: string, endsOn: Date, locale: Locale = DEFAULT_LOCALE): string {
  const t = translator(locale);
  return t("retention.cancelTerms", { plan: planName, date: formatDate(endsOn, locale) });
}

/**
 * The reason step: records the attempt with its reason and comment, draws the holdout, and finds
 * the merchant's save offer for the reason. Held-out customers (and reasons without an offer) get
 * straight to the cancellation.
 */
export async function startCancel(input: { customerId: string; subscriptionId: string; reason?: CancelReason; comment?: string }, deps: Deps = {}): Promise<StartResult> {
  const now = deps.now?.() ?? new Date();
  const locale = localeOf(deps);
  const t = translator(locale);
  const sub = await ownSubscription(input.customerId, input.subscriptionId);
  if (!sub) return notFound(t);
  if (sub.cancelAtNextBillingDate) return retentionFailure("nothing_to_do", t("retention.refused.alreadyCancelled", { date: formatDate(sub.nextBillingDate, locale) }));
  if (sub.status !== "ACTIVE") return retentionFailure("inactive", t("retention.refused.cancelInactive"));
  const offer = await eligibleOffer(sub, input.reason);
  const holdout = offer && sub.product.ladder ? inHoldout(input.customerId, sub.product.ladder.id, sub.product.ladder.retentionHoldoutBps) : false;
  const attempt = await createAttempt({
    subscriptionId: sub.id,
    customerId: input.customerId,
    ladderId: sub.product.ladderId,
    reason: input.reason ?? null,
    comment: input.comment ?? null,
    holdout,
    saveOfferId: offer?.id ?? null,
    offerKind: offer?.kind ?? null,
    recurringAmount: sub.recurringAmount,
    currency: sub.currency,
    startedAt: now,
  });
  const view = offer && !holdout ? saveOfferView(offer, sub, now, locale) : null;
  return { ok: true, attemptId: attempt.id, offer: view, cancelTerms: cancelTerms(sub.product.name, sub.nextBillingDate, locale) };
}

/** The open attempt's offer step again (after an error, or back from a preview). */
export async function offerStep(input: { customerId: string; attemptId: string }, deps: Deps = {}): Promise<StartResult> {
  const locale = localeOf(deps);
  const t = translator(locale);
  const attempt = await attemptOf(input.customerId, input.attemptId);
  if (!attempt || attempt.status !== "OPEN") return gone(t);
  const sub = await ownSubscription(input.customerId, attempt.subscriptionId);
  if (!sub) return notFound(t);
  const view = attempt.saveOffer && !attempt.holdout ? saveOfferView(attempt.saveOffer, sub, deps.now?.() ?? new Date(), locale) : null;
  return { ok: true, attemptId: attempt.id, offer: view, cancelTerms: cancelTerms(sub.product.name, sub.nextBillingDate, locale) };
}

/** "Cancel anyway": cancel at the next billing date with the attempt's reason and comment. */
export async function cancelAnyway(input: { customerId: string; attemptId: string }, deps: Deps = {}): Promise<Message | RetentionFailure> {
  const locale = localeOf(deps);
  const t = translator(locale);
  const attempt = await attemptOf(input.customerId, input.attemptId);
  if (!attempt || attempt.status !== "OPEN") return gone(t);
  const sub = await ownSubscription(input.customerId, attempt.subscriptionId);
  if (!sub) return notFound(t);
  const result = await sendSubscriptionUpdate(
    { subscriptionId: sub.id, kind: "CANCEL", cancelAttemptId: attempt.id, reason: attempt.reason, comment: attempt.comment },
    { client: deps.client, now: deps.now?.(), locale },
  );
  if (!result.ok) return result;
  if (result.status === "UNKNOWN") return { ok: true, confirming: true, message: t("retention.confirming.cancel") };
  const fresh = await db.subscription.findUniqueOrThrow({ where: { id: sub.id } });
  return { ok: true, confirming: false, message: t("retention.outcome.cancelled", { date: formatDate(fresh.nextBillingDate, locale), plan: sub.product.name }) };
}

/** "Keep my subscription" on the offer step: nothing is sent to Dodo; the attempt is kept. */
export async function keepSubscription(input: { customerId: string; attemptId: string }, deps: Pick<Deps, "locale"> = {}): Promise<Message | RetentionFailure> {
  const t = translator(localeOf(deps));
  const attempt = await attemptOf(input.customerId, input.attemptId);
  if (!attempt) return gone(t);
  await moveAttempt(db, attempt.id, "KEPT");
  return { ok: true, confirming: false, message: t("retention.outcome.kept") };
}

async function openPlanOffer(customerId: string, attemptId: string) {
  const attempt = await attemptOf(customerId, attemptId);
  if (!attempt || attempt.status !== "OPEN" || attempt.holdout || !attempt.saveOffer || attempt.saveOffer.kind === "PAUSE") return null;
  const sub = await ownSubscription(customerId, attempt.subscriptionId);
  const target = sub ? offerTargetProduct(attempt.saveOffer, sub) : null;
  if (!sub || !target) return null;
  return { attempt, sub, offer: attempt.saveOffer, targetProductId: target.id };
}

/** A discounted offer's Dodo code for its plan (made on first need), with the terms for a discount on the current plan. */
async function offerDiscount(open: NonNullable<Awaited<ReturnType<typeof openPlanOffer>>>, t: Translator, client?: DodoPayments): Promise<ChangeDiscount | null | RetentionFailure> {
  const { offer } = open;
  if (offer.kind !== "DISCOUNTED_PLAN") return null;
  if (!offer.discountBps || !offer.discountCycles) return gone(t);
  const made = await ensureSaveOfferDiscount({ id: offer.id, discountBps: offer.discountBps, discountCycles: offer.discountCycles }, open.targetProductId, client);
  if (!made.ok) return retentionFailure("unavailable", t("retention.refused.offerUnavailable"));
  return { code: made.code, discountId: made.discountId, ...(open.targetProductId === open.sub.productId ? { samePlanTerms: SAME_PLAN_DISCOUNT_TERMS } : {}) };
}

/** A plan offer, step 1: Dodo's preview of the move (with the offer's discount code, if any), as a signed quote (lib/plans). */
export async function previewSavePlan(input: { customerId: string; attemptId: string }, deps: Deps = {}): Promise<Success<{ quote: QuoteView }> | RetentionFailure> {
  const locale = localeOf(deps);
  const t = translator(locale);
  const open = await openPlanOffer(input.customerId, input.attemptId);
  if (!open) return gone(t);
  const discount = await offerDiscount(open, t, deps.client);
  if (discount && "ok" in discount) return discount;
  const result = await previewPlanChange(
    { customerId: input.customerId, subscriptionId: open.attempt.subscriptionId, productId: open.targetProductId, ...(discount ? { discount } : {}) },
    { client: deps.client, now: deps.now, locale },
  );
  return result.ok ? { ok: true, quote: result.quote } : retentionFailure("rejected", result.message);
}

/** A plan offer, step 2: the customer confirms the quote; the attempt is saved by that plan change. */
export async function confirmSavePlan(input: { customerId: string; attemptId: string; token: string }, deps: Deps = {}): Promise<Message | RetentionFailure | { ok: false; code: "quote_changed"; message: string; quote: QuoteView }> {
  const locale = localeOf(deps);
  const t = translator(locale);
  const open = await openPlanOffer(input.customerId, input.attemptId);
  if (!open) return gone(t);
  const result = await confirmPlanChange({ customerId: input.customerId, token: input.token }, { client: deps.client, now: deps.now, locale });
  if (!result.ok) {
    if (result.code === "quote_changed" && result.quote) return { ok: false, code: "quote_changed", message: result.message, quote: result.quote };
    return retentionFailure("rejected", result.message);
  }
  // The change just confirmed is the subscription's newest one to the offered plan.
  const change = await db.planChange.findFirst({
    where: { subscriptionId: open.attempt.subscriptionId, toProductId: open.targetProductId, status: { notIn: ["QUOTED", "CANCELLED", "FAILED"] }, createdAt: { gte: open.attempt.startedAt } },
    orderBy: { createdAt: "desc" },
  });
  await moveAttempt(db, open.attempt.id, "SAVED", { planChangeId: change?.id ?? null });
  return { ok: true, confirming: result.status === "UNKNOWN", message: t("retention.outcome.saved", { outcome: result.message }) };
}

/** A pause offer: pauses now for the offer's number of cycles; Encore resumes it at the end. */
export async function acceptPauseOffer(input: { customerId: string; attemptId: string }, deps: Deps = {}): Promise<Message | RetentionFailure> {
  const attempt = await attemptOf(input.customerId, input.attemptId);
  if (!attempt || attempt.status !== "OPEN" || attempt.holdout || attempt.saveOffer?.kind !== "PAUSE") return gone(translator(localeOf(deps)));
  return pause({ customerId: input.customerId, subscriptionId: attempt.subscriptionId, cycles: attempt.saveOffer.pauseCycles ?? 1, attemptId: attempt.id }, deps);
}

/** Pause, from the plan page or a save offer: for `cycles` billing cycles, or (null) until the customer resumes. */
export async function pause(input: { customerId: string; subscriptionId: string; cycles: number | null; attemptId?: string }, deps: Deps = {}): Promise<Message | RetentionFailure> {
  const now = deps.now?.() ?? new Date();
  const locale = localeOf(deps);
  const t = translator(locale);
  const sub = await ownSubscription(input.customerId, input.subscriptionId);
  if (!sub) return notFound(t);
  if (sub.status !== "ACTIVE") return retentionFailure("inactive", t("retention.refused.pauseInactive"));
  if (sub.cancelAtNextBillingDate) return retentionFailure("inactive", t("retention.refused.pauseWhileEnding"));
  const interval = sub.product.billingInterval;
  const resumeAt = input.cycles && interval ? pauseEndsAt(now, { interval, intervalCount: sub.product.billingIntervalCount ?? 1 }, input.cycles) : null;
  const result = await sendSubscriptionUpdate(
    { subscriptionId: sub.id, kind: "PAUSE", cancelAttemptId: input.attemptId ?? null, pauseCycles: input.cycles, resumeAt },
    { client: deps.client, now, locale },
  );
  if (!result.ok) return result;
  if (result.status === "UNKNOWN") return { ok: true, confirming: true, message: t("retention.confirming.pause") };
  const plan = sub.product.name;
  const message = resumeAt ? t("retention.outcome.pausedUntil", { plan, date: formatDate(resumeAt, locale) }) : t("retention.outcome.pausedOpen", { plan });
  return { ok: true, confirming: false, message };
}

/** Resume now: billing and access restart; Dodo moves the next billing date by the pause's length. */
export async function resume(input: { customerId: string; subscriptionId: string }, deps: Deps = {}): Promise<Message | RetentionFailure> {
  const locale = localeOf(deps);
  const t = translator(locale);
  const sub = await ownSubscription(input.customerId, input.subscriptionId);
  if (!sub) return notFound(t);
  if (sub.status !== "PAUSED") return retentionFailure("nothing_to_do", t("retention.refused.notPaused"));
  const result = await sendSubscriptionUpdate({ subscriptionId: sub.id, kind: "RESUME" }, { client: deps.client, now: deps.now?.(), locale });
  if (!result.ok) return result;
  if (result.status === "UNKNOWN") return { ok: true, confirming: true, message: t("retention.confirming.resume") };
  const fresh = await db.subscription.findUniqueOrThrow({ where: { id: sub.id } });
  return { ok: true, confirming: false, message: t("retention.outcome.resumed", { plan: sub.product.name, date: formatDate(fresh.nextBillingDate, locale) }) };
}

/** "Keep my subscription" after cancelling: undoes the scheduled cancellation before its date. */
export async function undoCancel(input: { customerId: string; subscriptionId: string }, deps: Deps = {}): Promise<Message | RetentionFailure> {
  const locale = localeOf(deps);
  const t = translator(locale);
  const sub = await ownSubscription(input.customerId, input.subscriptionId);
  if (!sub) return notFound(t);
  if (!sub.cancelAtNextBillingDate || sub.status !== "ACTIVE") return retentionFailure("nothing_to_do", t("retention.refused.nothingToUndo"));
  const result = await sendSubscriptionUpdate({ subscriptionId: sub.id, kind: "UNDO_CANCEL" }, { client: deps.client, now: deps.now?.(), locale });
  if (!result.ok) return result;
  if (result.status === "UNKNOWN") return { ok: true, confirming: true, message: t("retention.confirming.undoCancel") };
  return { ok: true, confirming: false, message: t("retention.outcome.undone", { date: formatDate(sub.nextBillingDate, locale) }) };
}
