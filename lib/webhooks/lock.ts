import "server-only";
import type { Tx } from "./types";

/**
 * Serialises every transaction touching one Dodo object (pay_…, sub_…) until commit.
 * An advisory lock rather than SELECT … FOR UPDATE because the row may not exist yet (two first
 * events for a new payment would both insert), and rather than SERIALIZABLE because that aborts
 * and retries on every contention; a hash collision between two ids only costs some waiting.
 */
export async function lockDodoObject(tx: Tx, objectId: string): Promise<void> {
  await tx.$executeRaw`SELECT pg_advisory_xact_lock(hashtextextended(${`encore:${objectId}`}, 0))`;
}
