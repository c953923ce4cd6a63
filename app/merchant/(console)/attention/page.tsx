import type { Metadata } from "next";
import Link from "next/link";
import { Badge, EmptyState, PageHeader, tableClass, tdClass, thClass } from "@/components/merchant/ui";
import { ageLabel, needsAttention, type WorkerNote } from "@/lib/attention/needs-attention";
import { requireMerchant } from "@/lib/auth/merchant-session";

export const metadata: Metadata = { title: "Needs attention" };
export const dynamic = "force-dynamic";

const when = (d: Date) => `${d.toISOString().slice(0, 16).replace("T", " ")} UTC`;

/** What the worker did about it: its job's attempts, last result and next run, in words. */
function WorkerCell({ note, idle, now }: { note: WorkerNote; idle: string; now: Date }) {
  const job = note.job;
  if (!job) return <td className={`${tdClass} text-xs text-slate-600`} data-testid="worker-note">{idle}</td>;
  const next = job.gaveUp ? "gave up: will not run again by itself" : job.running ? "running now" : `next run in ${ageLabel(now, job.runAt)} (${when(job.runAt)})`;
  return (
    <td className={`${tdClass} text-xs text-slate-600`} data-testid="worker-note">
      <p>{job.attempts === 0 ? "Queued, not run yet" : `Ran ${job.attempts} of ${job.maxAttempts} times`}; {next}.</p>
      {job.lastError ? <p className="mt-1 text-slate-500">Last result: {job.lastError}</p> : null}
    </td>
  );
}

function Age({ since, overdue, now }: { since: Date; overdue?: boolean; now: Date }) {
  return (
    <td className={`${tdClass} whitespace-nowrap text-xs`} data-testid="age">
      <span className={overdue ? "font-semibold text-red-700" : "text-slate-700"}>{ageLabel(since, now)}</span>
      <p className="text-slate-600">{when(since)}</p>
    </td>
  );
}

/** One unsettled thing: what it is, its state, its age and the worker's part. */
type Row = WorkerNote & {
  key: string;
  status?: string;
  what: React.ReactNode;
  state?: { label: string; unknown: boolean; detail: string };
  since: Date;
  overdue?: boolean;
  idle: string;
};

function AttentionSection({ title, rows, testId, rowTestId, now, footer }: { title: string; rows: Row[]; testId: string; rowTestId: string; now: Date; footer?: React.ReactNode }) {
  const withState = rows.some((r) => r.state);
  return (
    <section>
      <h2 className="mb-3 text-base font-semibold">{title}</h2>
      {rows.length === 0 ? <p className="text-sm text-slate-600">None.</p> : (
        <div className="overflow-x-auto rounded-xl border border-slate-200 bg-white shadow-sm">
          <table className={tableClass} data-testid={testId}>
            <thead className="bg-slate-50">
              <tr><th className={thClass}>What</th>{withState ? <th className={thClass}>State</th> : null}<th className={thClass}>Age</th><th className={thClass}>Worker</th></tr>
            </thead>
            <tbody className="divide-y divide-slate-100">
              {rows.map((r) => (
                <tr key={r.key} data-testid={rowTestId} data-status={r.status}>
                  <td className={tdClass}>{r.what}</td>
                  {r.state ? (
                    <td className={tdClass}>
                      <Badge tone={r.state.unknown ? "amber" : "grey"}>{r.state.label}</Badge>
                      <p className="mt-1 text-xs text-slate-600">{r.state.detail}</p>
                    </td>
                  ) : null}
                  <Age since={r.since} overdue={r.overdue} now={now} />
                  <WorkerCell note={r} now={now} idle={r.idle} />
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
      {rows.length ? footer : null}
    </section>
  );
}

/** A charge or plan change waiting on Dodo: its state, and what follows it when no resolver job does. */
function unsettled(item: WorkerNote & { id: string; status: string; waitingOn: string; since: Date; overdue: boolean }, what: React.ReactNode): Row {
  const unknown = item.status === "UNKNOWN";
  return {
    ...item,
    key: item.id,
    what,
    state: { label: unknown ? "outcome unknown" : item.status.toLowerCase(), unknown, detail: item.waitingOn },
    idle: unknown ? "No resolver job queued." : "Followed by webhooks, page syncs and the scheduled re-sync (every minute).",
  };
}

export default async function AttentionPage() {
  await requireMerchant();
  const report = await needsAttention();
  const now = report.generatedAt;
  const nothing = report.charges.length + report.planChanges.length + report.events.length === 0;
  const id = (value: string) => <p className="font-mono text-xs text-slate-600">{value}</p>;
  return (
    <div className="space-y-8">
      <PageHeader
        title="Needs attention"
        description="Money states that are not settled yet: charges and plan changes whose outcome Dodo has not confirmed, and webhook events that failed. The background worker resolves them from Dodo's own records; this page shows how far it got. Nothing here is ever charged again."
      />
      {nothing ? <EmptyState title="Nothing needs attention">Every charge, plan change and webhook event is settled.</EmptyState> : null}
      <AttentionSection
        title="Unsettled one-click charges"
        testId="attention-charges"
        rowTestId="attention-charge"
        now={now}
        rows={report.charges.map((c) => unsettled(c, <><span className="font-medium">{c.amountLabel}</span> · {c.offerName ?? "offer"}<p className="text-xs text-slate-500">{c.customerEmail}</p>{id(c.id)}</>))}
      />
      <AttentionSection
        title="Plan changes in flight"
        testId="attention-plan-changes"
        rowTestId="attention-plan-change"
        now={now}
        rows={report.planChanges.map((c) => unsettled(c, <><span className="font-medium">{c.fromName} → {c.toName}</span><p className="text-xs text-slate-500">{c.customerEmail}</p>{id(c.subscriptionId)}</>))}
      />
      <AttentionSection
        title="Webhook events that failed"
        testId="attention-events"
        rowTestId="attention-event"
        now={now}
        rows={report.events.map((e) => ({
          ...e,
          key: e.id,
          what: <><span className="font-medium">{e.type}</span> · delivered {e.deliveries} {e.deliveries === 1 ? "time" : "times"}{id(e.id)}{e.error ? <p className="mt-1 text-xs text-red-700">{e.error}</p> : null}</>,
          idle: "No retry queued (the worker's attempts are used up, or the event predates the worker). Replay it from the events page.",
        }))}
        footer={<Link href="/merchant/events" className="mt-3 inline-block text-sm text-brand-700 underline">Replay from the events page →</Link>}
      />
    </div>
  );
}
