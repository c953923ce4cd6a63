// A merchant app's webhook route for e2e specs: a local HTTP server that verifies every request
// with `standardwebhooks` under the endpoint's secret (known once the console shows it), records
// the verified events, and answers 500 to the first `failFirst` tries of each matching event.
import http from "node:http";
import type { AddressInfo } from "node:net";
import { Webhook } from "standardwebhooks";

export type Received = { id: string; type: string; data: Record<string, unknown>; verified: boolean; answered: number; at: number };

export async function startWebhookReceiver(opts: { failFirst?: number; failWhen?: (event: { type: string; data: Record<string, unknown> }) => boolean } = {}) {
  let secret: string | null = null;
  const received: Received[] = [];
  const tries = new Map<string, number>();
  const server = http.createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on("data", (c: Buffer) => chunks.push(c));
    req.on("end", () => {
      const body = Buffer.concat(chunks).toString("utf8");
      const headers = Object.fromEntries(Object.entries(req.headers).map(([k, v]) => [k, String(v)]));
      let event: { type: string; data: Record<string, unknown> } | null = null;
      try {
        event = secret ? (new Webhook(secret).verify(body, headers) as { type: string; data: Record<string, unknown> }) : null;
      } catch {
        event = null;
      }
      const id = headers["webhook-id"] ?? "";
      const n = (tries.get(id) ?? 0) + 1;
      tries.set(id, n);
      const fail = !!event && (opts.failWhen?.(event) ?? false) && n <= (opts.failFirst ?? 0);
      const answered = !event ? 401 : fail ? 500 : 200;
      const parsed = JSON.parse(body) as { type: string; data: Record<string, unknown> };
      received.push({ id, type: parsed.type, data: parsed.data, verified: !!event, answered, at: Date.now() });
      res.writeHead(answered, { "content-type": "text/plain" });
      res.end(answered === 200 ? "ok" : answered === 401 ? "bad signature" : "try again");
    });
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  return {
    url: `http://127.0.0.1:${(server.address() as AddressInfo).port}/encore-webhooks`,
    received,
    useSecret: (value: string) => {
      secret = value;
    },
    close: () => new Promise<void>((resolve) => {
      server.closeAllConnections();
      server.close(() => resolve());
    }),
  };
}
