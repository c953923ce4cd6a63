// The example SaaS app (examples/saas) for e2e specs: an Encore API key and a webhook endpoint
// made for it (rows as the console makes them), then the app itself on a free port.
import { spawn } from "node:child_process";
import crypto from "node:crypto";
import { freePort } from "../../../scripts/lib/free-port";
import { env, sql, uid } from "./env";

/** An Encore API key with write scope, stored as the console stores one (its SHA-256). */
export async function createApiKey(): Promise<string> {
  const secret = `enc_sk_${crypto.randomBytes(24).toString("base64url")}`;
  await sql(`INSERT INTO "ApiKey" (id, name, prefix, "secretHash", scope) VALUES ($1, $1, $2, $3, 'WRITE')`, [uid("key_"), secret.slice(0, 13), crypto.createHash("sha256").update(secret).digest("hex")]);
  return secret;
}

export type ExampleApp = { url: string; stop: () => Promise<void> };

export async function startExampleApp(opts: { users: Record<string, string>; proProducts: string[]; creditEntitlement?: string }): Promise<ExampleApp> {
  const port = await freePort();
  const url = `http://127.0.0.1:${port}`;
  const endpointId = uid("wep_");
  const webhookSecret = `whsec_${crypto.randomBytes(24).toString("base64")}`;
  // Only the events the app acts on: other specs' customers reach it too (and are ignored there).
  await sql(`INSERT INTO "WebhookEndpoint" (id, url, "eventTypes", secret, "updatedAt") VALUES ($1, $2, $3, $4, now())`, [endpointId, `${url}/encore-webhooks`, ["entitlement.granted", "entitlement.revoked", "plan_change.applied"], webhookSecret]);
  const child = spawn(process.execPath, ["examples/saas/server.mjs"], {
    env: {
      ...process.env,
      SAAS_PORT: String(port), SAAS_HOST: "127.0.0.1", ENCORE_URL: env("E2E_BASE_URL"), ENCORE_API_KEY: await createApiKey(), ENCORE_WEBHOOK_SECRET: webhookSecret,
      SAAS_USERS: Object.entries(opts.users).map(([email, cus]) => `${email}=${cus}`).join(","), SAAS_PRO_PRODUCTS: opts.proProducts.join(","),
      DODO_URL: env("E2E_SANDBOX_URL"), DODO_API_KEY: env("E2E_API_KEY"), ...(opts.creditEntitlement ? { SAAS_CREDIT_ENTITLEMENT: opts.creditEntitlement } : {}),
    },
    stdio: ["ignore", "inherit", "inherit"],
  });
  for (let i = 0; ; i++) {
    const up = await fetch(url).then(() => true, () => false);
    if (up) break;
    if (i > 100 || child.exitCode !== null) throw new Error("the example app did not start");
    await new Promise((r) => setTimeout(r, 100));
  }
  return {
    url,
    stop: async () => {
      await sql(`UPDATE "WebhookEndpoint" SET active = false WHERE id = $1`, [endpointId]);
      child.kill("SIGTERM");
    },
  };
}

/** Makes an offer show at a moment whose properties match `conditions`. */
export async function targetMoment(offerId: string, name: string, conditions: Record<string, unknown>): Promise<void> {
  await sql(`INSERT INTO "OfferMoment" (id, "offerId", name, conditions) VALUES ($1, $2, $3, $4)`, [uid("om_"), offerId, name, JSON.stringify(conditions)]);
}
