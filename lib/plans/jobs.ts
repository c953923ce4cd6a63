import "server-only";
import { z } from "zod";
import { defineJob, RetryLater } from "@/lib/jobs/define";
import { resolvePlanChange } from "./resolve-change";
import { settleScheduledCancel } from "./scheduled";

/**
 * plans.resolve-change — queued (job key plan-change:<id>) in the transaction that records a plan
 * change as UNKNOWN. Reads the subscription and the change's payment at Dodo; runs again with the
 * queue's backoff until one of them settles it or the settle window ends. Idempotent.
 */
export const resolvePlanChangeJob = defineJob({
  name: "plans.resolve-change",
  payload: z.object({ planChangeId: z.string().min(1) }),
  run: async ({ planChangeId }, ctx) => {
    const outcome = await resolvePlanChange(planChangeId);
    switch (outcome.kind) {
      case "waiting":
        throw new RetryLater(`plan change ${planChangeId} not seen at Dodo yet; looking until ${outcome.until.toISOString()}`);
      case "not_applied":
        ctx.log(`resolved plan change ${planChangeId}: subscription unchanged and no payment at Dodo after the settle window, not applied`);
        return;
      case "settled":
        ctx.log(outcome.by === "earlier" ? `plan change ${planChangeId} was already settled (${outcome.status})` : `resolved plan change ${planChangeId} from the ${outcome.by} at Dodo (${outcome.status})`);
        return;
      case "gone":
        ctx.log(`plan change ${planChangeId} no longer exists`);
    }
  },
});

/**
 * plans.confirm-keep-plan — queued (job key keep-plan:<subscription>) when "Keep my current plan"
 * got no answer from Dodo: reads the subscription and records whether its scheduled change is
 * gone. Retried with backoff while Dodo does not answer. Idempotent.
 */
export const confirmKeepPlanJob = defineJob({
  name: "plans.confirm-keep-plan",
  payload: z.object({ subscriptionId: z.string().min(1) }),
  run: async ({ subscriptionId }, ctx) => {
    const cancelled = await settleScheduledCancel(subscriptionId);
    ctx.log(`subscription ${subscriptionId}: scheduled change ${cancelled ? "cancelled at Dodo" : "still scheduled at Dodo"}`);
  },
});
