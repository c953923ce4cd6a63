import type { Metadata } from "next";
import Link from "next/link";
import { notFound } from "next/navigation";
import { ActionButton } from "@/components/merchant/action-button";
import { ToggleActive } from "@/components/merchant/toggle-active";
import { Badge, Card, EmptyState, PageHeader, tableClass, tdClass, thClass } from "@/components/merchant/ui";
import { requireMerchant } from "@/lib/auth/merchant-session";
import type { IdPageProps } from "@/lib/http/page-props";
import { firstParam } from "@/lib/http/page-props";
import { deliveryLog, getEndpoint } from "@/lib/outbound/endpoints";
import { deleteEndpointAction, redeliverAction, sendTestEventAction, setEndpointActiveAction, updateEndpointAction } from "../../actions";
import { EndpointForm } from "../../_components/endpoint-form";

export const metadata: Metadata = { title: "Webhook endpoint" };

const TONE = { PENDING: "grey", SUCCEEDED: "green", RETRYING: "amber", FAILED: "red" } as const;
const when = (d: Date | null) => (d ? `${d.toISOString().slice(0, 19).replace("T", " ")} UTC` : "—");

export default async function EndpointPage({ params, searchParams }: IdPageProps) {
  await requireMerchant();
  const { id } = await params;
  const endpoint = await getEndpoint(id);
  if (!endpoint) notFound();
  const [log, saved] = [await deliveryLog(endpoint.id), firstParam((await searchParams).saved)];
  return (
    <div className="space-y-8">
      <PageHeader
        title="Webhook endpoint"
        description={endpoint.url}
        actions={<Link href="/merchant/integrations" className="text-sm text-brand-700 underline">← All integrations</Link>}
      />
      {saved === "created" ? <p role="status" className="rounded-md bg-emerald-50 px-3 py-2 text-sm text-emerald-700">Endpoint added. Put its signing secret in your app, then send a test event.</p> : null}

      <Card title="Signing secret">
        <p className="mb-2 text-sm text-slate-600">Verify every request with a Standard Webhooks library (<code className="font-mono">new Webhook(secret).verify(rawBody, headers)</code>); the <code className="font-mono">webhook-id</code> header is the event&apos;s id, the same on every retry, so use it to ignore duplicates.</p>
        <details>
          <summary className="cursor-pointer text-sm font-medium text-brand-700">Show secret</summary>
          <code data-testid="endpoint-secret" className="mt-2 block select-all break-all rounded bg-slate-50 p-2 font-mono text-sm">{endpoint.secret}</code>
        </details>
      </Card>

      <div className="flex flex-wrap items-center gap-4">
        <Badge tone={endpoint.active ? "green" : "grey"}>{endpoint.active ? "enabled" : "disabled"}</Badge>
        <ToggleActive action={setEndpointActiveAction} id={endpoint.id} active={endpoint.active} noun="endpoint" />
        <ActionButton action={sendTestEventAction} fields={{ id: endpoint.id }} label="Send test event" pendingLabel="Sending…" tone="primary" />
      </div>

      <section aria-labelledby="log-heading" className="space-y-3">
        <h2 id="log-heading" className="text-base font-semibold">Delivery log</h2>
        {log.length ? (
          <div className="overflow-x-auto rounded-xl border border-slate-200 bg-white shadow-sm">
            <table className={tableClass} data-testid="deliveries">
              <thead className="bg-slate-50"><tr><th className={thClass}>Event</th><th className={thClass}>Status</th><th className={thClass}>Tries</th><th className={thClass}>Last answer</th><th className={thClass}><span className="sr-only">Redeliver</span></th></tr></thead>
              <tbody className="divide-y divide-slate-100">
                {log.map((d) => (
                  <tr key={d.id} data-testid="delivery-row" data-event-type={d.event.type} data-status={d.status}>
                    <td className={tdClass}>
                      <span className="font-medium">{d.event.type}</span>
                      <p className="font-mono text-xs text-slate-500">{d.event.id}</p>
                      <p className="text-xs text-slate-500">{when(d.event.createdAt)}</p>
                      <details className="mt-1 text-xs">
                        <summary className="cursor-pointer text-brand-700">Payload and tries</summary>
                        <pre className="mt-1 max-w-xl overflow-x-auto rounded bg-slate-50 p-2">{JSON.stringify(d.event.payload, null, 2)}</pre>
                        <ul className="mt-1 space-y-1">
                          {d.log.map((a) => (
                            <li key={a.id} data-testid="delivery-attempt">{when(a.attemptedAt)} · {a.statusCode ?? "no answer"}{a.error ? ` · ${a.error}` : ""} · {a.durationMs} ms{a.responseBody ? <span className="block font-mono text-slate-500">{a.responseBody}</span> : null}</li>
                          ))}
                        </ul>
                      </details>
                    </td>
                    <td className={tdClass}><Badge tone={TONE[d.status]}>{d.status.toLowerCase()}</Badge></td>
                    <td className={tdClass} data-testid="delivery-attempts">{d.attempts}</td>
                    <td className={`${tdClass} text-xs`}>{d.lastStatusCode ?? (d.lastError ? "no answer" : "—")}{d.lastError ? <p className="text-red-700">{d.lastError}</p> : null}<p className="text-slate-500">{when(d.lastAttemptAt)}</p></td>
                    <td className={tdClass}><ActionButton action={redeliverAction} fields={{ id: d.id }} label="Redeliver" pendingLabel="Queueing…" /></td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
        ) : <EmptyState title="Nothing sent yet">Deliveries appear here as events happen, or send a test event.</EmptyState>}
      </section>

      <Card title="Settings">
        <EndpointForm action={updateEndpointAction} endpointId={endpoint.id} initialValues={{ url: endpoint.url, description: endpoint.description, eventTypes: endpoint.eventTypes }} submitLabel="Save endpoint" />
      </Card>

      <Card title="Remove">
        <p className="mb-3 text-sm text-slate-600">Stops all deliveries to this URL and deletes its log.</p>
        <ActionButton action={deleteEndpointAction} fields={{ id: endpoint.id }} label="Delete endpoint" pendingLabel="Deleting…" tone="danger" />
      </Card>
    </div>
  );
}
