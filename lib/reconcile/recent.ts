import "server-only";
import type DodoPayments from "dodopayments";
import { db } from "@/lib/db/client";
import { dodo } from "@/lib/dodo/client";
import { ENDED_SUBSCRIPTION_STATUSES, OPEN_PAYMENT_STATUSES } from "@/lib/sync/rules";
import { syncPayment, syncSubscription, type SyncOptions } from "@/lib/sync/sync";

export type ReconcileReport = {
  payments: number;
  subscriptions: number;
  failures: { id: string; error: string }[];
};


/**
 * Lists ids page by page from page 0 explicitly: the SDK's auto-pagination asks for page 2 after
 * page 0 and would skip page 1.
 */
async function listIds<T>(fetchPage: (page: number) => Promise<{ items: T[] }>, idOf: (item: T) => string, pageSize: number): Promise<string[]> {
  const ids: string[] = [];
  for (let page = 0; ; page++) {
    const { items } = await fetchPage(page);
    ids.push(...items.map(idOf));
    if (items.length < pageSize) return ids;
  }
}

/**
 * Re-syncs everything that may have changed in the last `days`: what Dodo created in that window,
 * plus what we still hold as unsettled (processing payments, live subscriptions) since Dodo's
 * lists filter on creation date only and a subscription created long ago still changes.
 */
export async function reconcileRecent(
  options: SyncOptions & { days: number; pageSize?: number; log?: (line: string) => void },
): Promise<ReconcileReport> {
  const client: DodoPayments = options.dodo ?? dodo();
  const since = new Date(Date.now() - options.days * 86_400_000).toISOString();
  const pageSize = options.pageSize ?? 100;
  const query = (page: number) => ({ created_at_gte: since, page_number: page, page_size: pageSize });

  const paymentIds = new Set(
    await listIds((page) => client.payments.list(query(page)), (p) => p.payment_id, pageSize),
  );
  const pending = await db.payment.findMany({ where: { status: { in: OPEN_PAYMENT_STATUSES } }, select: { id: true } });
  for (const { id } of pending) paymentIds.add(id);

  const subscriptionIds = new Set(
    await listIds((page) => client.subscriptions.list(query(page)), (s) => s.subscription_id, pageSize),
  );
  const live = await db.subscription.findMany({ where: { status: { notIn: ENDED_SUBSCRIPTION_STATUSES } }, select: { id: true } });
  for (const { id } of live) subscriptionIds.add(id);

  const report: ReconcileReport = { payments: 0, subscriptions: 0, failures: [] };
  const attempt = async (id: string, sync: () => Promise<unknown>, key: "payments" | "subscriptions") => {
    try {
      await sync();
      report[key]++;
    } catch (err) {
      report.failures.push({ id, error: err instanceof Error ? err.message : String(err) });
      options.log?.(`failed ${id}: ${err instanceof Error ? err.message : String(err)}`);
    }
  };
  for (const id of subscriptionIds) await attempt(id, () => syncSubscription(id, { ...options, dodo: client }), "subscriptions");
  for (const id of paymentIds) await attempt(id, () => syncPayment(id, { ...options, dodo: client }), "payments");
  options.log?.(`synced ${report.subscriptions} subscriptions and ${report.payments} payments (${report.failures.length} failed)`);
  return report;
}
