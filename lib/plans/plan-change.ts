import "server-only";
import { db, type Db } from "@/lib/db/client";
import { inTransaction, type Tx } from "@/lib/db/tx";
import type { Payment, PlanChange, Prisma, Subscription } from "@/lib/generated/prisma/client";
import type { PlanChangeStatus } from "@/lib/generated/prisma/enums";
import { enqueue } from "@/lib/jobs/queue";
import { settleDecisionFromPlanChange } from "@/lib/offers/decide";
import { emitPlanChange } from "@/lib/outbound/payloads";
import { settledOutcome } from "@/lib/sync/rules";

// The PlanChange lifecycle: every write of a PlanChange row is one of these transitions, and each
// is a compare-and-set on the status it leaves, so a webhook, a sync and the customer's own
// request may race without undoing one another.
//
//   QUOTED ─ confirm ─▶ SUBMITTED ─ Dodo answered, scheduled ─▶ SCHEDULED ─ keep plan ─▶ CANCELLED
//     │                   │ └─ no answer (timeout, 408, 5xx) ─▶ UNKNOWN
//     │                   └─ Dodo refused ─▶ FAILED
//     ├─ numbers moved ─▶ CANCELLED (QUOTE_CHANGED)      ├─ Dodo refused the re-preview ─▶ FAILED
//   SUBMITTED | UNKNOWN (| QUOTED) — what Dodo then reports settles it (settlePlanChangeFromPayment, settlePlanChangesFromSubscription):
//     payment succeeded, or subscription on the new plan ─▶ APPLIED
//     payment failed with prevent_change ─▶ FAILED (apply_change: the plan changed regardless)
//     subscription holds it as scheduled_change ─▶ SCHEDULED
//     UNKNOWN, and its payment is found still open ─▶ SUBMITTED (Dodo has it)
//   UNKNOWN ─ the resolver job saw the subscription unchanged and no payment of it at Dodo through
//     PLAN_CHANGE_SETTLE_SECONDS ─▶ FAILED (NOT_APPLIED): nothing changed, the customer may try again
//
// UNKNOWN is a state, not a failure: the change may have happened. Nothing here guesses; the
// resolver job (lib/plans/resolve-change.ts, queued with the UNKNOWN) or a webhook resolves it from
// Dodo's own objects, found by our id in the payment's metadata or by the subscription's plan.
// Until then it blocks every other change of the subscription, however long that takes.

type Client = Db | Tx;

/**
 * A change Dodo accepted (SUBMITTED, or APPLIED with its charge open) stops blocking others after
 * this (Dodo still answers 409 if it is really pending). An UNKNOWN one blocks until resolved.
 */
export const SUBMITTED_BLOCKS_MS = 10 * 60_000;

/** Our own code: the resolver saw nothing of the change at Dodo through the settle window. */
export const NOT_APPLIED = "NOT_APPLIED";

/** Sent to Dodo and not settled: its outcome is on its way (SUBMITTED) or unknown (UNKNOWN). */
const AWAITING_DODO: PlanChangeStatus[] = ["SUBMITTED", "UNKNOWN"];

export type QuotedChange = Omit<Prisma.PlanChangeUncheckedCreateInput, "status" | "id">;

/**
 * What a change settling means beyond its row, in the transaction that settles it: applied or
 * scheduled is announced to the merchant's app (outbound webhook), and an offer impression the
 * change answers gets its decision (accepted, or failed) — whichever path learned the outcome.
 */
async function announceSettled(tx: Tx, change: { id: string; impressionId: string | null }, status: "APPLIED" | "SCHEDULED" | "FAILED", reason: string | null = null): Promise<void> {
  if (status !== "FAILED") await emitPlanChange(tx, change, status, new Date());
  if (change.impressionId) await settleDecisionFromPlanChange(tx, change.impressionId, status, reason);
}

/**
 * Ties a quote to the offer impression it was shown for, once: the change's outcome will decide
 * that offer. False when the quote already answers another impression.
 */
