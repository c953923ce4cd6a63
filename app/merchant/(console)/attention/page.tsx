import type { Metadata } from "next";
import Link from "next/link";
import { getLocale, getTranslations } from "next-intl/server";
import { useLocale, useTranslations } from "next-intl";
import { Badge, EmptyState, PageHeader, tableClass, tdClass, thClass } from "@/components/merchant/ui";
import { ageLabel, needsAttention, type WorkerNote } from "@/lib/attention/needs-attention";
import { requireMerchant } from "@/lib/auth/merchant-session";
import type { Locale } from "@/lib/i18n/locales";

export async function generateMetadata(): Promise<Metadata> {
  const t = await getTranslations();
  return { title: t("console.attention.metaTitle") };
}
export const dynamic = "force-dynamic";

const when = (d: Date) => `${d.toISOString().slice(0, 16).replace("T", " ")} UTC`;

/** What the worker did about it: its job's attempts, last result and next run, in words. */
function WorkerCell({ note, idle, now }: { note: WorkerNote; idle: string; now: Date }) {
  const t = useTranslations();
  const locale = useLocale() as Locale;
  const job = note.job;
  if (!job) return <td className={`${tdClass} text-xs text-slate-600`} data-testid="worker-note">{idle}</td>;
  const next = job.gaveUp ? t("console.attention.gaveUp") : job.running ? t("console.attention.running") : t("console.attention.nextRun", { age: ageLabel(now, job.runAt, locale), when: when(job.runAt) });
  return (
    <td className={`${tdClass} text-xs text-slate-600`} data-testid="worker-note">
      <p>{job.attempts === 0 ? t("console.attention.queued", { next }) : t("console.attention.ran", { attempts: job.attempts, max: job.maxAttempts, next })}</p>
      {job.lastError ? <p className="mt-1 text-slate-500">{t("console.attention.lastResult", { error: job.lastError })}</p> : null}
    </td>
  );
}

function Age({ since, overdue, now }: { since: Date; overdue?: boolean; now: Date }) {
  const locale = useLocale() as Locale;
  return (
    <td className={`${tdClass} whitespace-nowrap text-xs`} data-testid="age">
      <span className={overdue ? "font-semibold text-red-700" : "text-slate-700"}>{ageLabel(since, now, locale)}</span>
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
  const t = useTranslations();
  const withState = rows.some((r) => r.state);
  return (
    <section>
      <h2 className="mb-3 text-base font-semibold">{title}</h2>
      {rows.length === 0 ? <p className="text-sm text-slate-600">{t("console.attention.none")}</p> : (
        <div className="overflow-x-auto rounded-xl border border-slate-200 bg-white shadow-sm">
          <table className={tableClass} data-testid={testId}>
            <thead className="bg-slate-50">
              <tr><th className={thClass}>{t("console.attention.colWhat")}</th>{withState ? <th className={thClass}>{t("console.attention.colState")}</th> : null}<th className={thClass}>{t("console.attention.colAge")}</th><th className={thClass}>{t("console.attention.colWorker")}</th></tr>
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

export default async function AttentionPage() {
  await requireMerchant();
  const [t, locale] = await Promise.all([getTranslations(), getLocale() as Promise<Locale>]);
  const report = await needsAttention(new Date(), { locale });
  /** A charge or plan change waiting on Dodo: its state, and what follows it when no resolver job does. */
  const unsettled = (item: WorkerNote & { id: string; status: "UNKNOWN" | "PENDING" | "SUBMITTED"; waitingOn: string; since: Date; overdue: boolean }, what: React.ReactNode): Row => {
    const unknown = item.status === "UNKNOWN";
    const label = unknown ? t("console.attention.outcomeUnknown") : item.status === "PENDING" ? t("console.attention.statusPending") : t("console.attention.statusSubmitted");
    return {
      ...item,
      key: item.id,
      what,
      state: { label, unknown, detail: item.waitingOn },
      idle: unknown ? t("console.attention.noResolver") : t("console.attention.followed"),
    };
    };
  const now = report.generatedAt;
  const nothing = report.charges.length + report.planChanges.length + report.events.length === 0;
  const id = (value: string) => <p className="font-mono text-xs text-slate-600">{value}</p>;
  return (
    <div className="space-y-8">
      <PageHeader
        title={t("console.attention.title")}
        description={t("console.attention.description")}
      />
      {nothing ? <EmptyState title={t("console.attention.emptyTitle")}>{t("console.attention.emptyText")}</EmptyState> : null}
      <AttentionSection
        title={t("console.attention.charges")}
        testId="attention-charges"
        rowTestId="attention-charge"
        now={now}
        rows={report.charges.map((c) => unsettled(c, <><span className="font-medium">{c.amountLabel}</span> · {c.offerName ? <span data-merchant-copy>{c.offerName}</span> : t("console.attention.offer")}<p className="text-xs text-slate-500">{c.customerEmail}</p>{id(c.id)}</>))}
      />
      <AttentionSection
        title={t("console.attention.planChanges")}
        testId="attention-plan-changes"
        rowTestId="attention-plan-change"
        now={now}
        rows={report.planChanges.map((c) => unsettled(c, <><span className="font-medium" data-merchant-copy>{c.fromName} → {c.toName}</span><p className="text-xs text-slate-500">{c.customerEmail}</p>{id(c.subscriptionId)}</>))}
      />
      <AttentionSection
        title={t("console.attention.events")}
        testId="attention-events"
        rowTestId="attention-event"
        now={now}
        rows={report.events.map((e) => ({
          ...e,
          key: e.id,
          what: <><code className="font-medium">{e.type}</code> · {t("console.attention.delivered", { count: e.deliveries })}{id(e.id)}{e.error ? <p lang="en" className="mt-1 text-xs text-red-700">{e.error}</p> : null}</>,
          idle: t("console.attention.noRetry"),
        }))}
        footer={<Link href="/merchant/events" className="mt-3 inline-block text-sm text-brand-700 underline">{t("console.attention.replayLink")}</Link>}
      />
    </div>
  );
}
