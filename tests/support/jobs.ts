// Reading the job queue in tests: what is queued under a job key (payload included, which the
// queue's public `jobs` view leaves out).
import { db } from "@/lib/db/client";

export type QueuedJob = { task: string; payload: unknown; runAt: Date; attempts: number; lastError: string | null };

export async function queuedJobs(key: string): Promise<QueuedJob[]> {
  return db.$queryRaw<QueuedJob[]>`
    SELECT t.identifier AS task, j.payload, j.run_at AS "runAt", j.attempts, j.last_error AS "lastError"
    FROM graphile_worker._private_jobs j JOIN graphile_worker._private_tasks t ON t.id = j.task_id
    WHERE j.key = ${key}`;
}
