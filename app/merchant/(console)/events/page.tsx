import type { Metadata } from "next";
import Link from "next/link";
import { useTranslations } from "next-intl";
import { getTranslations } from "next-intl/server";
import { ActionButton } from "@/components/merchant/action-button";
import { Badge, EmptyState, PageHeader, tableClass, tdClass, thClass } from "@/components/merchant/ui";
import { eventLog } from "@/lib/webhooks/log";
import { firstParam, type SearchParams } from "@/lib/http/page-props";
import { requireMerchant } from "@/lib/auth/merchant-session";
import type { WebhookEventSummary } from "@/lib/webhooks/log";
import { replayEventAction } from "./actions";

export async function generateMetadata(): Promise<Metadata> {
  const t = await getTranslations();
  return { title: t("console.events.metaTitle") };
}

const TONE = { PROCESSED: "green", IGNORED: "grey", FAILED: "red", REJECTED: "amber" } as const;
const when = (d: Date) => `${d.toISOString().slice(0, 19).replace("T", " ")} UTC`;

function EventsTable({ events, testId }: { events: WebhookEventSummary[]; testId: string }) {
  const t = useTranslations();
  const outcomeLabel = (outcome: keyof typeof TONE) => {
    switch (outcome) {
      case "PROCESSED":
        return t("console.events.processed");
      case "IGNORED":
        return t("console.events.ignored");
      case "FAILED":
        return t("console.events.failed");
      case "REJECTED":
        return t("console.events.rejected");
    }
  };
  return (
    <div className="overflow-x-auto rounded-xl border border-slate-200 bg-white shadow-sm">
      <table className={tableClass} data-testid={testId}>
        <thead className="bg-slate-50"><tr><th className={thClass}>{t("console.events.colEvent")}</th><th className={thClass}>{t("console.events.colOutcome")}</th><th className={thClass}>{t("console.events.colReceived")}</th><th className={thClass}>{t("console.events.colAttempts")}</th><th className={thClass}><span className="sr-only">{t("console.events.colReplay")}</span></th></tr></thead>
        <tbody className="divide-y divide-slate-100">
          {events.map((e) => (
            <tr key={e.id} data-testid="event-row">
              <td className={tdClass}><code className="font-medium">{e.type}</code><p className="font-mono text-xs text-slate-600">{e.id}</p>{e.error ? <p lang="en" className="mt-1 text-xs text-red-700">{e.error}</p> : null}</td>
              <td className={tdClass}><Badge tone={TONE[e.outcome]}>{outcomeLabel(e.outcome)}</Badge></td>
              <td className={`${tdClass} text-xs text-slate-600`}>{when(e.receivedAt)}</td>
              <td className={tdClass}>{e.attempts}</td>
              <td className={tdClass}><ActionButton action={replayEventAction} fields={{ id: e.id }} label={t("console.events.replay")} pendingLabel={t("console.events.replaying")} /></td>
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
  const [{ failed, events, nextCursor }, t] = await Promise.all([eventLog(cursor), getTranslations()]);
  return (
    <div className="space-y-6">
      <PageHeader title={t("console.events.title")} description={t("console.events.description")} />
      <section>
        <h2 className="mb-3 text-base font-semibold">{t("console.events.failedTitle")}</h2>
        {failed.length ? <EventsTable events={failed} testId="failed-events" /> : <EmptyState title={t("console.events.noFailedTitle")}>{t("console.events.noFailedText")}</EmptyState>}
      </section>
      <section>
        <h2 className="mb-3 text-base font-semibold">{t("console.events.recent")}</h2>
        {events.length ? <EventsTable events={events} testId="recent-events" /> : <EmptyState title={t("console.events.noEventsTitle")}>{t("console.events.noEventsText")}</EmptyState>}
        {nextCursor ? <Link href={`?cursor=${encodeURIComponent(nextCursor)}`} className="mt-3 inline-block text-sm text-brand-700 underline">{t("console.events.older")}</Link> : null}
      </section>
    </div>
  );
}
