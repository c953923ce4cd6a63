import "server-only";
import DodoPayments from "dodopayments";
import { signToken, verifyToken } from "@/lib/auth/signed-token";
import { db } from "@/lib/db/client";
import { CHARGE_OPTIONS, dodo, SAFE_CALL_OPTIONS } from "@/lib/dodo/client";
import { encoreMetadata } from "@/lib/dodo/metadata";
import { loadEnv } from "@/lib/env";
import type { PlanChange, Prisma } from "@/lib/generated/prisma/client";
import type { PlanChangeOrigin, PlanChangeStatus } from "@/lib/generated/prisma/enums";
import { DEFAULT_LOCALE, type Locale } from "@/lib/i18n/locales";
import { translator } from "@/lib/i18n/translator";
import { formatMoney, money } from "@/lib/money/money";
import { isFailure, type Result, type Success } from "@/lib/result";
import { loadMove, type MoveContext } from "./context";
import { mrrChange } from "./ladder";
import { lockedQuoteFrom, quoteHash, storedQuote, type LockedQuote } from "./locked-quote";
import { changeInFlight, claimForSubmit, createQuotedChange, linkQuoteToImpression, markOutcomeUnknown, markRefused, recordAccepted, retireQuote } from "./plan-change";
import { formatDate, quoteView, type QuoteView } from "./quote-view";
import { refreshFromDodo } from "./refresh";
import { failure, notFound, pendingChange, refusalFrom, unavailable, type PlanFailure } from "./results";
import { changePlanParams, type ChangeTerms, type PlanSelection } from "./terms";
import { logger } from "@/lib/log";

const log = logger("plans");

/** `locale`: the language the customer reads the preview and the outcome in. */
export type PlanDeps = { client?: DodoPayments; now?: () => Date; locale?: Locale };

/** How long a previewed price holds. */
export const QUOTE_TTL_SECONDS = 10 * 60;

type QuoteToken = { id: string; h: string };

/** `quote` is what the plan page shows; `amounts` the same preview in minor units (the server API answers with it). */
export type PreviewResult = Result<{ quote: QuoteView; amounts: LockedQuote; changeId: string }, PlanFailure["code"]>;
export type ConfirmResult =
  | Success<{ status: PlanChangeStatus; message: string; toProductId: string }>
  | (PlanFailure & { quote?: QuoteView; previousChargeNow?: string });

function termsOf(change: PlanChange): ChangeTerms {
  return { prorationMode: change.prorationMode, timing: change.effectiveAt, onPaymentFailure: change.onPaymentFailure };
}

/** Asks Dodo what this exact change would do. Throws Dodo's error for the caller to map. */
async function previewAtDodo(client: DodoPayments, subscriptionId: string, terms: ChangeTerms, selection: PlanSelection): Promise<LockedQuote> {
  const preview = await client.subscriptions.previewChangePlan(subscriptionId, changePlanParams(terms, selection), SAFE_CALL_OPTIONS);
  return lockedQuoteFrom(preview, selection, terms.timing === "NEXT_BILLING_DATE");
}

/** The customer's current quantity and addons, carried over (Dodo drops addons that are not sent). */
async function currentSelection(client: DodoPayments, subscriptionId: string, toProductId: string, discountCodes?: string[]): Promise<PlanSelection> {
  const sub = await client.subscriptions.retrieve(subscriptionId, SAFE_CALL_OPTIONS);
  return { productId: toProductId, quantity: sub.quantity, addons: sub.addons.map((a) => ({ addon_id: a.addon_id, quantity: a.quantity })), ...(discountCodes ? { discountCodes } : {}) };
}

/**
 * Stores the preview as a QUOTED PlanChange and signs a token naming it and its hash. The row also
 * records what the plan-change stats read: ladder, direction, origin and the change in monthly
 * recurring revenue (Dodo's recurring amounts before and after, both pre-tax).
 */
