// Every server action, route handler and page gets a fixed corpus of hostile input — NUL bytes,
// lone surrogates, bad percent-encoding, undecodable and oversized action bodies, wrong argument
// shapes, SQL-ish, HTML/script, unicode — signed out, as a customer and as a merchant. Never a
// 5xx, never a stack trace in the body, and nothing written to the database when the answer was
// a refusal (4xx).
//
// The targets are discovered, not listed: actions from the build's server-reference manifest
// (Next's own list of every action, with the pages that host it), routes and pages from the
// app/ files. The manifest is cross-checked against the "use server" exports in the source, so an
// action or route the discovery misses fails the run instead of going unfuzzed.
//
// Runs alone after every other spec (its own Playwright project), so the write counter below
// counts only what the fuzzed requests wrote.
import fs from "node:fs";
import path from "node:path";
import { expect, test } from "@playwright/test";
import { mintMerchantToken } from "../../lib/auth/merchant-token";
import { hashPassword } from "../../lib/auth/password";
import { distDir, formActionBody, rawRequest, type RawResponse } from "../support/e2e/app-instance";
import { WORKER_APPLICATION_NAME } from "../../scripts/lib/worker-name";
import { appToken, env, sql, uid } from "../support/e2e/env";

test.describe.configure({ timeout: 900_000 });

const ROOT = path.resolve(import.meta.dirname, "../..");
// Its own client address: the sign-in action's per-IP budget of 127.0.0.1 stays untouched.
const FROM = "127.0.0.9";

// ───────────────────────────── discovery ─────────────────────────────

type ActionTarget = { id: string; name: string; file: string; page: string };
type RouteTarget = { path: string; methods: string[]; file: string };

function appFiles(name: string): string[] {
  const out: string[] = [];
  const walk = (dir: string) => {
    for (const entry of fs.readdirSync(dir, { withFileTypes: true })) {
      const full = path.join(dir, entry.name);
      if (entry.isDirectory()) walk(full);
      else if (entry.name === name) out.push(path.relative(ROOT, full));
    }
  };
  walk(path.join(ROOT, "app"));
  return out.sort();
}

/** app/(store)/products/[id]/page.tsx → /products/x (route groups dropped, one sample value per segment). */
function urlPathOf(file: string): string {
  const segments = path.dirname(file).split(path.sep).slice(1).filter((s) => !/^\(.*\)$/.test(s)).map((s) => (/^\[.*\]$/.test(s) ? "x" : s));
  return `/${segments.join("/")}`;
}

