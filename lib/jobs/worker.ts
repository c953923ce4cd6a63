import "server-only";
// Runs background jobs: graphile-worker over the app's PostgreSQL. Any number of workers (and app
// instances enqueueing) may share one database: the queue hands each job to one worker at a
// time (row locks with SKIP LOCKED), retries a failed job with exponential backoff up to its
// max_attempts, and frees the jobs of a worker that died once their lock expires.
import { Logger, parseCronItems, run, type Runner, type Task, type TaskList } from "graphile-worker";
import { loadEnv } from "@/lib/env";
import { logger, withRequestContext } from "@/lib/log";
import { RetryLater, type JobDefinition } from "./define";
import { JOBS } from "./registry";
import { SCHEDULE, type ScheduledJob } from "./schedule";

export type WorkerOptions = {
  /** Jobs run at once by this worker (default 4). */
  concurrency?: number;
  /** How often to look for jobs scheduled in the future or due for retry (default WORKER_POLL_INTERVAL_MS, 1 s). */
  pollIntervalMs?: number;
  /** Defaults to every job of the registry; tests pass their own. */
  jobs?: Record<string, JobDefinition>;
  schedule?: ScheduledJob[];
  connectionString?: string;
  /** Where the worker's own lines go; defaults to the structured log (lib/log.ts). */
  log?: WorkerLog;
};

/** A worker log line, with the job it concerns as fields for the structured log. */
type WorkerLog = (line: string, fields?: { job: string; jobId: string }, level?: "info" | "warn") => void;

const workerLog = logger("worker");

/** The structured log (lib/log.ts), the default: one JSON line per message. */
const defaultLog: WorkerLog = (line, fields, level = "info") => workerLog[level](fields ?? {}, line);

function taskFor(definition: JobDefinition, log: WorkerLog): Task {
  return async (raw, helpers) => {
    const job = { job: definition.name, jobId: helpers.job.id };
    const parsed = definition.payload.safeParse(raw);
    if (!parsed.success) {
      // A payload that can never be valid would fail on every retry: say so once and drop it.
      log(`job ${definition.name} #${helpers.job.id}: invalid payload, dropped (${parsed.error.issues.map((i) => i.message).join("; ")})`, job, "warn");
      return;
    }
    // Like a request, each run gets its own id: every line logged inside it (lib code too) carries it.
    await withRequestContext(undefined, () =>
      definition.run(parsed.data, {
        jobId: helpers.job.id,
        attempt: helpers.job.attempts,
        maxAttempts: helpers.job.max_attempts,
        log: (message) => log(`job ${definition.name} #${helpers.job.id}: ${message}`, job),
      }),
    );
  };
}

/** What graphile-worker attaches to its "Failed task" log line. */
type FailureMeta = { error?: unknown; job?: { id: string; task_identifier: string; attempts: number; max_attempts: number } };

/** Starts a worker; resolve `runner.stop()` to finish running jobs and disconnect. */
export async function startWorker(options: WorkerOptions = {}): Promise<Runner> {
  const log = options.log ?? defaultLog;
  const jobs = options.jobs ?? (JOBS as Record<string, JobDefinition>);
  const taskList: TaskList = Object.fromEntries(Object.values(jobs).map((definition) => [definition.name, taskFor(definition, log)]));
  const schedule = options.schedule ?? SCHEDULE;
  const logger = new Logger(() => (level, message, meta) => {
    const failed = meta as FailureMeta | undefined;
    if (failed?.error instanceof RetryLater && failed.job) {
      const { job } = failed;
      log(`job ${job.task_identifier} #${job.id}: not settled yet (${failed.error.message}); runs again later (attempt ${job.attempts} of ${job.max_attempts})`, { job: job.task_identifier, jobId: job.id });
      return;
    }
    if (level === "error" || level === "warning") log(`${level}: ${message}`, undefined, "warn");
  });
  return run({
    connectionString: options.connectionString ?? loadEnv().DATABASE_URL,
    concurrency: options.concurrency ?? 4,
    pollInterval: options.pollIntervalMs ?? loadEnv().WORKER_POLL_INTERVAL_MS,
    taskList,
    parsedCronItems: parseCronItems(
      schedule.map((item) => ({
        task: item.job,
        match: item.pattern,
        identifier: `encore:${item.job}`,
        options: { backfillPeriod: item.backfillMs ?? 0, maxAttempts: item.maxAttempts, jobKey: `cron:${item.job}`, jobKeyMode: "preserve_run_at" },
      })),
    ),
    // The caller owns the process's signals (scripts/worker.ts, tests).
    noHandleSignals: true,
    logger,
  });
}
