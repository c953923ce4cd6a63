// Extra app instances for operations tests: the production build the global setup made, served by
// `npm start`'s own script (scripts/start.ts) on a free port with settings of the test's choice
// (a trusted proxy, an unreachable database, https). Plus raw HTTP from a chosen loopback address,
// so a test can be a client other than 127.0.0.1 (whose per-IP sign-in budget other specs share).
import { spawn, type ChildProcess } from "node:child_process";
import fs from "node:fs";
import http from "node:http";
import path from "node:path";
import { freePort } from "../../../scripts/lib/free-port";
import { env } from "./env";

const ROOT = path.resolve(import.meta.dirname, "../../..");
export const distDir = () => process.env.E2E_DIST_DIR ?? ".next-e2e";

export type AppInstance = { url: string; logs: () => Record<string, unknown>[]; process: ChildProcess; exited: Promise<number | null>; stop: () => Promise<number | null> };

export async function startAppInstance(overrides: Record<string, string> = {}): Promise<AppInstance> {
  const port = await freePort();
  const url = `http://127.0.0.1:${port}`;
  const child = spawn(path.join(ROOT, "node_modules/.bin/tsx"), ["scripts/start.ts"], {
    cwd: ROOT,
    env: {
      ...process.env,
      NODE_ENV: "production",
      NEXT_TELEMETRY_DISABLED: "1",
      ENCORE_DIST_DIR: distDir(),
      DATABASE_URL: env("E2E_DATABASE_URL"),
      DODO_PAYMENTS_API_KEY: env("E2E_API_KEY"),
      DODO_PAYMENTS_BASE_URL: env("E2E_SANDBOX_URL"),
      DODO_PAYMENTS_WEBHOOK_KEY: env("E2E_WEBHOOK_SECRET"),
      SESSION_SECRET: env("E2E_SESSION_SECRET"),
      SMTP_URL: env("E2E_SMTP_URL"),
      APP_URL: url,
      PORT: String(port),
      HOST: "127.0.0.1",
      LOG_LEVEL: "info",
      ...overrides,
    },
    stdio: ["ignore", "pipe", "pipe"],
  });
  const lines: string[] = [];
  let buffered = "";
  child.stdout!.on("data", (chunk: Buffer) => {
    buffered += chunk.toString("utf8");
    const parts = buffered.split("\n");
    buffered = parts.pop()!;
    lines.push(...parts);
  });
  child.stderr!.on("data", (chunk: Buffer) => lines.push(chunk.toString("utf8")));
  const exited = new Promise<number | null>((resolve) => child.once("exit", (code) => resolve(code)));
  const logs = () => lines.flatMap((line) => { try { return [JSON.parse(line) as Record<string, unknown>]; } catch { return []; } });
  const deadline = Date.now() + 60_000;
  while (!logs().some((l) => l.msg === "listening")) {
    if (child.exitCode !== null) throw new Error(`app instance exited (${child.exitCode}):\n${lines.join("\n")}`);
    if (Date.now() > deadline) throw new Error(`app instance did not start:\n${lines.join("\n")}`);
    await new Promise((r) => setTimeout(r, 100));
  }
  const stop = async () => {
    if (child.exitCode === null) child.kill("SIGTERM");
    return exited;
  };
  return { url, logs, process: child, exited, stop };
}

export type RawResponse = { status: number; headers: http.IncomingHttpHeaders; body: string };

const hasFraming = (headers: Record<string, string> = {}) => Object.keys(headers).some((name) => ["content-length", "transfer-encoding"].includes(name.toLowerCase()));

/** One HTTP request from `from` (a loopback address such as 127.0.0.2); the body may arrive slowly. */
export function rawRequest(url: string, opts: { method?: string; headers?: Record<string, string>; body?: Uint8Array | string; from?: string; agent?: http.Agent } = {}): Promise<RawResponse> {
  return new Promise((resolve, reject) => {
    // Framed as a browser or curl frames it: Node's client sends an OPTIONS or DELETE body with
    // neither Content-Length nor chunked encoding, so the server reads those bytes as a second,
    // malformed request (answers 400, closes, and the rest of the upload is reset).
    const headers = opts.body === undefined || hasFraming(opts.headers) ? opts.headers : { ...opts.headers, "content-length": String(Buffer.byteLength(opts.body)) };
    const req = http.request(url, { method: opts.method ?? "GET", headers, localAddress: opts.from, agent: opts.agent }, (res) => {
      const chunks: Buffer[] = [];
      res.on("data", (c: Buffer) => chunks.push(c));
      res.on("end", () => resolve({ status: res.statusCode!, headers: res.headers, body: Buffer.concat(chunks).toString("utf8") }));
    });
    req.on("error", reject);
    req.end(opts.body);
  });
}

/** A server action's id in this build (its exported name and file), from Next's server-reference manifest. */
export function actionId(exportedName: string, file?: string): string {
  const manifest = JSON.parse(fs.readFileSync(path.join(ROOT, distDir(), "server/server-reference-manifest.json"), "utf8")) as { node: Record<string, { exportedName: string; filename: string }> };
  const found = Object.entries(manifest.node).filter(([, a]) => a.exportedName === exportedName && (!file || a.filename === file));
  if (found.length !== 1) throw new Error(`expected one action ${exportedName}, found ${found.length}`);
  return found[0]![0];
}

/**
 * An action's multipart body as React's client sends one from a form with useActionState (or,
 * with `previousState: null`, from a plain form). The root row "0" goes last, as React sends it:
 * the server decodes it as soon as it arrives, with the form entries received so far.
 */
export async function formActionBody(fields: Record<string, string>, previousState: unknown = { attempt: 0, result: null, values: {} }) {
  const form = new FormData();
  for (const [key, value] of Object.entries(fields)) form.append(`_1_${key}`, value);
  form.set("0", JSON.stringify(previousState === null ? ["$K1"] : [previousState, "$K1"]));
  const request = new Request("http://encore.invalid/", { method: "POST", body: form });
  return { contentType: request.headers.get("content-type")!, body: new Uint8Array(await request.arrayBuffer()) };
}