export async function linkQuoteToImpression(client: Client, changeId: string, impressionId: string): Promise<boolean> {
  const { count } = await client.planChange.updateMany({ where: { id: changeId, OR: [{ impressionId: null }, { impressionId }] }, data: { impressionId } });
  return count === 1;
}

export function createQuotedChange(data: QuotedChange): Promise<PlanChange> {
  return db.planChange.create({ data: { ...data, status: "QUOTED" } });
}

/** QUOTED → CANCELLED: the numbers moved between preview and confirm; a new quote replaces it. */
export async function retireQuote(id: string): Promise<void> {
  await db.planChange.updateMany({ where: { id, status: "QUOTED" }, data: { status: "CANCELLED", errorCode: "QUOTE_CHANGED" } });
}

export type InFlightOptions = {
  /** Leave this change out (the one being claimed). */
  exceptId?: string;
  /** The subscription as the caller shows it (a page), read before this check. */
  shown?: Pick<Subscription, "status">;
};

/** A change in flight with the state of its charge as we hold it (read here once, so a page need not read it again). */
export type InFlightChange = PlanChange & { charge: Pick<Payment, "status" | "paymentLink"> | null };

/**
 * The one definition of "a plan change in flight" for a subscription: UNKNOWN (until resolved), or
 * sent within the last SUBMITTED_BLOCKS_MS and not settled — SUBMITTED, or APPLIED (apply_change)
 * while its charge is still open, since that charge may yet put the subscription on hold (or has
 * failed and the hold has not reached us yet). While
 * one is in flight no other change may be previewed or sent. The newest such change, or null.
 */
export async function changeInFlight(client: Client, subscriptionId: string, now: Date, opts: InFlightOptions = {}): Promise<InFlightChange | null> {
  const { exceptId, shown } = opts;
  const recent = await client.planChange.findMany({
    where: {
      subscriptionId,
      OR: [{ status: "UNKNOWN" }, { status: { in: ["SUBMITTED", "APPLIED"] }, submittedAt: { gt: new Date(now.getTime() - SUBMITTED_BLOCKS_MS) } }],
      ...(exceptId ? { id: { not: exceptId } } : {}),
    },
    orderBy: { submittedAt: "desc" },
  });
  for (const change of recent) {
    const charge = change.dodoPaymentId ? await client.payment.findUnique({ where: { id: change.dodoPaymentId }, select: { status: true, paymentLink: true } }) : null;
    if (AWAITING_DODO.includes(change.status)) return { ...change, charge };
    if (!change.dodoPaymentId) continue;
    const outcome = charge ? settledOutcome(charge.status) : null;
    if (!outcome) return { ...change, charge };
    // apply_change and its charge failed: Dodo puts the subscription on hold, but that reaches us
    // as its own webhook, which may come after the payment's. Until our copy shows the hold the
    // change's consequence is still on its way (the page keeps syncing and says so meanwhile).
    if (outcome === "unpaid" && change.status === "APPLIED" && change.onPaymentFailure === "APPLY_CHANGE") {
      // A page judges by the subscription it shows (`shown`, read before this): had the hold landed
      // in between, a fresh read would end the wait while the page still shows it active, without
      // its notice, and nothing would refresh it again.
      const sub = shown ?? (await client.subscription.findUnique({ where: { id: subscriptionId }, select: { status: true } }));
      if (sub?.status === "ACTIVE") return { ...change, charge };
    }
  }
  return null;
}

export type Claim = "claimed" | "busy" | "taken";

/** QUOTED → SUBMITTED, once, and only if no other change of the subscription is in flight (any instance). */
export async function claimForSubmit(change: Pick<PlanChange, "id" | "subscriptionId">, now: Date): Promise<Claim> {
  return inTransaction(async (tx) => {
    await tx.$queryRaw`SELECT id FROM "Subscription" WHERE id = ${change.subscriptionId} FOR UPDATE`;
    if (await changeInFlight(tx, change.subscriptionId, now, { exceptId: change.id })) return "busy";
    const { count } = await tx.planChange.updateMany({ where: { id: change.id, status: "QUOTED" }, data: { status: "SUBMITTED", submittedAt: now } });
    return count === 1 ? "claimed" : "taken";
  });
}

