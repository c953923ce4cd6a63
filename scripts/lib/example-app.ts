// The example SaaS app next to the store in `npm run dev` (examples/saas): provisioned like a
// merchant's app (API key, webhook endpoint, demo credits), then started on its own port.
import crypto from "node:crypto";
import fs from "node:fs";
import path from "node:path";
import type { ChildProcess } from "node:child_process";
import { SEED_CREDIT_ENTITLEMENTS, SEED_PRODUCTS } from "../../sandbox/seed";
import { bin, run } from "./database";
import { portInUse } from "./free-port";
import { startChild, stopChild, waitForHttp } from "./processes";
import type { Stack } from "./stack";

type ExampleSecrets = { apiKey: string; webhookSecret: string };

function secretsIn(dataDir: string): ExampleSecrets {
  const file = path.join(dataDir, "example-saas.json");
  if (fs.existsSync(file)) return JSON.parse(fs.readFileSync(file, "utf8")) as ExampleSecrets;
  const secrets = { apiKey: `enc_sk_${crypto.randomBytes(24).toString("base64url")}`, webhookSecret: `whsec_${crypto.randomBytes(24).toString("base64")}` };
  fs.writeFileSync(file, JSON.stringify(secrets, null, 2), { mode: 0o600 });
  return secrets;
}

export async function startExampleApp(stack: Stack, opts: { port: number; host: string; dataDir: string }): Promise<{ url: string; stop: () => Promise<void> }> {
  const url = `http://${opts.host}:${opts.port}`;
  if (await portInUse(opts.port)) throw new Error(`Port ${opts.port} (example app) is already in use. Stop whatever uses it, or set SAAS_PORT.`);
  const secrets = secretsIn(opts.dataDir);
  await run(bin("tsx"), ["--conditions=react-server", "scripts/example-provision.ts"], {
    ...stack.appEnv, EXAMPLE_SAAS_URL: url, EXAMPLE_SAAS_API_KEY: secrets.apiKey, EXAMPLE_SAAS_WEBHOOK_SECRET: secrets.webhookSecret,
  });
  const child: ChildProcess = startChild(process.execPath, ["examples/saas/server.mjs"], {
    SAAS_PORT: String(opts.port), SAAS_HOST: opts.host, ENCORE_URL: stack.appUrl, ENCORE_API_KEY: secrets.apiKey, ENCORE_WEBHOOK_SECRET: secrets.webhookSecret,
    SAAS_USERS: "demo@example.com=cus_v9JjQMfjnloDVQCsB5IVp", SAAS_PRO_PRODUCTS: [SEED_PRODUCTS.pro_monthly, SEED_PRODUCTS.pro_yearly, SEED_PRODUCTS.team_monthly, SEED_PRODUCTS.team_yearly].join(","),
    DODO_URL: stack.sandboxUrl, DODO_API_KEY: stack.appEnv.DODO_PAYMENTS_API_KEY!, SAAS_CREDIT_ENTITLEMENT: SEED_CREDIT_ENTITLEMENTS.api_credits,
  });
  await waitForHttp(url, child, 20_000);
  return { url, stop: () => stopChild(child) };
}
