import "server-only";
import type DodoPayments from "dodopayments";
import { markAbandonedUnknown } from "@/lib/checkout/charge-attempt";
import { db } from "@/lib/db/client";
import { dodo, SAFE_CALL_OPTIONS } from "@/lib/dodo/client";
import { OPEN_PAYMENT_STATUSES } from "@/lib/sync/rules";
import { syncPayment, syncSubscription } from "@/lib/sync/sync";

// The scheduled re-sync (every minute, from the worker): what a lost or late webhook would leave
// stale, found without asking Dodo for everything. Each tick does bounded work — at most
// `limit` syncs — picked in this order:
//   1. payments and subscriptions Dodo created in the last NEW_AT_DODO_MS that we hold no copy of
//      (or hold a copy of as still open): a webhook for a new object that never arrived;
//   2. our open payments (processing, waiting on the customer's bank) from the last
//      OPEN_PAYMENTS_MS, least recently written first;
//   3. subscriptions whose plan change Dodo accepted but has not reported (SUBMITTED), or whose
//      renewal or scheduled change is due, least recently synced first.
// Live subscriptions with nothing due are not touched: `npm run reconcile` is the full pass.
// It also hands one-click attempts left PENDING by an instance that died to their resolver.

const NEW_AT_DODO_MS = 15 * 60_000;
const OPEN_PAYMENTS_MS = 48 * 3_600_000;
/** A PENDING attempt older than this has no request of ours still waiting on it (one-click waits 15 s). */
const ABANDONED_PENDING_MS = 2 * 60_000;
/** Just-written rows are left to the request that wrote them. */
const SETTLING_MS = 30_000;
export const TICK_LIMIT = 40;

export type TickReport = { payments: number; subscriptions: number; abandonedAttempts: number; failures: string[] };

export async function resyncRecentlyChanged(options: { now?: Date; limit?: number; dodo?: DodoPayments } = {}): Promise<TickReport> {
  const client = options.dodo ?? dodo();
  const now = options.now ?? new Date();
  const limit = options.limit ?? TICK_LIMIT;
  const report: TickReport = { payments: 0, subscriptions: 0, abandonedAttempts: 0, failures: [] };
  report.abandonedAttempts = await markAbandonedUnknown(new Date(now.getTime() - ABANDONED_PENDING_MS), now, limit);

  const payments = new Set<string>();
  const subscriptions = new Set<string>();
  const room = () => limit - payments.size - subscriptions.size;
  const settled = new Date(now.getTime() - SETTLING_MS);

  // 1. New at Dodo, unknown (or open) here.
  const since = new Date(now.getTime() - NEW_AT_DODO_MS).toISOString();
  // One page each (Dodo pages hold at most 100): a burst bigger than a tick is left to the next ticks and `npm run reconcile`.
  const page = { created_at_gte: since, page_number: 0, page_size: Math.min(Math.max(limit, 1), 100) };
  const [newPayments, newSubs] = await Promise.all([client.payments.list(page, SAFE_CALL_OPTIONS), client.subscriptions.list(page, SAFE_CALL_OPTIONS)]);
  const paymentIds = newPayments.items.map((p) => p.payment_id);
  const subIds = newSubs.items.map((s) => s.subscription_id);
  const [heldPayments, heldSubs] = await Promise.all([
    db.payment.findMany({ where: { id: { in: paymentIds }, status: { notIn: OPEN_PAYMENT_STATUSES } }, select: { id: true } }),
    db.subscription.findMany({ where: { id: { in: subIds } }, select: { id: true } }),
  ]);
  const settledHere = new Set([...heldPayments, ...heldSubs].map((r) => r.id));
  for (const id of paymentIds) if (!settledHere.has(id) && room() > 0) payments.add(id);
  for (const id of subIds) if (!settledHere.has(id) && room() > 0) subscriptions.add(id);

  // 2. Our open payments.
  if (room() > 0) {
    const open = await db.payment.findMany({
      where: { status: { in: OPEN_PAYMENT_STATUSES }, dodoCreatedAt: { gte: new Date(now.getTime() - OPEN_PAYMENTS_MS) }, updatedAt: { lt: settled }, id: { notIn: [...payments] } },
      orderBy: { updatedAt: "asc" },
      take: room(),
      select: { id: true },
    });
    for (const { id } of open) payments.add(id);
  }

  // 3. Subscriptions with something due.
  if (room() > 0) {
    const due = await db.subscription.findMany({
      where: {
        id: { notIn: [...subscriptions] },
        updatedAt: { lt: settled },
        OR: [
          { planChanges: { some: { status: "SUBMITTED" } } },
          { status: { in: ["ACTIVE", "ON_HOLD", "PAST_DUE"] }, nextBillingDate: { lte: now } },
        ],
      },
      orderBy: { updatedAt: "asc" },
      take: room(),
      select: { id: true },
    });
    for (const { id } of due) subscriptions.add(id);
  }

  const attempt = async (id: string, sync: () => Promise<unknown>, key: "payments" | "subscriptions") => {
    try {
      await sync();
      report[key]++;
    } catch (err) {
      report.failures.push(`${id}: ${err instanceof Error ? err.message : String(err)}`);
    }
  };
  for (const id of subscriptions) await attempt(id, () => syncSubscription(id, { dodo: client }), "subscriptions");
  for (const id of payments) await attempt(id, () => syncPayment(id, { dodo: client }), "payments");
  return report;
}
