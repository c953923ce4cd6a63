// The one place our scripts decide which PostgreSQL to use: DATABASE_URL when given (production,
// CI with an external server, several app instances), else an embedded server under .data/.
import { spawn } from "node:child_process";
import path from "node:path";
import { ensureDatabase, startEmbeddedPostgres } from "./embedded-postgres";

export const REPO_ROOT = path.resolve(import.meta.dirname, "..", "..");
export const DEV_DATA_DIR = path.join(REPO_ROOT, ".data");

export type ProvidedDatabase = { url: string; embedded: boolean; stop: () => Promise<void> };

export async function provideDatabase(opts: { dataDir: string; persistent: boolean; database?: string }): Promise<ProvidedDatabase> {
  const external = process.env.DATABASE_URL;
  if (external) return { url: external, embedded: false, stop: async () => {} };
  const server = await startEmbeddedPostgres(opts.dataDir, { persistent: opts.persistent });
  const database = opts.database ?? "encore";
  await ensureDatabase(server.url("postgres"), database);
  return { url: server.url(database), embedded: true, stop: server.stop };
}

/** Runs a command to completion with extra env, inheriting stdio; rejects on a non-zero exit. */
export function run(command: string, args: string[], env: Record<string, string> = {}): Promise<void> {
  return new Promise((resolve, reject) => {
    const child = spawn(command, args, { stdio: "inherit", env: { ...process.env, NEXT_TELEMETRY_DISABLED: "1", ...env }, cwd: REPO_ROOT });
    child.on("error", reject);
    child.on("exit", (code, signal) =>
      code === 0 ? resolve() : reject(new Error(`${command} ${args.join(" ")} exited with ${signal ?? code}`)),
    );
  });
}

export const bin = (name: string) => path.join(REPO_ROOT, "node_modules", ".bin", name);

/**
 * Applies every pending migration: Encore's own (Prisma Migrate, offline through the JS schema
 * engine), then the job queue's schema (graphile-worker keeps its tables in `graphile_worker`,
 * outside Prisma's schema, and versions them itself). Both are idempotent.
 */
export async function migrateDeploy(url: string): Promise<void> {
  await run(bin("prisma"), ["migrate", "deploy"], { DATABASE_URL: url });
  await migrateJobQueue(url);
}

/** Creates or upgrades the job queue's schema; app instances enqueue into it, workers read it. */
export async function migrateJobQueue(url: string): Promise<void> {
  const { Logger, runMigrations } = await import("graphile-worker");
  // Its migration notices are noise on every start; real failures still throw.
  await runMigrations({ connectionString: url, logger: new Logger(() => () => {}) });
}
