// Two worker processes and two app instances on one database, driving the real jobs: every job's
// effect happens exactly once. The app instances (child processes running the code behind the
// thank-you page's one-click and the plan page's confirm) race each other on the same offers and
// plan changes while the sandbox processes some calls and loses their answers and refuses others
// with a 5xx; it delivers no webhooks, so only the workers (`npm run worker`, unmodified) can
// resolve them. Their logs must report each resolution and expiry once, Dodo must hold one payment
// per charge it made, each charge found must email its receipt once (a local mailbox), and the
// queue must end empty.
import { spawn } from "node:child_process";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import DodoPayments from "dodopayments";
import pg from "pg";
import { afterAll, beforeAll, describe, expect, inject, it } from "vitest";
import { bin, migrateDeploy, REPO_ROOT } from "../../../scripts/lib/database";
import { ensureDatabase } from "../../../scripts/lib/embedded-postgres";
import { freePort } from "../../../scripts/lib/free-port";
import { startMailbox, type Mailbox, type StoredMessage } from "../../../scripts/lib/mailbox";
import type { Scenario } from "@/tests/support/instances/app-instance";
import { startTestSandbox, type TestSandbox } from "@/tests/support/sandbox";

const INSTANCE = path.join(REPO_ROOT, "tests", "support", "instances", "app-instance.ts");
let sandbox: TestSandbox;
let databaseUrl: string;
let sql: pg.Pool;
/** Where the workers send the receipts of the charges they find (the same local mailbox as dev and e2e). */
let mailbox: Mailbox;
const tmp = fs.mkdtempSync(path.join(os.tmpdir(), "encore-instances-"));

beforeAll(async () => {
  sandbox = await startTestSandbox({ webhookUrl: null });
  const admin = new URL(inject("databaseUrl"));
  const name = `encore_instances_${process.pid}_${Date.now()}`;
  const adminUrl = new URL(admin);
  adminUrl.pathname = "/postgres";
  await ensureDatabase(adminUrl.toString(), name);
  admin.pathname = `/${name}`;
  databaseUrl = admin.toString();
  await migrateDeploy(databaseUrl);
  sql = new pg.Pool({ connectionString: databaseUrl, max: 2 });
  mailbox = await startMailbox({ dir: path.join(tmp, "mail"), smtpPort: await freePort(), httpPort: await freePort() });
}, 120_000);
afterAll(async () => {
  await mailbox?.close();
  await sql?.end();
  await sandbox?.close();
  fs.rmSync(tmp, { recursive: true, force: true });
});

type Child = { output: string[]; exited: Promise<number>; stop: () => void };

function start(args: string[], extraEnv: Record<string, string> = {}): Child {
  const env: NodeJS.ProcessEnv = {
    ...process.env,
    DATABASE_URL: databaseUrl,
    DODO_PAYMENTS_BASE_URL: sandbox.sandbox.url,
    DODO_PAYMENTS_API_KEY: "sk_test_sandbox_conformance",
    WORKER_POLL_INTERVAL_MS: "100",
    CHARGE_SETTLE_SECONDS: "3",
    PLAN_CHANGE_SETTLE_SECONDS: "3",
    SMTP_URL: mailbox.smtpUrl,
    // The workers' JSON log lines are what this test counts (the unit tests' own level is warn).
    LOG_LEVEL: "info",
    ...extraEnv,
  };
  delete env.DODO_PAYMENTS_ENVIRONMENT;
  const child = spawn(bin("tsx"), ["--conditions=react-server", ...args], { cwd: REPO_ROOT, env, stdio: ["ignore", "pipe", "pipe"] });
  const output: string[] = [];
  for (const stream of [child.stdout, child.stderr]) stream.on("data", (chunk: Buffer) => output.push(...chunk.toString().split("\n").filter(Boolean)));
  const exited = new Promise<number>((resolve) => child.on("exit", (code) => resolve(code ?? 1)));
  return { output, exited, stop: () => child.kill("SIGTERM") };
}

async function finished(child: Child, what: string): Promise<void> {
  const code = await child.exited;
  if (code !== 0) throw new Error(`${what} exited with ${code}:\n${child.output.join("\n")}`);
}

async function until(check: () => Promise<boolean>, timeoutMs: number, what: string): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (!(await check())) {
    if (Date.now() > deadline) throw new Error(`not in time: ${what}`);
    await new Promise((r) => setTimeout(r, 200));
  }
}

const count = (lines: string[], text: string) => lines.filter((line) => line.includes(text)).length;