/** QUOTED or SUBMITTED → FAILED: Dodo refused (a 4xx that says nothing happened). */
export async function markRefused(id: string, from: "QUOTED" | "SUBMITTED", dodoCode: string): Promise<void> {
  await inTransaction(async (tx) => {
    const [moved] = await tx.planChange.updateManyAndReturn({ where: { id, status: from }, data: { status: "FAILED", errorCode: dodoCode }, select: { id: true, impressionId: true } });
    if (moved) await announceSettled(tx, moved, "FAILED", dodoCode);
  });
}

/** The resolver's job key: one pending resolver per plan change. */
export const resolvePlanChangeJobKey = (planChangeId: string) => `plan-change:${planChangeId}`;

/** The resolver's first look: after the webhook has had a moment to arrive. */
const FIRST_CHECK_MS = 2_000;

/**
 * SUBMITTED → UNKNOWN: change-plan got no answer we can read; it may have gone through. The
 * resolver job is queued in the same transaction.
 */
export async function markOutcomeUnknown(id: string, now = new Date()): Promise<void> {
  await inTransaction(async (tx) => {
    const { count } = await tx.planChange.updateMany({ where: { id, status: "SUBMITTED" }, data: { status: "UNKNOWN" } });
    if (count === 1) {
      await enqueue(tx, "plans.resolve-change", { planChangeId: id }, {
        jobKey: resolvePlanChangeJobKey(id),
        jobKeyMode: "preserve_run_at",
        runAt: new Date(now.getTime() + FIRST_CHECK_MS),
      });
    }
  });
}

/** UNKNOWN → FAILED (NOT_APPLIED): Dodo showed nothing of it through the settle window. False if something settled it first. */
export async function concludeNotApplied(id: string): Promise<boolean> {
  return inTransaction(async (tx) => {
    const [moved] = await tx.planChange.updateManyAndReturn({ where: { id, status: "UNKNOWN" }, data: { status: "FAILED", errorCode: NOT_APPLIED }, select: { id: true, impressionId: true } });
    if (moved) await announceSettled(tx, moved, "FAILED", NOT_APPLIED);
    return moved !== undefined;
  });
}

/** Dodo accepted the call: remember the payment it opened, and a scheduled change is SCHEDULED. */
export async function recordAccepted(id: string, answer: { paymentId: string | null; scheduled: boolean }): Promise<void> {
  if (answer.paymentId) await db.planChange.updateMany({ where: { id, dodoPaymentId: null }, data: { dodoPaymentId: answer.paymentId } });
  if (answer.scheduled) {
    await inTransaction(async (tx) => {
      const [moved] = await tx.planChange.updateManyAndReturn({ where: { id, status: "SUBMITTED" }, data: { status: "SCHEDULED" }, select: { id: true, impressionId: true } });
      if (moved) await announceSettled(tx, moved, "SCHEDULED");
    });
  }
}

/** SCHEDULED → CANCELLED for a subscription whose scheduled change Dodo no longer holds. */
export async function cancelScheduledChanges(subscriptionId: string): Promise<void> {
  await db.planChange.updateMany({ where: { subscriptionId, status: "SCHEDULED" }, data: { status: "CANCELLED" } });
}

export function hasScheduledChange(subscriptionId: string): Promise<boolean> {
  return db.planChange.count({ where: { subscriptionId, status: "SCHEDULED" } }).then((n) => n > 0);
}

/** The columns settlePlanChangeFromPayment needs (the sync engine reads them with the payment's other links). */
export type PlanChangeLink = Pick<PlanChange, "id" | "status" | "errorCode" | "dodoPaymentId" | "onPaymentFailure" | "impressionId">;

const OPEN: PlanChangeStatus[] = ["QUOTED", ...AWAITING_DODO];

