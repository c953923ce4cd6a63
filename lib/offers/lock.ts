import "server-only";
import type { Prisma } from "@/lib/db";

/**
 * A transaction-scoped Postgres advisory lock: serialises work on one key across every app
 * instance (no in-memory locks), released at commit or rollback.
 */
export async function lockKey(tx: Prisma.TransactionClient, key: string): Promise<void> {
  await tx.$executeRaw`SELECT pg_advisory_xact_lock(hashtextextended(${key}, 0))`;
}
