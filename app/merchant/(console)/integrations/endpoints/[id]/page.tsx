import type { Metadata } from "next";
import Link from "next/link";
import { notFound } from "next/navigation";
import { getTranslations } from "next-intl/server";
import { ActionButton } from "@/components/merchant/action-button";
import { ToggleActive } from "@/components/merchant/toggle-active";
import { Badge, Card, EmptyState, PageHeader, tableClass, tdClass, thClass } from "@/components/merchant/ui";
import { requireMerchant } from "@/lib/auth/merchant-session";
import type { IdPageProps } from "@/lib/http/page-props";
import { firstParam } from "@/lib/http/page-props";
import { deliveryLog, getEndpoint } from "@/lib/outbound/endpoints";
import { deleteEndpointAction, redeliverAction, sendTestEventAction, setEndpointActiveAction, updateEndpointAction } from "../../actions";
import { EndpointForm } from "../../_components/endpoint-form";

export async function generateMetadata(): Promise<Metadata> {
  const t = await getTranslations();
  return { title: t("console.endpoint.metaTitle") };
}

const TONE = { PENDING: "grey", SUCCEEDED: "green", RETRYING: "amber", FAILED: "red" } as const;
const when = (d: Date | null) => (d ? `${d.toISOString().slice(0, 19).replace("T", " ")} UTC` : "—");

export default async function EndpointPage({ params, searchParams }: IdPageProps) {
  await requireMerchant();
  const { id } = await params;
  const endpoint = await getEndpoint(id);
  if (!endpoint) notFound();
  const [log, saved, t] = [await deliveryLog(endpoint.id), firstParam((await searchParams).saved), await getTranslations()];
  const statusLabel = (status: keyof typeof TONE) => {
    switch (status) {
      case "PENDING":
        return t("console.endpoint.statusPending");
      case "SUCCEEDED":
        return t("console.endpoint.statusSucceeded");
      case "RETRYING":
        return t("console.endpoint.statusRetrying");
      case "FAILED":
        return t("console.endpoint.statusFailed");
    }
  };
  return (
    <div className="space-y-8">
      <PageHeader
        title={t("console.endpoint.title")}
        description={endpoint.url}
        actions={<Link href="/merchant/integrations" className="text-sm text-brand-700 underline">{t("console.endpoint.back")}</Link>}
      />
      {saved === "created" ? <p role="status" className="rounded-md bg-emerald-50 px-3 py-2 text-sm text-emerald-700">{t("console.endpoint.created")}</p> : null}

      <Card title={t("console.endpoint.secret")}>
        <p className="mb-2 text-sm text-slate-600">{t.rich("console.endpoint.secretText", { code: (chunks) => <code className="font-mono">{chunks}</code> })}</p>
        <details>
          <summary className="cursor-pointer text-sm font-medium text-brand-700">{t("console.endpoint.showSecret")}</summary>
          <code data-testid="endpoint-secret" className="mt-2 block select-all break-all rounded bg-slate-50 p-2 font-mono text-sm">{endpoint.secret}</code>
        </details>
      </Card>

      <div className="flex flex-wrap items-center gap-4">
        <Badge tone={endpoint.active ? "green" : "grey"}>{endpoint.active ? t("console.integrations.enabled") : t("console.integrations.disabled")}</Badge>
        <ToggleActive action={setEndpointActiveAction} id={endpoint.id} active={endpoint.active} noun={t("console.endpoint.noun")} />
        <ActionButton action={sendTestEventAction} fields={{ id: endpoint.id }} label={t("console.endpoint.sendTest")} pendingLabel={t("console.endpoint.sending")} tone="primary" />
      </div>

      <section aria-labelledby="log-heading" className="space-y-3">
        <h2 id="log-heading" className="text-base font-semibold">{t("console.endpoint.log")}</h2>
        {log.length ? (
          <div className="overflow-x-auto rounded-xl border border-slate-200 bg-white shadow-sm">
            <table className={tableClass} data-testid="deliveries">
              <thead className="bg-slate-50"><tr><th className={thClass}>{t("console.endpoint.colEvent")}</th><th className={thClass}>{t("console.endpoint.colStatus")}</th><th className={thClass}>{t("console.endpoint.colTries")}</th><th className={thClass}>{t("console.endpoint.colLastAnswer")}</th><th className={thClass}><span className="sr-only">{t("console.endpoint.colRedeliver")}</span></th></tr></thead>
              <tbody className="divide-y divide-slate-100">
                {log.map((d) => (
                  <tr key={d.id} data-testid="delivery-row" data-event-type={d.event.type} data-status={d.status}>
                    <td className={tdClass}>
                      <code className="font-medium">{d.event.type}</code>
                      <p className="font-mono text-xs text-slate-500">{d.event.id}</p>
                      <p className="text-xs text-slate-500">{when(d.event.createdAt)}</p>
                      <details className="mt-1 text-xs">
                        <summary className="cursor-pointer text-brand-700">{t("console.endpoint.payload")}</summary>
                        <pre className="mt-1 max-w-xl overflow-x-auto rounded bg-slate-50 p-2">{JSON.stringify(d.event.payload, null, 2)}</pre>
                        <ul className="mt-1 space-y-1">
                          {d.log.map((a) => (
                            <li key={a.id} data-testid="delivery-attempt">{when(a.attemptedAt)} · {a.statusCode ?? t("console.endpoint.noAnswer")}{a.error ? <> · <span lang="en">{a.error}</span></> : null} · {t("console.endpoint.ms", { ms: a.durationMs })}{a.responseBody ? <span className="block font-mono text-slate-500">{a.responseBody}</span> : null}</li>
                          ))}
                        </ul>
                      </details>
                    </td>
                    <td className={tdClass}><Badge tone={TONE[d.status]}>{statusLabel(d.status)}</Badge></td>
                    <td className={tdClass} data-testid="delivery-attempts">{d.attempts}</td>
                    <td className={`${tdClass} text-xs`}>{d.lastStatusCode ?? (d.lastError ? t("console.endpoint.noAnswer") : "—")}{d.lastError ? <p lang="en" className="text-red-700">{d.lastError}</p> : null}<p className="text-slate-500">{when(d.lastAttemptAt)}</p></td>
                    <td className={tdClass}><ActionButton action={redeliverAction} fields={{ id: d.id }} label={t("console.endpoint.redeliver")} pendingLabel={t("console.endpoint.queueing")} /></td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
        ) : <EmptyState title={t("console.endpoint.emptyTitle")}>{t("console.endpoint.emptyText")}</EmptyState>}
      </section>

      <Card title={t("console.endpoint.settings")}>
        <EndpointForm action={updateEndpointAction} endpointId={endpoint.id} initialValues={{ url: endpoint.url, description: endpoint.description, eventTypes: endpoint.eventTypes }} submitLabel={t("console.endpoint.save")} />
      </Card>

      <Card title={t("console.endpoint.remove")}>
        <p className="mb-3 text-sm text-slate-600">{t("console.endpoint.removeText")}</p>
        <ActionButton action={deleteEndpointAction} fields={{ id: endpoint.id }} label={t("console.endpoint.delete")} pendingLabel={t("console.endpoint.deleting")} tone="danger" />
      </Card>
    </div>
  );
}