async function recordQuote(
  ctx: Pick<MoveContext, "subscription" | "ladder" | "from" | "to" | "move" | "terms">, quote: LockedQuote, origin: PlanChangeOrigin, now: Date,
  links: { dodoDiscountId?: string | null; impressionId?: string | null } = {}, locale: Locale = DEFAULT_LOCALE,
): Promise<{ view: QuoteView; changeId: string }> {
  const hash = quoteHash(quote);
  const row = await createQuotedChange({
    ladderId: ctx.ladder.id,
    direction: ctx.move.direction === "upgrade" ? "UPGRADE" : "DOWNGRADE",
    origin,
    mrrDeltaAmount: mrrChange(
      { amount: ctx.subscription.recurringAmount, interval: ctx.from.interval, intervalCount: ctx.from.intervalCount },
      { amount: quote.newPlan.recurringAmount, interval: quote.newPlan.interval, intervalCount: quote.newPlan.intervalCount },
    ),
    subscriptionId: ctx.subscription.id,
    fromProductId: ctx.from.productId,
    toProductId: ctx.to.productId,
    prorationMode: ctx.terms.prorationMode,
    effectiveAt: ctx.terms.timing,
    onPaymentFailure: ctx.terms.onPaymentFailure,
    quotedAmount: quote.totalAmount,
    quotedCredits: quote.customerCredits,
    currency: quote.currency,
    quote: quote as unknown as Prisma.InputJsonValue,
    quoteHash: hash,
    dodoDiscountId: links.dodoDiscountId ?? null,
    impressionId: links.impressionId ?? null,
    // The quote's clock: its token expires QUOTE_TTL_SECONDS from here, also when shown again (openQuoteOf).
    createdAt: now,
  });
  return { view: signedView(ctx, quote, row.id, hash, now, locale), changeId: row.id };
}

/** The quote as the customer sees it, with the signed token that confirms it (valid QUOTE_TTL_SECONDS from `quotedAt`). */
function signedView(ctx: Pick<MoveContext, "subscription" | "from" | "to" | "move" | "terms">, quote: LockedQuote, changeId: string, hash: string, quotedAt: Date, locale: Locale): QuoteView {
  const token = signToken<QuoteToken>(loadEnv().SESSION_SECRET, "plan-quote", { id: changeId, h: hash }, QUOTE_TTL_SECONDS, quotedAt.getTime());
  return quoteView({
    token,
    expiresAt: new Date(quotedAt.getTime() + QUOTE_TTL_SECONDS * 1000),
    subscriptionId: ctx.subscription.id,
    quote,
    terms: ctx.terms,
    direction: ctx.move.direction,
    intervalChange: ctx.move.intervalChange,
    fromName: ctx.from.name,
    toName: ctx.to.name,
    toProductId: ctx.to.productId,
    locale,
  });
}

/** A quote shown again keeps at least this long to be confirmed in. */
const REUSE_MARGIN_SECONDS = 5 * 60;

/**
 * The preview an offer impression was last shown with, while it is still a quote with at least
 * REUSE_MARGIN_SECONDS to go and the subscription is still on the plan it was quoted from: the
 * customer's next pages show the same numbers without asking Dodo again. Confirming it re-previews
 * anyway and refuses (nothing charged, new numbers shown) if Dodo's numbers moved meanwhile.
 */
export async function openQuoteOf(input: { customerId: string; impressionId: string; locale?: Locale }, now = new Date()): Promise<{ quote: QuoteView; amounts: LockedQuote; changeId: string } | null> {
  const change = await db.planChange.findFirst({
    where: { impressionId: input.impressionId, status: "QUOTED", createdAt: { gt: new Date(now.getTime() - (QUOTE_TTL_SECONDS - REUSE_MARGIN_SECONDS) * 1000) } },
    orderBy: { createdAt: "desc" },
  });
  if (!change) return null;
  const ctx = await loadMove(input.customerId, change.subscriptionId, change.toProductId, { locale: input.locale });
  if (isFailure(ctx) || ctx.from.productId !== change.fromProductId) return null;
  const amounts = storedQuote(change.quote);
  return { quote: signedView({ ...ctx, terms: termsOf(change) }, amounts, change.id, change.quoteHash, change.createdAt, input.locale ?? DEFAULT_LOCALE), amounts, changeId: change.id };
}

/** A Dodo discount the change carries (`discount_codes`), and terms for a discount on the current plan. */
export type ChangeDiscount = { code: string; discountId: string; samePlanTerms?: ChangeTerms };

