import "server-only";
import type DodoPayments from "dodopayments";
import type { SubscriptionUpdateParams } from "dodopayments/resources/subscriptions";
import { db } from "@/lib/db/client";
import { lock } from "@/lib/db/lock";
import { inTransaction, type Tx } from "@/lib/db/tx";
import { CHARGE_OPTIONS, dodo } from "@/lib/dodo/client";
import { refusalOf } from "@/lib/dodo/errors";
import type { CancelReason, SubscriptionAction, SubscriptionActionKind, SubscriptionActionStatus } from "@/lib/generated/prisma/client";
import { enqueue } from "@/lib/jobs/queue";
import { refreshFromDodo } from "@/lib/plans/refresh";
import { fail, type Failure } from "@/lib/result";
import { reopenSavedAttempt, settleAttemptFromAction } from "./attempt";
import { dodoFeedback } from "./rules";
import { logger } from "@/lib/log";
import { DEFAULT_LOCALE, type Locale } from "@/lib/i18n/locales";
import { translator } from "@/lib/i18n/translator";

const log = logger("retention");

// The SubscriptionAction lifecycle: every pause, resume, cancellation and undo Encore sends to
// Dodo (subscriptions.update) is written before the call and moved once, by compare-and-set:
//
//   SUBMITTED ─ Dodo answered ─▶ DONE
//       │ └─ Dodo refused (4xx) ─▶ REFUSED
//       └─ no answer (timeout, 408, 5xx) ─▶ UNKNOWN ─ worker reads the subscription ─▶ DONE | NOT_APPLIED
//
// Like a plan change, an unanswered update may have happened: it is never sent again blindly. The
// job queued with the UNKNOWN (retention.resolve-action) reads the subscription from Dodo through
// the sync engine and decides from what Dodo holds (rules.actionHolds). Access follows from the
// subscription's own state in lib/sync and lib/entitlements, never from this table.

export type RetentionErrorCode = "not_found" | "busy" | "inactive" | "nothing_to_do" | "rejected" | "unavailable" | "no_offer" | "invalid_input";
export type RetentionFailure = Failure<RetentionErrorCode>;

export const retentionFailure = (code: RetentionErrorCode, message: string): RetentionFailure => fail(code, message);

/** Another action of the subscription is still with Dodo: in the customer's language. */
function busy(locale: Locale): RetentionFailure {
  const t = translator(locale);
  return retentionFailure("busy", t("retention.refused.busy"));
}

/** An action sent and unsettled stops blocking others after this (Dodo then answers for itself). */
export const ACTION_BLOCKS_MS = 10 * 60_000;

/** How long the resolver waits before reading Dodo, so an update still on its way lands first. */
export const RESOLVE_DELAY_MS = 5_000;

const OPEN: SubscriptionActionStatus[] = ["SUBMITTED", "UNKNOWN"];

export type ActionRequest = {
  subscriptionId: string;
  kind: SubscriptionActionKind;
  source?: "customer" | "schedule";
  cancelAttemptId?: string | null;
  reason?: CancelReason | null;
  comment?: string | null;
  pauseCycles?: number | null;
  resumeAt?: Date | null;
};

export type ActionOutcome = { ok: true; status: "DONE" | "UNKNOWN"; action: SubscriptionAction } | RetentionFailure;

/** The update body Dodo documents for each action (SDK SubscriptionUpdateParams). */
export function updateParams(request: Pick<ActionRequest, "kind" | "reason" | "comment">): SubscriptionUpdateParams {
  switch (request.kind) {
    // SDK: paused / active "must be sent alone"; anything else with them is 422.
    case "PAUSE":
      return { status: "paused" };
    case "RESUME":
      return { status: "active" };
    case "CANCEL":
      return {
        cancel_at_next_billing_date: true,
        cancel_reason: "cancelled_by_customer",
        ...(request.reason ? { cancellation_feedback: dodoFeedback(request.reason) } : {}),
        ...(request.comment ? { cancellation_comment: request.comment } : {}),
      };
    case "UNDO_CANCEL":
      return { cancel_at_next_billing_date: false };
  }
}

/** The newest action of the subscription still waiting for Dodo (sent within ACTION_BLOCKS_MS), or null. */
export function actionInFlight(client: Tx | typeof db, subscriptionId: string, now: Date): Promise<SubscriptionAction | null> {
  return client.subscriptionAction.findFirst({
    where: { subscriptionId, status: { in: OPEN }, createdAt: { gt: new Date(now.getTime() - ACTION_BLOCKS_MS) } },
    orderBy: { createdAt: "desc" },
  });
}

