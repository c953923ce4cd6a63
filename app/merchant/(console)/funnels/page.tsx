import type { Metadata } from "next";
import Link from "next/link";
import { getTranslations } from "next-intl/server";
import { FunnelForm } from "@/components/merchant/funnel-forms";
import { ToggleActive } from "@/components/merchant/toggle-active";
import { Badge, Card, EmptyState, linkClass, PageHeader, tableClass, tdClass, thClass } from "@/components/merchant/ui";
import { listFunnels } from "@/lib/offers/funnel-admin";
import { requireMerchant } from "@/lib/auth/merchant-session";
import { createFunnelAction, setFunnelActiveAction } from "./actions";

export async function generateMetadata(): Promise<Metadata> {
  const t = await getTranslations();
  return { title: t("console.funnels.metaTitle") };
}

export default async function FunnelsPage() {
  await requireMerchant();
  const [funnels, t] = await Promise.all([listFunnels(), getTranslations()]);
  return (
    <div className="space-y-6">
      <PageHeader title={t("console.funnels.title")} description={t("console.funnels.description")} />
      {funnels.length === 0 ? (
        <EmptyState title={t("console.funnels.emptyTitle")}>{t("console.funnels.emptyText")}</EmptyState>
      ) : (
        <div className="overflow-x-auto rounded-xl border border-slate-200 bg-white shadow-sm">
          <table className={tableClass} data-testid="funnels-table">
            <thead className="bg-slate-50"><tr><th className={thClass}>{t("console.funnels.colFunnel")}</th><th className={thClass}>{t("console.funnels.colSteps")}</th><th className={thClass}>{t("console.funnels.colStartsAt")}</th><th className={thClass}>{t("console.funnels.colWindow")}</th><th className={thClass}>{t("console.funnels.colStatus")}</th><th className={thClass}><span className="sr-only">{t("console.funnels.colActions")}</span></th></tr></thead>
            <tbody className="divide-y divide-slate-100">
              {funnels.map((f) => (
                <tr key={f.id} data-testid="funnel-row">
                  <td className={tdClass}><Link href={`/merchant/funnels/${f.id}`} className={linkClass} data-merchant-copy>{f.name}</Link></td>
                  <td className={tdClass}>{f._count.steps}</td>
                  <td className={tdClass}>{f.entryStep ? <span data-merchant-copy>{f.entryStep.name}</span> : <span className="text-amber-700">{t("console.funnels.noSteps")}</span>}</td>
                  <td className={tdClass}>{t("console.funnels.minutes", { count: Math.round(f.windowSecs / 60) })}</td>
                  <td className={tdClass}>{f.active ? <Badge tone="green">{t("console.funnels.active")}</Badge> : <Badge>{t("console.funnels.paused")}</Badge>}</td>
                  <td className={`${tdClass} text-right`}><ToggleActive action={setFunnelActiveAction} id={f.id} active={f.active} noun={f.name} /></td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
      <Card title={t("console.funnels.newFunnel")}><FunnelForm action={createFunnelAction} submitLabel={t("console.funnels.create")} /></Card>
    </div>
  );
}
