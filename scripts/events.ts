// `npm run events -- [list [--limit N] | failed [--limit N] | replay <webhook-id>]`: the merchant's
// webhook event log from the command line, until the merchant console shows it.
// Database: DATABASE_URL when set, else the embedded development one under .data/.
import fs from "node:fs";
import path from "node:path";
import { DEFAULT_SANDBOX_PORT } from "../sandbox/dev-defaults";
import { DEV_DATA_DIR, provideDatabase, REPO_ROOT } from "./lib/database";
import { loadOrCreateSecrets } from "./lib/secrets";

const [command = "list", ...rest] = process.argv.slice(2);
const limitFlag = rest.indexOf("--limit");
const limit = limitFlag >= 0 ? Number(rest[limitFlag + 1]) : 50;
if (!["list", "failed", "replay"].includes(command) || (command === "replay" && !rest[0]) || !(limit > 0)) {
  console.error("usage: npm run events -- [list [--limit N] | failed [--limit N] | replay <webhook-id>]");
  process.exit(2);
}

const envFile = path.join(REPO_ROOT, ".env");
if (fs.existsSync(envFile)) process.loadEnvFile(envFile);
const database = await provideDatabase({ dataDir: path.join(DEV_DATA_DIR, "postgres"), persistent: true });
// Development fallbacks, the same ones `npm run dev` uses, so the CLI works without a .env.
const secrets = loadOrCreateSecrets(DEV_DATA_DIR);
process.env.DATABASE_URL = database.url;
process.env.DODO_PAYMENTS_API_KEY ??= secrets.apiKey;
process.env.DODO_PAYMENTS_WEBHOOK_KEY ??= secrets.webhookSecret;
process.env.SESSION_SECRET ??= secrets.sessionSecret;
process.env.APP_URL ??= "http://127.0.0.1:3000";
if (!process.env.DODO_PAYMENTS_ENVIRONMENT) process.env.DODO_PAYMENTS_BASE_URL ??= `http://127.0.0.1:${DEFAULT_SANDBOX_PORT}`;

let code = 0;
try {
  const { listWebhookEvents, replayWebhookEvent } = await import("@/lib/webhooks/log");
  if (command === "replay") {
    const result = await replayWebhookEvent(rest[0]!);
    console.log(result.outcome === "FAILED" ? `FAILED: ${result.error}` : result.outcome);
    if (result.outcome === "FAILED") code = 1;
  } else {
    const { items } = await listWebhookEvents({ outcome: command === "failed" ? "FAILED" : undefined, limit });
    if (items.length === 0) console.log(command === "failed" ? "no failed events" : "no events");
    for (const e of items) {
      const when = e.receivedAt.toISOString().replace("T", " ").slice(0, 19);
      const tail = e.outcome === "FAILED" ? `  attempts=${e.attempts}  ${e.error ?? ""}` : "";
      console.log(`${when}  ${e.outcome.padEnd(9)}  ${e.type.padEnd(28)}  ${e.id}${tail}`);
    }
  }
} catch (err) {
  console.error(err instanceof Error ? err.message : err);
  code = 1;
} finally {
  await database.stop();
}
process.exit(code);
