// "Acme Reports": a tiny SaaS app playing the merchant's own product next to Encore. It reports
// moments through Encore's server API, embeds Encore's prompt with a per-customer token from that
// API, and unlocks features only from Encore's signed outgoing webhooks (never from a redirect).
// Plain Node (no framework). Configuration is in the environment; see README.md beside this file.
import crypto from "node:crypto";
import http from "node:http";
import DodoPayments from "dodopayments";
import { Webhook } from "standardwebhooks";
import { page } from "./pages.mjs";

const env = (key, fallback) => process.env[key] ?? fallback ?? (() => { throw new Error(`${key} is not set`); })();
const config = {
  port: Number(env("SAAS_PORT", "3400")),
  host: env("SAAS_HOST", "127.0.0.1"),
  encoreUrl: env("ENCORE_URL"),
  apiKey: env("ENCORE_API_KEY"),
  webhookSecret: env("ENCORE_WEBHOOK_SECRET"),
  // Who can sign in here, as email=Dodo customer id pairs (the merchant's own user table).
  users: env("SAAS_USERS").split(",").filter(Boolean).map((pair) => pair.split("=")),
  // Products whose entitlement unlocks "Advanced reports" (the merchant's plan-to-feature map).
  proProducts: new Set(env("SAAS_PRO_PRODUCTS", "").split(",").filter(Boolean)),
  reportLimit: Number(env("SAAS_REPORT_LIMIT", "5")),
  milestone: Number(env("SAAS_MILESTONE", "3")),
  // Usage billed in Dodo credits (optional): API calls are debited from this credit entitlement.
  dodoUrl: process.env.DODO_URL,
  dodoKey: process.env.DODO_API_KEY,
  creditEntitlement: process.env.SAAS_CREDIT_ENTITLEMENT,
  cookieSecret: crypto.randomBytes(32),
};

// The merchant's database, in memory for the demo.
const users = new Map(config.users.map(([email, customerId]) => [email, { email, customerId, reports: 0, products: new Set(), events: [] }]));
const byCustomer = (customerId) => [...users.values()].find((u) => u.customerId === customerId);
const log = (line) => console.log(`[saas] ${line}`);

function sign(value) {
  return `${value}.${crypto.createHmac("sha256", config.cookieSecret).update(value).digest("base64url")}`;
}
function currentUser(req) {
  const raw = /(?:^|;\s*)saas_user=([^;]+)/.exec(req.headers.cookie ?? "")?.[1];
  if (!raw) return null;
  const value = decodeURIComponent(raw);
  const email = value.slice(0, value.lastIndexOf("."));
  return sign(email) === value ? users.get(email) ?? null : null;
}

async function encore(path, body) {
  const res = await fetch(`${config.encoreUrl}/api/v1${path}`, {
    method: "POST",
    headers: { authorization: `Bearer ${config.apiKey}`, "content-type": "application/json" },
    body: JSON.stringify(body ?? {}),
  });
  const json = await res.json().catch(() => ({}));
  if (!res.ok) throw new Error(`Encore ${path}: ${res.status} ${json.message ?? ""}`);
  return json;
}

const dodo = config.dodoUrl && config.dodoKey ? new DodoPayments({ bearerToken: config.dodoKey, baseURL: config.dodoUrl, maxRetries: 0 }) : null;

async function readBody(req) {
  const chunks = [];
  let size = 0;
  for await (const chunk of req) {
    size += chunk.length;
    if (size > 256 * 1024) throw new Error("body too large");
    chunks.push(chunk);
  }
  return Buffer.concat(chunks).toString("utf8");
}