/**
 * Step 1: Dodo's preview of moving `subscriptionId` to `productId`, locked into a signed quote.
 * `origin`: where the customer started (the plan page unless said). `discount`: a discounted save
 * offer's code, sent in the preview and again, identically, on confirm. `impressionId`: the UPGRADE
 * offer impression this move answers (checked by the caller), decided by the change's outcome.
 */
export async function previewPlanChange(
  input: { customerId: string; subscriptionId: string; productId: string; origin?: PlanChangeOrigin; discount?: ChangeDiscount; impressionId?: string },
  deps: PlanDeps = {},
): Promise<PreviewResult> {
  const client = deps.client ?? dodo();
  const now = deps.now?.() ?? new Date();
  const t = translator(deps.locale ?? DEFAULT_LOCALE);
  const ctx = await loadMove(input.customerId, input.subscriptionId, input.productId, { samePlanTerms: input.discount?.samePlanTerms, locale: deps.locale });
  if (isFailure(ctx)) return ctx;
  if (await changeInFlight(db, ctx.subscription.id, now)) return pendingChange(t);
  let quote: LockedQuote;
  try {
    const codes = input.discount ? [input.discount.code] : undefined;
    quote = await previewAtDodo(client, ctx.subscription.id, ctx.terms, await currentSelection(client, ctx.subscription.id, ctx.to.productId, codes));
  } catch (err) {
    const refusal = refusalFrom(err, t);
    if (!refusal) log.error({ err }, "preview failed");
    return refusal ? failure(refusal.code, refusal.message) : unavailable(t);
  }
  const recorded = await recordQuote(ctx, quote, input.origin ?? "PLAN_PAGE", now, { dodoDiscountId: input.discount?.discountId ?? null, impressionId: input.impressionId ?? null }, deps.locale);
  return { ok: true, quote: recorded.view, amounts: quote, changeId: recorded.changeId };
}

function successMessage(change: PlanChange, toName: string, locale: Locale = DEFAULT_LOCALE): string {
  const quote = storedQuote(change.quote);
  const t = translator(locale);
  switch (change.status) {
    case "SCHEDULED":
      return t("plans.outcome.scheduled", { plan: toName, date: formatDate(quote.effectiveAt, locale) });
    case "APPLIED":
      return t("plans.outcome.applied", { plan: toName });
    case "UNKNOWN":
      return confirmingMessage(toName, locale);
    default:
      return t("plans.outcome.processing", { plan: toName });
  }
}

/** An unknown outcome is not a failure: it may have gone through, and we are finding out. */
function confirmingMessage(toName: string, locale: Locale = DEFAULT_LOCALE): string {
  const t = translator(locale);
  return t("plans.outcome.confirming", { plan: toName });
}

async function productName(productId: string): Promise<string> {
  return (await db.product.findUnique({ where: { id: productId }, select: { name: true } }))?.name ?? productId;
}

/**
 * The numbers moved between preview and confirm: the old quote is retired, the new numbers become
 * a new quote the customer can confirm, and nothing is sent to Dodo.
 */
async function refuseChanged(change: PlanChange, fresh: LockedQuote, customerId: string, now: Date, locale: Locale): Promise<ConfirmResult> {
  const t = translator(locale);
  await retireQuote(change.id);
  const ctx = await loadMove(customerId, change.subscriptionId, change.toProductId, { samePlanTerms: termsOf(change), locale });
  if (isFailure(ctx)) return ctx;
  const { view } = await recordQuote({ ...ctx, terms: termsOf(change) }, fresh, change.origin, now, { dodoDiscountId: change.dodoDiscountId, impressionId: change.impressionId }, locale);
  const before = formatMoney(money(change.quotedAmount, change.currency), locale);
  const what =
    change.quotedAmount !== fresh.totalAmount ? t("plans.outcome.priceChanged", { before, now: view.chargeNow })
    : change.quotedCredits !== fresh.customerCredits ? t("plans.outcome.creditChanged", { credit: view.credit ? `${view.credit.label.toLowerCase()}: ${view.credit.amount}` : t("plans.outcome.noCredit") })
    : t("plans.outcome.termsChanged", { price: view.newPlan.price, nextBilling: view.newPlan.nextBilling });
  return {
    ...failure("quote_changed", t("plans.outcome.reviewNewNumbers", { what })),
    quote: view,
    previousChargeNow: before,
  };
}

