// CLI for `npm run sandbox`: the Dodo API stand-in on SANDBOX_PORT (default 8787), state in SANDBOX_DATA_DIR.
import path from "node:path";
import { startSandbox } from "./server";
import { DEFAULT_SANDBOX_PORT, DEV_API_KEY, DEV_WEBHOOK_SECRET } from "./dev-defaults";
import { SEED_CUSTOMERS, SEED_PRODUCTS, SEED_SUBSCRIPTIONS } from "./seed";

async function main(): Promise<void> {
  const repoRoot = path.resolve(import.meta.dirname, "..");
  const dataDir = process.env.SANDBOX_DATA_DIR ?? path.join(repoRoot, ".data", "sandbox");
  const apiKey = process.env.SANDBOX_API_KEY || DEV_API_KEY;
  const webhookSecret = process.env.SANDBOX_WEBHOOK_SECRET || DEV_WEBHOOK_SECRET;
  const sandbox = await startSandbox({
    port: Number(process.env.SANDBOX_PORT ?? DEFAULT_SANDBOX_PORT),
    host: process.env.SANDBOX_HOST ?? "127.0.0.1",
    apiKey,
    webhookSecret,
    webhookUrl: process.env.SANDBOX_WEBHOOK_URL || null,
    dataFile: path.join(dataDir, "state.json"),
  });

  console.log(`Dodo sandbox listening on ${sandbox.url}`);
  console.log(`  state file:     ${path.join(dataDir, "state.json")}`);
  console.log(`  API key:        ${apiKey}${process.env.SANDBOX_API_KEY ? "" : " (dev default)"}`);
  console.log(`  webhook secret: ${webhookSecret}${process.env.SANDBOX_WEBHOOK_SECRET ? "" : " (dev default)"}`);
  console.log(`  webhook URL:    ${process.env.SANDBOX_WEBHOOK_URL || "(none; set SANDBOX_WEBHOOK_URL or POST /_sandbox/webhooks)"}`);
  console.log(`  demo customer ${SEED_CUSTOMERS.demo}, subscription ${SEED_SUBSCRIPTIONS.demo_basic}, Pro monthly ${SEED_PRODUCTS.pro_monthly}`);

  let closing = false;
  const shutdown = (signal: string) => {
    if (closing) return;
    closing = true;
    console.log(`\n${signal}: saving sandbox state and exiting`);
    void sandbox.close().then(() => process.exit(0));
  };
  process.on("SIGINT", () => shutdown("SIGINT"));
  process.on("SIGTERM", () => shutdown("SIGTERM"));
}

main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
