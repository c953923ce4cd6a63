import "server-only";
import type DodoPayments from "dodopayments";
import { db } from "@/lib/db/client";
import { syncSubscription } from "@/lib/sync/sync";
import { actionHolds } from "./rules";
import { markDone, markNotDone, sendSubscriptionUpdate } from "./subscription-update";

export type Resolution = "done" | "not_applied" | "already_settled" | "gone";

/**
 * Settles an UNKNOWN action from Dodo's own subscription, pulled in through the sync engine (so
 * its status and entitlements are current too): the state asked for is there → DONE, it is not →
 * NOT_APPLIED (subscriptions.update answers synchronously, and the job runs RESOLVE_DELAY_MS after
 * the call, so a later read does not see it land afterwards). Throws when Dodo does not answer;
 * the queue then retries with backoff. Idempotent.
 */
export async function resolveAction(actionId: string, deps: { client?: DodoPayments } = {}): Promise<Resolution> {
  const action = await db.subscriptionAction.findUnique({ where: { id: actionId } });
  if (!action) return "gone";
  if (action.status !== "UNKNOWN") return "already_settled";
  const sub = await syncSubscription(action.subscriptionId, deps.client ? { dodo: deps.client } : {});
  if (actionHolds(action.kind, sub)) {
    await markDone(action.id);
    return "done";
  }
  await markNotDone(action.id, "UNKNOWN", "NOT_APPLIED");
  return "not_applied";
}

export type ResumeOutcome = "resumed" | "confirming" | "superseded" | "not_paused" | "refused";

/**
 * The end of a pause with a length: resumes the subscription unless the customer already did, or a
 * later pause replaced this one. Throws while another action of the subscription is still with
 * Dodo (the queue retries).
 */
export async function resumeAtPauseEnd(input: { subscriptionId: string; pauseActionId: string }, deps: { client?: DodoPayments } = {}): Promise<ResumeOutcome> {
  const latestPause = await db.subscriptionAction.findFirst({ where: { subscriptionId: input.subscriptionId, kind: "PAUSE", status: "DONE" }, orderBy: { createdAt: "desc" } });
  if (latestPause?.id !== input.pauseActionId) return "superseded";
  const sub = await syncSubscription(input.subscriptionId, deps.client ? { dodo: deps.client } : {});
  if (sub.status !== "PAUSED") return "not_paused";
  const result = await sendSubscriptionUpdate({ subscriptionId: input.subscriptionId, kind: "RESUME", source: "schedule" }, deps);
  if (!result.ok) {
    if (result.code === "busy") throw new Error(`subscription ${input.subscriptionId} has an action in flight; resuming later`);
    return "refused";
  }
  return result.status === "DONE" ? "resumed" : "confirming";
}