/** Writes the action as SUBMITTED unless another one of the subscription is still with Dodo (any instance). */
async function claim(request: ActionRequest, now: Date): Promise<SubscriptionAction | null> {
  return inTransaction(async (tx) => {
    await lock(tx, "subscription-action", request.subscriptionId);
    if (await actionInFlight(tx, request.subscriptionId, now)) return null;
    return tx.subscriptionAction.create({
      data: {
        subscriptionId: request.subscriptionId,
        kind: request.kind,
        source: request.source ?? "customer",
        cancelAttemptId: request.cancelAttemptId ?? null,
        reason: request.reason ?? null,
        comment: request.comment ?? null,
        pauseCycles: request.pauseCycles ?? null,
        resumeAt: request.resumeAt ?? null,
        createdAt: now,
      },
    });
  });
}

/** What follows a confirmed action, in the transaction that records it: the pause's end, the attempt's outcome. */
async function afterDone(tx: Tx, action: SubscriptionAction): Promise<void> {
  if (action.kind === "PAUSE" && action.resumeAt) {
    // One pending resume per subscription; a later pause replaces an earlier pause's job.
    await enqueue(tx, "retention.resume-pause", { subscriptionId: action.subscriptionId, pauseActionId: action.id }, { jobKey: `resume-pause:${action.subscriptionId}`, runAt: action.resumeAt });
  }
  await settleAttemptFromAction(tx, action);
}

/** SUBMITTED | UNKNOWN → DONE, once; the follow-ups run with it. */
export async function markDone(actionId: string): Promise<void> {
  await inTransaction(async (tx) => {
    const { count } = await tx.subscriptionAction.updateMany({ where: { id: actionId, status: { in: OPEN } }, data: { status: "DONE", errorCode: null } });
    if (count === 1) await afterDone(tx, await tx.subscriptionAction.findUniqueOrThrow({ where: { id: actionId } }));
  });
}

/** SUBMITTED → REFUSED, or UNKNOWN → NOT_APPLIED: nothing changed at Dodo; a save that rode on it is open again. */
export async function markNotDone(actionId: string, from: "SUBMITTED" | "UNKNOWN", errorCode: string): Promise<void> {
  await inTransaction(async (tx) => {
    const status = from === "SUBMITTED" ? "REFUSED" : "NOT_APPLIED";
    const { count } = await tx.subscriptionAction.updateMany({ where: { id: actionId, status: from }, data: { status, errorCode } });
    if (count === 1) await reopenSavedAttempt(tx, actionId);
  });
}

/** SUBMITTED → UNKNOWN, with the job that finds out (in the same transaction, so neither exists without the other). */
async function markUnknown(action: SubscriptionAction, now: Date): Promise<void> {
  await inTransaction(async (tx) => {
    const { count } = await tx.subscriptionAction.updateMany({ where: { id: action.id, status: "SUBMITTED" }, data: { status: "UNKNOWN" } });
    if (count === 1) {
      await enqueue(tx, "retention.resolve-action", { actionId: action.id }, { jobKey: `resolve-action:${action.id}`, runAt: new Date(now.getTime() + RESOLVE_DELAY_MS), maxAttempts: 25 });
    }
  });
}

function refusalMessage(kind: SubscriptionActionKind, code: string, locale: Locale): RetentionFailure {
  const t = translator(locale);
  if (/INACTIVE|EXPIRED|CANCELLED/.test(code)) {
    const action = kind === "RESUME" ? "resume" : kind === "PAUSE" ? "pause" : "change";
    return retentionFailure("inactive", t("retention.refused.wrongState", { action }));
  }
  return retentionFailure("rejected", t("retention.refused.providerRefused"));
}

/**
 * Sends one pause, resume, cancellation or undo to Dodo, exactly once, and records what Dodo said.
 * DONE: Dodo answered and the subscription was pulled in (entitlements follow through the sync
 * engine; the webhooks bring the same state). UNKNOWN: the worker settles it. `locale`: the
 * language a refusal is worded in for the customer.
 */
export async function sendSubscriptionUpdate(request: ActionRequest, deps: { client?: DodoPayments; now?: Date; locale?: Locale } = {}): Promise<ActionOutcome> {
  const client = deps.client ?? dodo();
  const now = deps.now ?? new Date();
  const action = await claim(request, now);
  const locale = deps.locale ?? DEFAULT_LOCALE;
  if (!action) return busy(locale);
  try {
    await client.subscriptions.update(request.subscriptionId, updateParams(request), CHARGE_OPTIONS);
  } catch (err) {
    const refusal = refusalOf(err);
    if (refusal) {
      await markNotDone(action.id, "SUBMITTED", refusal.code);
      return refusalMessage(request.kind, refusal.code, locale);
    }
    log.error({ err, subscriptionId: request.subscriptionId, kind: request.kind }, "subscription update: outcome unknown");
    await markUnknown(action, now);
    return { ok: true, status: "UNKNOWN", action: { ...action, status: "UNKNOWN" } };
  }
  await refreshFromDodo({ subscriptionId: request.subscriptionId }, client);
  await markDone(action.id);
  return { ok: true, status: "DONE", action: await db.subscriptionAction.findUniqueOrThrow({ where: { id: action.id } }) };
}
