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

export type JobDefinition<S extends z.ZodType = z.ZodType, N extends string = string> = {
  name: N;
  payload: S;
  /** Throw to have the queue retry with backoff; return to mark the job done. */
  run: (payload: z.infer<S>, ctx: JobContext) => Promise<void>;
};

/** The name stays a literal type, so the registry's keys (and enqueue's names) are checked. */
export function defineJob<const N extends string, S extends z.ZodType>(definition: JobDefinition<S, N>): JobDefinition<S, N> {
  return definition;
}

/**
 * Thrown by a job whose work is not finished yet (an outcome Dodo has not shown): the queue runs
 * it again after its exponential backoff, and its message is kept as the job's last result (the
 * console's "Needs attention" shows it). Logged as one line, not as a failure with a stack.
 */
export class RetryLater extends Error {
  constructor(message: string) {
    super(message);
    this.name = "RetryLater";
  }
}
