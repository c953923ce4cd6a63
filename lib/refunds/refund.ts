import "server-only";
// Refunding an offer purchase from the console through Dodo's refunds API (refunds.create,
// dodo-api.md §5): full (no items: Dodo refunds the whole refundable remainder) or partial (one
// item with an amount), always with a reason. Sent once (maxRetries: 0; Dodo has no idempotency
// keys). A refusal is shown; a timeout or 5xx is UNKNOWN, recorded with the payment's refunds as
// they stood, and resolved by the worker (refunds.resolve) from what Dodo then lists — never resent.
//
// A bundle (lib/offers/bundle.ts) is one payment with a cart line per product. The form refunds the
// whole payment's refundable amount; a partial refund is spread over the lines (refundItems).
// What a refund takes away follows the existing whole-payment rule for every offer purchase
// (paymentEntitlementStatus in lib/entitlements/rules.ts, over refundTotals in lib/sync/rules.ts):
// a full refund revokes everything the payment granted — every product of a bundle — and a
// partial one revokes nothing, whichever lines it was spread over. Dodo's Refund says only
// is_partial and an amount, never which items it covered (dodo-api.md §5, SDK Refund), so the
// webhook that settles it could not revoke per product anyway.
import type DodoPayments from "dodopayments";
import { db } from "@/lib/db/client";
import { lock } from "@/lib/db/lock";
import { inTransaction } from "@/lib/db/tx";
import { CHARGE_OPTIONS, dodo } from "@/lib/dodo/client";
import { classifyDodoError } from "@/lib/dodo/errors";
import { enqueue } from "@/lib/jobs/queue";
import { logger } from "@/lib/log";
import { majorToMinor } from "@/lib/money/amounts";
import { formatMoney, money } from "@/lib/money/money";
import { DEFAULT_LOCALE, type Locale } from "@/lib/i18n/locales";
import { translator } from "@/lib/i18n/translator";
import { refundStatusLabel } from "./labels";
import { fail, invalid, invalidFields, ok, type Result } from "@/lib/result";
import { cartProductIds, GONE_PRODUCT_NAME } from "@/lib/catalog/cart";
import { bundleLineup } from "@/lib/offers/bundle";
import { syncPayment } from "@/lib/sync/sync";
import { refundSchema } from "./refund-schema";

const log = logger("refunds");

/** How long an unanswered refund is looked for at Dodo before it counts as not made. */
export const REFUND_SETTLE_MS = 10 * 60_000;

/** What is left to refund: paid minus refunded, minus refunds Dodo is still processing. */
export function refundableOf(payment: { totalAmount: number; refunds: readonly { amount: number; status: string }[] }): number {
  const taken = payment.refunds.filter((r) => r.status !== "failed").reduce((s, r) => s + r.amount, 0);
  return Math.max(0, payment.totalAmount - taken);
}

export type RefundLine = { itemId: string; refundable: number };
export type RefundItem = { item_id: string; amount: number };

/**
 * The items a partial refund of `amount` names at Dodo: Dodo refunds part of a payment per line
 * item, each at most what is left of that line ("Partially Refund an Individual Item", SDK
 * refunds.create; LINE_ITEM_REFUND_AMOUNT_TOO_HIGH otherwise, sandbox/domain/refunds.ts). The lines
 * are filled in cart order — a bundle's offered product first — each up to what is left of it.
 * Null when the lines hold less than `amount` (the payment changed at Dodo since it was read).
 */
export function refundItems(amount: number, lines: readonly RefundLine[]): RefundItem[] | null {
  const items: RefundItem[] = [];
  let left = amount;
  for (const line of lines) {
    if (left <= 0) break;
    const take = Math.min(left, Math.max(0, line.refundable));
    if (take > 0) items.push({ item_id: line.itemId, amount: take });
    left -= take;
  }
  return left > 0 ? null : items;
}

