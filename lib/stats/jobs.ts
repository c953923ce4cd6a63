import "server-only";
import { z } from "zod";
import { defineJob } from "@/lib/jobs/define";
import { closedBoundary, refreshRollups } from "./rollup";

const DAY_MS = 86_400_000;
/** The roll-ups kept built ahead of time: every closed day of the last year (the longest preset range), and its months and weeks. */
export const PREBUILT_DAYS = 366;

/**
 * Builds (or refreshes) the daily roll-ups of the last PREBUILT_DAYS closed days (missing ones,
 * those a late decision, payment or refund marked dirty, and those computed before they settled),
 * then every month and week inside them that is missing or no longer true to its days.
 * The stats page then only reads them. Safe to run anywhere at once: roll-up writes never let an
 * older computation replace a newer one.
 */
export async function buildRollupsAhead(now = new Date()): Promise<void> {
  const to = closedBoundary(now);
  await refreshRollups(new Date(to.getTime() - PREBUILT_DAYS * DAY_MS), to, now);
}

/** stats.build-rollups — every five minutes (and once after a worker was down): keeps roll-ups built ahead of time. */
export const buildRollupsJob = defineJob({
  name: "stats.build-rollups",
  payload: z.unknown(),
  run: async (_payload, ctx) => {
    const started = Date.now();
    await buildRollupsAhead();
    ctx.log(`stats roll-ups of the last ${PREBUILT_DAYS} days up to date (${Date.now() - started} ms)`);
  },
});
