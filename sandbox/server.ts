import http from "node:http";
import type { AddressInfo } from "node:net";
import { registerControlPlane } from "./control/routes";
import { SandboxCore } from "./core";
import { renderEvent } from "./domain/events";
import { runDueWork } from "./domain/due";
import { resumeSettlements } from "./domain/settlement";
import { registerDodoRoutes } from "./http/dodo-routes";
import { ApiError } from "./http/errors";
import { FaultInjector, faultSubject, type LostAnswer } from "./http/faults";
import { readBody, send, sendError } from "./http/io";
import { Router } from "./http/router";
import { registerHostedCheckout } from "./hosted-checkout/routes";
import { buildSeedState, SEED_BRAND_ID, SEED_BUSINESS_ID } from "./seed";
import { DebouncedSaver, emptyState, loadState } from "./state/store";
import { DODO_RETRY_SCHEDULE_MS, NO_FAULT_MODES, WebhookDispatcher } from "./webhooks/dispatcher";

export interface SandboxOptions {
  /** 0 = random free port. */
  port?: number;
  host?: string;
  apiKey: string;
  /** `whsec_…` Standard Webhooks secret used to sign deliveries. */
  webhookSecret: string;
  webhookUrl?: string | null;
  /** JSON persistence file; null = memory only. */
  dataFile?: string | null;
  seed?: boolean;
  /** Milliseconds before each delivery attempt (the first is usually 0). Defaults to Dodo's schedule. */
  retrySchedule?: number[];
}

export interface RunningSandbox {
  url: string;
  port: number;
  close(): Promise<void>;
}

export async function startSandbox(opts: SandboxOptions): Promise<RunningSandbox> {
  const host = opts.host ?? "127.0.0.1";
  const initialState = () => (opts.seed === false ? emptyState(SEED_BUSINESS_ID, SEED_BRAND_ID) : buildSeedState(new Date()));
  const state = (opts.dataFile ? loadState(opts.dataFile) : null) ?? initialState();

  const webhooks: WebhookDispatcher = new WebhookDispatcher(
    { url: opts.webhookUrl ?? null, secret: opts.webhookSecret, modes: { ...NO_FAULT_MODES } },
    opts.retrySchedule ?? DODO_RETRY_SCHEDULE_MS,
    (): string => core.state.business_id,
    (ref) => renderEvent(core, ref),
  );
  let saver: DebouncedSaver | null = null;
  const core = new SandboxCore(state, webhooks, () => saver?.schedule());
  if (opts.dataFile) saver = new DebouncedSaver(opts.dataFile, () => core.state);
  const faults = new FaultInjector();

  const api = new Router();
  registerDodoRoutes(api, core);
  const control = new Router();
  registerControlPlane(control, { core, faults, webhooks, initialState });
  const pages = new Router();
  registerHostedCheckout(pages, core);

  const server = http.createServer((req, res) => {
    void handle(req, res).catch((error: unknown) => {
      if (error instanceof ApiError) return sendError(res, error.status, error.code, error.message);
      console.error("[sandbox] unhandled error", error);
      if (!res.headersSent) sendError(res, 500, "INTERNAL_SERVER_ERROR", "Internal server error");
    });
  });

  async function handle(req: http.IncomingMessage, res: http.ServerResponse): Promise<void> {
    const url = new URL(req.url ?? "/", "http://sandbox");
    const method = req.method ?? "GET";
    const path = url.pathname;
    const isPage = path.startsWith("/checkout/") || path.startsWith("/portal/") || path.startsWith("/authenticate/");
    if (!isPage && req.headers.authorization !== `Bearer ${opts.apiKey}`) {
      return sendError(res, 401, "UNAUTHORIZED", "Missing or invalid API key");
    }
    const isControl = path.startsWith("/_sandbox/");
    const router = isPage ? pages : isControl ? control : api;
    let loseAnswer: LostAnswer | null = null;
    // Read before the faults: a fault may be scoped to the customer a request names.
    const body = await readBody(req);
    if (!isPage && !isControl) {
      const fault = faults.decide(method, path, faultSubject(path, url.searchParams, body));
      if (fault.latencyMs > 0) await new Promise((resolve) => setTimeout(resolve, fault.latencyMs));
      if (fault.hang) return; // never answered: the client's own timeout fires
      if (fault.fail) return sendError(res, 500, "INTERNAL_SERVER_ERROR", "Injected fault");
      loseAnswer = fault.loseAnswer;
      runDueWork(core);
    }
    const match = router.match(method, path);
    if (match === undefined) return sendError(res, 404, "NOT_FOUND", `No route for ${method} ${path}`);
    if (match === "method") return sendError(res, 405, "METHOD_NOT_ALLOWED", `${method} is not allowed on ${path}`);
    const outcome = await Promise.resolve()
      .then(() => match.handler({ method, path, params: match.params, query: url.searchParams, headers: req.headers, body }))
      .then((reply) => ({ reply, error: null }), (error: unknown) => ({ reply: null, error }));
    // "Processed, answer lost": whatever the handler did stays done; only its answer goes missing.
    if (loseAnswer === "timeout") return;
    if (loseAnswer !== null) return sendError(res, loseAnswer, "INTERNAL_SERVER_ERROR", "Injected fault: the request was processed but its answer was lost");
    if (outcome.error !== null) throw outcome.error;
    send(res, outcome.reply!);
  }

  await new Promise<void>((resolve, reject) => {
    server.once("error", reject);
    server.listen(opts.port ?? 0, host, () => resolve());
  });
  const port = (server.address() as AddressInfo).port;
  const url = `http://${host}:${port}`;
  core.baseUrl = url;
  resumeSettlements(core);

  return {
    url,
    port,
    async close() {
      webhooks.close();
      core.stop();
      saver?.flush();
      server.closeAllConnections();
      await new Promise<void>((resolve) => server.close(() => resolve()));
    },
  };
}
