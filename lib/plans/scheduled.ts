import "server-only";
import type DodoPayments from "dodopayments";
import type { Result } from "@/lib/result";
import { db } from "@/lib/db/client";
import { dodo, SAFE_CALL_OPTIONS } from "@/lib/dodo/client";
import { cancelScheduledChanges, hasScheduledChange } from "./plan-change";
import { refreshFromDodo } from "./refresh";
import { failure, NOT_FOUND, refusalFrom, UNAVAILABLE, type PlanFailure } from "./results";

export type KeepPlanResult = Result<{ message: string }, PlanFailure["code"]>;

/**
 * "Keep my current plan": cancels the change Dodo has scheduled for the next billing date. Safe
 * to repeat: when Dodo has nothing scheduled any more (404), the outcome is the one asked for.
 */
export async function keepCurrentPlan(input: { customerId: string; subscriptionId: string }, deps: { client?: DodoPayments } = {}): Promise<KeepPlanResult> {
  const client = deps.client ?? dodo();
  const sub = await db.subscription.findUnique({ where: { id: input.subscriptionId }, include: { product: { select: { name: true } } } });
  if (!sub || sub.customerId !== input.customerId) return NOT_FOUND;
  if (!sub.scheduledChange && !(await hasScheduledChange(sub.id))) return failure("nothing_scheduled", "There is no scheduled plan change to cancel.");
  try {
    await client.subscriptions.cancelChangePlan(sub.id, SAFE_CALL_OPTIONS);
  } catch (err) {
    const refusal = refusalFrom(err);
    if (!refusal) return UNAVAILABLE;
    if (refusal.code !== "not_found") return failure(refusal.code, refusal.message);
  }
  await cancelScheduledChanges(sub.id);
  // The subscription.updated webhook clears the stored scheduled change as well.
  await refreshFromDodo({ subscriptionId: sub.id }, client);
  return { ok: true, message: `You stay on ${sub.product.name}. The scheduled change is cancelled.` };
}