describe("two workers and two app instances on one database", () => {
  it("resolve every unknown charge and plan change, and expire every closed window, exactly once", async () => {
    const file = path.join(tmp, "scenario.json");
    await finished(start([INSTANCE, "seed", file]), "seed");
    const scenario = JSON.parse(fs.readFileSync(file, "utf8")) as Scenario;

    const workers = [start(["scripts/worker.ts"]), start(["scripts/worker.ts"])];
    try {
      await until(async () => workers.every((w) => w.output.some((line) => line.includes('"msg":"ready"'))), 60_000, "both workers ready");
      // Both instances at once, each trying every charge and plan change.
      await Promise.all([finished(start([INSTANCE, "app", file]), "app instance 1"), finished(start([INSTANCE, "app", file]), "app instance 2")]);

      const attemptIds = (await sql.query<{ id: string }>(`SELECT id FROM "ChargeAttempt" ORDER BY "createdAt"`)).rows.map((r) => r.id);
      expect(attemptIds).toHaveLength(scenario.offers.length);
      const keys = [...attemptIds.map((id) => `charge-attempt:${id}`), ...scenario.sessions.map((id) => `funnel-session-expiry:${id}`)];
      await until(async () => {
        const open = await sql.query(`SELECT 1 FROM "ChargeAttempt" WHERE status IN ('PENDING', 'UNKNOWN') UNION ALL SELECT 1 FROM "PlanChange" WHERE status = 'UNKNOWN'`);
        const queued = await sql.query(`SELECT 1 FROM graphile_worker.jobs WHERE key = ANY($1) OR key LIKE 'plan-change:%' OR key LIKE 'mail:%'`, [keys]);
        return open.rowCount === 0 && queued.rowCount === 0;
      }, 60_000, "every unknown outcome resolved and its job gone");
      await until(async () => (await sql.query(`SELECT 1 FROM "FunnelSession" WHERE status = 'OPEN'`)).rowCount === 0, 20_000, "closed windows expired");
    } finally {
      for (const w of workers) w.stop();
      await Promise.all(workers.map((w) => w.exited));
    }
    const logs = workers.flatMap((w) => w.output);

    const inbox = (await (await fetch(`${mailbox.inboxUrl}/api/messages`)).json()) as StoredMessage[];
    const receiptsTo = (email: string) => inbox.filter((m) => m.to.some((to) => to.toLowerCase() === email.toLowerCase()));
    // Charges: one attempt each; Dodo's charge found and accepted once, or none and not charged.
    const client = new DodoPayments({ bearerToken: "sk_test_sandbox_conformance", baseURL: sandbox.sandbox.url, maxRetries: 0 });
    for (const offer of scenario.offers) {
      const { rows } = await sql.query<{ id: string; status: string; errorCode: string | null; outcome: string | null }>(
        `SELECT a.id, a.status, a."errorCode", d.outcome FROM "ChargeAttempt" a LEFT JOIN "OfferDecision" d ON d."impressionId" = a."impressionId" WHERE a."impressionId" = $1`,
        [offer.impressionId],
      );
      expect(rows).toHaveLength(1);
      const attempt = rows[0]!;
      const atDodo = (await client.payments.list({ customer_id: offer.dodoCustomerId, product_id: offer.productId, page_number: 0 })).items;
      const entitlements = (await sql.query(`SELECT 1 FROM "Entitlement" WHERE "customerId" = $1 AND "productId" = $2`, [offer.customerId, offer.productId])).rowCount;
      if (offer.lost) {
        expect(attempt).toMatchObject({ status: "SUCCEEDED", outcome: "ACCEPTED" });
        expect(atDodo).toHaveLength(1);
        expect(entitlements).toBe(1);
        expect(count(logs, `resolved charge attempt ${attempt.id}: payment ${atDodo[0]!.payment_id} found at Dodo`)).toBe(1);
        // Its receipt, sent once however many workers saw the charge settle.
        expect(receiptsTo(offer.email)).toHaveLength(1);
      } else {
        expect(attempt).toMatchObject({ status: "FAILED", errorCode: "NOT_CHARGED", outcome: "FAILED" });
        expect(atDodo).toHaveLength(0);
        expect(entitlements).toBe(0);
        expect(count(logs, `resolved charge attempt ${attempt.id}: no payment at Dodo after the settle window`)).toBe(1);
        expect(receiptsTo(offer.email)).toHaveLength(0);
      }
      expect(count(logs, `resolved charge attempt ${attempt.id}`)).toBe(1);
    }

    // Plan changes: one claimed and sent per quote; applied once, or not applied once.
    for (const change of scenario.planChanges) {
      const { rows } = await sql.query<{ id: string; status: string; errorCode: string | null }>(`SELECT id, status, "errorCode" FROM "PlanChange" WHERE "subscriptionId" = $1 AND status <> 'QUOTED'`, [change.subscriptionId]);
      expect(rows).toHaveLength(1);
      const sub = await client.subscriptions.retrieve(change.subscriptionId);
      if (change.lost) {
        expect(rows[0]).toMatchObject({ status: "APPLIED" });
        expect(sub.product_id).toBe(change.toProductId);
        expect((await client.payments.list({ subscription_id: change.subscriptionId, page_number: 0 })).items).toHaveLength(2);
      } else {
        expect(rows[0]).toMatchObject({ status: "FAILED", errorCode: "NOT_APPLIED" });
        expect(sub.product_id).not.toBe(change.toProductId);
      }
      expect(count(logs, `resolved plan change ${rows[0]!.id}`)).toBe(1);
    }

    // Closed windows: each session expired once.
    for (const id of scenario.sessions) expect(count(logs, `expired funnel session ${id}`)).toBe(1);
    // Nothing went wrong: no graphile-worker error or warning, no line logged at error level or above.
    expect(logs.filter((line) => (/error:/i.test(line) || /"level":(5|6)0/.test(line)) && !line.includes("not settled yet"))).toEqual([]);
  }, 240_000);
});
