// Starts a throwaway stack for the end-to-end run (fresh PostgreSQL in a temp dir, sandbox and
// app on free ports) unless E2E_BASE_URL points at one that is already running.
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { freePort } from "../../../scripts/lib/free-port";
import { generateSecrets } from "../../../scripts/lib/secrets";
import { startStack } from "../../../scripts/lib/stack";

export default async function globalSetup() {
  if (process.env.E2E_BASE_URL) return;
  const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), "encore-e2e-"));
  const secrets = generateSecrets();
  const stack = await startStack({
    mode: "test",
    dataDir,
    persistent: false,
    appPort: await freePort(),
    appHost: "127.0.0.1",
    sandboxPort: await freePort(),
    mailboxPort: await freePort(),
    secrets,
    log: (line) => console.log(`[e2e] ${line}`),
  });
  // Workers inherit these: tests seed their own data through the sandbox and the database.
  Object.assign(process.env, {
    E2E_BASE_URL: stack.appUrl,
    E2E_SANDBOX_URL: stack.sandboxUrl,
    E2E_MAILBOX_URL: stack.mailboxUrl,
    E2E_SMTP_URL: stack.appEnv.SMTP_URL!,
    E2E_DATABASE_URL: stack.databaseUrl,
    E2E_API_KEY: secrets.apiKey,
    E2E_WEBHOOK_SECRET: secrets.webhookSecret,
    E2E_SESSION_SECRET: secrets.sessionSecret,
  });
  return async () => {
    await stack.stop();
    fs.rmSync(dataDir, { recursive: true, force: true });
  };
}
