// The job queue as Encore uses it: jobs enqueued inside our transactions exist exactly when the
// transaction commits, job keys deduplicate, and several workers on one database run every job
// once, retrying failures with backoff.
import { randomUUID } from "node:crypto";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { z } from "zod";
import { db } from "@/lib/db/client";
import { inTransaction } from "@/lib/db/tx";
import { defineJob } from "@/lib/jobs/define";
import { enqueueRaw } from "@/lib/jobs/queue";
import { startWorker } from "@/lib/jobs/worker";
import { logger, redirectLogs } from "@/lib/log";

const run = randomUUID().slice(0, 8);
const name = (what: string) => `test_${what}_${run}`;

async function jobsNamed(task: string): Promise<{ attempts: number; key: string | null; payload: unknown; last_error: string | null }[]> {
  return db.$queryRaw`
    SELECT j.attempts, j.key, j.payload, j.last_error FROM graphile_worker._private_jobs j
    JOIN graphile_worker._private_tasks t ON t.id = j.task_id WHERE t.identifier = ${task}`;
}

async function until(check: () => Promise<boolean>, timeoutMs = 20_000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (!(await check())) {
    if (Date.now() > deadline) throw new Error("condition not met in time");
    await new Promise((r) => setTimeout(r, 50));
  }
}

beforeAll(async () => {
  await db.$executeRawUnsafe(`CREATE TABLE IF NOT EXISTS "test_job_effect" ("job" text NOT NULL, "n" int NOT NULL)`);
});
afterAll(async () => {
  await db.$executeRawUnsafe(`DELETE FROM "test_job_effect" WHERE "job" LIKE '%${run}'`);
});

describe("enqueue", () => {
  it("writes the job with the caller's transaction: none when it rolls back, one when it commits", async () => {
    const task = name("tx");
    await expect(
      inTransaction(async (tx) => {
        await enqueueRaw(tx, task, { n: 1 });
        throw new Error("roll back");
      }),
    ).rejects.toThrow("roll back");
    expect(await jobsNamed(task)).toHaveLength(0);

    await inTransaction((tx) => enqueueRaw(tx, task, { n: 2 }));
    expect((await jobsNamed(task)).map((j) => j.payload)).toEqual([{ n: 2 }]);
  });

  it("keeps one pending job per job key (the newest payload wins by default)", async () => {
    const task = name("key");
    await enqueueRaw(db, task, { n: 1 }, { jobKey: `k-${run}` });
    await enqueueRaw(db, task, { n: 2 }, { jobKey: `k-${run}` });
    const jobs = await jobsNamed(task);
    expect(jobs).toHaveLength(1);
    expect(jobs[0]?.payload).toEqual({ n: 2 });
  });
});

describe("workers", () => {
  it("two workers on one database run each of 200 jobs exactly once", async () => {
    const task = name("once");
    const job = defineJob({
      name: task,
      payload: z.object({ n: z.number().int() }),
      run: async ({ n }) => {
        await db.$executeRaw`INSERT INTO "test_job_effect" ("job", "n") VALUES (${task}, ${n})`;
      },
    });
    await inTransaction(async (tx) => {
      for (let n = 0; n < 200; n++) await enqueueRaw(tx, task, { n });
    });
    const quiet = () => {};
    const workers = await Promise.all([1, 2].map(() => startWorker({ jobs: { [task]: job }, schedule: [], concurrency: 4, pollIntervalMs: 100, log: quiet })));
    try {
      await until(async () => (await jobsNamed(task)).length === 0);
    } finally {
      await Promise.all(workers.map((w) => w.stop()));
    }
    const [effects] = await db.$queryRaw<{ total: bigint; distinct: bigint }[]>`
      SELECT count(*) AS total, count(DISTINCT "n") AS distinct FROM "test_job_effect" WHERE "job" = ${task}`;
    expect(Number(effects?.total)).toBe(200);
    expect(Number(effects?.distinct)).toBe(200);
  });

  it("retries a failing job later, with its error recorded, and drops a payload that can never be valid", async () => {
    const failing = name("fail");
    const invalid = name("invalid");
    const logs: string[] = [];
    const jobs = {
      [failing]: defineJob({ name: failing, payload: z.object({}), run: async () => { throw new Error("Dodo did not answer"); } }),
      [invalid]: defineJob({ name: invalid, payload: z.object({ id: z.string() }), run: async () => { throw new Error("must not run"); } }),
    };
    await enqueueRaw(db, failing, {});
    await enqueueRaw(db, invalid, { id: 42 });
    const worker = await startWorker({ jobs, schedule: [], pollIntervalMs: 100, log: (line) => logs.push(line) });
    try {
      await until(async () => (await jobsNamed(failing))[0]?.attempts === 1 && (await jobsNamed(invalid)).length === 0);
    } finally {
      await worker.stop();
    }
    const [job] = await jobsNamed(failing);
    expect(job?.last_error).toContain("Dodo did not answer");
    const [row] = await db.$queryRaw<{ due: boolean }[]>`
      SELECT j.run_at > now() AS due FROM graphile_worker._private_jobs j JOIN graphile_worker._private_tasks t ON t.id = j.task_id WHERE t.identifier = ${failing}`;
    expect(row?.due).toBe(true);
    expect(logs.some((line) => line.includes(invalid) && line.includes("invalid payload"))).toBe(true);
  });

  it("logs structured lines: the job and its id on the worker's own lines, a fresh request id on every line logged inside a run", async () => {
    const logging = name("logs");
    const invalid = name("invalid_logged");
    const jobs = {
      [logging]: defineJob({ name: logging, payload: z.object({ n: z.number() }), run: async ({ n }) => { logger("test-job").warn({ n }, "inside the job"); } }),
      [invalid]: defineJob({ name: invalid, payload: z.object({ id: z.string() }), run: async () => { throw new Error("must not run"); } }),
    };
    const lines: Record<string, unknown>[] = [];
    const restore = redirectLogs((entry) => lines.push(entry));
    await enqueueRaw(db, logging, { n: 1 });
    await enqueueRaw(db, logging, { n: 2 });
    await enqueueRaw(db, invalid, { id: 42 });
    const worker = await startWorker({ jobs, schedule: [], pollIntervalMs: 100 });
    try {
      await until(async () => (await jobsNamed(logging)).length === 0 && (await jobsNamed(invalid)).length === 0);
    } finally {
      await worker.stop();
      restore();
    }
    const inside = lines.filter((l) => l.component === "test-job");
    expect(inside.map((l) => l.n).sort()).toEqual([1, 2]);
    for (const line of inside) expect(line.requestId).toMatch(/^[0-9a-f-]{36}$/);
    expect(inside[0]!.requestId).not.toBe(inside[1]!.requestId);
    const dropped = lines.find((l) => l.component === "worker" && l.job === invalid);
    expect(dropped).toMatchObject({ level: 40, jobId: expect.any(String), msg: expect.stringContaining("invalid payload, dropped") });
  });
});
