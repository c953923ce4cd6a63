// `npm run dev` only: connects the example SaaS app (examples/saas) to this Encore as a merchant
// would in the console — an API key and a webhook endpoint — and gives the demo customer API
// credits at the sandbox (Dodo's credit entitlements) so its usage can run low. Idempotent.
// Reads EXAMPLE_SAAS_URL, EXAMPLE_SAAS_API_KEY and EXAMPLE_SAAS_WEBHOOK_SECRET (kept under .data/).
import crypto from "node:crypto";
import { db } from "@/lib/db/client";
import { dodo } from "@/lib/dodo/client";
import { SEED_CREDIT_ENTITLEMENTS, SEED_CUSTOMERS, SEED_PRODUCTS } from "../sandbox/seed";

const need = (key: string) => process.env[key] ?? (() => { throw new Error(`${key} is not set`); })();
const url = need("EXAMPLE_SAAS_URL");
const apiKey = need("EXAMPLE_SAAS_API_KEY");
const secret = need("EXAMPLE_SAAS_WEBHOOK_SECRET");
const secretHash = crypto.createHash("sha256").update(apiKey).digest("hex");
await db.apiKey.upsert({ where: { id: "example_saas" }, create: { id: "example_saas", name: "Example SaaS app (npm run dev)", scope: "WRITE", prefix: apiKey.slice(0, 13), secretHash }, update: { secretHash, prefix: apiKey.slice(0, 13), revokedAt: null } });
const endpoint = { url: `${url}/encore-webhooks`, description: "Example SaaS app (npm run dev)", eventTypes: ["entitlement.granted", "entitlement.revoked", "plan_change.applied"], secret, active: true };
await db.webhookEndpoint.upsert({ where: { id: "example_saas" }, create: { id: "example_saas", ...endpoint }, update: endpoint });

// Basic comes with 100 API credits and a 20% low-balance threshold (Dodo: products' credit_entitlements).
const client = dodo();
const credits = { credit_entitlement_id: SEED_CREDIT_ENTITLEMENTS.api_credits, credits_amount: "100", low_balance_threshold_percent: 20 };
await client.products.update(SEED_PRODUCTS.basic_monthly, { credit_entitlements: [credits] } as never);
// The demo subscription started before the credits were attached: grant its first 100 once.
const balance = await client.creditEntitlements.balances.retrieve(SEED_CUSTOMERS.demo, { credit_entitlement_id: credits.credit_entitlement_id }).then((b) => Number(b.balance), () => 0);
if (balance === 0) {
  await client.creditEntitlements.balances.createLedgerEntry(SEED_CUSTOMERS.demo, { credit_entitlement_id: credits.credit_entitlement_id, amount: "100", entry_type: "credit", idempotency_key: "example-saas-first-grant" } as never).catch(() => undefined);
}
await db.$disconnect();
