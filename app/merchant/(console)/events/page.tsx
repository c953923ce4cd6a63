import type { Metadata } from "next";
import Link from "next/link";
import { ActionButton } from "@/components/merchant/action-button";
import { Badge, EmptyState, PageHeader, tableClass, tdClass, thClass } from "@/components/merchant/ui";
import { eventLog } from "@/lib/webhooks/log";
import { firstParam, type SearchParams } from "@/lib/http/page-props";
import { requireMerchant } from "@/lib/auth/merchant-session";
import type { WebhookEventSummary } from "@/lib/webhooks/log";
import { replayEventAction } from "./actions";

export const metadata: Metadata = { title: "Webhook events" };

const TONE = { PROCESSED: "green", IGNORED: "grey", FAILED: "red", REJECTED: "amber" } as const;
const when = (d: Date) => `${d.toISOString().slice(0, 19).replace("T", " ")} UTC`;

function EventsTable({ events, testId }: { events: WebhookEventSummary[]; testId: string }) {
  return (
    <div className="overflow-x-auto rounded-xl border border-slate-200 bg-white shadow-sm">
      <table className={tableClass} data-testid={testId}>
        <thead className="bg-slate-50"><tr><th className={thClass}>Event</th><th className={thClass}>Outcome</th><th className={thClass}>Received</th><th className={thClass}>Attempts</th><th className={thClass}><span className="sr-only">Replay</span></th></tr></thead>
        <tbody className="divide-y divide-slate-100">
          {events.map((e) => (
            <tr key={e.id} data-testid="event-row">
              <td className={tdClass}><span className="font-medium">{e.type}</span><p className="font-mono text-xs text-slate-600">{e.id}</p>{e.error ? <p className="mt-1 text-xs text-red-700">{e.error}</p> : null}</td>
              <td className={tdClass}><Badge tone={TONE[e.outcome]}>{e.outcome.toLowerCase()}</Badge></td>
              <td className={`${tdClass} text-xs text-slate-600`}>{when(e.receivedAt)}</td>
              <td className={tdClass}>{e.attempts}</td>
              <td className={tdClass}><ActionButton action={replayEventAction} fields={{ id: e.id }} label="Replay" pendingLabel="Replaying…" /></td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}

export default async function EventsPage({ searchParams }: { searchParams: SearchParams }) {
  await requireMerchant();
  const cursor = firstParam((await searchParams).cursor);
  const { failed, events, nextCursor } = await eventLog(cursor);
  return (
    <div className="space-y-6">
      <PageHeader title="Webhook events" description="Every verified event Dodo sent. Failed ones (Dodo retries them) and rejected ones (signed by Dodo but unusable, so Dodo was told to stop) are listed first; replaying re-applies the stored payload, which is safe to repeat." />
      <section>
        <h2 className="mb-3 text-base font-semibold">Failed or rejected</h2>
        {failed.length ? <EventsTable events={failed} testId="failed-events" /> : <EmptyState title="No failed or rejected events">Everything Dodo sent was applied.</EmptyState>}
      </section>
      <section>
        <h2 className="mb-3 text-base font-semibold">Recent events</h2>
        {events.length ? <EventsTable events={events} testId="recent-events" /> : <EmptyState title="No events yet">Events arrive as customers pay, subscribe and get refunds.</EmptyState>}
        {nextCursor ? <Link href={`?cursor=${encodeURIComponent(nextCursor)}`} className="mt-3 inline-block text-sm text-brand-700 underline">Older events →</Link> : null}
      </section>
    </div>
  );
}