/**
 * What the change's payment (newest stored state) says: paid → APPLIED (Dodo applies a
 * prevent_change change now, and an apply_change one already was); failed or cancelled → the
 * error is kept, and a prevent_change change FAILED (apply_change switches the plan regardless,
 * putting the subscription on hold). Running it again changes nothing.
 */
export async function settlePlanChangeFromPayment(tx: Tx, payment: Payment, change: PlanChangeLink): Promise<void> {
  const open = OPEN.includes(change.status);
  let status = change.status;
  let errorCode = change.errorCode;
  const settled = settledOutcome(payment.status);
  if (settled === "paid") {
    if (open) status = "APPLIED";
    errorCode = null;
  } else if (settled === "unpaid") {
    errorCode = payment.errorCode ?? payment.status.toLowerCase();
    if (open && change.onPaymentFailure === "PREVENT_CHANGE") status = "FAILED";
  } else if (change.status === "UNKNOWN") {
    // Its payment exists and is still open: Dodo took the change, its outcome is on its way.
    status = "SUBMITTED";
  }
  const dodoPaymentId = change.dodoPaymentId ?? payment.id;
  if (status !== change.status || errorCode !== change.errorCode || dodoPaymentId !== change.dodoPaymentId) {
    // `change` was read before this transaction's lock: a subscription sync (under its own lock)
    // may have applied it meanwhile. Only the transaction that moves it to APPLIED announces it.
    const applies = status === "APPLIED" && change.status !== "APPLIED"
      && (await tx.planChange.updateMany({ where: { id: change.id, status: { not: "APPLIED" } }, data: { status: "APPLIED" } })).count === 1;
    const fails = status === "FAILED" && change.status !== "FAILED"
      && (await tx.planChange.updateMany({ where: { id: change.id, status: { in: OPEN } }, data: { status: "FAILED" } })).count === 1;
    await tx.planChange.update({ where: { id: change.id }, data: { status, errorCode, dodoPaymentId } });
    if (applies) await announceSettled(tx, change, "APPLIED");
    if (fails) await announceSettled(tx, change, "FAILED", errorCode);
  }
}

/**
 * What the subscription (newest stored state) says: a change whose target plan it is on now is
 * APPLIED; one Dodo holds as its scheduled change is SCHEDULED; a change of the current plan that
 * sent a discount is APPLIED once the subscription carries that discount. Other same-product
 * (quantity) changes are settled by their payment instead.
 */
export async function settlePlanChangesFromSubscription(tx: Tx, sub: Subscription): Promise<void> {
  const scheduledProductId = (sub.scheduledChange as { productId?: string } | null)?.productId ?? null;
  // One statement that writes only the changes whose status moves (usually none).
  const moved = await tx.$queryRaw<{ id: string; impressionId: string | null; status: "APPLIED" | "SCHEDULED" }[]>`
    UPDATE "PlanChange" SET "updatedAt" = ${new Date()}::timestamp(3),
      "status" = CASE WHEN "toProductId" = ${sub.productId} AND ("toProductId" <> "fromProductId" OR "dodoDiscountId" = ANY(${sub.discountIds}::text[]))
        THEN 'APPLIED'::"PlanChangeStatus" ELSE 'SCHEDULED'::"PlanChangeStatus" END
    WHERE "subscriptionId" = ${sub.id} AND (
      ("status" IN ('SUBMITTED', 'UNKNOWN', 'SCHEDULED') AND "toProductId" <> "fromProductId" AND "toProductId" = ${sub.productId})
      OR ("status" IN ('SUBMITTED', 'UNKNOWN') AND "toProductId" = "fromProductId" AND "toProductId" = ${sub.productId} AND "dodoDiscountId" = ANY(${sub.discountIds}::text[]))
      OR ("status" IN ('SUBMITTED', 'UNKNOWN') AND "toProductId" = ${scheduledProductId}))
    RETURNING "id", "impressionId", "status"::text AS "status"`;
  for (const change of moved) await announceSettled(tx, change, change.status);
}
