import "server-only";
// Enqueues background jobs on graphile-worker's Postgres queue. The job row is written through
// the caller's own transaction (graphile_worker.add_job is plain SQL), so a job exists exactly
// when the state change that needs it commits: no lost jobs after a crash, no jobs for a change
// that rolled back. Pass `db` when there is no transaction.
import type { Db } from "@/lib/db/client";
import type { Tx } from "@/lib/db/tx";
import type { JobName, JobPayload } from "./registry";

export type EnqueueOptions = {
  /**
   * At most one pending job per key. "replace" (default) updates the pending job's payload and
   * run time; "preserve_run_at" keeps the earlier run time; "unsafe_dedupe" leaves it untouched.
   */
  jobKey?: string;
  jobKeyMode?: "replace" | "preserve_run_at" | "unsafe_dedupe";
  runAt?: Date;
  maxAttempts?: number;
  /** Jobs in one named queue run one at a time, in order. */
  queueName?: string;
  priority?: number;
};

/** Adds a job; with a transaction client it commits or rolls back with the caller's work. */
export async function enqueue<N extends JobName>(executor: Tx | Db, name: N, payload: JobPayload<N>, options: EnqueueOptions = {}): Promise<void> {
  await enqueueRaw(executor, name, payload, options);
}

/** Untyped form for the queue's own tests and tools; application code uses enqueue(). */
export async function enqueueRaw(executor: Tx | Db, name: string, payload: unknown, options: EnqueueOptions = {}): Promise<void> {
  await executor.$executeRaw`
    SELECT graphile_worker.add_job(
      identifier => ${name}::text,
      payload => ${JSON.stringify(payload ?? {})}::json,
      queue_name => ${options.queueName ?? null}::text,
      run_at => ${options.runAt ?? null}::timestamptz,
      max_attempts => ${options.maxAttempts ?? null}::int,
      job_key => ${options.jobKey ?? null}::text,
      priority => ${options.priority ?? null}::int,
      job_key_mode => ${options.jobKey ? (options.jobKeyMode ?? "replace") : "replace"}::text
    )`;
}
