// Development secrets, generated once per checkout and kept under .data/ so restarts keep
// working sessions and the sandbox and app agree on the API key and webhook secret.
import crypto from "node:crypto";
import fs from "node:fs";
import path from "node:path";

export type StackSecrets = { apiKey: string; webhookSecret: string; sessionSecret: string };

export function generateSecrets(): StackSecrets {
  return {
    apiKey: `sk_sandbox_${crypto.randomBytes(18).toString("base64url")}`,
    webhookSecret: `whsec_${crypto.randomBytes(32).toString("base64")}`,
    sessionSecret: crypto.randomBytes(32).toString("base64url"),
  };
}

export function loadOrCreateSecrets(dataDir: string): StackSecrets {
  const file = path.join(dataDir, "dev-secrets.json");
  if (fs.existsSync(file)) return JSON.parse(fs.readFileSync(file, "utf8")) as StackSecrets;
  const secrets = generateSecrets();
  fs.mkdirSync(dataDir, { recursive: true });
  fs.writeFileSync(file, JSON.stringify(secrets, null, 2), { mode: 0o600 });
  return secrets;
}
