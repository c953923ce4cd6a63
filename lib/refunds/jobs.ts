import "server-only";
import { z } from "zod";
import { defineJob, RetryLater } from "@/lib/jobs/define";
import { resolveRefundRequest } from "./refund";

/**
 * refunds.resolve — queued (job key refund:<id>) in the transaction that records a console refund
 * as UNKNOWN. Syncs the payment from Dodo; a refund it did not list before is this one. Runs again
 * with the queue's backoff until found or the settle window ends (then: not made). Never resends.
 */
export const resolveRefundJob = defineJob({
  name: "refunds.resolve",
  payload: z.object({ refundRequestId: z.string().min(1) }),
  run: async ({ refundRequestId }, ctx) => {
    const outcome = await resolveRefundRequest(refundRequestId);
    if (outcome.kind === "waiting") throw new RetryLater(`refund ${refundRequestId} not seen at Dodo yet; looking until ${outcome.until.toISOString()}`);
    ctx.log(`refund request ${refundRequestId}: ${outcome.kind === "made" ? `made (${outcome.refundId})` : outcome.kind}`);
  },
});