/** Encore's outgoing webhooks: verified with the endpoint's secret, then they change access. */
function onWebhook(body, headers) {
  const event = new Webhook(config.webhookSecret).verify(body, headers);
  const user = byCustomer(event.data?.customer?.customer_id);
  if (!user) return;
  user.events.push({ type: event.type, id: headers["webhook-id"], verified: true });
  if (event.type === "entitlement.granted") user.products.add(event.data.product_id);
  if (event.type === "entitlement.revoked") user.products.delete(event.data.product_id);
  log(`${event.type} for ${user.email} (${event.data.product_id ?? event.data.to_product_id ?? ""})`);
}

const redirect = (res, to, cookie) => {
  res.writeHead(303, { location: to, ...(cookie ? { "set-cookie": cookie } : {}) });
  res.end();
};

async function route(req, res) {
  const url = new URL(req.url, "http://x");
  if (req.method === "POST" && url.pathname === "/encore-webhooks") {
    const body = await readBody(req);
    try {
      onWebhook(body, Object.fromEntries(Object.entries(req.headers).map(([k, v]) => [k, String(v)])));
    } catch (err) {
      log(`refused a webhook: ${err.message}`);
      res.writeHead(401).end("bad signature");
      return;
    }
    res.writeHead(200).end("ok");
    return;
  }
  if (req.method === "POST" && url.pathname === "/login") {
    const email = new URLSearchParams(await readBody(req)).get("email");
    if (!users.has(email)) return redirect(res, "/");
    return redirect(res, "/", `saas_user=${encodeURIComponent(sign(email))}; Path=/; HttpOnly; SameSite=Lax`);
  }
  const user = currentUser(req);
  if (req.method === "POST" && user && url.pathname === "/reports") {
    await readBody(req);
    const unlimited = [...user.products].some((p) => config.proProducts.has(p));
    if (unlimited || user.reports < config.reportLimit) user.reports += 1;
    // The moment Encore offers an upgrade at: a usage milestone towards the plan's limit.
    if (!unlimited && user.reports === config.milestone) {
      await encore("/moments", { customer_id: user.customerId, name: "usage_milestone", properties: { feature: "reports", used: user.reports, limit: config.reportLimit }, idempotency_key: `reports-${user.customerId}-${config.milestone}` });
    }
    return redirect(res, "/");
  }
  if (req.method === "POST" && user && url.pathname === "/credits") {
    const amount = new URLSearchParams(await readBody(req)).get("amount") ?? "10";
    // Usage at Dodo: the debit lowers the credit balance; Dodo sends credit.balance_low to Encore.
    if (dodo && config.creditEntitlement) await dodo.creditEntitlements.balances.createLedgerEntry(user.customerId, { credit_entitlement_id: config.creditEntitlement, amount, entry_type: "debit" });
    return redirect(res, "/");
  }
  if (req.method === "GET" && url.pathname === "/") {
    let embed = null;
    let credits = null;
    if (user) {
      embed = await encore(`/customers/${encodeURIComponent(user.customerId)}/embed-token`);
      if (dodo && config.creditEntitlement) {
        credits = await dodo.creditEntitlements.balances.retrieve(user.customerId, { credit_entitlement_id: config.creditEntitlement }).then((b) => b.balance, () => null);
      }
    }
    const html = page({ user, users: [...users.keys()], embed, credits, config, unlocked: !!user && [...user.products].some((p) => config.proProducts.has(p)) });
    res.writeHead(200, { "content-type": "text/html; charset=utf-8", "cache-control": "no-store" });
    res.end(html);
    return;
  }
  if (url.pathname === "/favicon.ico") return void res.writeHead(204).end();
  res.writeHead(404, { "content-type": "text/plain" }).end("Not found");
}

const server = http.createServer((req, res) => {
  route(req, res).catch((err) => {
    log(`error: ${err.message}`);
    if (!res.headersSent) res.writeHead(500, { "content-type": "text/plain" });
    res.end("Something went wrong.");
  });
});
server.listen(config.port, config.host, () => log(`Acme Reports on http://${config.host}:${config.port}`));
for (const signal of ["SIGINT", "SIGTERM"]) process.on(signal, () => server.close(() => process.exit(0)));
