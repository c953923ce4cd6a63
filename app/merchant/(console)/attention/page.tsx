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
      <p className="text-slate-400">{when(since)}</p>
    </td>
  );
}

export default async function AttentionPage() {
  await requireMerchant();
  const report = await needsAttention();
  const now = report.generatedAt;
  const nothing = report.charges.length + report.planChanges.length + report.events.length === 0;
  return (
    <div className="space-y-8">
      <PageHeader
        title="Needs attention"
        description="Money states that are not settled yet: charges and plan changes whose outcome Dodo has not confirmed, and webhook events that failed. The background worker resolves them from Dodo's own records; this page shows how far it got. Nothing here is ever charged again."
      />
      {nothing ? <EmptyState title="Nothing needs attention">Every charge, plan change and webhook event is settled.</EmptyState> : null}

      <section>
        <h2 className="mb-3 text-base font-semibold">Unsettled one-click charges</h2>
        {report.charges.length === 0 ? <p className="text-sm text-slate-600">None.</p> : (
          <div className="overflow-x-auto rounded-xl border border-slate-200 bg-white shadow-sm">
            <table className={tableClass} data-testid="attention-charges">
              <thead className="bg-slate-50"><tr><th className={thClass}>Charge</th><th className={thClass}>State</th><th className={thClass}>Age</th><th className={thClass}>Worker</th></tr></thead>
              <tbody className="divide-y divide-slate-100">
                {report.charges.map((c) => (
                  <tr key={c.id} data-testid="attention-charge" data-status={c.status}>
                    <td className={tdClass}>
                      <span className="font-medium">{c.amountLabel}</span> · {c.offerName ?? "offer"}
                      <p className="text-xs text-slate-500">{c.customerEmail}</p>
                      <p className="font-mono text-xs text-slate-400">{c.id}</p>
                    </td>
                    <td className={tdClass}>
                      <Badge tone={c.status === "UNKNOWN" ? "amber" : "grey"}>{c.status === "UNKNOWN" ? "outcome unknown" : c.status.toLowerCase()}</Badge>
                      <p className="mt-1 text-xs text-slate-600">{c.waitingOn}</p>
                    </td>
                    <Age since={c.since} overdue={c.overdue} now={now} />
                    <WorkerCell note={c} now={now} idle={c.status === "UNKNOWN" ? "No resolver job queued." : "Followed by webhooks, the page's own sync and the scheduled re-sync (every minute)."} />
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
        )}
      </section>

      <section>
        <h2 className="mb-3 text-base font-semibold">Plan changes in flight</h2>
        {report.planChanges.length === 0 ? <p className="text-sm text-slate-600">None.</p> : (
          <div className="overflow-x-auto rounded-xl border border-slate-200 bg-white shadow-sm">
            <table className={tableClass} data-testid="attention-plan-changes">
              <thead className="bg-slate-50"><tr><th className={thClass}>Change</th><th className={thClass}>State</th><th className={thClass}>Age</th><th className={thClass}>Worker</th></tr></thead>
              <tbody className="divide-y divide-slate-100">
                {report.planChanges.map((c) => (
                  <tr key={c.id} data-testid="attention-plan-change" data-status={c.status}>
                    <td className={tdClass}>
                      <span className="font-medium">{c.fromName} → {c.toName}</span>
                      <p className="text-xs text-slate-500">{c.customerEmail}</p>
                      <p className="font-mono text-xs text-slate-400">{c.subscriptionId}</p>
                    </td>
                    <td className={tdClass}>
                      <Badge tone={c.status === "UNKNOWN" ? "amber" : "grey"}>{c.status === "UNKNOWN" ? "outcome unknown" : "submitted"}</Badge>
                      <p className="mt-1 text-xs text-slate-600">{c.waitingOn}</p>
                    </td>
                    <Age since={c.since} overdue={c.overdue} now={now} />
                    <WorkerCell note={c} now={now} idle={c.status === "UNKNOWN" ? "No resolver job queued." : "Followed by webhooks and the scheduled re-sync (every minute)."} />
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
        )}
      </section>

      <section>
        <h2 className="mb-3 text-base font-semibold">Webhook events that failed</h2>
        {report.events.length === 0 ? <p className="text-sm text-slate-600">None.</p> : (
          <div className="overflow-x-auto rounded-xl border border-slate-200 bg-white shadow-sm">
            <table className={tableClass} data-testid="attention-events">
              <thead className="bg-slate-50"><tr><th className={thClass}>Event</th><th className={thClass}>Age</th><th className={thClass}>Worker</th></tr></thead>
              <tbody className="divide-y divide-slate-100">
                {report.events.map((e) => (
                  <tr key={e.id} data-testid="attention-event">
                    <td className={tdClass}>
                      <span className="font-medium">{e.type}</span> · delivered {e.deliveries} {e.deliveries === 1 ? "time" : "times"}
                      <p className="font-mono text-xs text-slate-400">{e.id}</p>
                      {e.error ? <p className="mt-1 text-xs text-red-700">{e.error}</p> : null}
                    </td>
                    <Age since={e.since} now={now} />
                    <WorkerCell note={e} now={now} idle="No retry queued (the worker's attempts are used up, or the event predates the worker). Replay it from the events page." />
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
        )}
        {report.events.length ? <Link href="/merchant/events" className="mt-3 inline-block text-sm text-brand-700 underline">Replay from the events page →</Link> : null}
      </section>
    </div>
  );
}
