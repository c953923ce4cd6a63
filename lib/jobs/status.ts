import "server-only";
import { db } from "@/lib/db/client";

/** What the queue knows of a pending job: how often it ran, its last result, when it runs next. */
export type JobStatus = {
  key: string;
  task: string;
  attempts: number;
  maxAttempts: number;
  /** The last run's error (a RetryLater message says what it is still waiting for). */
  lastError: string | null;
  runAt: Date;
  running: boolean;
  /** Every attempt used: the queue will not run it again by itself. */
  gaveUp: boolean;
};

/** The pending (or given-up) jobs with these job keys; finished jobs leave the queue. */
export async function jobsByKey(keys: string[]): Promise<Map<string, JobStatus>> {
  if (keys.length === 0) return new Map();
  const rows = await db.$queryRaw<{ key: string; task_identifier: string; attempts: number; max_attempts: number; last_error: string | null; run_at: Date; locked_at: Date | null }[]>`
    SELECT key, task_identifier, attempts, max_attempts, last_error, run_at, locked_at
    FROM graphile_worker.jobs WHERE key = ANY(${keys}::text[])`;
  return new Map(rows.map((r) => [r.key, {
    key: r.key,
    task: r.task_identifier,
    attempts: r.attempts,
    maxAttempts: r.max_attempts,
    lastError: r.last_error,
    runAt: r.run_at,
    running: r.locked_at !== null,
    gaveUp: r.attempts >= r.max_attempts,
  }]));
}
