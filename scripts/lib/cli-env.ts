// The app environment for command-line tools (events, reconcile, customer-link): the real settings
// when they are set (environment or .env), else the local development setup of `npm run dev`: its
// database (the running one when the dev server is up, else the embedded one, started briefly),
// its generated secrets and its sandbox. Call before importing any lib/ module: lib/env reads
// process.env once.
import fs from "node:fs";
import path from "node:path";
import { DEV_DATA_DIR, provideDatabase, REPO_ROOT } from "./database";
import { loadOrCreateSecrets } from "./secrets";

/** The dev server's embedded PostgreSQL, if it is running (its port is in postmaster.pid). */
function runningDevDatabase(): string | null {
  const pidFile = path.join(DEV_DATA_DIR, "postgres", "postmaster.pid");
  if (!fs.existsSync(pidFile)) return null;
  const [pid, , , port] = fs.readFileSync(pidFile, "utf8").split("\n");
  try {
    process.kill(Number(pid), 0);
  } catch {
    return null;
  }
  return `postgresql://encore:encore@127.0.0.1:${port}/encore`;
}

/** Fills process.env for the app modules; returns how to stop a database it started. */
async function prepareAppEnvironment(): Promise<{ stop: () => Promise<void> }> {
  const envFile = path.join(REPO_ROOT, ".env");
  if (fs.existsSync(envFile)) process.loadEnvFile(envFile);
  let stop = async () => {};
  if (!process.env.DATABASE_URL) {
    const running = runningDevDatabase();
    if (running) process.env.DATABASE_URL = running;
    else {
      const db = await provideDatabase({ dataDir: path.join(DEV_DATA_DIR, "postgres"), persistent: true });
      process.env.DATABASE_URL = db.url;
      stop = db.stop;
    }
  }
  const secrets = loadOrCreateSecrets(DEV_DATA_DIR);
  process.env.DODO_PAYMENTS_API_KEY ??= secrets.apiKey;
  process.env.DODO_PAYMENTS_WEBHOOK_KEY ??= secrets.webhookSecret;
  process.env.SESSION_SECRET ??= secrets.sessionSecret;
  process.env.APP_URL ??= `http://localhost:${process.env.PORT ?? 3000}`;
  if (!process.env.DODO_PAYMENTS_ENVIRONMENT) process.env.DODO_PAYMENTS_BASE_URL ??= `http://127.0.0.1:${process.env.SANDBOX_PORT ?? 8787}`;
  return { stop };
}

/**
 * Runs a CLI body with the app environment prepared, then exits with its code (1 on an error,
 * shown without a stack trace), always stopping a database it started.
 */
export async function runWithAppEnvironment(body: () => Promise<number>): Promise<never> {
  const database = await prepareAppEnvironment();
  let code: number;
  try {
    code = await body();
  } catch (err) {
    console.error(err instanceof Error ? err.message : err);
    code = 1;
  } finally {
    await database.stop();
  }
  process.exit(code);
}
