// API keys: shown once and stored hashed, scoped, revocable, with last-used; and the request
// pipeline every /api/v1 operation runs through (401, 403, 422, 400, 413, 429, one error shape).
import crypto from "node:crypto";
import { describe, expect, it, vi } from "vitest";
import { z } from "zod";
import { db } from "@/lib/db/client";
import { defineOperation, handle, type Operation } from "@/lib/api/endpoint";
import { authenticateApiKey, createApiKey, keyAllows, listApiKeys, revokeApiKey } from "@/lib/api/keys";
import { accessOperation } from "@/lib/api/operations/access";
import { checkoutSessionsOperation } from "@/lib/api/operations/checkout-sessions";
import { markPeerHeaderServer, PEER_HEADER } from "@/lib/http/client-ip";
import { seedCustomer, seedPayment, seedProduct } from "../../support/seed";

// Before any import reads the environment (the env module caches it).
vi.hoisted(() => {
  process.env.API_RATE_LIMIT_PER_MINUTE = "3";
});

async function newKey(scope: "READ" | "WRITE") {
  const made = await createApiKey({ name: `test ${crypto.randomUUID().slice(0, 6)}`, scope });
  if (!made.ok) throw new Error(made.message);
  return made;
}

// The requests come as if through `npm start`'s server, which names each connection's address.
markPeerHeaderServer();

// eslint-disable-next-line @typescript-eslint/no-explicit-any -- any operation, whatever its input types
const call = (op: Operation<any, any, any>, init: { key?: string; params?: Record<string, string>; body?: string; url?: string; ip?: string; headers?: Record<string, string> } = {}) =>
  handle(op)(
    new Request(init.url ?? "http://app.test/api/v1/x", {
      method: op.method.toUpperCase(),
      headers: { ...(init.key ? { authorization: `Bearer ${init.key}` } : {}), [PEER_HEADER]: init.ip ?? `10.0.${Math.floor(Math.random() * 250)}.${Math.floor(Math.random() * 250)}`, ...init.headers },
      ...(init.body !== undefined ? { body: init.body } : {}),
    }),
    { params: Promise.resolve(init.params ?? {}) },
  );

async function errorOf(response: Response) {
  const body = (await response.json()) as { error: { code: string; message: string; request_id: string; fields?: Record<string, string[]> } };
  expect(body.error.request_id).toMatch(/^[0-9a-f-]{36}$/);
  expect(response.headers.get("x-request-id")).toBe(body.error.request_id);
  return body.error;
}

describe("API keys", () => {
  it("show the secret once and keep only its SHA-256", async () => {
    const made = await newKey("READ");
    expect(made.secret).toMatch(/^enc_sk_[A-Za-z0-9_-]{32}$/);
    const row = await db.apiKey.findUniqueOrThrow({ where: { id: made.id } });
    expect(row.secretHash).toBe(crypto.createHash("sha256").update(made.secret).digest("hex"));
    expect(JSON.stringify(row)).not.toContain(made.secret.slice(7));
    const listed = (await listApiKeys()).find((k) => k.id === made.id)!;
    expect(listed.prefix).toBe(made.secret.slice(0, 13));
    expect(Object.keys(listed)).not.toContain("secretHash");
  });

  it("authenticate only live keys, record last use, and refuse after revocation", async () => {
    const made = await newKey("WRITE");
    expect(await authenticateApiKey(`${made.secret}x`)).toBeNull();
    expect(await authenticateApiKey("not-a-key")).toBeNull();
    const found = await authenticateApiKey(made.secret);
    expect(found).toMatchObject({ id: made.id, scope: "WRITE" });
    expect((await db.apiKey.findUniqueOrThrow({ where: { id: made.id } })).lastUsedAt).not.toBeNull();
    expect((await revokeApiKey(made.id)).ok).toBe(true);
    expect(await authenticateApiKey(made.secret)).toBeNull();
  });

  it("scopes: read keys read, write keys do both", () => {
    expect(keyAllows({ scope: "READ" }, "read")).toBe(true);
    expect(keyAllows({ scope: "READ" }, "write")).toBe(false);
    expect(keyAllows({ scope: "WRITE" }, "write")).toBe(true);
  });

  it("refuse a name-less key with a field error", async () => {
    const made = await createApiKey({ name: " ", scope: "READ" });
    expect(made.ok).toBe(false);
    expect(!made.ok && made.fieldErrors?.name).toBeTruthy();
  });
});