function sourceActions(): { name: string; file: string }[] {
  const out: { name: string; file: string }[] = [];
  const walk = (dir: string) => {
    for (const entry of fs.readdirSync(dir, { withFileTypes: true })) {
      const full = path.join(dir, entry.name);
      if (entry.isDirectory() && entry.name !== "node_modules" && !entry.name.startsWith(".")) walk(full);
      else if (/\.tsx?$/.test(entry.name)) {
        const text = fs.readFileSync(full, "utf8");
        if (!/^\s*(\/\/[^\n]*\n\s*)*["']use server["']/.test(text)) continue;
        for (const m of text.matchAll(/^export (?:const|async function|function) (\w+)/gm)) out.push({ name: m[1]!, file: path.relative(ROOT, full) });
      }
    }
  };
  for (const dir of ["app", "lib", "components"]) walk(path.join(ROOT, dir));
  return out;
}

function discoverActions(): ActionTarget[] {
  const manifest = JSON.parse(fs.readFileSync(path.join(ROOT, distDir(), "server/server-reference-manifest.json"), "utf8")) as {
    node: Record<string, { exportedName: string; filename: string; workers: Record<string, unknown> }>;
  };
  return Object.entries(manifest.node).map(([id, a]) => {
    const worker = Object.keys(a.workers).find((w) => w.endsWith("/page"));
    if (!worker) throw new Error(`action ${a.exportedName} (${a.filename}) is hosted by no page, so it cannot be fuzzed`);
    return { id, name: a.exportedName, file: a.filename, page: urlPathOf(`${worker}.tsx`) };
  });
}

function discoverRoutes(): RouteTarget[] {
  return appFiles("route.ts").map((file) => {
    const text = fs.readFileSync(path.join(ROOT, file), "utf8");
    const methods = [...text.matchAll(/^export (?:const|async function|function) (GET|POST|PUT|PATCH|DELETE|HEAD|OPTIONS)\b/gm)].map((m) => m[1]!);
    if (!methods.length) throw new Error(`${file} exports no HTTP method the fuzz recognises`);
    return { path: urlPathOf(file), methods, file };
  });
}

// ───────────────────────────── corpus ─────────────────────────────

const LONG = "x".repeat(20_000);
/** Strings as JSON can carry them (lone surrogates included). */
const STRINGS = [
  "imp_\u0000x", "\ud800", "a\udfffb", "", "😀 déjà Ω \u202egnp.exe", "' OR 1=1; DROP TABLE \"Offer\"; --", "<script>alert(1)</script>",
  "<img src=x onerror=alert(1)>", "../../../../etc/passwd", "$K1", "1e309", LONG,
];
/** Strings a multipart form field can carry (FormData replaces lone surrogates itself). */
const FIELD_STRINGS = ["imp_\u0000x", "' OR 1=1; --", "<script>alert(1)</script> 😀 déjà Ω", "", LONG];
const FIELD_NAMES = [
  "id", "impressionId", "productId", "subscriptionId", "intent", "token", "email", "password", "name", "kind", "headline", "body", "offeredProductId",
  "triggerMode", "triggerProductIds", "discountBps", "minOrder", "frequencyCap", "active", "funnelId", "stepId", "position", "weight", "mode",
];

type Body = { label: string; contentType: string; body: Uint8Array | string; action?: "fetch" | "form"; origin?: string };

const json = (label: string, value: string): Body => ({ label, contentType: "text/plain;charset=UTF-8", body: value, action: "fetch" });

async function multipart(label: string, form: FormData, action: "fetch" | "form"): Promise<Body> {
  const request = new Request("http://encore.invalid/", { method: "POST", body: form });
  return { label, contentType: request.headers.get("content-type")!, body: new Uint8Array(await request.arrayBuffer()), action };
}

async function actionBodies(actionId: string): Promise<Body[]> {
  const bodies: Body[] = [];
  for (const s of STRINGS) {
    bodies.push(json(`[${JSON.stringify(s.slice(0, 20))}]`, JSON.stringify([s])));
    bodies.push(json(`[{fields: ${JSON.stringify(s.slice(0, 20))}}]`, JSON.stringify([Object.fromEntries(FIELD_NAMES.map((f) => [f, s]))])));
  }
  bodies.push(
    json("no arguments", "[]"),
    json("not a list", '"x"'),
    json("an object", '{"a":1}'),
    json("null argument", "[null]"),
    json("numbers", "[1, -0.5, 1e308, true]"),
    json("bad JSON", '["imp'),
    json("5,000-deep nesting", "[".repeat(5000) + "]".repeat(5000)),
    json("2,000 arguments", JSON.stringify(Array(2000).fill("a"))),
    json("unknown marker", '["$Q1"]'),
    json("bad bigint", '["$n12x"]'),
    json("temporary reference", '["$T"]'),
    json("server reference", '["$h1"]'),
    json("dangling reference", '["$0:9:9"]'),
    json("oversized body", JSON.stringify(["y".repeat(1_100_000)])),
    { ...json("foreign origin", '["imp_1"]'), origin: "https://evil.example" },
  );
  for (const s of FIELD_STRINGS) {
    const fields = Object.fromEntries(FIELD_NAMES.map((f) => [f, s]));
    const stateful = await formActionBody(fields);
    bodies.push({ label: `form with state, fields ${JSON.stringify(s.slice(0, 20))}`, contentType: stateful.contentType, body: stateful.body, action: "fetch" });
    const plain = await formActionBody(fields, null);
    bodies.push({ label: `plain form, fields ${JSON.stringify(s.slice(0, 20))}`, contentType: plain.contentType, body: plain.body, action: "fetch" });
    const mpa = new FormData();
    mpa.set(`$ACTION_ID_${actionId}`, "");
    for (const f of FIELD_NAMES) mpa.set(f, s);
    bodies.push(await multipart(`no-JS form, fields ${JSON.stringify(s.slice(0, 20))}`, mpa, "form"));
  }
  const upload = new FormData();
  upload.append("_1_file", new Blob(["%PDF-1.4"]), "evil.pdf");
  upload.set("0", '["$K1"]');
  bodies.push(await multipart("file upload", upload, "fetch"));
  const brokenState = new FormData();
  brokenState.set("$ACTION_REF_1", "");
  brokenState.set("$ACTION_1:0", `{"id":"${actionId}","bound":`);
  bodies.push(await multipart("no-JS form with a broken action row", brokenState, "form"));
  bodies.push({ label: "malformed multipart", contentType: "multipart/form-data; boundary=zzz", body: "--zzz\r\nContent-Disposition: form-data; name=\"0\"\r\n\r\n[\"x\"", action: "fetch" });
  return bodies;
}

const QUERIES = ["?x=%00", "?token=%00", "?order=%27%20OR%201%3D1%20--", "?cursor=%3Cscript%3Ealert(1)%3C%2Fscript%3E", "?from=%ZZ&to=2026-99-99", "?from=2026-01-01&to=1900-01-01", `?q=${"A".repeat(8000)}`, "?id=%F0%9F%98%80%E2%80%AE"];
const SEGMENTS = ["%E0%A4%A", "%00", "%ED%A0%80", "%27%20OR%201%3D1", "%3Cscript%3E", "x".repeat(3000), "..%2F..%2Fetc%2Fpasswd"];

function pathVariants(urlPath: string): string[] {
  const variants = QUERIES.map((q) => `${urlPath}${q}`);
  if (urlPath.includes("/x")) for (const seg of SEGMENTS) variants.push(urlPath.replace("/x", `/${seg}`));
  else for (const seg of SEGMENTS.slice(0, 3)) variants.push(`${urlPath === "/" ? "" : urlPath}/${seg}`);
  return variants;
}

// Sent to every POST route (the webhook route, the server API…), each as every identity.
const POST_BODIES: Body[] = [
  { label: "garbage", contentType: "application/json", body: "not json at all" },
  { label: "empty object", contentType: "application/json", body: "{}" },
  { label: "poison envelope, unsigned", contentType: "application/json", body: '{"type":"payment.succeeded","data":{}}' },
  { label: "NUL in JSON", contentType: "application/json", body: '{"type":"payment.succeeded","data":{"payment_id":"\\u0000"}}' },
  { label: "deep JSON", contentType: "application/json", body: "[".repeat(5000) + "]".repeat(5000) },
  { label: "oversized", contentType: "application/json", body: JSON.stringify({ pad: "z".repeat(400_000) }) },
  { label: "multipart", contentType: "multipart/form-data; boundary=zzz", body: "--zzz--" },
];

// ───────────────────────────── checks ─────────────────────────────

const STACK_TRACE = /\n\s+at [^\n]+:\d+:\d+|node_modules\/|\/work\/|webpack-internal:|turbopack:\/\/|"stack":/;

type Identity = { label: string; cookie?: string };

async function writes(): Promise<number> {
  return Number((await sql<{ n: string }>(`SELECT n FROM fuzz_writes`)).rows[0]!.n);
}

/**
 * Counts every row any statement commits, in every table, from now on (a test instrument only),
 * except the background worker's: its scheduled jobs (expiring offer windows, re-syncs) write on
 * their own clock, whatever the fuzzed requests do.
 */
async function installWriteCounter() {
  await sql(`CREATE TABLE IF NOT EXISTS fuzz_writes (n bigint NOT NULL)`);
  await sql(`INSERT INTO fuzz_writes SELECT 0 WHERE NOT EXISTS (SELECT 1 FROM fuzz_writes)`);
  await sql(`CREATE OR REPLACE FUNCTION fuzz_count_write() RETURNS trigger AS $$ BEGIN IF current_setting('application_name') <> '${WORKER_APPLICATION_NAME}' THEN UPDATE fuzz_writes SET n = n + 1; END IF; RETURN NULL; END $$ LANGUAGE plpgsql`);
  const { rows } = await sql<{ table_name: string }>(`SELECT table_name FROM information_schema.tables WHERE table_schema = 'public' AND table_type = 'BASE TABLE' AND table_name NOT IN ('fuzz_writes', '_prisma_migrations')`);
  for (const { table_name } of rows) {
    await sql(`DROP TRIGGER IF EXISTS fuzz_count ON "${table_name}"`);
    await sql(`CREATE TRIGGER fuzz_count AFTER INSERT OR UPDATE OR DELETE ON "${table_name}" FOR EACH ROW EXECUTE FUNCTION fuzz_count_write()`);
  }
  return rows.map((r) => r.table_name);
}

async function removeWriteCounter(tables: string[]) {
  for (const table of tables) await sql(`DROP TRIGGER IF EXISTS fuzz_count ON "${table}"`);
  await sql(`DROP FUNCTION IF EXISTS fuzz_count_write() CASCADE`);
  await sql(`DROP TABLE IF EXISTS fuzz_writes`);
}

test("hostile input to every action, route and page: no 5xx, no stack trace, nothing written when refused", async ({ baseURL }) => {
  const base = baseURL!;
  const actions = discoverActions();
  const routes = discoverRoutes();
  const pages = appFiles("page.tsx").map(urlPathOf);

  // Discovery must have found everything the source declares.
  const inManifest = new Set(actions.map((a) => `${a.file}#${a.name}`));
  const declared = sourceActions();
  expect(declared.length).toBeGreaterThanOrEqual(20);
  const missed = declared.filter((a) => !inManifest.has(`${a.file}#${a.name}`));
  expect(missed, "server actions in the source that the build's manifest does not list").toEqual([]);
  expect(actions.length).toBeGreaterThanOrEqual(20);
  expect(routes.map((r) => r.path)).toEqual(expect.arrayContaining(["/api/webhooks/dodo", "/api/health"]));

  // A signed-in customer and merchant, as their browsers would hold them.
  const customerId = uid("cust_");
  await sql(`INSERT INTO "Customer" (id, "dodoCustomerId", email, "updatedAt") VALUES ($1, $2, $3, now())`, [customerId, uid("cus_"), `fuzz-${uid()}@example.com`]);
  const merchant = { id: uid("mu_"), passwordHash: await hashPassword(`pw-${uid()}`) };
  await sql(`INSERT INTO "MerchantUser" (id, email, "passwordHash", "updatedAt") VALUES ($1, $2, $3, now())`, [merchant.id, `fuzz-${uid()}@example.com`, merchant.passwordHash]);
  const identities: Identity[] = [
    { label: "signed out" },
    { label: "customer", cookie: `encore_customer=${appToken("customer-session", { c: customerId }, 3600)}` },
    { label: "merchant", cookie: `encore_merchant=${mintMerchantToken(env("E2E_SESSION_SECRET"), merchant)}` },
  ];

  const tables = await installWriteCounter();
  const failures: string[] = [];
  const exercised = new Map<string, number>();
  let sent = 0;
  let written = 0;
  try {
    // Let the sandbox's last webhook retries for earlier specs land first.
    for (let stable = 0, last = await writes(); stable < 6; ) {
      await new Promise((r) => setTimeout(r, 1000));
      const now = await writes();
      stable = now === last ? stable + 1 : 0;
      last = now;
    }
    let before = await writes();
    const check = async (target: string, label: string, send: () => Promise<RawResponse>) => {
      let res: RawResponse;
      try {
        res = await send();
      } catch (err) {
        failures.push(`${target} · ${label}: no answer (${err instanceof Error ? err.message : String(err)})`);
        return;
      }
      sent++;
      exercised.set(target, (exercised.get(target) ?? 0) + 1);
      const after = await writes();
      if (res.status >= 500) failures.push(`${target} · ${label}: ${res.status} ${res.body.slice(0, 160)}`);
      if (STACK_TRACE.test(res.body)) failures.push(`${target} · ${label}: stack trace in the body: ${res.body.slice(0, 300)}`);
      // A fetch action's answer names its result row in row 0 ("a":"$@1"); an error there means the action threw.
      const resultRow = /^0:\{"a":"\$@([0-9a-f]+)"/.exec(res.body)?.[1];
      if (resultRow && new RegExp(`^${resultRow}:E\\{`, "m").test(res.body)) failures.push(`${target} · ${label}: the action threw (${res.body.slice(0, 160)})`);
      if (res.status >= 400 && res.status < 500 && after !== before) failures.push(`${target} · ${label}: refused with ${res.status}, yet ${after - before} row(s) were written`);
      before = after;
    };

    for (const action of actions) {
      const target = `action ${action.name} (${action.file})`;
      for (const body of await actionBodies(action.id)) {
        for (const who of identities) {
          await check(target, `${body.label} · ${who.label}`, () =>
            rawRequest(`${base}${action.page}`, {
              method: "POST",
              from: FROM,
              headers: {
                ...(body.action === "fetch" ? { "next-action": action.id, accept: "text/x-component" } : { accept: "text/html" }),
                "content-type": body.contentType,
                origin: body.origin ?? base,
                ...(who.cookie ? { cookie: who.cookie } : {}),
              },
              body: body.body,
            }),
          );
        }
      }
    }

    for (const route of routes) {
      const target = `route ${route.methods.join("/")} ${route.path} (${route.file})`;
      for (const method of route.methods) {
        const bodies = method === "GET" || method === "HEAD" ? [null] : POST_BODIES;
        for (const variant of method === "GET" ? pathVariants(route.path) : [route.path]) {
          for (const body of bodies) {
            for (const who of identities) {
              await check(target, `${method} ${variant.slice(0, 80)}${body ? ` · ${body.label}` : ""} · ${who.label}`, () =>
                rawRequest(`${base}${variant}`, {
                  method,
                  from: FROM,
                  headers: {
                    accept: "text/html,application/json",
                    ...(body ? { "content-type": body.contentType, "webhook-id": "msg_fuzz", "webhook-timestamp": String(Math.floor(Date.now() / 1000)), "webhook-signature": "v1,Zm9yZ2Vk" } : {}),
                    ...(who.cookie ? { cookie: who.cookie } : {}),
                  },
                  body: body?.body,
                }),
              );
            }
          }
        }
      }
    }

    for (const page of pages) {
      const target = `page ${page}`;
      for (const variant of pathVariants(page)) {
        for (const who of identities) {
          await check(target, `GET ${variant.slice(0, 80)} · ${who.label}`, () =>
            rawRequest(`${base}${variant}`, { from: FROM, headers: { accept: "text/html", ...(who.cookie ? { cookie: who.cookie } : {}) } }),
          );
        }
      }
    }
    written = await writes();
  } finally {
    await removeWriteCounter(tables);
    // Every per-IP budget the fuzzed requests spent (merchant sign-in, customer sign-in links).
    await sql(`DELETE FROM "LoginAttempt" WHERE key = $1 OR key LIKE $2`, [`ip:${FROM}`, `%:ip:${FROM}`]);
  }

  console.log(`fuzz: ${sent} requests to ${actions.length} actions, ${routes.length} routes and ${pages.length} pages`);
  // The counter does count: some hostile but valid input was accepted and stored (a funnel named <script>…).
  expect(written).toBeGreaterThan(0);
  expect(failures.slice(0, 40), `${failures.length} problems`).toEqual([]);
  // Every target got its whole corpus.
  for (const action of actions) expect(exercised.get(`action ${action.name} (${action.file})`), action.name).toBeGreaterThan(100);
  for (const route of routes) expect(exercised.get(`route ${route.methods.join("/")} ${route.path} (${route.file})`), route.path).toBeGreaterThan(10);
});
