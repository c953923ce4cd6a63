// `npm run reconcile -- [--days N]`: re-syncs payments and subscriptions changed in the last N days
// (default 3) from Dodo, converging exactly as webhooks do. Run it after an outage or on a schedule.
// Dodo and database settings come from the environment (or .env); with neither, the development
// defaults of `npm run dev` (embedded PostgreSQL, local sandbox) are used.
import fs from "node:fs";
import path from "node:path";
import { DEFAULT_SANDBOX_PORT } from "../sandbox/dev-defaults";
import { DEV_DATA_DIR, provideDatabase, REPO_ROOT } from "./lib/database";
import { loadOrCreateSecrets } from "./lib/secrets";

const daysFlag = process.argv.indexOf("--days");
const days = daysFlag >= 0 ? Number(process.argv[daysFlag + 1]) : 3;
if (!(days > 0)) {
  console.error("usage: npm run reconcile -- [--days N]");
  process.exit(2);
}

const envFile = path.join(REPO_ROOT, ".env");
if (fs.existsSync(envFile)) process.loadEnvFile(envFile);
const database = await provideDatabase({ dataDir: path.join(DEV_DATA_DIR, "postgres"), persistent: true });
const secrets = loadOrCreateSecrets(DEV_DATA_DIR);
process.env.DATABASE_URL = database.url;
process.env.DODO_PAYMENTS_API_KEY ??= secrets.apiKey;
process.env.DODO_PAYMENTS_WEBHOOK_KEY ??= secrets.webhookSecret;
process.env.SESSION_SECRET ??= secrets.sessionSecret;
process.env.APP_URL ??= "http://127.0.0.1:3000";
if (!process.env.DODO_PAYMENTS_ENVIRONMENT) process.env.DODO_PAYMENTS_BASE_URL ??= `http://127.0.0.1:${DEFAULT_SANDBOX_PORT}`;

let code = 0;
try {
  const { reconcileRecent } = await import("@/lib/reconcile/recent");
  const report = await reconcileRecent({ days, log: (line) => console.log(line) });
  if (report.failures.length > 0) code = 1;
} catch (err) {
  console.error(err instanceof Error ? err.message : err);
  code = 1;
} finally {
  await database.stop();
}
process.exit(code);
