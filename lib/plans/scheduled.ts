import "server-only";
import type DodoPayments from "dodopayments";
import type { Result } from "@/lib/result";
import { db } from "@/lib/db/client";
import { dodo, SAFE_CALL_OPTIONS } from "@/lib/dodo/client";
import { cancelScheduledChanges, hasScheduledChange } from "./plan-change";
import { refreshFromDodo } from "./refresh";
import { enqueue } from "@/lib/jobs/queue";
import { syncSubscription } from "@/lib/sync/sync";
import { DEFAULT_LOCALE, type Locale } from "@/lib/i18n/locales";
import { translator } from "@/lib/i18n/translator";
import { failure, notFound, refusalFrom, type PlanFailure } from "./results";
import { logger } from "@/lib/log";

const log = logger("plans");

/** `confirming`: Dodo did not answer, so whether the schedule is gone is being checked (never "nothing changed"). */
export type KeepPlanResult = Result<{ message: string; confirming?: true }, PlanFailure["code"]>;

/** The follow-up job's key: one per subscription. */
export const confirmKeepPlanJobKey = (subscriptionId: string) => `keep-plan:${subscriptionId}`;

/**
 * "Keep my current plan": cancels the change Dodo has scheduled for the next billing date. Safe
 * to repeat: when Dodo has nothing scheduled any more (404), the outcome is the one asked for.
 */
export async function keepCurrentPlan(input: { customerId: string; subscriptionId: string }, deps: { client?: DodoPayments; locale?: Locale } = {}): Promise<KeepPlanResult> {
  const client = deps.client ?? dodo();
  const t = translator(deps.locale ?? DEFAULT_LOCALE);
  const sub = await db.subscription.findUnique({ where: { id: input.subscriptionId }, include: { product: { select: { name: true } } } });
  if (!sub || sub.customerId !== input.customerId) return notFound(t);
  if (!sub.scheduledChange && !(await hasScheduledChange(sub.id))) return failure("nothing_scheduled", t("plans.refused.nothingScheduled"));
  try {
    await client.subscriptions.cancelChangePlan(sub.id, SAFE_CALL_OPTIONS);
  } catch (err) {
    const refusal = refusalFrom(err, t);
    if (!refusal) {
      // No answer (timeout, 5xx): the cancel may have gone through. The worker reads the subscription.
      log.error({ err, subscriptionId: sub.id }, "cancel of the scheduled change: outcome unknown");
      await enqueue(db, "plans.confirm-keep-plan", { subscriptionId: sub.id }, { jobKey: confirmKeepPlanJobKey(sub.id), runAt: new Date(Date.now() + 2_000) });
      return { ok: true, confirming: true, message: t("plans.refused.keepConfirming") };
    }
    if (refusal.code !== "not_found") return failure(refusal.code, refusal.message);
  }
  await cancelScheduledChanges(sub.id);
  // The subscription.updated webhook clears the stored scheduled change as well.
  await refreshFromDodo({ subscriptionId: sub.id }, client);
  return { ok: true, message: t("plans.refused.kept", { plan: sub.product.name }) };
}

/**
 * After an unanswered cancel: reads the subscription from Dodo and, when it holds no scheduled
 * change any more, records ours as CANCELLED. True when cancelled. Throws while Dodo does not answer.
 */
export async function settleScheduledCancel(subscriptionId: string, deps: { client?: DodoPayments } = {}): Promise<boolean> {
  const sub = await syncSubscription(subscriptionId, deps.client ? { dodo: deps.client } : {});
  if (sub.scheduledChange) return false;
  await cancelScheduledChanges(subscriptionId);
  return true;
}
