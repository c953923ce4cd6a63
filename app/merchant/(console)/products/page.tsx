import type { Metadata } from "next";
import { getLocale, getTranslations } from "next-intl/server";
import { ActionButton } from "@/components/merchant/action-button";
import { LadderForm, RankingForm } from "@/components/merchant/ladder-forms";
import { PlanValueForm } from "@/components/merchant/plan-value-form";
import { Badge, Card, EmptyState, PageHeader, tableClass, tdClass, thClass } from "@/components/merchant/ui";
import { formatPrice } from "@/lib/catalog/format";
import { listProductsForAdmin } from "@/lib/catalog/queries";
import { requireMerchant } from "@/lib/auth/merchant-session";
import type { Locale } from "@/lib/i18n/locales";
import { createLadderAction, setPlanValueAction, setRankingAction, syncProductsAction, updateLadderAction } from "./actions";

export async function generateMetadata(): Promise<Metadata> {
  const t = await getTranslations();
  return { title: t("console.products.metaTitle") };
}

export default async function ProductsPage() {
  await requireMerchant();
  const [{ products, ladders }, t, locale] = await Promise.all([listProductsForAdmin(), getTranslations(), getLocale() as Promise<Locale>]);
  const plans = products.filter((p) => p.kind === "SUBSCRIPTION" && !p.archived);
  return (
    <div className="space-y-6">
      <PageHeader
        title={t("console.products.title")}
        description={t("console.products.description")}
        actions={<ActionButton action={syncProductsAction} fields={{}} label={t("console.products.sync")} pendingLabel={t("console.products.syncing")} tone="primary" />}
      />
      {products.length === 0 ? (
        <EmptyState title={t("console.products.emptyTitle")}>{t("console.products.emptyText")}</EmptyState>
      ) : (
        <div className="overflow-x-auto rounded-xl border border-slate-200 bg-white shadow-sm">
          <table className={tableClass} data-testid="products-table">
            <thead className="bg-slate-50"><tr><th className={thClass}>{t("console.products.colProduct")}</th><th className={thClass}>{t("console.products.colType")}</th><th className={thClass}>{t("console.products.colPrice")}</th><th className={thClass}>{t("console.products.colLadder")}</th><th className={thClass}>{t("console.products.colSynced")}</th></tr></thead>
            <tbody className="divide-y divide-slate-100">
              {products.map((p) => (
                <tr key={p.id} className={p.archived ? "text-slate-600" : undefined}>
                  <td className={tdClass}><span className="font-medium" data-merchant-copy>{p.name}</span> {p.archived ? <Badge>{t("console.products.archived")}</Badge> : null}<p className="font-mono text-xs text-slate-600">{p.id}</p></td>
                  <td className={tdClass}>{p.kind === "SUBSCRIPTION" ? t("console.products.typePlan") : t("console.products.typeOneTime")}</td>
                  <td className={tdClass}>{formatPrice(p, locale)}</td>
                  <td className={tdClass}>{p.ladder ? <><span data-merchant-copy>{p.ladder.name}</span> · {t("console.products.rank", { rank: p.planRank ?? "" })}</> : "—"}</td>
                  <td className={`${tdClass} text-xs text-slate-600`}>{p.syncedAt.toISOString().slice(0, 16).replace("T", " ")} UTC</td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
      <div>
        <h2 className="mb-1 text-lg font-semibold">{t("console.products.ladders")}</h2>
        <p className="mb-4 text-sm text-slate-600">{t("console.products.laddersText")}</p>
        <div className="space-y-4">
          {ladders.map((ladder) => (
            <Card key={ladder.id} title={ladder.name} titleIsMerchantCopy>
              <div className="grid gap-6 lg:grid-cols-2">
                <LadderForm
                  action={updateLadderAction}
                  ladderId={ladder.id}
                  submitLabel={t("console.products.savePolicy")}
                  initialValues={{ name: ladder.name, upgradeProration: ladder.upgradeProration, upgradeOnPaymentFailure: ladder.upgradeOnPaymentFailure, downgradeTiming: ladder.downgradeTiming, downgradeProration: ladder.downgradeProration, allowIntervalChange: ladder.allowIntervalChange ? "on" : "" }}
                />
                {plans.length ? (
                  <RankingForm
                    action={setRankingAction}
                    ladderId={ladder.id}
                    // The ladder's own plans and those in no ladder: a plan in another ladder is ranked there
                    // (blank its rank there to move it). Every plan in every ladder's form would grow as ladders × plans.
                    plans={plans.filter((p) => p.ladderId === ladder.id || !p.ladderId).map((p) => ({ id: p.id, name: p.name, priceLabel: formatPrice(p, locale), rank: p.ladderId === ladder.id ? p.planRank : null, otherLadder: p.ladder && p.ladderId !== ladder.id ? p.ladder.name : null }))}
                  />
                ) : <p className="text-sm text-slate-600">{t("console.products.noPlans")}</p>}
              </div>
              {plans.some((p) => p.ladderId === ladder.id) ? (
                <div className="mt-6 border-t border-slate-200 pt-4">
                  <h3 className="mb-3 text-sm font-semibold text-slate-800">{t("console.products.includesTitle")}</h3>
                  <div className="grid gap-6 lg:grid-cols-2">
                    {plans.filter((p) => p.ladderId === ladder.id).map((p) => <PlanValueForm key={p.id} action={setPlanValueAction} plan={p} />)}
                  </div>
                </div>
              ) : null}
            </Card>
          ))}
          <Card title={t("console.products.newLadder")}><LadderForm action={createLadderAction} submitLabel={t("console.products.createLadder")} /></Card>
        </div>
      </div>
    </div>
  );
}
