import "server-only";
import type DodoPayments from "dodopayments";
import type { CheckoutSessionBillingAddress } from "dodopayments/resources/checkout-sessions";
import type { Currency } from "dodopayments/resources/misc";
import { db } from "@/lib/db/client";
import { inTransaction } from "@/lib/db/tx";
import { CHARGE_OPTIONS, dodo, QUICK_READ_OPTIONS } from "@/lib/dodo/client";
import { classifyDodoError } from "@/lib/dodo/errors";
import { encoreMetadata } from "@/lib/dodo/metadata";
import type { Result } from "@/lib/result";
import type { ChargeAttempt, OfferImpression } from "@/lib/generated/prisma/client";
import type { OfferKind, ProductKind } from "@/lib/generated/prisma/enums";
import { lockImpression, recordDecision } from "@/lib/offers/decide";
import { offerQuantity } from "@/lib/offers/rules";
import { maxUnits } from "@/lib/offers/bundle";
import { syncPayment } from "@/lib/sync/sync";
import { claimPendingAttempt, recordChargeFailure, recordSubmitted } from "./charge-attempt";
import { attemptView } from "./attempt-view";
import { oneClickReturnUrl } from "./bank-return";
import type { ChargeView } from "./outcome";
import { logger } from "@/lib/log";

const log = logger("one-click");

export type ChargeDeps = { client?: DodoPayments; now?: () => Date; sync?: (paymentId: string) => Promise<unknown> };

export type AcceptResult = Result<{ charge: ChargeView }, "not_found" | "already_decided" | "expired" | "needs_checkout" | "needs_preview" | "unavailable" | "invalid_quantity">;

const NOT_FOUND = { ok: false, code: "not_found", message: "This offer is not available." } as const;
const BAD_QUANTITY = { ok: false, code: "invalid_quantity", message: "Choose how many you want from the list. Nothing was charged." } as const;
const UNPRICEABLE = { ok: false, code: "unavailable", message: "This offer is no longer available. Nothing was charged." } as const;
const NEEDS_PREVIEW = { ok: false, code: "needs_preview", message: "Please review the new price first." } as const;
// A page waits on the charge: fail fast rather than hang, and never retry (Dodo has no idempotency keys).
const ONE_CLICK_OPTIONS = { ...CHARGE_OPTIONS, timeout: 15_000 } as const;

/**
 * `billing_currency` for a price shown in a currency other than the product's base: Dodo then
 * resolves the product's Localized Pricing rule for it (docs: localized-pricing, "How it applies at
 * checkout"), which is the price the impression froze.
 */
export function localCurrency(shown: string, base: string): { billing_currency?: Currency } {
  return shown.toUpperCase() === base.toUpperCase() ? {} : { billing_currency: shown.toUpperCase() as Currency };
}

/** The cart of an offer's payment: its product in the units chosen, then a bundle's other products, one each. */
export function offerCart(productId: string, bundleProductIds: readonly string[], quantity: number): { product_id: string; quantity: number }[] {
  return [{ product_id: productId, quantity }, ...bundleProductIds.map((id) => ({ product_id: id, quantity: 1 }))];
}

type ConfirmAddress = { billing_address: CheckoutSessionBillingAddress; minimal_address?: true };

/**
 * With `confirm: true` Dodo requires every billing-address field, or only country and zipcode when
 * `minimal_address: true` is sent (checkout-session docs; SDK `minimal_address`). A hosted checkout
 * often records just country and zip, so that is what we then send, flagged as minimal.
 */
export function confirmAddress(billing: CheckoutSessionBillingAddress): ConfirmAddress | null {
  const field = (value: string | null | undefined) => (value?.trim() ? value.trim() : null);
  const [street, city, state, zipcode] = [field(billing.street), field(billing.city), field(billing.state), field(billing.zipcode)];
  if (!billing.country || !zipcode) return null;
  if (street && city && state) return { billing_address: { country: billing.country, state, city, street, zipcode } };
  return { billing_address: { country: billing.country, zipcode }, minimal_address: true };
}

/**
 * Where one-click sends the billing address Dodo requires with `confirm: true`: the address of
 * the customer's latest purchase (the funnel's own when there is one), `paymentId`, found by
 * impressionToCharge.
 */
async function billingAddressFor(paymentId: string | null, client: DodoPayments): Promise<ConfirmAddress | null> {
  if (!paymentId) return null;
  try {
    const { billing } = await client.payments.retrieve(paymentId, QUICK_READ_OPTIONS);
    return confirmAddress(billing);
  } catch (err) {
    log.error({ err }, "could not read the billing address");
    return null;
  }
}

type Claim = { kind: "existing"; attempt: ChargeAttempt } | { kind: "new"; attempt: ChargeAttempt } | { kind: "refused"; result: AcceptResult };

/** An impression with whether it was answered or charged already. */
type ClaimRow = OfferImpression & { decided: boolean; attemptId: string | null };

/**
 * Why this impression cannot be charged now (null: it can), attempts aside. `expired` asks the
 * caller to record the EXPIRED decision, under the impression's lock.
 */