/** Dodo's line items of the payment with what is left to refund of each, in cart order; null when Dodo can't be read. */
async function refundableLines(client: DodoPayments, paymentId: string): Promise<RefundLine[] | null> {
  try {
    const { items } = await client.payments.retrieveLineItems(paymentId);
    return items.map((i) => ({ itemId: i.items_id, refundable: i.refundable_amount }));
  } catch (err) {
    log.warn({ err, paymentId }, "payment line items unreadable; refund not sent");
    return null;
  }
}

export type RefundOutcome = { status: "MADE" | "UNKNOWN"; message: string };

/** Refunds an offer purchase through Dodo; every answer is worded in `locale` (the console's language). */
export async function refundOfferPurchase(raw: unknown, client: DodoPayments = dodo(), { locale = DEFAULT_LOCALE }: { locale?: Locale } = {}): Promise<Result<RefundOutcome>> {
  const t = translator(locale);
  const parsed = refundSchema.safeParse(raw);
  if (!parsed.success) return invalid(parsed.error);
  const input = parsed.data;
  const payment = await db.payment.findUnique({ where: { id: input.paymentId }, include: { refunds: { select: { id: true, amount: true, status: true } } } });
  if (!payment || !payment.impressionId || payment.status !== "SUCCEEDED") return fail("not_found", t("console.refunds.notAPurchase"));
  const refundable = refundableOf(payment);
  if (refundable <= 0) return fail("nothing_left", t("console.refunds.nothingLeft"));
  const amount = input.amount === null ? refundable : majorToMinor(input.amount, payment.currency);
  if (amount === null) return invalidFields({ amount: [t("console.refunds.tooManyDecimals", { currency: payment.currency })] });
  if (amount <= 0) return invalidFields({ amount: [t("console.refunds.aboveZero")] });
  if (amount > refundable) return invalidFields({ amount: [t("console.refunds.atMost", { amount: formatMoney(money(refundable, payment.currency), locale) })] });
  const partial = amount < refundable;
  const productIds = [...new Set(cartProductIds(payment.productCart))];
  if (partial && productIds.length === 0) return fail("partial_unavailable", t("console.refunds.partialUnavailable"));
  // One product: its line holds the whole payment. Several (a bundle): as Dodo says is left of each line.
  const lines = !partial ? [] : productIds.length === 1 ? [{ itemId: productIds[0]!, refundable: amount }] : await refundableLines(client, payment.id);
  if (!lines) return fail("unavailable", t("console.refunds.unreachable"));
  const items = partial ? refundItems(amount, lines) : null;
  if (partial && !items) return fail("changed", t("console.refunds.changed"));

  // One request in flight per payment: Dodo processes one pending refund at a time, and an
  // unanswered one must be resolved before anything else is sent.
  const claim = await inTransaction(async (tx) => {
    await lock(tx, "refund", payment.id);
    const open = await tx.refundRequest.findFirst({ where: { paymentId: payment.id, status: { in: ["SUBMITTED", "UNKNOWN"] } }, select: { id: true } });
    if (open) return null;
    return tx.refundRequest.create({ data: { paymentId: payment.id, amount, currency: payment.currency, partial, reason: input.reason, knownRefundIds: payment.refunds.map((r) => r.id) } });
  });
  if (!claim) return fail("in_flight", t("console.refunds.inFlight"));

  try {
    const refund = await client.refunds.create(
      { payment_id: payment.id, reason: input.reason, ...(items ? { items } : {}), metadata: { encore_refund_request: claim.id } },
      CHARGE_OPTIONS,
    );
    await db.refundRequest.update({ where: { id: claim.id }, data: { status: "MADE", dodoRefundId: refund.refund_id } });
    await syncPayment(payment.id, { dodo: client }).catch((err) => log.warn({ err, paymentId: payment.id }, "refund made; payment sync deferred to its webhook"));
    return ok({ status: "MADE", message: t("console.refunds.made", { amount: formatMoney(money(amount, payment.currency), locale), status: refundStatusLabel(refund.status, locale) }) });
  } catch (err) {
    const failure = classifyDodoError(err);
    if (failure.kind === "refused") {
      await db.refundRequest.update({ where: { id: claim.id }, data: { status: "REFUSED", errorCode: failure.code } });
      return fail("refused", t("console.refunds.refused", { reason: failure.message }));
    }
    await inTransaction(async (tx) => {
      await tx.refundRequest.update({ where: { id: claim.id }, data: { status: "UNKNOWN", errorCode: failure.cause } });
      await enqueue(tx, "refunds.resolve", { refundRequestId: claim.id }, { jobKey: `refund:${claim.id}`, runAt: new Date(Date.now() + 15_000) });
    });
    log.warn({ paymentId: payment.id, refundRequestId: claim.id, cause: failure.cause }, "refund outcome unknown");
    return ok({ status: "UNKNOWN", message: t("console.refunds.unknown") });
  }
}

