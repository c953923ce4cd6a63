// The one Dodo error classifier, fed by the real SDK: a tiny local HTTP server answers the
// change-plan call with each status (Dodo's `{ code, message }` body), hangs, or drops the
// connection, and the SDK's own error objects are classified.
import http from "node:http";
import type { AddressInfo } from "node:net";
import DodoPayments from "dodopayments";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { classifyDodoError, refusalOf } from "@/lib/dodo/errors";

const CODES: Record<number, string> = {
  400: "INVALID_REQUEST_BODY",
  401: "UNAUTHORIZED",
  404: "NOT_FOUND",
  408: "REQUEST_TIMEOUT",
  409: "PENDING_PLAN_CHANGE_EXISTS",
  422: "INACTIVE_SUBSCRIPTION_PLAN_CHANGE_NOT_SUPPORTED",
  429: "TOO_MANY_REQUESTS",
  500: "INTERNAL_SERVER_ERROR",
  502: "BAD_GATEWAY",
  503: "SERVICE_UNAVAILABLE",
};

let server: http.Server;
let client: DodoPayments;
const hits = new Map<string, number>();

beforeAll(async () => {
  // POST /subscriptions/<behaviour>/change-plan: <behaviour> is a status, "hang" or "drop".
  server = http.createServer((req, res) => {
    const behaviour = req.url?.split("/")[2] ?? "";
    hits.set(behaviour, (hits.get(behaviour) ?? 0) + 1);
    if (behaviour === "hang") return; // never answers: the client's timeout fires
    if (behaviour === "drop") return req.socket.destroy();
    const status = Number(behaviour);
    res.writeHead(status, { "content-type": "application/json" });
    res.end(JSON.stringify({ code: CODES[status], message: `answered ${status}` }));
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  client = new DodoPayments({ bearerToken: "sk_test_classifier", baseURL: `http://127.0.0.1:${(server.address() as AddressInfo).port}` });
});
afterAll(() => {
  server.closeAllConnections();
  return new Promise<void>((resolve) => server.close(() => resolve()));
});

/**
 * The client's timeout: only "hang" is meant to reach it. The others get a generous one, since on
 * a loaded machine a short one fired before the request reached the server (and the SDK's timeout
 * error is an APIError too, so only the hit count caught it).
 */
const timeoutFor = (behaviour: string) => (behaviour === "hang" ? 2_000 : 15_000);

/** What the SDK throws for a change-plan call answered by `behaviour`, sent once as money calls are. */
async function failureOf(behaviour: string) {
  const err = await client.subscriptions
    .changePlan(behaviour, { product_id: "pdt_x", quantity: 1, proration_billing_mode: "difference_immediately" }, { maxRetries: 0, timeout: timeoutFor(behaviour) })
    .then(() => null, (e: unknown) => e);
  expect(err, "the call must fail").toBeInstanceOf(DodoPayments.APIError);
  expect(hits.get(behaviour)).toBe(1);
  return classifyDodoError(err);
}

describe("classifyDodoError", () => {
  it.each([400, 401, 404, 422])("%i: refused, Dodo's code kept, not retryable", async (status) => {
    expect(await failureOf(String(status))).toEqual({ kind: "refused", status, code: CODES[status], message: `answered ${status}`, retryable: false });
  });

  it("409: refused (a conflicting change Dodo already holds; this request was not carried out)", async () => {
    expect(await failureOf("409")).toEqual({ kind: "refused", status: 409, code: "PENDING_PLAN_CHANGE_EXISTS", message: "answered 409", retryable: false });
  });

  it("429: refused before it was handled, and retryable later", async () => {
    expect(await failureOf("429")).toEqual({ kind: "refused", status: 429, code: "TOO_MANY_REQUESTS", message: "answered 429", retryable: true });
  });

  it("408: outcome unknown (Dodo may have done the work before giving up)", async () => {
    expect(await failureOf("408")).toEqual({ kind: "unknown", cause: "timeout", status: 408 });
  });

  it.each([500, 502, 503])("%i: outcome unknown", async (status) => {
    expect(await failureOf(String(status))).toEqual({ kind: "unknown", cause: "server", status });
  });

  it("a client timeout: outcome unknown", async () => {
    expect(await failureOf("hang")).toEqual({ kind: "unknown", cause: "timeout", status: null });
  });

  it("a dropped connection: outcome unknown", async () => {
    expect(await failureOf("drop")).toEqual({ kind: "unknown", cause: "network", status: null });
  });

  it("anything that is not an SDK error: outcome unknown, never a refusal", () => {
    expect(classifyDodoError(new TypeError("fetch failed"))).toEqual({ kind: "unknown", cause: "unexpected", status: null });
    expect(refusalOf("boom")).toBeNull();
  });

  it("falls back to HTTP_<status> when a refusal has no body", () => {
    expect(refusalOf(new DodoPayments.NotFoundError(404, undefined, undefined, new Headers()))).toMatchObject({ kind: "refused", code: "HTTP_404" });
  });
});
