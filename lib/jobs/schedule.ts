// Recurring jobs. graphile-worker's scheduler is Postgres-coordinated: every worker evaluates the
// same schedule, but each tick becomes one job (its known_crontabs table and a job key per tick),
// so several workers never run a tick twice, and ticks missed while no worker ran are backfilled
// up to `backfillMs`. Nothing here depends on a process staying up.
import type { JobName } from "./registry";

export type ScheduledJob = {
  job: JobName;
  /** Standard five-field cron pattern (UTC). */
  pattern: string;
  /** Run ticks missed within this window when a worker starts (default: none). */
  backfillMs?: number;
  maxAttempts?: number;
};

export const SCHEDULE: ScheduledJob[] = [
  // Bounded re-sync of what lost webhooks would leave stale (lib/reconcile/tick.ts).
  { job: "reconcile.resync-recent", pattern: "* * * * *", maxAttempts: 1 },
  // Offer windows past their end (the per-session job does most; this catches the rest).
  { job: "offers.expire-windows", pattern: "* * * * *", maxAttempts: 1 },
  // Stats roll-ups built ahead of time, so the stats page only reads them.
  { job: "stats.build-rollups", pattern: "*/5 * * * *", backfillMs: 10 * 60_000, maxAttempts: 3 },
];
