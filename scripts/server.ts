// The HTTP server in front of Next.js, for `npm start` (production build) and `npm run dev`.
// Next's own server (`next start`) cannot give the app two things it needs:
// - the connection's address: Next exposes none to routes and actions, so we write it into
//   PEER_HEADER on every request, replacing anything a client sent (lib/http/client-ip.ts);
// - a request id per request, carried by every log line (lib/log.ts) and sent back as X-Request-Id;
// and it stops gracefully: on SIGTERM/SIGINT it stops accepting connections, answers 503 on
// /api/health so a load balancer moves on, lets in-flight requests finish (up to
// SHUTDOWN_GRACE_SECONDS), then closes the database pool and exits.
import { randomUUID } from "node:crypto";
import http from "node:http";
import path from "node:path";
import next from "next";
import { loadEnv } from "@/lib/env";
import { markPeerHeaderServer, PEER_HEADER } from "@/lib/http/client-ip";
import { logger, withRequestContext } from "@/lib/log";
import { runShutdownHooks, startDraining } from "@/lib/ops/lifecycle";

const log = logger("server");
const REPO_ROOT = path.resolve(import.meta.dirname, "..");

export type RunningServer = { url: string; stop: (reason: string) => Promise<void> };

export async function serve(opts: { dev: boolean }): Promise<RunningServer> {
  const env = loadEnv();
  markPeerHeaderServer();
  const app = next({ dev: opts.dev, dir: REPO_ROOT, hostname: env.HOST, port: env.PORT });
  await app.prepare();
  const handle = app.getRequestHandler();

  let inFlight = 0;
  let stopping = false;
  let drained: (() => void) | null = null;

  const server = http.createServer((req, res) => {
    const requestId = randomUUID();
    const started = process.hrtime.bigint();
    req.headers["x-request-id"] = requestId;
    req.headers[PEER_HEADER] = req.socket.remoteAddress ?? "";
    res.setHeader("x-request-id", requestId);
    // A request that arrives on a kept-alive connection while stopping is still served, then that
    // connection is closed.
    if (stopping) res.setHeader("connection", "close");
    inFlight++;
    res.once("close", () => {
      inFlight--;
      const path = (req.url ?? "").split("?")[0]!;
      if (!path.startsWith("/_next/")) {
        withRequestContext(requestId, () =>
          log.info({ method: req.method, path: path.slice(0, 200), status: res.statusCode, ms: Number((process.hrtime.bigint() - started) / 1_000_000n) }, "request"),
        );
      }
      if (stopping && inFlight === 0) drained?.();
    });
    withRequestContext(requestId, () => handle(req, res)).catch((err: unknown) => {
      withRequestContext(requestId, () => log.error({ err }, "request failed outside the app"));
      if (!res.headersSent) res.writeHead(500, { "content-type": "text/plain; charset=utf-8" });
      res.end("Something went wrong on our side.");
    });
  });
  if (opts.dev) server.on("upgrade", app.getUpgradeHandler());

  await new Promise<void>((resolve, reject) => {
    server.once("error", reject);
    server.listen(env.PORT, env.HOST, () => resolve());
  });
  const url = `http://${env.HOST.includes(":") ? `[${env.HOST}]` : env.HOST}:${env.PORT}`;
  log.info({ url, dev: opts.dev }, "listening");

  const stop = async (reason: string) => {
    if (stopping) return;
    stopping = true;
    startDraining();
    log.info({ reason, inFlight }, "stopping: no new connections, finishing in-flight requests");
    const closed = new Promise<void>((resolve) => server.close(() => resolve()));
    server.closeIdleConnections();
    const allDone = inFlight === 0 ? Promise.resolve() : new Promise<void>((resolve) => (drained = resolve));
    const grace = new Promise<"timeout">((resolve) => setTimeout(() => resolve("timeout"), env.SHUTDOWN_GRACE_SECONDS * 1000).unref());
    if ((await Promise.race([allDone, grace])) === "timeout") log.warn({ inFlight }, "grace period over: closing the remaining connections");
    server.closeAllConnections();
    await closed;
    await app.close().catch((err: unknown) => log.error({ err }, "next did not close cleanly"));
    await runShutdownHooks((name, err) => log.error({ err, hook: name }, "shutdown step failed"));
    log.info("stopped");
  };
  return { url, stop };
}

/** Runs the server until SIGTERM/SIGINT, then stops it gracefully and exits. */
export async function runUntilSignalled(opts: { dev: boolean }): Promise<void> {
  let running: RunningServer;
  try {
    running = await serve(opts);
  } catch (err) {
    log.fatal({ err }, "could not start");
    process.exit(1);
  }
  for (const signal of ["SIGTERM", "SIGINT"] as const) {
    process.once(signal, () => {
      void running.stop(signal).then(
        () => process.exit(0),
        (err: unknown) => {
          log.error({ err }, "stop failed");
          process.exit(1);
        },
      );
    });
  }
}
