import "server-only";
import { z } from "zod";
import { defineJob } from "@/lib/jobs/define";
import { resolveAction, resumeAtPauseEnd } from "./resolve";

/**
 * retention.resolve-action — queued (job key resolve-action:<id>) in the transaction that records
 * a pause, resume, cancellation or undo as UNKNOWN. Reads the subscription at Dodo and records
 * whether it happened; retried with backoff while Dodo does not answer. Idempotent.
 */
export const resolveActionJob = defineJob({
  name: "retention.resolve-action",
  payload: z.object({ actionId: z.string().min(1) }),
  run: async ({ actionId }, ctx) => {
    const outcome = await resolveAction(actionId);
    ctx.log(`subscription action ${actionId}: ${outcome}`);
  },
});

/**
 * retention.resume-pause — queued (job key resume-pause:<subscription>, run at the pause's end)
 * when a pause with a length is confirmed. Resumes at Dodo unless the customer already did.
 */
export const resumePauseJob = defineJob({
  name: "retention.resume-pause",
  payload: z.object({ subscriptionId: z.string().min(1), pauseActionId: z.string().min(1) }),
  run: async (payload, ctx) => {
    const outcome = await resumeAtPauseEnd(payload);
    ctx.log(`pause ${payload.pauseActionId} of ${payload.subscriptionId}: ${outcome}`);
  },
});
