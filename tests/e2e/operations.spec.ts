// Running Encore as an operator does: the client address behind (or without) a proxy, the health
// check load balancers poll, HSTS and __Host- cookies over https, structured logs with a request
// id and no secrets, and a graceful stop. Extra app instances (same build, same database) carry
// the settings each test needs; requests come from 127.0.0.2+ so no other spec's per-IP sign-in
// budget (127.0.0.1) is touched.
import http from "node:http";
import { expect, test } from "@playwright/test";
import { Webhook } from "standardwebhooks";
import { mintMerchantToken } from "../../lib/auth/merchant-token";
import { hashPassword } from "../../lib/auth/password";
import { actionId, formActionBody, rawRequest, startAppInstance, type AppInstance } from "../support/e2e/app-instance";
import { env, magicLinkPath, sql, uid } from "../support/e2e/env";
import { createMerchant, signIn } from "../support/e2e/merchant";

test.describe.configure({ timeout: 120_000 });

async function signInAttempt(base: string, from: string, forwardedFor: string) {
  const { contentType, body } = await formActionBody({ email: `nobody-${uid()}@example.com`, password: "not-it" });
  return rawRequest(`${base}/merchant/sign-in`, {
    method: "POST",
    from,
    headers: { "next-action": actionId("signInAction"), "content-type": contentType, origin: base, accept: "text/x-component", "x-forwarded-for": forwardedFor },
    body,
  });
}

const attemptsFor = async (key: string) => (await sql<{ n: number }>(`SELECT count(*)::int AS n FROM "LoginAttempt" WHERE key = $1`, [key])).rows[0]!.n;

test("without a trusted proxy, the per-IP sign-in limit keys on the connection: rotating X-Forwarded-For does not get past it", async ({ baseURL }) => {
  const from = "127.0.0.2";
  await sql(`DELETE FROM "LoginAttempt" WHERE key = $1`, [`ip:${from}`]);
  try {
    for (let i = 0; i < 30; i++) {
      const res = await signInAttempt(baseURL!, from, `198.51.100.${i}`);
      expect(res.status).toBe(200);
      expect(res.body).toContain("Email or password is incorrect.");
    }
    // Thirty guesses across thirty emails and thirty forged addresses: the thirty-first is refused.
    expect((await signInAttempt(baseURL!, from, "198.51.100.250")).body).toContain("Too many sign-in attempts");
    expect(await attemptsFor(`ip:${from}`)).toBe(30);
    expect((await sql(`SELECT 1 FROM "LoginAttempt" WHERE key LIKE 'ip:198.51.100.%'`)).rows).toHaveLength(0);
  } finally {
    await sql(`DELETE FROM "LoginAttempt" WHERE key = $1`, [`ip:${from}`]);
  }
});

test("GET /api/health answers 200 with the stack up and 503 when the database is unreachable", async ({ request }) => {
  const up = await request.get("/api/health");
  expect(up.status()).toBe(200);
  expect(await up.json()).toMatchObject({ status: "ok", database: { ok: true }, dodo: { ok: true } });

  const noDatabase = await startAppInstance({ DATABASE_URL: "postgresql://encore:encore@127.0.0.1:9/encore" });
  try {
    const down = await rawRequest(`${noDatabase.url}/api/health`);
    expect(down.status).toBe(503);
    expect(JSON.parse(down.body)).toMatchObject({ status: "down", database: { ok: false }, dodo: { ok: true } });
    expect(down.headers["cache-control"]).toBe("no-store");
  } finally {
    await noDatabase.stop();
  }
});

test("a signed webhook that can never be processed is acknowledged once, not retried, and shown to the merchant", async ({ page, request }) => {
  const id = uid("msg_");
  const body = JSON.stringify({ business_id: "bus_e2e", type: "payment.succeeded", timestamp: new Date().toISOString(), data: {} });
  const deliver = () => {
    const signature = new Webhook(env("E2E_WEBHOOK_SECRET")).sign(id, new Date(), body);
    return request.post("/api/webhooks/dodo", { headers: { "content-type": "application/json", "webhook-id": id, "webhook-timestamp": String(Math.floor(Date.now() / 1000)), "webhook-signature": signature }, data: body });
  };
  const first = await deliver();
  expect(first.status()).toBe(200);
  expect(await first.json()).toEqual({ id, outcome: "rejected" });
  // Dodo's retry, had it sent one: acknowledged without processing again.
  expect(await (await deliver()).json()).toEqual({ id, outcome: "duplicate" });
  expect((await sql(`SELECT outcome, attempts FROM "WebhookEvent" WHERE id = $1`, [id])).rows[0]).toEqual({ outcome: "REJECTED", attempts: 1 });

  await signIn(page, await createMerchant());
  await page.goto("/merchant/events");
  const row = page.getByTestId("failed-events").getByTestId("event-row").filter({ hasText: id });
  await expect(row).toContainText("rejected");
  await expect(row).toContainText("payment.succeeded payload is unusable");
});

