// One way to run the Dodo sandbox in a unit test file: `useSandbox()` starts it (and, when asked, a
// webhook receiver) before the file's tests, stops both after them, and before each test resets the
// sandbox to its seed, clears injected faults and returns webhook delivery to its defaults.
import http from "node:http";
import type { AddressInfo } from "node:net";
import DodoPayments from "dodopayments";
import { afterAll, beforeAll, beforeEach } from "vitest";
import { startSandbox, type RunningSandbox, type SandboxOptions } from "../../sandbox/server";

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
  const apiKey = options.apiKey ?? API_KEY;
  const webhookSecret = options.webhookSecret ?? WEBHOOK_SECRET;
  const sandbox = await startSandbox({ port: 0, dataFile: null, ...options, apiKey, webhookSecret });
  const client = new DodoPayments({ bearerToken: apiKey, baseURL: sandbox.url, maxRetries: 0, webhookKey: webhookSecret });
  const control = async <T>(method: string, path: string, body?: unknown): Promise<T> => {
    const response = await fetch(`${sandbox.url}${path}`, {
      method,
      headers: { authorization: `Bearer ${apiKey}`, "content-type": "application/json" },
      body: body === undefined ? undefined : JSON.stringify(body),
    });
    const text = await response.text();
    const payload = (text ? JSON.parse(text) : null) as T;
    if (!response.ok) throw new Error(`${method} ${path} → ${response.status} ${text}`);
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

/** Polls `condition` every 10 ms; fails after `timeoutMs`. Tests wait for conditions, never for time. */
export async function waitUntil(condition: () => boolean | Promise<boolean>, timeoutMs = 5_000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (!(await condition())) {
    if (Date.now() > deadline) throw new Error("condition not met in time");
    await new Promise((resolve) => setTimeout(resolve, 10));
  }
}

export interface UsedSandbox extends TestSandbox {
  /** Present when `useSandbox({ receiver: true })`. */
  receiver: Receiver;
}

export interface UseSandboxOptions {
  /** Start a webhook receiver and point the sandbox's deliveries at it. */
  receiver?: boolean;
  /** Extra `startSandbox` options (retry schedule, data file, seed…). */
  sandbox?: Partial<SandboxOptions>;
}

/**
 * Registers the file's sandbox lifecycle. The returned object is filled in by `beforeAll`, so read
 * its fields inside tests and hooks, not at module level.
 */
export function useSandbox(options: UseSandboxOptions = {}): UsedSandbox {
  const used = {} as UsedSandbox;
  beforeAll(async () => {
    if (options.receiver) used.receiver = await startReceiver();
    Object.assign(used, await startTestSandbox({ webhookUrl: used.receiver?.url ?? null, ...options.sandbox }));
  });
  afterAll(async () => {
    await used.close?.();
    await used.receiver?.close();
  });
  beforeEach(async () => {
    await used.control("POST", "/_sandbox/reset");
    await used.control("DELETE", "/_sandbox/faults");
    await used.control("POST", "/_sandbox/webhooks", {
      url: used.receiver?.url ?? null,
      duplicate: false,
      shuffle: false,
      delay_ms: 0,
      drop_first: false,
      snapshot: false,
      shuffle_seed: null,
      withhold_customers: [],
    });
    if (used.receiver) {
      used.receiver.received.length = 0;
      used.receiver.answers.length = 0;
    }
  });
  return used;
}

/** Submits the sandbox's 3-D Secure page at `link` (it carries the client secret) the way a browser would. */
export async function submitAuthentication(link: string, outcome: "complete" | "fail"): Promise<{ status: number; location: string | null }> {
  const url = new URL(link);
  const response = await fetch(`${url.origin}${url.pathname}`, {
    method: "POST",
    headers: { "content-type": "application/x-www-form-urlencoded" },
    body: new URLSearchParams({ client_secret: url.searchParams.get("client_secret") ?? "", outcome }),
    redirect: "manual",
  });
  return { status: response.status, location: response.headers.get("location") };
}