export type ResolveOutcome = { kind: "made"; refundId: string } | { kind: "not_made" } | { kind: "waiting"; until: Date } | { kind: "settled" };

/** The worker's answer for an UNKNOWN refund: a refund of the payment Dodo lists now that it did not before is this one. */
export async function resolveRefundRequest(id: string, now = new Date()): Promise<ResolveOutcome> {
  const request = await db.refundRequest.findUnique({ where: { id } });
  if (!request || request.status !== "UNKNOWN") return { kind: "settled" };
  const payment = await syncPayment(request.paymentId);
  const refunds = await db.refund.findMany({ where: { paymentId: payment.id }, orderBy: { dodoCreatedAt: "asc" }, select: { id: true } });
  const fresh = refunds.find((r) => !request.knownRefundIds.includes(r.id));
  if (fresh) {
    await db.refundRequest.updateMany({ where: { id, status: "UNKNOWN" }, data: { status: "MADE", dodoRefundId: fresh.id } });
    return { kind: "made", refundId: fresh.id };
  }
  const until = new Date(request.submittedAt.getTime() + REFUND_SETTLE_MS);
  if (now < until) return { kind: "waiting", until };
  await db.refundRequest.updateMany({ where: { id, status: "UNKNOWN" }, data: { status: "NOT_MADE" } });
  return { kind: "not_made" };
}

/**
 * Recent offer purchases with what is left to refund (of the whole payment) and their refund
 * requests, for the console; `bundle` names every product of a bundle as its payment's cart holds
 * them (the offered one first), empty for a single product.
 */
export async function offerPurchases(take = 50) {
  const payments = await db.payment.findMany({
    where: { impressionId: { not: null }, status: "SUCCEEDED" },
    orderBy: { dodoCreatedAt: "desc" },
    take,
    include: { customer: { select: { email: true } }, impression: { select: { bundleProductIds: true, offer: { select: { name: true } } } }, refunds: { orderBy: { dodoCreatedAt: "asc" } }, disputes: true },
  });
  const [requests, products] = await Promise.all([
    db.refundRequest.findMany({ where: { paymentId: { in: payments.map((p) => p.id) } }, orderBy: { submittedAt: "desc" } }),
    db.product.findMany({ where: { id: { in: payments.flatMap((p) => (p.impression?.bundleProductIds.length ? cartProductIds(p.productCart) : [])) } }, select: { id: true, name: true } }),
  ]);
  const nameOf = new Map(products.map((p) => [p.id, p.name]));
  return payments.map((p) => {
    const [offered, ...extras] = p.impression?.bundleProductIds.length ? cartProductIds(p.productCart).map((id) => nameOf.get(id) ?? GONE_PRODUCT_NAME) : [];
    return { ...p, refundable: refundableOf(p), bundle: offered ? bundleLineup(offered, extras) : [], requests: requests.filter((r) => r.paymentId === p.id) };
  });
}
