import "server-only";
import { z } from "zod";
import { defineJob, RetryLater } from "@/lib/jobs/define";
import { resolveChargeAttempt } from "./resolve-charge";

/**
 * checkout.resolve-charge — queued (job key charge-attempt:<id>) in the transaction that records a
 * one-click charge as UNKNOWN. Finds what Dodo did and converges on it; until Dodo shows a payment
 * or the settle window ends it runs again with the queue's backoff. Idempotent: a settled attempt
 * is left alone, and every write is a compare-and-set on UNKNOWN.
 */
export const resolveChargeJob = defineJob({
  name: "checkout.resolve-charge",
  payload: z.object({ chargeAttemptId: z.string().min(1) }),
  run: async ({ chargeAttemptId }, ctx) => {
    const outcome = await resolveChargeAttempt(chargeAttemptId);
    switch (outcome.kind) {
      case "waiting":
        throw new RetryLater(`no payment for charge attempt ${chargeAttemptId} at Dodo yet; looking until ${outcome.until.toISOString()}`);
      case "found":
        ctx.log(`resolved charge attempt ${chargeAttemptId}: payment ${outcome.paymentId} found at Dodo (${outcome.status})`);
        return;
      case "not_charged":
        ctx.log(`resolved charge attempt ${chargeAttemptId}: no payment at Dodo after the settle window, not charged`);
        return;
      case "settled":
        ctx.log(`charge attempt ${chargeAttemptId} was already settled (${outcome.status})`);
        return;
      case "gone":
        ctx.log(`charge attempt ${chargeAttemptId} no longer exists`);
    }
  },
});
