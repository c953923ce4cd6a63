// The one logger: pino, JSON lines on stdout, every line of a request carrying its request id.
// Our server (scripts/server.ts) gives each request an id and runs it inside requestContext; the
// action and route wrappers do the same where no server did (e.g. a platform without it). The
// server and the app's bundle are separate module instances, so the context lives on globalThis.
// Secrets never reach a line: known secret-bearing keys are redacted, errors are reduced to their
// name, message, code and stack (an SDK error's attached request or headers are dropped), and
// callers log ids and paths, never payloads, query strings or cookies.
import { AsyncLocalStorage } from "node:async_hooks";
import { randomUUID } from "node:crypto";
import pino from "pino";
import { loadLogLevel } from "@/lib/env";

export type RequestContext = { requestId: string };

const CONTEXT_KEY = Symbol.for("encore.request-context");
const globalContext = globalThis as unknown as { [CONTEXT_KEY]?: AsyncLocalStorage<RequestContext> };
const requestContext: AsyncLocalStorage<RequestContext> = (globalContext[CONTEXT_KEY] ??= new AsyncLocalStorage<RequestContext>());

/** The current request's id, if this code runs inside one. */
export const currentRequestId = (): string | undefined => requestContext.getStore()?.requestId;

/** Runs `fn` as request `requestId` (a new id when none is given): every log line inside carries it. */
export function withRequestContext<T>(requestId: string | undefined, fn: () => T): T {
  return requestContext.run({ requestId: requestId ?? randomUUID() }, fn);
}

/** Inside a request already: keep its id. Otherwise start a context with a new one. */
export function inRequestContext<T>(fn: (requestId: string) => T): T {
  const existing = currentRequestId();
  if (existing) return fn(existing);
  return withRequestContext(undefined, () => fn(currentRequestId()!));
}

// Keys whose values are secrets wherever they appear (one or two levels deep in a log object).
const SECRET_KEYS = [
  "password", "passwordHash", "token", "secret", "apiKey", "api_key", "bearerToken", "authorization", "cookie", "cookies",
  "set-cookie", "sessionSecret", "webhookKey", "webhookSecret", "client_secret", "card_number", "cardNumber", "cvc", "cvv",
  "card_last_four", "cardLast4", "headers",
];
export const REDACT_PATHS = SECRET_KEYS.flatMap((key) => {
  const k = /^[A-Za-z_$][\w$]*$/.test(key) ? key : `["${key}"]`;
  const dot = k.startsWith("[") ? "" : ".";
  return [k, `*${dot}${k}`, `*.*${dot}${k}`];
});

/** An error as a log field: what happened and where, nothing an SDK attached to it. */
export function serializeError(err: unknown): Record<string, unknown> {
  if (!(err instanceof Error)) return { message: String(err) };
  const out: Record<string, unknown> = { type: err.name, message: err.message, stack: err.stack };
  const { code, status } = err as { code?: unknown; status?: unknown };
  if (typeof code === "string" || typeof code === "number") out.code = code;
  if (typeof status === "number") out.status = status;
  if (err.cause !== undefined) out.cause = serializeError(err.cause);
  return out;
}

// Lines go to stdout unless a test redirected them (redirectLogs).
const SINKS_KEY = Symbol.for("encore.log-sinks");
const globalSinks = globalThis as unknown as { [SINKS_KEY]?: ((entry: Record<string, unknown>) => void)[] };
const sinks = (globalSinks[SINKS_KEY] ??= []);
const destination = {
  write(line: string) {
    const sink = sinks.at(-1);
    if (sink) sink(JSON.parse(line) as Record<string, unknown>);
    else process.stdout.write(line);
  },
};

/** Tests: hands every log line to `sink` instead of stdout, until the returned function is called. */
export function redirectLogs(sink: (entry: Record<string, unknown>) => void): () => void {
  sinks.push(sink);
  return () => {
    const at = sinks.lastIndexOf(sink);
    if (at >= 0) sinks.splice(at, 1);
  };
}

const LOGGER_KEY = Symbol.for("encore.logger");
const globalLogger = globalThis as unknown as { [LOGGER_KEY]?: pino.Logger };

/** The process's root logger. Prefer `logger(component)`. */
export const log: pino.Logger = (globalLogger[LOGGER_KEY] ??= pino({
  level: loadLogLevel(),
  base: { service: "encore" },
  timestamp: pino.stdTimeFunctions.isoTime,
  redact: { paths: REDACT_PATHS, censor: "[redacted]" },
  serializers: { err: serializeError, error: serializeError },
  mixin: () => {
    const requestId = currentRequestId();
    return requestId ? { requestId } : {};
  },
}, destination));

/** A logger for one part of the app (`logger("one-click")`): its lines say `component`. */
export const logger = (component: string): pino.Logger => log.child({ component });
