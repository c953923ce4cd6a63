import type { Metadata } from "next";
import Link from "next/link";
import { getLocale, getTranslations } from "next-intl/server";
import { formatDate } from "@/lib/i18n/dates";
import type { Locale } from "@/lib/i18n/locales";
import { ButtonLink, Card, linkClass, PageHeader } from "@/components/merchant/ui";
import { getOverview } from "@/lib/stats/overview";
import { requireMerchant } from "@/lib/auth/merchant-session";
import { formatAmount, formatCount, formatRate } from "@/lib/stats/format";

export async function generateMetadata(): Promise<Metadata> {
  const t = await getTranslations();
  return { title: t("console.overview.metaTitle") };
}

function Step({ done, children }: { done: boolean; children: React.ReactNode }) {
  return (
    <li className="flex items-start gap-3 text-sm">
      <span className={`mt-0.5 inline-flex h-5 w-5 shrink-0 items-center justify-center rounded-full text-xs ${done ? "bg-emerald-100 text-emerald-700" : "bg-slate-100 text-slate-600"}`}>{done ? "✓" : "·"}</span>
      <span className={done ? "text-slate-600" : "text-slate-800"}>{children}</span>
    </li>
  );
}

export default async function OverviewPage() {
  await requireMerchant();
  const [{ setup, totals, orderValue, topOffers, range }, t, locale] = await Promise.all([getOverview(), getTranslations(), getLocale() as Promise<Locale>]);
  const link = (href: string) => function StepLink(chunks: React.ReactNode) {
    return <Link href={href} className="underline">{chunks}</Link>;
  };
  const ready = setup.products > 0 && setup.activeOffers > 0 && setup.funnelsWithSteps > 0;
  return (
    <div className="space-y-6">
      <PageHeader title={t("console.overview.title")} description={t("console.overview.range", { from: formatDate(range.fromDay, locale), to: formatDate(range.toDay, locale) })} actions={<ButtonLink href="/merchant/stats" variant="secondary">{t("console.overview.fullStats")}</ButtonLink>} />
      <div className="grid gap-4 sm:grid-cols-3">
        <Card><p className="text-xs uppercase tracking-wide text-slate-600">{t("console.overview.shown")}</p><p className="mt-1 text-2xl font-semibold">{formatCount(totals.impressions, locale)}</p></Card>
        <Card><p className="text-xs uppercase tracking-wide text-slate-600">{t("console.overview.takeRate")}</p><p className="mt-1 text-2xl font-semibold">{formatRate(totals.takeRate, locale)}</p><p className="text-xs text-slate-600">{t("console.overview.accepted", { count: formatCount(totals.accepts, locale) })}</p></Card>
        <Card>
          <p className="text-xs uppercase tracking-wide text-slate-600">{t("console.overview.revenue")}</p>
          <div className="mt-1 text-2xl font-semibold">{totals.revenue.length ? totals.revenue.map((r) => <div key={r.currency}>{formatAmount(r.amount, r.currency, locale)}</div>) : "—"}</div>
          {orderValue.map((o) => <p key={o.currency} className="text-xs text-slate-600">{t("console.overview.aov", { with: formatAmount(o.with, o.currency, locale), without: formatAmount(o.without, o.currency, locale) })}</p>)}
        </Card>
      </div>
      <div className="grid gap-4 lg:grid-cols-2">
        <Card title={ready ? t("console.overview.setUp") : t("console.overview.getStarted")}>
          <ol className="space-y-3">
            <Step done={setup.products > 0}>{t.rich("console.overview.syncProducts", { link: link("/merchant/products"), count: setup.products })}</Step>
            <Step done={setup.activeOffers > 0}>{t.rich("console.overview.createOffers", { link: link("/merchant/offers/new"), active: setup.activeOffers, total: setup.offers })}</Step>
            <Step done={setup.funnelsWithSteps > 0}>{t.rich("console.overview.arrangeFunnel", { link: link("/merchant/funnels"), count: setup.activeFunnels })}</Step>
          </ol>
        </Card>
        <Card title={t("console.overview.topOffers")}>
          {topOffers.length ? (
            <ul className="divide-y divide-slate-100 text-sm">
              {topOffers.map((o) => (
                <li key={o.offerId} className="flex justify-between py-2">
                  <Link href={`/merchant/offers/${o.offerId}`} className={linkClass} data-merchant-copy>{o.offerName}</Link>
                  <span className="text-slate-600">{t("console.overview.topRate", { rate: formatRate(o.takeRate, locale), shown: formatCount(o.impressions, locale) })}</span>
                </li>
              ))}
            </ul>
          ) : <p className="text-sm text-slate-600">{t("console.overview.noneShown")}</p>}
        </Card>
      </div>
    </div>
  );
}
