import "server-only";
import { db } from "@/lib/db/client";
import type { Tx } from "@/lib/db/tx";
import { enqueue } from "@/lib/jobs/queue";
import { expireStaleImpressions, PLAN_CHANGE_IN_FLIGHT } from "./impressions";

// Offer windows close at their end whether or not anyone looks: a job queued with each funnel
// session runs at its expiresAt, and a sweep every minute catches account offers and anything a
// charge in flight held open. A session waits while one of its offers has a one-click charge that
// may still take money (processing, being confirmed, waiting on the bank): its outcome decides
// where the funnel goes, and the offer stays on screen until then.

/** A one-click charge whose outcome is still open, on an impression not yet decided. */
const CHARGE_IN_FLIGHT = { decision: null, chargeAttempt: { status: { in: ["PENDING", "SUBMITTED", "UNKNOWN"] as ("PENDING" | "SUBMITTED" | "UNKNOWN")[] } } };

/** An UPGRADE offer's plan change sent to Dodo and not settled: its outcome will decide the offer. */

export const sessionExpiryJobKey = (sessionId: string) => `funnel-session-expiry:${sessionId}`;

/** Queues the session's expiry for the end of its window, with the transaction that opens it. */
export function enqueueSessionExpiry(tx: Tx, sessionId: string, expiresAt: Date): Promise<void> {
  return enqueue(tx, "offers.expire-session", { funnelSessionId: sessionId }, { jobKey: sessionExpiryJobKey(sessionId), runAt: expiresAt });
}

/** OPEN → EXPIRED once its window closed, and its undecided offers EXPIRED. */
export async function expireSession(sessionId: string, now: Date): Promise<void> {
  await db.funnelSession.updateMany({ where: { id: sessionId, status: "OPEN" }, data: { status: "EXPIRED" } });
  await expireStaleImpressions({ funnelSessionId: sessionId }, now);
}

/**
 * Expires one session whose window has closed, unless a charge is in flight on it (then the sweep
 * retries later). "expired", "waiting" (charge in flight), or "open"/"closed" (nothing to do).
 */
export async function expireSessionIfDue(sessionId: string, now: Date): Promise<"expired" | "waiting" | "open" | "closed"> {
  const session = await db.funnelSession.findUnique({ where: { id: sessionId }, select: { status: true, expiresAt: true } });
  if (!session || session.status !== "OPEN") return "closed";
  if (session.expiresAt > now) return "open";
  const busy = await db.offerImpression.count({ where: { funnelSessionId: sessionId, ...CHARGE_IN_FLIGHT } });
  if (busy > 0) return "waiting";
  await expireSession(sessionId, now);
  return "expired";
}

/**
 * The sweep: up to `limit` sessions past their window with no charge in flight → EXPIRED (with
 * their undecided offers), and up to `limit` other undecided offers past their window (account
 * offers) → EXPIRED. Compare-and-set writes, so two workers sweeping at once do each thing once.
 */
export async function expireOfferWindows(now: Date, limit = 200): Promise<{ sessions: number; impressions: number }> {
  const due = await db.funnelSession.findMany({
    where: { status: "OPEN", expiresAt: { lte: now }, impressions: { none: CHARGE_IN_FLIGHT } },
    select: { id: true },
    orderBy: { expiresAt: "asc" },
    take: limit,
  });
  let sessions = 0;
  for (const { id } of due) {
    const { count } = await db.funnelSession.updateMany({ where: { id, status: "OPEN" }, data: { status: "EXPIRED" } });
    sessions += count;
    await expireStaleImpressions({ funnelSessionId: id }, now);
  }
  const stale = await db.offerImpression.findMany({
    where: { holdout: false, offerId: { not: null }, expiresAt: { lte: now }, decision: null, chargeAttempt: null, funnelSessionId: null, planChanges: { none: PLAN_CHANGE_IN_FLIGHT } },
    select: { id: true },
    take: limit,
  });
  const { count: impressions } = stale.length
    ? await db.offerDecision.createMany({ data: stale.map((s) => ({ impressionId: s.id, outcome: "EXPIRED" as const, reason: "window_closed", decidedAt: now })), skipDuplicates: true })
    : { count: 0 };
  return { sessions, impressions };
}