function refusalOf(imp: ClaimRow, customerId: string, now: Date): { result: AcceptResult; expired?: true } | null {
  if (imp.customerId !== customerId || imp.holdout || !imp.offerId) return { result: NOT_FOUND };
  if (imp.decided) return { result: { ok: false, code: "already_decided", message: "You already answered this offer." } };
  if (imp.expiresAt <= now) return { result: { ok: false, code: "expired", message: "This offer has expired." }, expired: true };
  // A discounted price without its Dodo code would be charged at list price: never charge it.
  if (imp.priceAmount !== imp.listPriceAmount && !imp.discountCode) return { result: UNPRICEABLE };
  if (!imp.paymentMethodId) return { result: { ok: false, code: "needs_checkout", message: "This offer needs a card: use secure checkout." } };
  return null;
}

/**
 * Writes the one ChargeAttempt of an impression before Dodo is called. The unique key on
 * impressionId (and the impression lock, shared with decline) means concurrent accepts from any
 * number of tabs, clicks or app instances produce one attempt; the others get the first one back.
 *
 * `read` is the impression as read before the lock. When it was chargeable, the claim is the lock
 * and one guarded insert (claimPendingAttempt re-checks, under the lock, the only state another
 * request can change: a decision or an attempt). Otherwise, or when that guard refused, the
 * impression is read again under the lock to give the answer.
 */
async function claimAttempt(read: ClaimRow, quantity: number, now: Date, customerId: string): Promise<Claim> {
  const pending = { impressionId: read.id, customerId, amount: read.priceAmount * quantity, currency: read.currency, quantity };
  if (!read.attemptId && !refusalOf(read, customerId, now)) {
    const attempt = await inTransaction(async (tx) => {
      await lockImpression(tx, read.id);
      return claimPendingAttempt(tx, pending);
    });
    if (attempt) return { kind: "new", attempt };
  }
  return inTransaction(async (tx) => {
    await lockImpression(tx, read.id);
    const [imp] = await tx.$queryRaw<ClaimRow[]>`
      SELECT i.*, (d."id" IS NOT NULL) AS "decided", a."id" AS "attemptId"
      FROM "OfferImpression" i
      LEFT JOIN "OfferDecision" d ON d."impressionId" = i."id"
      LEFT JOIN "ChargeAttempt" a ON a."impressionId" = i."id"
      WHERE i."id" = ${read.id}`;
    if (!imp || imp.customerId !== customerId || imp.holdout || !imp.offerId) return { kind: "refused", result: NOT_FOUND };
    if (imp.attemptId) return { kind: "existing", attempt: await tx.chargeAttempt.findUniqueOrThrow({ where: { id: imp.attemptId } }) };
    const refusal = refusalOf(imp, customerId, now);
    if (refusal?.expired) await recordDecision(tx, imp.id, "EXPIRED", "window_closed", now);
    if (refusal) return { kind: "refused", result: refusal.result };
    // Under the lock, with neither a decision nor an attempt: the guarded insert writes it.
    const attempt = await claimPendingAttempt(tx, pending);
    if (!attempt) throw new Error(`impression ${imp.id} was answered while its lock was held`);
    return { kind: "new", attempt };
  });
}

/**
 * The impression with what the charge needs, in one statement (Prisma's include would be one
 * query per relation): its offer and product, the funnel's order, the customer's Dodo id, whether
 * it was answered or charged, and the payment whose billing address the charge sends (the
 * funnel's order, else the customer's latest successful payment).
 */
async function impressionToCharge(impressionId: string) {
  const [imp] = await db.$queryRaw<(ClaimRow & {
    offeredProductId: string | null; offerKind: OfferKind | null; maxQuantity: number | null; productKind: ProductKind | null; productCurrency: string | null;
    dodoCustomerId: string; billingPaymentId: string | null;
  })[]>`
    SELECT i.*, o."offeredProductId", o."kind"::text AS "offerKind", o."maxQuantity", p."kind"::text AS "productKind", p."currency" AS "productCurrency",
           c."dodoCustomerId", (d."id" IS NOT NULL) AS "decided", a."id" AS "attemptId",
           COALESCE(s."originPaymentId", (
             SELECT lp."id" FROM "Payment" lp WHERE lp."customerId" = i."customerId" AND lp."status" = 'SUCCEEDED' ORDER BY lp."dodoCreatedAt" DESC LIMIT 1
           )) AS "billingPaymentId"
    FROM "OfferImpression" i
    JOIN "Customer" c ON c."id" = i."customerId"
    LEFT JOIN "Offer" o ON o."id" = i."offerId"
    LEFT JOIN "Product" p ON p."id" = o."offeredProductId"
    LEFT JOIN "FunnelSession" s ON s."id" = i."funnelSessionId"
    LEFT JOIN "OfferDecision" d ON d."impressionId" = i."id"
    LEFT JOIN "ChargeAttempt" a ON a."impressionId" = i."id"
    WHERE i."id" = ${impressionId}`;
  return imp ?? null;
}

