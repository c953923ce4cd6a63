// Offer-stats page speed at scale: seeds 1,000,000 impressions with decisions, charge attempts and
// payments into a throwaway PostgreSQL, then prints the stats page's server time: the 365-day
// page's first request with the worker having run the roll-up job (target ≤ 1 s) next to the same
// request without it (the reference, measured in the same run), then warm p50/p95 (_stats-worker.ts).
import { spawn } from "node:child_process";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import pg from "pg";
import { bin, migrateDeploy, REPO_ROOT } from "../scripts/lib/database";
import { ensureDatabase, startEmbeddedPostgres } from "../scripts/lib/embedded-postgres";
import { seedStats } from "./_stats-seed";

function runWorker(env: Record<string, string>): Promise<void> {
  const childEnv: NodeJS.ProcessEnv = { ...process.env, ...env };
  delete childEnv.DODO_PAYMENTS_ENVIRONMENT; // the bench points at a (never called) base URL instead
  return new Promise((resolve, reject) => {
    const child = spawn(bin("tsx"), ["--conditions=react-server", path.join(REPO_ROOT, "bench", "_stats-worker.ts")], { cwd: REPO_ROOT, stdio: "inherit", env: childEnv });
    child.on("error", reject);
    child.on("exit", (code) => (code === 0 ? resolve() : reject(new Error(`stats bench worker exited with ${code}`))));
  });
}

export async function run(): Promise<void> {
  const tmp = fs.mkdtempSync(path.join(os.tmpdir(), "encore-bench-stats-"));
  // persistent: true keeps production durability settings; the data directory is removed after.
  const server = await startEmbeddedPostgres(path.join(tmp, "pg"), { persistent: true, quiet: true });
  try {
    await ensureDatabase(server.url("postgres"), "bench");
    const url = server.url("bench");
    await migrateDeploy(url);
    const client = new pg.Client({ connectionString: url });
    await client.connect();
    const started = Date.now();
    const counts = await seedStats(client).finally(() => client.end());
    console.log(
      `offer stats: seeded ${counts.impressions.toLocaleString("en-US")} impressions, ${counts.decisions.toLocaleString("en-US")} decisions, ` +
        `${counts.payments.toLocaleString("en-US")} payments in ${((Date.now() - started) / 1000).toFixed(1)} s`,
    );
    await runWorker({
      DATABASE_URL: url,
      DODO_PAYMENTS_API_KEY: "sk_bench",
      DODO_PAYMENTS_BASE_URL: "http://127.0.0.1:1",
      DODO_PAYMENTS_WEBHOOK_KEY: "whsec_YmVuY2gtc3RhdHMtc2VjcmV0",
      APP_URL: "http://127.0.0.1:3000",
      SESSION_SECRET: "bench-session-secret-0123456789abcdef",
      // Production requires a mail server; the stats page sends no mail (never connected to).
      SMTP_URL: "smtp://127.0.0.1:1",
      NODE_ENV: "production",
    });
  } finally {
    await server.stop();
    fs.rmSync(tmp, { recursive: true, force: true });
  }
}
