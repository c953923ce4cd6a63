import type { Metadata } from "next";
import Link from "next/link";
import { getTranslations } from "next-intl/server";
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

export async function generateMetadata(): Promise<Metadata> {
  const t = await getTranslations();
  return { title: t("console.integrations.metaTitle") };
}

const at = (d: Date) => `${d.toISOString().slice(0, 16).replace("T", " ")} UTC`;

export default async function IntegrationsPage() {
  await requireMerchant();
  const [keys, endpoints, t] = await Promise.all([listApiKeys(), listEndpoints(), getTranslations()]);
  const when = (d: Date | null) => (d ? at(d) : t("console.integrations.never"));
  const appUrl = loadEnv().APP_URL;
  return (
    <div className="space-y-8">
      <PageHeader title={t("console.integrations.title")} description={t("console.integrations.description")} />

      <Card title={t("console.integrations.byoTitle")}>
        <dl className="space-y-3 text-sm">
          <div>
            <dt className="font-medium">{t("console.integrations.serverCheckouts")}</dt>
            <dd className="text-slate-600">{t.rich("console.integrations.serverCheckoutsText", { url: `${appUrl}/api/v1/checkout-sessions`, code: (chunks) => <code className="font-mono">{chunks}</code> })}</dd>
          </div>
          <div>
            <dt className="font-medium">{t("console.integrations.paymentLinks")}</dt>
            <dd className="text-slate-600">{t.rich("console.integrations.paymentLinksText", { minutes: loadEnv().EXTERNAL_RETURN_MINUTES, url: () => <code data-testid="external-return-url" className="select-all font-mono">{appUrl}/checkout/return</code> })}</dd>
          </div>
        </dl>
      </Card>

      <section aria-labelledby="keys-heading" className="space-y-3">
        <h2 id="keys-heading" className="text-base font-semibold">{t("console.integrations.keys")}</h2>
        <p className="text-sm text-slate-600">{t.rich("console.integrations.keysText", { header: "Authorization: Bearer <key>", code: (chunks) => <code className="font-mono">{chunks}</code>, link: (chunks) => <a className="text-brand-700 underline" href="/api/v1/openapi.json">{chunks}</a> })}</p>
        <Card><ApiKeyForm action={createApiKeyAction} /></Card>
        {keys.length ? (
          <div className="overflow-x-auto rounded-xl border border-slate-200 bg-white shadow-sm">
            <table className={tableClass} data-testid="api-keys">
              <thead className="bg-slate-50"><tr><th className={thClass}>{t("console.integrations.colName")}</th><th className={thClass}>{t("console.integrations.colKey")}</th><th className={thClass}>{t("console.integrations.colScope")}</th><th className={thClass}>{t("console.integrations.colCreated")}</th><th className={thClass}>{t("console.integrations.colLastUsed")}</th><th className={thClass}><span className="sr-only">{t("console.integrations.colRevoke")}</span></th></tr></thead>
              <tbody className="divide-y divide-slate-100">
                {keys.map((k) => (
                  <tr key={k.id} data-testid="api-key-row" data-key-name={k.name}>
                    <td className={tdClass} data-merchant-copy>{k.name}</td>
                    <td className={`${tdClass} font-mono text-xs`}>{k.prefix}…</td>
                    <td className={tdClass}><Badge tone={k.scope === "WRITE" ? "amber" : "grey"}>{k.scope === "WRITE" ? t("console.integrations.scopeWrite") : t("console.integrations.scopeRead")}</Badge></td>
                    <td className={`${tdClass} text-xs text-slate-600`}>{when(k.createdAt)}</td>
                    <td className={`${tdClass} text-xs text-slate-600`} data-testid="last-used">{when(k.lastUsedAt)}</td>
                    <td className={tdClass}>{k.revokedAt ? <Badge tone="red">{t("console.integrations.revokedAt", { when: at(k.revokedAt) })}</Badge> : <ActionButton action={revokeApiKeyAction} fields={{ id: k.id }} label={t("console.integrations.revoke")} pendingLabel={t("console.integrations.revoking")} tone="danger" />}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
        ) : <EmptyState title={t("console.integrations.noKeysTitle")}>{t("console.integrations.noKeysText")}</EmptyState>}
      </section>

      <section aria-labelledby="endpoints-heading" className="space-y-3">
        <h2 id="endpoints-heading" className="text-base font-semibold">{t("console.integrations.endpoints")}</h2>
        <p className="text-sm text-slate-600">{t("console.integrations.endpointsText")}</p>
        {endpoints.length ? (
          <div className="overflow-x-auto rounded-xl border border-slate-200 bg-white shadow-sm">
            <table className={tableClass} data-testid="endpoints">
              <thead className="bg-slate-50"><tr><th className={thClass}>{t("console.integrations.colUrl")}</th><th className={thClass}>{t("console.integrations.colEvents")}</th><th className={thClass}>{t("console.integrations.colStatus")}</th><th className={thClass}>{t("console.integrations.colFailing")}</th></tr></thead>
              <tbody className="divide-y divide-slate-100">
                {endpoints.map((e) => (
                  <tr key={e.id} data-testid="endpoint-row">
                    <td className={tdClass}><Link className="font-medium text-brand-700 underline" href={`/merchant/integrations/endpoints/${e.id}`}>{e.url}</Link>{e.description ? <p className="text-xs text-slate-600" data-merchant-copy>{e.description}</p> : null}</td>
                    <td className={`${tdClass} text-xs`}>{e.eventTypes.length === EVENT_TYPES.length ? t("console.integrations.allEvents") : e.eventTypes.join(", ")}</td>
                    <td className={tdClass}><Badge tone={e.active ? "green" : "grey"}>{e.active ? t("console.integrations.enabled") : t("console.integrations.disabled")}</Badge></td>
                    <td className={tdClass}>{e._count.deliveries ? <Badge tone="red">{e._count.deliveries}</Badge> : "—"}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
        ) : null}
        <Card title={t("console.integrations.addEndpoint")}>
          <EndpointForm action={createEndpointAction} initialValues={{ eventTypes: [...EVENT_TYPES] }} submitLabel={t("console.integrations.add")} />
        </Card>
      </section>
    </div>
  );
}
