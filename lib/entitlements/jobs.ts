import "server-only";
import { z } from "zod";
import { lock } from "@/lib/db/lock";
import { inTransaction } from "@/lib/db/tx";
import { defineJob } from "@/lib/jobs/define";
import { notifyAccessChanges } from "./grant";

/**
 * Access that ends on its own (a cancelled period's end, an on-hold grace period) changes no row,
 * so this job, queued for that moment, tells the merchant's app. Under the source's lock, like
 * the sync engine, so a webhook applying at the same instant can't send the event twice.
 */
export const notifyLapseJob = defineJob({
  name: "entitlements.notify-lapse",
  payload: z.object({ sourceId: z.string().min(1) }),
  run: async ({ sourceId }) => {
    await inTransaction(async (tx) => {
      await lock(tx, "dodo-object", sourceId);
      await notifyAccessChanges(tx, sourceId, new Date());
    });
  },
});
