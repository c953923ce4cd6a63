import "server-only";
// Refunding an offer purchase from the console through Dodo's refunds API (refunds.create,
// dodo-api.md §5): full (no items: Dodo refunds the whole refundable remainder) or partial (one
// item with an amount), always with a reason. Sent once (maxRetries: 0; Dodo has no idempotency
// keys). A refusal is shown; a timeout or 5xx is UNKNOWN, recorded with the payment's refunds as
// they stood, and resolved by the worker (refunds.resolve) from what Dodo then lists — never resent.
import { db } from "@/lib/db/client";
import { lock } from "@/lib/db/lock";
import { inTransaction } from "@/lib/db/tx";
import { CHARGE_OPTIONS, dodo } from "@/lib/dodo/client";
import { classifyDodoError } from "@/lib/dodo/errors";
import { enqueue } from "@/lib/jobs/queue";
import { logger } from "@/lib/log";
import { majorToMinor } from "@/lib/money/amounts";
import { formatMoney, money } from "@/lib/money/money";
import { fail, invalid, invalidFields, ok, type Result } from "@/lib/result";
import { cartProductIds } from "@/lib/catalog/cart";
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

export type RefundOutcome = { status: "MADE" | "UNKNOWN"; message: string };

export async function refundOfferPurchase(raw: unknown): Promise<Result<RefundOutcome>> {
  const parsed = refundSchema.safeParse(raw);
  if (!parsed.success) return invalid(parsed.error);
  const input = parsed.data;
  const payment = await db.payment.findUnique({ where: { id: input.paymentId }, include: { refunds: { select: { id: true, amount: true, status: true } } } });
  if (!payment || !payment.impressionId || payment.status !== "SUCCEEDED") return fail("not_found", "This is not a paid offer purchase.");
  const refundable = refundableOf(payment);
  if (refundable <= 0) return fail("nothing_left", "This purchase has been refunded in full.");
  const amount = input.amount === null ? refundable : majorToMinor(input.amount, payment.currency);
  if (amount === null) return invalidFields({ amount: [`Too many decimals for ${payment.currency}`] });
  if (amount <= 0) return invalidFields({ amount: ["Enter an amount above zero, or leave it blank for a full refund"] });
  if (amount > refundable) return invalidFields({ amount: [`At most ${formatMoney(money(refundable, payment.currency))} is left to refund`] });
  const partial = amount < refundable;
  const productId = cartProductIds(payment.productCart)[0];
  if (partial && !productId) return fail("partial_unavailable", "Dodo refunds part of a payment per item, and this payment lists none: refund it in full.");

  // One request in flight per payment: Dodo processes one pending refund at a time, and an
  // unanswered one must be resolved before anything else is sent.
  const claim = await inTransaction(async (tx) => {
    await lock(tx, "refund", payment.id);
    const open = await tx.refundRequest.findFirst({ where: { paymentId: payment.id, status: { in: ["SUBMITTED", "UNKNOWN"] } }, select: { id: true } });
    if (open) return null;
    return tx.refundRequest.create({ data: { paymentId: payment.id, amount, currency: payment.currency, partial, reason: input.reason, knownRefundIds: payment.refunds.map((r) => r.id) } });
  });
  if (!claim) return fail("in_flight", "A refund of this purchase is still being confirmed with Dodo. Try again once it shows its outcome.");

  try {
    const refund = await dodo().refunds.create(
      { payment_id: payment.id, reason: input.reason, ...(partial ? { items: [{ item_id: productId!, amount }] } : {}), metadata: { encore_refund_request: claim.id } },
      CHARGE_OPTIONS,
    );
    await db.refundRequest.update({ where: { id: claim.id }, data: { status: "MADE", dodoRefundId: refund.refund_id } });
    await syncPayment(payment.id).catch((err) => log.warn({ err, paymentId: payment.id }, "refund made; payment sync deferred to its webhook"));
    return ok({ status: "MADE", message: `Refund of ${formatMoney(money(amount, payment.currency))} sent to Dodo (${refund.status}).` });
  } catch (err) {
    const failure = classifyDodoError(err);
    if (failure.kind === "refused") {
      await db.refundRequest.update({ where: { id: claim.id }, data: { status: "REFUSED", errorCode: failure.code } });
      return fail("refused", `Dodo refused the refund: ${failure.message}`);
    }
    await inTransaction(async (tx) => {
      await tx.refundRequest.update({ where: { id: claim.id }, data: { status: "UNKNOWN", errorCode: failure.cause } });
      await enqueue(tx, "refunds.resolve", { refundRequestId: claim.id }, { jobKey: `refund:${claim.id}`, runAt: new Date(Date.now() + 15_000) });
    });
    log.warn({ paymentId: payment.id, refundRequestId: claim.id, cause: failure.cause }, "refund outcome unknown");
    return ok({ status: "UNKNOWN", message: "Dodo did not answer. The refund may or may not have been made; we are checking with Dodo and will not send it again." });
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

/** Recent offer purchases with what is left to refund and their refund requests, for the console. */
export async function offerPurchases(take = 50) {
  const payments = await db.payment.findMany({
    where: { impressionId: { not: null }, status: "SUCCEEDED" },
    orderBy: { dodoCreatedAt: "desc" },
    take,
    include: { customer: { select: { email: true } }, impression: { select: { offer: { select: { name: true } } } }, refunds: { orderBy: { dodoCreatedAt: "asc" } }, disputes: true },
  });
  const requests = await db.refundRequest.findMany({ where: { paymentId: { in: payments.map((p) => p.id) } }, orderBy: { submittedAt: "desc" } });
  return payments.map((p) => ({ ...p, refundable: refundableOf(p), requests: requests.filter((r) => r.paymentId === p.id) }));
}
