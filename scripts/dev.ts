// `npm run dev`: embedded PostgreSQL + migrations + Dodo sandbox + local mailbox + demo seed +
// worker + Next.js dev server.
// Data persists under .data/ across restarts; Ctrl-C stops everything cleanly.
import { DEV_DATA_DIR } from "./lib/database";
import { loadOrCreateSecrets } from "./lib/secrets";
import { startExampleApp } from "./lib/example-app";
import { startStack } from "./lib/stack";

const appPort = Number(process.env.PORT ?? 3000);
const sandboxPort = Number(process.env.SANDBOX_PORT ?? 8787);
const mailboxPort = Number(process.env.MAILBOX_PORT ?? 8025);
const saasPort = Number(process.env.SAAS_PORT ?? 3400);

const stack = await startStack({
  mode: "dev",
  dataDir: DEV_DATA_DIR,
  persistent: true,
  appPort,
  appHost: "localhost",
  sandboxPort,
  mailboxPort,
  secrets: loadOrCreateSecrets(DEV_DATA_DIR),
}).catch((err: unknown) => {
  console.error(`\n[encore] could not start: ${err instanceof Error ? err.message : String(err)}`);
  process.exit(1);
});
// The example SaaS app (examples/saas) plays the merchant's own product: moments, the embedded prompt, webhooks.
const saas = await startExampleApp(stack, { port: saasPort, host: "localhost", dataDir: DEV_DATA_DIR }).catch(async (err: unknown) => {
  console.error(`\n[encore] could not start the example app: ${err instanceof Error ? err.message : String(err)}`);
  await stack.stop();
  process.exit(1);
});

console.log(`
  Encore is running
  ─────────────────
  Store:          ${stack.appUrl}
  Merchant:       ${stack.appUrl}/merchant  (demo sign-in: merchant@example.com / encore-demo)
  Dodo sandbox:   ${stack.sandboxUrl}
  Mail inbox:     ${stack.mailboxUrl}  (sign-in links and receipts the app sends)
  Example app:    ${saas.url}  (a SaaS product using Encore's API, embed and webhooks)
  Press Ctrl-C to stop (data is kept in .data/).
`);

let stopping = false;
for (const signal of ["SIGINT", "SIGTERM"] as const) {
  process.on(signal, () => {
    if (stopping) return;
    stopping = true;
    console.log("\n[encore] stopping…");
    void saas.stop().then(() => stack.stop()).then(() => process.exit(0));
  });
}
