import "server-only";
import { z } from "zod";
import { defineJob } from "@/lib/jobs/define";
import { deliverOnce } from "./deliver";

/** Delivers one event to one endpoint; throwing makes graphile-worker retry it with backoff. */
export const deliverWebhookJob = defineJob({
  name: "outbound.deliver",
  payload: z.object({ deliveryId: z.string().min(1) }),
  run: async ({ deliveryId }, ctx) => {
    await deliverOnce(deliveryId, { attempt: ctx.attempt, maxAttempts: ctx.maxAttempts });
  },
});