/** The customer pressed "Accept — one click". Charges the card frozen on the impression, once, for the units chosen. */
export async function acceptOffer(input: { impressionId: string; customerId: string; quantity?: number }, deps: ChargeDeps = {}): Promise<AcceptResult> {
  const client = deps.client ?? dodo();
  const now = deps.now?.() ?? new Date();
  const imp = await impressionToCharge(input.impressionId);
  if (!imp || imp.customerId !== input.customerId || !imp.offeredProductId || !imp.productKind || !imp.productCurrency) return NOT_FOUND;
  // A moment's upgrade offer changes the customer's plan at the price Dodo previewed (confirmed
  // through change-plan, lib/moments/prompt.ts), never as a one-click charge.
  if (imp.offerKind === "UPGRADE" && imp.momentId) return NEEDS_PREVIEW;
  if (imp.attemptId) return { ok: true, charge: await refreshedView(await db.chargeAttempt.findUniqueOrThrow({ where: { id: imp.attemptId } }), deps) };
  const quantity = offerQuantity(input.quantity, maxUnits(imp.productKind, imp.maxQuantity ?? 1, imp.bundleProductIds));
  if (quantity === null) return BAD_QUANTITY;

  const billing = await billingAddressFor(imp.billingPaymentId, client);
  if (!billing) return { ok: false, code: "unavailable", message: "We could not charge you right now. Nothing was taken from your card." };

  const claim = await claimAttempt(imp, quantity, now, input.customerId);
  if (claim.kind === "refused") return claim.result;
  if (claim.kind === "existing") return { ok: true, charge: await refreshedView(claim.attempt, deps) };

  const attempt = claim.attempt;
  let submitted: Awaited<ReturnType<typeof recordSubmitted>> | null = null;
  try {
    const session = await client.checkoutSessions.create(
      {
        // The impression's discount code makes Dodo charge exactly the price shown (priceAmount);
        // a bundle is one payment with a line for each of its products, as the impression froze them.
        product_cart: offerCart(imp.offeredProductId, imp.bundleProductIds, attempt.quantity),
        ...(imp.discountCode ? { discount_codes: [imp.discountCode] } : {}),
        // Shown in another currency than the product's base: Dodo charges its localized price in it.
        ...localCurrency(imp.currency, imp.productCurrency),
        customer: { customer_id: imp.dodoCustomerId },
        payment_method_id: imp.paymentMethodId!,
        confirm: true,
        ...billing,
        // Where Dodo sends the customer after a 3-D Secure step: back into this funnel, or to the
        // in-app offer's own outcome page (lib/checkout/bank-return.ts).
        return_url: oneClickReturnUrl(imp, now),
        feature_flags: { redirect_immediately: true },
        metadata: encoreMetadata({ impressionId: imp.id, chargeAttemptId: attempt.id }),
      },
      ONE_CLICK_OPTIONS,
    );
    submitted = await recordSubmitted(attempt.id, { sessionId: session.session_id, paymentId: session.payment_id ?? null });
  } catch (err) {
    // Refused (nothing charged) or unknown (it may have been): never retried either way.
    const failure = classifyDodoError(err);
    if (failure.kind === "unknown") log.error({ err }, "charge outcome unknown");
    await recordChargeFailure(attempt, failure, now);
  }
  // The answer is the attempt as recorded: Dodo has just taken the charge, so its payment is
  // still processing (or waiting on the bank). Converging on it waits: the page's first status
  // poll (chargeStatus, under a second later) syncs it, and so do the payment's webhook and the
  // worker's reconcile tick (reconcile.resync-recent: any payment Dodo made that we hold no copy
  // of) if the customer has gone. A sync here was half of the accept's statements.
  // Recording the submission read its payment along: the view reads nothing more.
  if (submitted) return { ok: true, charge: await attemptView(submitted.attempt, now, submitted.payment) };
  return { ok: true, charge: await attemptView(await db.chargeAttempt.findUniqueOrThrow({ where: { id: attempt.id } }), now) };
}

/**
 * The attempt as the customer should see it, pulling Dodo's latest state while it is in flight
 * (processing, or waiting on the customer's bank). An UNKNOWN one is left to the resolver job:
 * without a payment id there is nothing to read, and the page shows "confirming" meanwhile.
 */
async function refreshedView(attempt: ChargeAttempt, deps: ChargeDeps): Promise<ChargeView> {
  const now = deps.now?.() ?? new Date();
  if (attempt.status !== "SUBMITTED" || !attempt.dodoPaymentId) return attemptView(attempt, now);
  try {
    await (deps.sync ?? ((id: string) => syncPayment(id, deps.client ? { dodo: deps.client } : {})))(attempt.dodoPaymentId);
  } catch (err) {
    log.error({ err }, "sync after charge failed");
  }
  return attemptView(await db.chargeAttempt.findUniqueOrThrow({ where: { id: attempt.id } }), now);
}

/** Polled by the page while a charge is in flight; reads Dodo's payment, never charges. */
export async function chargeStatus(input: { impressionId: string; customerId: string }, deps: ChargeDeps = {}): Promise<ChargeView | null> {
  const attempt = await db.chargeAttempt.findUnique({ where: { impressionId: input.impressionId } });
  if (!attempt || attempt.customerId !== input.customerId) return null;
  return refreshedView(attempt, deps);
}