async function alreadyDecided(change: PlanChange, locale: Locale): Promise<ConfirmResult> {
  if (change.status === "FAILED" || change.status === "CANCELLED") {
    const t = translator(locale);
    return failure("quote_used", t("plans.outcome.quoteUsed"));
  }
  return { ok: true, status: change.status, message: successMessage(change, await productName(change.toProductId), locale), toProductId: change.toProductId };
}

/**
 * Step 2: the customer confirms a quote. Re-previews; sends the same change only if nothing moved.
 * `impressionId`: the offer impression the customer answers with it (the quote must be that one's).
 */
export async function confirmPlanChange(input: { customerId: string; token: string; impressionId?: string }, deps: PlanDeps = {}): Promise<ConfirmResult> {
  const client = deps.client ?? dodo();
  const now = deps.now?.() ?? new Date();
  const locale = deps.locale ?? DEFAULT_LOCALE;
  const t = translator(locale);
  const verified = verifyToken<QuoteToken>(loadEnv().SESSION_SECRET, "plan-quote", input.token, now.getTime());
  if (!verified.ok) {
    return verified.reason === "expired" ? failure("quote_expired", t("plans.outcome.quoteExpired")) : notFound(t);
  }
  const change = await db.planChange.findUnique({ where: { id: verified.data.id }, include: { subscription: { select: { customerId: true } } } });
  if (!change || change.subscription.customerId !== input.customerId || change.quoteHash !== verified.data.h) return notFound(t);
  if (input.impressionId && !(await linkQuoteToImpression(db, change.id, input.impressionId))) return notFound(t);
  if (change.status !== "QUOTED") return alreadyDecided(change, locale);

  const locked = storedQuote(change.quote);
  const terms = termsOf(change);
  let fresh: LockedQuote;
  try {
    fresh = await previewAtDodo(client, change.subscriptionId, terms, locked.selection);
  } catch (err) {
    const refusal = refusalFrom(err, t);
    if (!refusal) return unavailable(t);
    await markRefused(change.id, "QUOTED", refusal.dodoCode);
    return failure(refusal.code, refusal.message);
  }
  if (quoteHash(fresh) !== change.quoteHash) return refuseChanged(change, fresh, input.customerId, now, locale);

  const claimed = await claimForSubmit(change, now);
  if (claimed === "busy") return pendingChange(t);
  if (claimed === "taken") return alreadyDecided(await db.planChange.findUniqueOrThrow({ where: { id: change.id } }), locale);

  let paymentId: string | null = null;
  try {
    const params = { ...changePlanParams(terms, locked.selection), metadata: encoreMetadata({ planChangeId: change.id }) };
    const result = await client.subscriptions.changePlan(change.subscriptionId, params, CHARGE_OPTIONS);
    paymentId = result.payment_id ?? null;
  } catch (err) {
    const refusal = refusalFrom(err, t);
    if (refusal) {
      await markRefused(change.id, "SUBMITTED", refusal.dodoCode);
      return failure(refusal.code, refusal.message);
    }
    // No answer we can read (timeout, 408, 5xx): it may have gone through. UNKNOWN until a
    // webhook, a sync or the resolver job (queued with it) settles it; never send it again.
    log.error({ err }, "change-plan outcome unknown");
    await markOutcomeUnknown(change.id, now);
    return { ok: true, status: "UNKNOWN", message: confirmingMessage(await productName(change.toProductId), locale), toProductId: change.toProductId };
  }
  await recordAccepted(change.id, { paymentId, scheduled: locked.scheduled });
  await refreshFromDodo({ subscriptionId: change.subscriptionId, paymentId }, client);
  const latest = await db.planChange.findUniqueOrThrow({ where: { id: change.id } });
  return { ok: true, status: latest.status, message: successMessage(latest, await productName(latest.toProductId), locale), toProductId: latest.toProductId };
}

