import "server-only";
import { z } from "zod";
import { defineJob } from "@/lib/jobs/define";
import { expireOfferWindows, expireSessionIfDue } from "./expiry";

/**
 * offers.expire-session — queued (job key funnel-session-expiry:<id>) with each funnel session, to
 * run at the end of its window: the session and its undecided offers become EXPIRED. When a charge
 * is still in flight on it, nothing happens now; the sweep expires it once that settles.
 */
export const expireSessionJob = defineJob({
  name: "offers.expire-session",
  payload: z.object({ funnelSessionId: z.string().min(1) }),
  run: async ({ funnelSessionId }, ctx) => {
    const result = await expireSessionIfDue(funnelSessionId, new Date());
    if (result === "expired") ctx.log(`expired funnel session ${funnelSessionId}`);
    if (result === "waiting") ctx.log(`funnel session ${funnelSessionId}: a charge is in flight, the sweep expires it later`);
  },
});

/** offers.expire-windows — every minute: the sweep of closed offer windows (bounded per tick). Idempotent. */
export const expireWindowsJob = defineJob({
  name: "offers.expire-windows",
  payload: z.unknown(),
  run: async (_payload, ctx) => {
    const { sessions, impressions } = await expireOfferWindows(new Date());
    if (sessions || impressions) ctx.log(`expired ${sessions} funnel sessions and ${impressions} account offers`);
  },
});
