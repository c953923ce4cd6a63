import "server-only";
import { db, type Prisma } from "./client";

/** The client a transaction's callback gets. Functions that must run inside a transaction take it. */
export type Tx = Prisma.TransactionClient;

// Postgres aborts one of two colliding transactions with 40001 (serialization failure) or 40P01
// (deadlock); Prisma reports a write conflict as P2034 and a failed raw query as P2010 with the
// Postgres code in its message. The aborted transaction was rolled back whole, so running it
// again is safe.
const TRANSIENT_CODES = new Set(["P2034", "40001", "40P01"]);
const TRANSIENT_TEXT = /deadlock detected|could not serialize access|Code: `(40001|40P01)`/i;

/** True for a serialization failure or deadlock: the transaction may simply be run again. */
export function isTransientConflict(err: unknown): boolean {
  if (!(err instanceof Error)) return false;
  const { code, meta } = err as { code?: unknown; meta?: { driverAdapterError?: { cause?: { originalCode?: unknown } } } };
  if (typeof code === "string" && TRANSIENT_CODES.has(code)) return true;
  const original = meta?.driverAdapterError?.cause?.originalCode;
  if (typeof original === "string" && TRANSIENT_CODES.has(original)) return true;
  return TRANSIENT_TEXT.test(err.message);
}

export type TxOptions = {
  /** Runs in all, the first included (default 4). */
  attempts?: number;
  /** First backoff; it doubles per retry, with jitter (default 25 ms). */
  backoffMs?: number;
};

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

/**
 * Runs fn in one READ COMMITTED transaction. A serialization failure or deadlock is retried after
 * an exponential backoff with full jitter, so two instances that collided do not collide again in
 * step. fn may therefore run more than once: it must only touch the database, through tx (never
 * call Dodo or send mail inside a transaction).
 */
export async function inTransaction<T>(fn: (tx: Tx) => Promise<T>, options: TxOptions = {}): Promise<T> {
  const attempts = options.attempts ?? 4;
  const backoffMs = options.backoffMs ?? 25;
  for (let attempt = 1; ; attempt++) {
    try {
      // maxWait: under a burst every pooled connection may be busy; queueing beats failing.
      return await db.$transaction(fn, { maxWait: 10_000, timeout: 15_000 });
    } catch (err) {
      if (attempt >= attempts || !isTransientConflict(err)) throw err;
      await sleep(Math.random() * backoffMs * 2 ** (attempt - 1));
    }
  }
}
