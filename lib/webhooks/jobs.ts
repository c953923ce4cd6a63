import "server-only";
import { z } from "zod";
import { db } from "@/lib/db/client";
import { defineJob } from "@/lib/jobs/define";
import { replayWebhookEvent } from "./log";

/**
 * webhooks.retry-failed — queued (job key webhook:<id>, first run a minute later) in the
 * transaction that records a webhook event as FAILED: re-applies the stored event, which is
 * convergent, so it may race Dodo's own redeliveries. Throws while it keeps failing, so the queue
 * retries with backoff (10 attempts); done once the event is applied by anyone.
 */
export const retryFailedWebhookJob = defineJob({
  name: "webhooks.retry-failed",
  payload: z.object({ webhookId: z.string().min(1) }),
  run: async ({ webhookId }, ctx) => {
    const event = await db.webhookEvent.findUnique({ where: { id: webhookId }, select: { outcome: true } });
    if (!event || event.outcome !== "FAILED") {
      ctx.log(`webhook ${webhookId} already applied`);
      return;
    }
    const result = await replayWebhookEvent(webhookId, { queueRetry: false });
    if (result.outcome === "FAILED") throw new Error(`replay of webhook ${webhookId} failed again: ${result.error}`);
    ctx.log(`webhook ${webhookId} re-applied (${result.outcome.toLowerCase()})`);
  },
});
