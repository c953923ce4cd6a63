import "server-only";
import { Prisma } from "./client";
import type { Tx } from "./tx";

/**
 * What a lock serialises. The namespace is part of the key, so an offer impression and a Dodo
 * object with the same id never share a lock. (Renaming a namespace changes its locks: instances
 * of two versions running side by side during a deploy would not exclude each other.)
 */
export type LockNamespace =
  /** Every transaction that applies a Dodo object (pay_…, sub_…) to our state. */
  | "dodo-object"
  /** Accept and decline of one offer impression. */
  | "offer-decision"
  /** Recording the one impression of a funnel step or account offer slot. */
  | "offer-slot"
  /** The one open offer of a product for a customer, across placements (taken before offer-slot). */
  | "offer-product"
  /** Rate-limited attempts (sign-ins per email or IP, API requests per key) counted against one key. */
  | "login"
  /** Sending a pause, resume, cancellation or undo of one subscription to Dodo (lib/retention). */
  | "subscription-action"
  /** Sending a console refund of one payment to Dodo (lib/refunds). */
  | "refund"
  /** Every write of the offer-stats roll-ups (days and the periods merged from them, lib/stats/rollup-sql.ts). */
  | "stats-rollups";

/**
 * A transaction-scoped Postgres advisory lock on `namespace:key`, released at commit or rollback:
 * it serialises work across every app instance (no in-memory locks). The key is hashed to 64 bits
 * (hashtextextended), so unrelated keys practically never wait on each other. An advisory lock
 * rather than SELECT … FOR UPDATE because the row may not exist yet (two first events for a new
 * payment would both insert), and rather than SERIALIZABLE because that aborts on every contention.
 * Take several locks in a fixed order (see lockAll) so two transactions can never deadlock.
 */
export async function lock(tx: Tx, namespace: LockNamespace, key: string): Promise<void> {
  await tx.$executeRaw`SELECT ${lockSql(namespace, key)}`;
}

/**
 * The same lock as an SQL expression, for a statement that takes it along with other work (one
 * round trip less on a hot path). It evaluates to '' so it can stand in a WHERE clause, which
 * Postgres evaluates once per row: `WHERE ${lockSql(...)} = ''`. The lock is held from that
 * statement on, so only the statements after it read under it (a statement's snapshot is taken
 * before it runs).
 */
export function lockSql(namespace: LockNamespace, key: string): Prisma.Sql {
  return Prisma.sql`pg_advisory_xact_lock(hashtextextended(${`${namespace}:${key}`}, 0))::text`;
}

/** Several locks of one namespace, always taken in sorted order (no deadlock between two callers). */
export async function lockAll(tx: Tx, namespace: LockNamespace, keys: readonly string[]): Promise<void> {
  for (const key of [...new Set(keys)].sort()) await lock(tx, namespace, key);
}
