import "server-only";
import type DodoPayments from "dodopayments";
import { db as appDb, type Db } from "@/lib/db/client";
import { dodo as appDodo } from "@/lib/dodo/client";
import { isDraining } from "./lifecycle";

// GET /api/health for load balancers: 200 while this instance can serve, 503 when it cannot
// (the database is unreachable, or the instance is stopping). Dodo's reachability is reported
// but does not fail the check: Dodo being down affects every instance alike, and taking them all
// out of rotation would only turn a degraded store into a missing one. No error detail is
// shown: the body is public.

export type Check = { ok: boolean; ms: number };
export type Health = { status: 200 | 503; body: { status: "ok" | "degraded" | "down" | "stopping"; database: Check; dodo: Check } };

const TIMEOUT_MS = 2_000;

async function timed(check: () => Promise<unknown>): Promise<Check> {
  const started = Date.now();
  let timer: NodeJS.Timeout | undefined;
  try {
    await Promise.race([check(), new Promise((_, reject) => (timer = setTimeout(() => reject(new Error("timed out")), TIMEOUT_MS)))]);
    return { ok: true, ms: Date.now() - started };
  } catch {
    return { ok: false, ms: Date.now() - started };
  } finally {
    clearTimeout(timer);
  }
}

export async function health(deps: { db?: Db; dodo?: DodoPayments } = {}): Promise<Health> {
  const client = deps.db ?? appDb;
  const [database, dodo] = await Promise.all([
    timed(() => client.$queryRaw`SELECT 1`),
    timed(() => (deps.dodo ?? appDodo()).products.list({ page_size: 1 }, { maxRetries: 0, timeout: TIMEOUT_MS })),
  ]);
  if (isDraining()) return { status: 503, body: { status: "stopping", database, dodo } };
  if (!database.ok) return { status: 503, body: { status: "down", database, dodo } };
  return { status: 200, body: { status: dodo.ok ? "ok" : "degraded", database, dodo } };
}