test.describe("an instance behind one trusted proxy, on https", () => {
  let app: AppInstance;
  test.beforeAll(async () => {
    app = await startAppInstance({ TRUSTED_PROXIES: "1", APP_URL: "https://shop.encore.test" });
  });
  test.afterAll(async () => {
    await app?.stop();
  });

  test("uses the client address the proxy appended to X-Forwarded-For", async () => {
    const client = `203.0.113.${Math.floor(Math.random() * 200) + 1}`;
    await sql(`DELETE FROM "LoginAttempt" WHERE key IN ($1, 'ip:127.0.0.3')`, [`ip:${client}`]);
    const res = await signInAttempt(app.url, "127.0.0.3", `6.6.6.6, ${client}`);
    expect(res.body).toContain("Email or password is incorrect.");
    expect(await attemptsFor(`ip:${client}`)).toBe(1);
    expect(await attemptsFor("ip:127.0.0.3")).toBe(0);
    expect(await attemptsFor("ip:6.6.6.6")).toBe(0);
    await sql(`DELETE FROM "LoginAttempt" WHERE key = $1`, [`ip:${client}`]);
  });

  test("sends HSTS and sets session cookies Secure, __Host- prefixed and SameSite", async () => {
    const home = await rawRequest(`${app.url}/`);
    expect(home.headers["strict-transport-security"]).toBe("max-age=63072000; includeSubDomains");
    expect(home.headers["content-security-policy"]).toContain("upgrade-insecure-requests");

    const customerId = uid("cust_");
    await sql(`INSERT INTO "Customer" (id, "dodoCustomerId", email, "updatedAt") VALUES ($1, $2, $3, now())`, [customerId, uid("cus_"), `ops-${uid()}@example.com`]);
    const login = await rawRequest(`${app.url}${magicLinkPath(customerId)}`);
    expect(login.status).toBe(303);
    const cookie = String(login.headers["set-cookie"]);
    expect(cookie).toMatch(/^__Host-encore_customer=/);
    expect(cookie).toMatch(/; Secure/i);
    expect(cookie).toMatch(/; HttpOnly/i);
    expect(cookie).toMatch(/; SameSite=lax/i);
    expect(cookie).toMatch(/; Path=\//);
    expect(cookie).not.toMatch(/Domain=/i);

    // Signing out replaces that cookie with an expired one the browser accepts (Secure, Path=/).
    const session = cookie.split(";")[0]!;
    const { contentType, body } = await formActionBody({}, null);
    const out = await rawRequest(`${app.url}/account`, {
      method: "POST",
      headers: { "next-action": actionId("signOutAction", "app/(store)/_session-actions.ts"), "content-type": contentType, origin: app.url, cookie: session },
      body,
    });
    expect(out.status).toBeLessThan(400);
    const cleared = String(out.headers["set-cookie"]);
    expect(cleared).toMatch(/^__Host-encore_customer=;/);
    expect(cleared).toMatch(/; Secure/i);
    expect(cleared).toMatch(/; Path=\//);
    expect(cleared).toMatch(/Max-Age=0|Expires=Thu, 01 Jan 1970/i);
  });

  test("logs JSON lines with the request's id, and never a token or cookie", async () => {
    const email = `ops-merchant-${uid()}@example.com`;
    const passwordHash = await hashPassword(`pw-${uid()}`);
    const userId = uid("mu_");
    await sql(`INSERT INTO "MerchantUser" (id, email, "passwordHash", "updatedAt") VALUES ($1, $2, $3, now())`, [userId, email, passwordHash]);
    const session = mintMerchantToken(env("E2E_SESSION_SECRET"), { id: userId, passwordHash });
    // Pausing an offer that does not exist: refused, and logged as a warning inside the request.
    const { contentType, body } = await formActionBody({ id: "off_missing", active: "false" }, null);
    const res = await rawRequest(`${app.url}/merchant/offers`, {
      method: "POST",
      headers: { "next-action": actionId("setOfferActiveAction"), "content-type": contentType, origin: app.url, cookie: `__Host-encore_merchant=${session}` },
      body,
    });
    expect(res.status).toBe(200);
    const requestId = String(res.headers["x-request-id"]);
    expect(requestId).toMatch(/^[0-9a-f-]{36}$/);
    await expect.poll(() => app.logs().filter((l) => l.requestId === requestId).map((l) => l.msg)).toEqual(expect.arrayContaining(["request"]));
    const lines = app.logs().filter((l) => l.requestId === requestId);
    expect(lines).toEqual(expect.arrayContaining([
      expect.objectContaining({ level: 40, component: "merchant", action: "pause or resume offer", code: "not_found" }),
      expect.objectContaining({ level: 30, component: "server", msg: "request", method: "POST", path: "/merchant/offers", status: 200 }),
    ]));
    const everything = JSON.stringify(app.logs());
    expect(everything).not.toContain(session);
    expect(everything).not.toContain(env("E2E_SESSION_SECRET"));
    expect(everything).not.toContain("token=");
  });

  test("stops gracefully: refuses new connections, finishes the request in flight, exits 0", async () => {
    const body = JSON.stringify({ type: "payment.succeeded", data: {} });
    // A webhook whose body is still arriving when the stop begins.
    const answered = new Promise<number>((resolve, reject) => {
      const req = http.request(`${app.url}/api/webhooks/dodo`, { method: "POST", headers: { "content-type": "application/json", "content-length": String(Buffer.byteLength(body)) } }, (res) => {
        res.resume();
        res.on("end", () => resolve(res.statusCode!));
      });
      req.on("error", reject);
      req.write(body.slice(0, 5));
      void (async () => {
        await expect.poll(() => app.logs().some((l) => typeof l.msg === "string" && l.msg.startsWith("stopping"))).toBe(true);
        await expect(rawRequest(`${app.url}/api/health`)).rejects.toThrow(/ECONNREFUSED/);
        req.end(body.slice(5));
      })().catch(reject);
    });
    await expect.poll(() => app.logs().filter((l) => l.msg === "request").length).toBeGreaterThan(0);
    app.process.kill("SIGTERM");
    // Unsigned, so 401 — but answered, after the stop began.
    expect(await answered).toBe(401);
    expect(await app.exited).toBe(0);
    const messages = app.logs().map((l) => l.msg);
    expect(messages.slice(messages.findIndex((m) => typeof m === "string" && m.startsWith("stopping")))).toEqual(expect.arrayContaining(["request", "stopped"]));
    expect(app.logs().filter((l) => (l.level as number) >= 50)).toEqual([]);
  });
});
