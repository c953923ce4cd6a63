// The webhook bench's load side (bench/webhooks.ts): the routes it serves, the signed events it
// sends (a realistic mix, classified by what changes an ingest's statement count) and the load
// generator at a fixed concurrency that measures throughput, latency and this process's CPU.
import http from "node:http";
import type { AddressInfo } from "node:net";
import { Webhook } from "standardwebhooks";

export const CONCURRENCY = 16;
export const DURATION_MS = 4_000;
export const SECRET = "whsec_YmVuY2gtd2ViaG9vay1zZWNyZXQtMDEyMzQ1Njc4OWFi";

type Handler = (rawBody: string, headers: http.IncomingHttpHeaders) => Promise<{ status: number; body: unknown }>;

export function serve(handler: Handler): Promise<{ url: string; close: () => Promise<void> }> {
  const server = http.createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on("data", (c: Buffer) => chunks.push(c));
    req.on("end", () => {
      void handler(Buffer.concat(chunks).toString("utf8"), req.headers)
        .catch((err: unknown) => ({ status: 500, body: { error: err instanceof Error ? err.message : String(err) } }))
        .then(({ status, body }) => {
          res.writeHead(status, { "content-type": "application/json" });
          res.end(JSON.stringify(body));
        });
    });
  });
  return new Promise((resolve) =>
    server.listen(0, "127.0.0.1", () =>
      resolve({
        url: `http://127.0.0.1:${(server.address() as AddressInfo).port}/`,
        close: () => new Promise<void>((done) => { server.closeAllConnections(); server.close(() => done()); }),
      }),
    ),
  );
}

/** Customer ids seen so far. */
type Seen = Set<string>;
export const nothingSeen = (): Seen => new Set();

/**
 * The kind of ingest an event asks for, as far as its statement count goes: its type, and whether
 * its customer was seen before by whoever classifies with `seen` (the ingest then finds it in the
 * database instead of inserting it). Whether a subscription is new does not change the count: it
 * is upserted either way.
 */
export function kindOf(type: string, data: { customer?: { customer_id?: string } }, seen: Seen): string {
  const customer = data.customer?.customer_id ?? "";
  const known = seen.has(customer);
  seen.add(customer);
  return `${type}, ${known ? "existing" : "new"} customer`;
}

let sources = 0;

/**
 * A realistic mix: one-time purchases (grant) and subscription lifecycle events, customers and
 * subscriptions coming back (after `customers` and `subscriptions` events). Tallies the kinds it
 * generated (kindOf) in `kinds`.
 */
export function eventSource(products: { oneTime: string; plan: string }, { customers = 500, subscriptions = 300 } = {}) {
  let n = 0;
  const signer = new Webhook(SECRET);
  const run = `${Date.now().toString(36)}${sources++}`;
  const seen = nothingSeen();
  const kinds = new Map<string, number>();
  const next = () => {
    const i = n++;
    const cus = { customer_id: `cus_bench_${run}_${i % customers}`, email: `c${i % customers}@bench.example`, name: "Bench" };
    const at = new Date().toISOString();
    const kind = i % 4;
    const data =
      kind === 3
        ? {
            payload_type: "Subscription", subscription_id: `sub_bench_${run}_${i % subscriptions}`, status: i % 8 === 3 ? "on_hold" : "active",
            product_id: products.plan, quantity: 1, currency: "USD", recurring_pre_tax_amount: 2900, customer: cus, created_at: at,
            next_billing_date: new Date(Date.now() + 30 * 86_400_000).toISOString(), previous_billing_date: at,
            cancel_at_next_billing_date: false, payment_method_id: "pm_bench", scheduled_change: null, metadata: {},
          }
        : {
            payload_type: "Payment", payment_id: `pay_bench_${run}_${i}`, status: "succeeded", customer: cus, created_at: at, updated_at: at,
            total_amount: 4900, currency: "USD", metadata: {}, refunds: [], disputes: [], subscription_id: null,
            product_cart: [{ product_id: products.oneTime, quantity: 1 }], checkout_session_id: null,
          };
    const type = kind === 3 ? (data.status === "on_hold" ? "subscription.on_hold" : "subscription.active") : "payment.succeeded";
    const eventKind = kindOf(type, data, seen);
    kinds.set(eventKind, (kinds.get(eventKind) ?? 0) + 1);
    const rawBody = JSON.stringify({ business_id: "bus_bench", type, timestamp: at, data });
    const id = `msg_bench_${run}_${i}`;
    const headers = { "webhook-id": id, "webhook-timestamp": String(Math.floor(Date.now() / 1000)), "webhook-signature": signer.sign(id, new Date(), rawBody) };
    return { rawBody, headers, kind: eventKind };
  };
  return Object.assign(next, { kinds });
}

export async function load(url: string, next: () => { rawBody: string; headers: Record<string, string> }, durationMs = DURATION_MS) {
  const agent = new http.Agent({ keepAlive: true, maxSockets: CONCURRENCY });
  const latencies: number[] = [];
  const failures = new Map<number, number>();
  const deadline = performance.now() + durationMs;
  const post = (event: { rawBody: string; headers: Record<string, string> }) =>
    new Promise<number>((resolve, reject) => {
      const req = http.request(url, { method: "POST", agent, headers: { ...event.headers, "content-type": "application/json" } }, (res) => {
        res.resume();
        res.on("end", () => resolve(res.statusCode ?? 0));
      });
      req.on("error", reject);
      req.end(event.rawBody);
    });
  const started = performance.now();
  const cpuBefore = process.cpuUsage();
  await Promise.all(
    Array.from({ length: CONCURRENCY }, async () => {
      while (performance.now() < deadline) {
        const t = performance.now();
        const status = await post(next());
        latencies.push(performance.now() - t);
        if (status !== 200) failures.set(status, (failures.get(status) ?? 0) + 1);
      }
    }),
  );
  const seconds = (performance.now() - started) / 1000;
  const cpu = process.cpuUsage(cpuBefore);
  agent.destroy();
  latencies.sort((a, b) => a - b);
  const pct = (p: number) => latencies[Math.min(latencies.length - 1, Math.floor((p / 100) * latencies.length))] ?? NaN;
  // CPU of this process per event (load generator included) is steadier than throughput on a
  // shared, loaded machine, and ingest is bound by it (Prisma's query compiler, socket writes).
  const cpuMs = (cpu.user + cpu.system) / 1000 / latencies.length;
  return { count: latencies.length, perSecond: latencies.length / seconds, p50: pct(50), p99: pct(99), cpuMs, failures };
}

export const fmt = (r: Awaited<ReturnType<typeof load>>) =>
  `${r.perSecond.toFixed(0).padStart(6)} events/s   p50 ${r.p50.toFixed(1).padStart(6)} ms   p99 ${r.p99.toFixed(1).padStart(7)} ms   CPU ${r.cpuMs.toFixed(2)} ms/event   (${r.count} events${
    r.failures.size ? `, non-200: ${JSON.stringify(Object.fromEntries(r.failures))}` : ""
  })`;
