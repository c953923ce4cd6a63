// What a background job is: a name, the zod schema of its payload and an idempotent handler.
// Jobs may run more than once (a worker can crash after the work and before the queue records it,
// and failed jobs are retried), so every handler must converge rather than repeat an effect.
import type { z } from "zod";

export type JobContext = {
  /** The queue's own id of this job, for logs. */
  jobId: string;
  /** 1 on the first run, then 2, 3… on retries. */
  attempt: number;
  maxAttempts: number;
  log: (message: string) => void;
};

export type JobDefinition<S extends z.ZodType = z.ZodType> = {
  name: string;
  payload: S;
  /** Throw to have the queue retry with backoff; return to mark the job done. */
  run: (payload: z.infer<S>, ctx: JobContext) => Promise<void>;
};

export function defineJob<S extends z.ZodType>(definition: JobDefinition<S>): JobDefinition<S> {
  return definition;
}
