import "server-only";
import { db } from "@/lib/db";
import type { Tx } from "./types";

const TRANSIENT_CODES = new Set(["P2034", "40001", "40P01"]);

// Lock ordering (event row, then the object's advisory lock, then rows) makes deadlocks unlikely,
// but Postgres may still report one (or a serialization failure); those are retried here rather
// than surfacing as a failed event.
function isTransient(err: unknown): boolean {
  if (!(err instanceof Error)) return false;
  const code = (err as { code?: unknown }).code;
  if (typeof code === "string" && TRANSIENT_CODES.has(code)) return true;
  return /deadlock detected|could not serialize access/i.test(err.message);
}

/** Runs fn in one READ COMMITTED transaction, retrying transient conflicts a few times. */
export async function inTransaction<T>(fn: (tx: Tx) => Promise<T>, attempts = 3): Promise<T> {
  for (let attempt = 1; ; attempt++) {
    try {
      // maxWait: under a burst every pooled connection may be busy; queueing beats failing.
      return await db.$transaction(fn, { maxWait: 10_000, timeout: 15_000 });
    } catch (err) {
      if (attempt >= attempts || !isTransient(err)) throw err;
    }
  }
}
