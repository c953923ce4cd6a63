import type { Metadata } from "next";
import Link from "next/link";
import { FunnelForm } from "@/components/merchant/funnel-forms";
import { ToggleActive } from "@/components/merchant/toggle-active";
import { Badge, Card, EmptyState, linkClass, PageHeader, tableClass, tdClass, thClass } from "@/components/merchant/ui";
import { listFunnels } from "@/lib/offers/funnel-admin";
import { requireMerchant } from "@/lib/auth/merchant-session";
import { createFunnelAction, setFunnelActiveAction } from "./actions";

export const metadata: Metadata = { title: "Funnels" };

export default async function FunnelsPage() {
  await requireMerchant();
  const funnels = await listFunnels();
  return (
    <div className="space-y-6">
      <PageHeader title="Funnels" description="A funnel orders your offers after checkout: each step leads somewhere on accept, on decline (your downsell) and when the payment fails." />
      {funnels.length === 0 ? (
        <EmptyState title="No funnels yet">Create one below, then add steps that show your offers.</EmptyState>
      ) : (
        <div className="overflow-x-auto rounded-xl border border-slate-200 bg-white shadow-sm">
          <table className={tableClass} data-testid="funnels-table">
            <thead className="bg-slate-50"><tr><th className={thClass}>Funnel</th><th className={thClass}>Steps</th><th className={thClass}>Starts at</th><th className={thClass}>Window</th><th className={thClass}>Status</th><th className={thClass}><span className="sr-only">Actions</span></th></tr></thead>
            <tbody className="divide-y divide-slate-100">
              {funnels.map((f) => (
                <tr key={f.id} data-testid="funnel-row">
                  <td className={tdClass}><Link href={`/merchant/funnels/${f.id}`} className={linkClass}>{f.name}</Link></td>
                  <td className={tdClass}>{f._count.steps}</td>
                  <td className={tdClass}>{f.entryStep?.name ?? <span className="text-amber-700">No steps yet</span>}</td>
                  <td className={tdClass}>{Math.round(f.windowSecs / 60)} min</td>
                  <td className={tdClass}>{f.active ? <Badge tone="green">Active</Badge> : <Badge>Paused</Badge>}</td>
                  <td className={`${tdClass} text-right`}><ToggleActive action={setFunnelActiveAction} id={f.id} active={f.active} noun={f.name} /></td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
      <Card title="New funnel"><FunnelForm action={createFunnelAction} submitLabel="Create funnel" /></Card>
    </div>
  );
}
