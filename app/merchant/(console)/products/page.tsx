import type { Metadata } from "next";
import { ActionButton } from "@/components/merchant/action-button";
import { LadderForm, RankingForm } from "@/components/merchant/ladder-forms";
import { PlanValueForm } from "@/components/merchant/plan-value-form";
import { Badge, Card, EmptyState, PageHeader, tableClass, tdClass, thClass } from "@/components/merchant/ui";
import { formatPrice } from "@/lib/catalog/format";
import { listProductsForAdmin } from "@/lib/catalog/queries";
import { requireMerchant } from "@/lib/auth/merchant-session";
import { createLadderAction, setPlanValueAction, setRankingAction, syncProductsAction, updateLadderAction } from "./actions";

export const metadata: Metadata = { title: "Products" };

export default async function ProductsPage() {
  await requireMerchant();
  const { products, ladders } = await listProductsForAdmin();
  const plans = products.filter((p) => p.kind === "SUBSCRIPTION" && !p.archived);
  return (
    <div className="space-y-6">
      <PageHeader
        title="Products"
        description="Your Dodo catalogue, mirrored here. Prices and names come from Dodo; plan ladders and their ranking are yours."
        actions={<ActionButton action={syncProductsAction} fields={{}} label="Sync from Dodo" pendingLabel="Syncing…" tone="primary" />}
      />
      {products.length === 0 ? (
        <EmptyState title="No products yet">Sync from Dodo to bring in your catalogue.</EmptyState>
      ) : (
        <div className="overflow-x-auto rounded-xl border border-slate-200 bg-white shadow-sm">
          <table className={tableClass} data-testid="products-table">
            <thead className="bg-slate-50"><tr><th className={thClass}>Product</th><th className={thClass}>Type</th><th className={thClass}>Price</th><th className={thClass}>Plan ladder</th><th className={thClass}>Synced</th></tr></thead>
            <tbody className="divide-y divide-slate-100">
              {products.map((p) => (
                <tr key={p.id} className={p.archived ? "text-slate-600" : undefined}>
                  <td className={tdClass}><span className="font-medium">{p.name}</span> {p.archived ? <Badge>Archived</Badge> : null}<p className="font-mono text-xs text-slate-600">{p.id}</p></td>
                  <td className={tdClass}>{p.kind === "SUBSCRIPTION" ? "Plan" : "One-time"}</td>
                  <td className={tdClass}>{formatPrice(p)}</td>
                  <td className={tdClass}>{p.ladder ? `${p.ladder.name} · rank ${p.planRank}` : "—"}</td>
                  <td className={`${tdClass} text-xs text-slate-600`}>{p.syncedAt.toISOString().slice(0, 16).replace("T", " ")} UTC</td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
      <div>
        <h2 className="mb-1 text-lg font-semibold">Plan ladders</h2>
        <p className="mb-4 text-sm text-slate-600">Customers move up or down a ladder. The ranking, not the price, decides what counts as an upgrade. Each ladder lists its own plans and those in no ladder; to move a plan, blank its rank in its ladder first.</p>
        <div className="space-y-4">
          {ladders.map((ladder) => (
            <Card key={ladder.id} title={ladder.name}>
              <div className="grid gap-6 lg:grid-cols-2">
                <LadderForm
                  action={updateLadderAction}
                  ladderId={ladder.id}
                  submitLabel="Save policy"
                  initialValues={{ name: ladder.name, upgradeProration: ladder.upgradeProration, upgradeOnPaymentFailure: ladder.upgradeOnPaymentFailure, downgradeTiming: ladder.downgradeTiming, downgradeProration: ladder.downgradeProration, allowIntervalChange: ladder.allowIntervalChange ? "on" : "" }}
                />
                {plans.length ? (
                  <RankingForm
                    action={setRankingAction}
                    ladderId={ladder.id}
                    // The ladder's own plans and those in no ladder: a plan in another ladder is ranked there
                    // (blank its rank there to move it). Every plan in every ladder's form would grow as ladders × plans.
                    plans={plans.filter((p) => p.ladderId === ladder.id || !p.ladderId).map((p) => ({ id: p.id, name: p.name, priceLabel: formatPrice(p), rank: p.ladderId === ladder.id ? p.planRank : null, otherLadder: p.ladder && p.ladderId !== ladder.id ? p.ladder.name : null }))}
                  />
                ) : <p className="text-sm text-slate-600">No subscription products to rank.</p>}
              </div>
              {plans.some((p) => p.ladderId === ladder.id) ? (
                <div className="mt-6 border-t border-slate-200 pt-4">
                  <h3 className="mb-3 text-sm font-semibold text-slate-800">What each plan includes</h3>
                  <div className="grid gap-6 lg:grid-cols-2">
                    {plans.filter((p) => p.ladderId === ladder.id).map((p) => <PlanValueForm key={p.id} action={setPlanValueAction} plan={p} />)}
                  </div>
                </div>
              ) : null}
            </Card>
          ))}
          <Card title="New plan ladder"><LadderForm action={createLadderAction} submitLabel="Create ladder" /></Card>
        </div>
      </div>
    </div>
  );
}