describe("the /api/v1 request pipeline", () => {
  it("401 without a key, with a wrong key and with a revoked key", async () => {
    const ip = `198.51.100.${Math.floor(Math.random() * 250)}`;
    const missing = await call(accessOperation, { ip, params: { customer_id: "cus_x", product_id: "pdt_x" } });
    expect(missing.status).toBe(401);
    expect((await errorOf(missing)).code).toBe("missing_api_key");
    // No key, nothing to guess with: the refusal writes nothing (no rate-limit row either).
    expect(await db.loginAttempt.count({ where: { key: `api-ip:${ip}` } })).toBe(0);

    const wrong = await call(accessOperation, { key: "enc_sk_wrongwrongwrongwrongwrongwrongwr", ip, params: { customer_id: "cus_x", product_id: "pdt_x" } });
    expect(wrong.status).toBe(401);
    expect((await errorOf(wrong)).code).toBe("invalid_api_key");
    // A wrong key is a guess: it counts against the address.
    expect(await db.loginAttempt.count({ where: { key: `api-ip:${ip}` } })).toBe(1);

    const made = await newKey("READ");
    await revokeApiKey(made.id);
    const revoked = await call(accessOperation, { key: made.secret, params: { customer_id: "cus_x", product_id: "pdt_x" } });
    expect(revoked.status).toBe(401);
  });

  it("403 for a read key on a write operation, before its body is even read", async () => {
    const made = await newKey("READ");
    const response = await call(checkoutSessionsOperation, { key: made.secret, body: "{not json" });
    expect(response.status).toBe(403);
    expect((await errorOf(response)).code).toBe("insufficient_scope");
  });

  it("400 for a body that is not JSON, 413 for a large one, 422 with fields for an invalid one", async () => {
    const made = await newKey("WRITE");
    const notJson = await call(checkoutSessionsOperation, { key: made.secret, body: "{not json" });
    expect(notJson.status).toBe(400);
    expect((await errorOf(notJson)).code).toBe("invalid_json");

    const large = await call(checkoutSessionsOperation, { key: made.secret, body: JSON.stringify({ product_cart: [], pad: "x".repeat(70_000) }) });
    expect(large.status).toBe(413);

    const other = await newKey("WRITE");
    const invalid = await call(checkoutSessionsOperation, { key: other.secret, body: JSON.stringify({ product_cart: [], return_url: "https://elsewhere.example" }) });
    expect(invalid.status).toBe(422);
    const error = await errorOf(invalid);
    expect(error.code).toBe("invalid_request");
    expect(Object.keys(error.fields ?? {})).toEqual(expect.arrayContaining(["product_cart", "return_url"]));
  });

  it("422 for a malformed path parameter", async () => {
    const made = await newKey("READ");
    const response = await call(accessOperation, { key: made.secret, params: { customer_id: "<script>", product_id: "pdt_x" } });
    expect(response.status).toBe(422);
    expect((await errorOf(response)).fields?.customer_id).toBeTruthy();
  });

  it("429 with Retry-After once a key used its requests per minute (counted in Postgres)", async () => {
    const made = await newKey("READ");
    const product = await seedProduct();
    const params = { customer_id: "cus_nobody", product_id: product.id };
    for (let i = 0; i < 3; i++) expect((await call(accessOperation, { key: made.secret, params })).status).toBe(200);
    const limited = await call(accessOperation, { key: made.secret, params });
    expect(limited.status).toBe(429);
    expect(Number(limited.headers.get("retry-after"))).toBeGreaterThan(0);
    expect((await errorOf(limited)).code).toBe("rate_limited");
    expect(await db.loginAttempt.count({ where: { key: `api-key:${made.id}` } })).toBe(3);
  });

  it("429 for an address that keeps presenting wrong keys", async () => {
    const ip = `192.0.2.${Math.floor(Math.random() * 250)}`;
    let last: Response | undefined;
    for (let i = 0; i < 31; i++) last = await call(accessOperation, { key: "enc_sk_guess", ip, params: { customer_id: "c", product_id: "p" } });
    expect(last!.status).toBe(429);
  });

  it("a new X-Forwarded-For on every guess does not reset the limit (no proxy is trusted)", async () => {
    const ip = `192.0.2.${Math.floor(Math.random() * 250)}`;
    let last: Response | undefined;
    for (let i = 0; i < 31; i++) last = await call(accessOperation, { key: "enc_sk_guess", ip, headers: { "x-forwarded-for": `203.0.113.${i}` }, params: { customer_id: "c", product_id: "p" } });
    expect(last!.status).toBe(429);
  });

  it("500 with a request id and no stack for an unexpected error", async () => {
    const boom = defineOperation({ operationId: "boom", method: "get", path: "/boom", tag: "t", summary: "s", scope: "read", response: z.object({}), errors: [], run: async () => { throw new Error("secret internals"); } });
    const made = await newKey("READ");
    const response = await call(boom, { key: made.secret });
    expect(response.status).toBe(500);
    const text = await response.clone().text();
    expect(text).not.toContain("secret internals");
    expect((await errorOf(response)).code).toBe("internal_error");
  });
});

describe("GET /customers/{customer_id}/access/{product_id}", () => {
  it("answers has_access from stored entitlements, false for an unknown customer, 404 for an unknown product", async () => {
    const made = await newKey("READ");
    const customer = await seedCustomer();
    const product = await seedProduct();
    const payment = await seedPayment(customer.id, product.id);
    await db.entitlement.create({ data: { customerId: customer.id, productId: product.id, source: "PAYMENT", sourceId: payment.id, status: "ACTIVE" } });

    const yes = await call(accessOperation, { key: made.secret, params: { customer_id: customer.dodoCustomerId, product_id: product.id } });
    expect(yes.status).toBe(200);
    expect(await yes.json()).toMatchObject({ has_access: true, entitlements: [{ status: "active", source: "payment", source_id: payment.id }] });

    const other = await call(accessOperation, { key: made.secret, params: { customer_id: "cus_unknown", product_id: product.id } });
    expect(await other.json()).toMatchObject({ has_access: false, entitlements: [] });

    const missing = await call(accessOperation, { key: made.secret, params: { customer_id: customer.dodoCustomerId, product_id: "pdt_missing" } });
    expect(missing.status).toBe(404);
  });
});
