import http from "node:http";
import type { AddressInfo } from "node:net";
import DodoPayments from "dodopayments";
import { startSandbox, type RunningSandbox, type SandboxOptions } from "../../../sandbox/server";

export const API_KEY = "sk_test_sandbox_conformance";
export const WEBHOOK_SECRET = "whsec_c2FuZGJveC1jb25mb3JtYW5jZS10ZXN0LXNlY3JldA==";

export interface TestSandbox {
  sandbox: RunningSandbox;
  /** The real SDK pointed at the sandbox. No retries: every call is observed exactly once. */
  client: DodoPayments;
  control<T = unknown>(method: string, path: string, body?: unknown): Promise<T>;
  close(): Promise<void>;
}

export async function startTestSandbox(options: Partial<SandboxOptions> = {}): Promise<TestSandbox> {
  const sandbox = await startSandbox({ port: 0, apiKey: API_KEY, webhookSecret: WEBHOOK_SECRET, dataFile: null, ...options });
  const client = new DodoPayments({ bearerToken: API_KEY, baseURL: sandbox.url, maxRetries: 0, webhookKey: WEBHOOK_SECRET });
  const control = async <T>(method: string, path: string, body?: unknown): Promise<T> => {
    const response = await fetch(`${sandbox.url}${path}`, {
      method,
      headers: { authorization: `Bearer ${API_KEY}`, "content-type": "application/json" },
      body: body === undefined ? undefined : JSON.stringify(body),
    });
    const payload = (await response.json()) as T;
    if (!response.ok) throw new Error(`${method} ${path} → ${response.status} ${JSON.stringify(payload)}`);
    return payload;
  };
  return { sandbox, client, control, close: () => sandbox.close() };
}

export interface ReceivedWebhook {
  headers: Record<string, string>;
  body: string;
  type: string;
}

/** A local webhook endpoint that records what it receives and answers with a programmable status. */
export interface Receiver {
  url: string;
  received: ReceivedWebhook[];
  /** Statuses to answer, in order; after they run out the answer is 200. */
  answers: number[];
  waitFor(predicate: (received: ReceivedWebhook[]) => boolean, timeoutMs?: number): Promise<void>;
  close(): Promise<void>;
}

export async function startReceiver(): Promise<Receiver> {
  const received: ReceivedWebhook[] = [];
  const answers: number[] = [];
  const server = http.createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on("data", (chunk: Buffer) => chunks.push(chunk));
    req.on("end", () => {
      const body = Buffer.concat(chunks).toString("utf8");
      const headers = Object.fromEntries(Object.entries(req.headers).map(([k, v]) => [k, String(v)]));
      received.push({ headers, body, type: (JSON.parse(body) as { type: string }).type });
      res.writeHead(answers.shift() ?? 200);
      res.end();
    });
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const url = `http://127.0.0.1:${(server.address() as AddressInfo).port}/webhooks`;
  return {
    url,
    received,
    answers,
    waitFor: (predicate, timeoutMs = 5_000) => waitUntil(() => predicate(received), timeoutMs),
    close: () => new Promise<void>((resolve) => {
      server.closeAllConnections();
      server.close(() => resolve());
    }),
  };
}

/** Submits the hosted page's form the way a browser would; answers the redirect target. */
export async function payHostedPage(checkoutUrl: string, fields: Record<string, string>): Promise<{ status: number; location: string | null; html: string }> {
  const response = await fetch(checkoutUrl, {
    method: "POST",
    headers: { "content-type": "application/x-www-form-urlencoded" },
    body: new URLSearchParams({ email: "buyer@example.com", name: "Bea Buyer", country: "US", zipcode: "10001", card_number: "4242424242424242", ...fields }),
    redirect: "manual",
  });
  return { status: response.status, location: response.headers.get("location"), html: await response.text() };
}

export async function waitUntil(condition: () => boolean | Promise<boolean>, timeoutMs = 5_000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (!(await condition())) {
    if (Date.now() > deadline) throw new Error("condition not met in time");
    await new Promise((resolve) => setTimeout(resolve, 10));
  }
}

/** Moves sandbox time to `fraction` of the subscription's current period (½ = half-way). */
export async function moveIntoPeriod(t: TestSandbox, subscriptionId: string, fraction: number): Promise<string> {
  const sub = await t.client.subscriptions.retrieve(subscriptionId);
  const start = Date.parse(sub.previous_billing_date);
  const end = Date.parse(sub.next_billing_date);
  const at = new Date(start + (end - start) * fraction).toISOString();
  await t.control("POST", "/_sandbox/clock", { set: at });
  return at;
}
