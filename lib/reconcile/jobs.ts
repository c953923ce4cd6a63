import "server-only";
import { z } from "zod";
import { defineJob } from "@/lib/jobs/define";
import { resyncRecentlyChanged } from "./tick";

/** reconcile.resync-recent — every minute: bounded re-sync of what a lost webhook would leave stale (lib/reconcile/tick.ts). Idempotent. */
export const resyncRecentJob = defineJob({
  name: "reconcile.resync-recent",
  payload: z.unknown(),
  run: async (_payload, ctx) => {
    const report = await resyncRecentlyChanged();
    const moved = report.payments + report.subscriptions + report.abandonedAttempts;
    if (moved || report.failures.length) {
      ctx.log(`re-synced ${report.payments} payments and ${report.subscriptions} subscriptions, ${report.abandonedAttempts} abandoned charge attempts handed to their resolver, ${report.failures.length} failed`);
    }
    for (const failure of report.failures.slice(0, 5)) ctx.log(`re-sync failed: ${failure}`);
  },
});
