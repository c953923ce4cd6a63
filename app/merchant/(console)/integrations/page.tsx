import type { Metadata } from "next";
import Link from "next/link";
import { ActionButton } from "@/components/merchant/action-button";
import { Badge, Card, EmptyState, PageHeader, tableClass, tdClass, thClass } from "@/components/merchant/ui";
import { listApiKeys } from "@/lib/api/keys";
import { requireMerchant } from "@/lib/auth/merchant-session";
import { loadEnv } from "@/lib/env";
import { listEndpoints } from "@/lib/outbound/endpoints";
import { EVENT_TYPES } from "@/lib/outbound/event-types";
import { createApiKeyAction, createEndpointAction, revokeApiKeyAction } from "./actions";
import { ApiKeyForm } from "./_components/api-key-form";
import { EndpointForm } from "./_components/endpoint-form";

export const metadata: Metadata = { title: "Integrations" };

const when = (d: Date | null) => (d ? `${d.toISOString().slice(0, 16).replace("T", " ")} UTC` : "never");

export default async function IntegrationsPage() {
  await requireMerchant();
  const [keys, endpoints] = await Promise.all([listApiKeys(), listEndpoints()]);
  const appUrl = loadEnv().APP_URL;
  return (
    <div className="space-y-8">
      <PageHeader title="Integrations" description="Connect your own app: checkouts you create yourself, a server API for your backend, and webhooks to your app. The README's “Integrate with your app” has copy-paste examples." />

      <Card title="Bring your own checkout">
        <dl className="space-y-3 text-sm">
          <div>
            <dt className="font-medium">Checkouts your server creates</dt>
            <dd className="text-slate-600">Call <code className="font-mono">POST {appUrl}/api/v1/checkout-sessions</code> with Dodo&apos;s checkout-session body (a write key); Encore adds its return URL, so customers land on its thank-you page and funnel.</dd>
          </div>
          <div>
            <dt className="font-medium">Payment links and dashboard checkouts</dt>
            <dd className="text-slate-600">Set their return (redirect) URL in the Dodo dashboard to <code data-testid="external-return-url" className="select-all font-mono">{appUrl}/checkout/return</code>. A payment opens the funnel there once, in the browser that paid, within {loadEnv().EXTERNAL_RETURN_MINUTES} minutes.</dd>
          </div>
        </dl>
      </Card>

      <section aria-labelledby="keys-heading" className="space-y-3">
        <h2 id="keys-heading" className="text-base font-semibold">API keys</h2>
        <p className="text-sm text-slate-600">For your backend only (never a browser). Send as <code className="font-mono">Authorization: Bearer &lt;key&gt;</code>. Reference: <a className="text-brand-700 underline" href="/api/v1/openapi.json">OpenAPI document</a>.</p>
        <Card><ApiKeyForm action={createApiKeyAction} /></Card>
        {keys.length ? (
          <div className="overflow-x-auto rounded-xl border border-slate-200 bg-white shadow-sm">
            <table className={tableClass} data-testid="api-keys">
              <thead className="bg-slate-50"><tr><th className={thClass}>Name</th><th className={thClass}>Key</th><th className={thClass}>Scope</th><th className={thClass}>Created</th><th className={thClass}>Last used</th><th className={thClass}><span className="sr-only">Revoke</span></th></tr></thead>
              <tbody className="divide-y divide-slate-100">
                {keys.map((k) => (
                  <tr key={k.id} data-testid="api-key-row" data-key-name={k.name}>
                    <td className={tdClass}>{k.name}</td>
                    <td className={`${tdClass} font-mono text-xs`}>{k.prefix}…</td>
                    <td className={tdClass}><Badge tone={k.scope === "WRITE" ? "amber" : "grey"}>{k.scope === "WRITE" ? "read + write" : "read"}</Badge></td>
                    <td className={`${tdClass} text-xs text-slate-600`}>{when(k.createdAt)}</td>
                    <td className={`${tdClass} text-xs text-slate-600`} data-testid="last-used">{when(k.lastUsedAt)}</td>
                    <td className={tdClass}>{k.revokedAt ? <Badge tone="red">revoked {when(k.revokedAt)}</Badge> : <ActionButton action={revokeApiKeyAction} fields={{ id: k.id }} label="Revoke" pendingLabel="Revoking…" tone="danger" />}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
        ) : <EmptyState title="No API keys yet">Create one above for your backend.</EmptyState>}
      </section>

      <section aria-labelledby="endpoints-heading" className="space-y-3">
        <h2 id="endpoints-heading" className="text-base font-semibold">Webhook endpoints</h2>
        <p className="text-sm text-slate-600">Encore sends events to these URLs, signed with Standard Webhooks under each endpoint&apos;s own secret, retrying with backoff for about 16 hours.</p>
        {endpoints.length ? (
          <div className="overflow-x-auto rounded-xl border border-slate-200 bg-white shadow-sm">
            <table className={tableClass} data-testid="endpoints">
              <thead className="bg-slate-50"><tr><th className={thClass}>URL</th><th className={thClass}>Events</th><th className={thClass}>Status</th><th className={thClass}>Failing</th></tr></thead>
              <tbody className="divide-y divide-slate-100">
                {endpoints.map((e) => (
                  <tr key={e.id} data-testid="endpoint-row">
                    <td className={tdClass}><Link className="font-medium text-brand-700 underline" href={`/merchant/integrations/endpoints/${e.id}`}>{e.url}</Link>{e.description ? <p className="text-xs text-slate-600">{e.description}</p> : null}</td>
                    <td className={`${tdClass} text-xs`}>{e.eventTypes.length === EVENT_TYPES.length ? "all events" : e.eventTypes.join(", ")}</td>
                    <td className={tdClass}><Badge tone={e.active ? "green" : "grey"}>{e.active ? "enabled" : "disabled"}</Badge></td>
                    <td className={tdClass}>{e._count.deliveries ? <Badge tone="red">{e._count.deliveries}</Badge> : "—"}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
        ) : null}
        <Card title="Add an endpoint">
          <EndpointForm action={createEndpointAction} initialValues={{ eventTypes: [...EVENT_TYPES] }} submitLabel="Add endpoint" />
        </Card>
      </section>
    </div>
  );
}
