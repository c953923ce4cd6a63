import type { Metadata } from "next";
import Link from "next/link";
import { formatDate } from "@/lib/i18n/dates";
import { getLocale, getTranslations } from "next-intl/server";
import { FunnelChart } from "@/components/merchant/funnel-chart";
import { RangePicker } from "@/components/merchant/range-picker";
import { PlanChangeStats } from "@/components/merchant/plan-change-stats";
import { RetentionStats } from "@/components/merchant/retention-stats";
import { RevenueChart } from "@/components/merchant/revenue-chart";
import { StatsSettingsForm } from "@/components/merchant/stats-settings-form";
import { StatsTable } from "@/components/merchant/stats-table";
import { Card, EmptyState, PageHeader } from "@/components/merchant/ui";
import { listFunnels } from "@/lib/offers/funnel-admin";
import { firstParam, type SearchParams } from "@/lib/http/page-props";
import { requireMerchant } from "@/lib/auth/merchant-session";
import { formatAmount, formatCount, formatRate } from "@/lib/stats/format";
import { parseRange } from "@/lib/stats/range";
import { getFunnelFlow, getStatsReport } from "@/lib/stats/service";
import { getRetentionReport } from "@/lib/retention/stats";
import type { Locale } from "@/lib/i18n/locales";
import { saveStatsSettingsAction } from "./actions";

export async function generateMetadata(): Promise<Metadata> {
  const t = await getTranslations();
  return { title: t("console.statsPage.metaTitle") };
}

function Stat({ label, children, testId }: { label: string; children: React.ReactNode; testId: string }) {
  return (
    <div className="rounded-xl border border-slate-200 bg-white p-4 shadow-sm">
      <p className="text-xs font-medium uppercase tracking-wide text-slate-600">{label}</p>
      <div className="mt-1 text-xl font-semibold" data-testid={testId}>{children}</div>
    </div>
  );
}

export default async function StatsPage({ searchParams }: { searchParams: SearchParams }) {
  await requireMerchant();
  const params = await searchParams;
  const [t, locale] = await Promise.all([getTranslations(), getLocale() as Promise<Locale>]);
  const range = parseRange({ from: firstParam(params.from), to: firstParam(params.to) });
  const funnels = await listFunnels();
  // By default the newest active funnel that has steps: an empty one has nothing to chart.
  const funnelId = firstParam(params.funnel) ?? (funnels.find((f) => f._count.steps > 0) ?? funnels[0])?.id;
  const report = await getStatsReport(range, { locale });
  const flow = funnelId ? await getFunnelFlow(funnelId, report) : null;
  const retention = await getRetentionReport(range, { locale });
  const { totals } = report;
  const csvHref = `/api/merchant/stats/csv?${new URLSearchParams({ from: range.fromDay, to: range.toDay })}`;
  const purchasesCsvHref = `/api/merchant/stats/csv?${new URLSearchParams({ from: range.fromDay, to: range.toDay, table: "purchases" })}`;
  const planChangesCsvHref = `/api/merchant/stats/csv?${new URLSearchParams({ from: range.fromDay, to: range.toDay, table: "plan-changes" })}`;
  return (
    <div className="space-y-6">
      <PageHeader
        title={t("console.statsPage.title")}
        description={report.maturityDays > 0 ? t("console.statsPage.descriptionMaturity", { from: formatDate(range.fromDay, locale), to: formatDate(range.toDay, locale), days: report.maturityDays }) : t("console.statsPage.description", { from: formatDate(range.fromDay, locale), to: formatDate(range.toDay, locale) })}
        actions={<>
          <a href={csvHref} className="inline-flex items-center rounded-md border border-slate-300 bg-white px-4 py-2 text-sm font-medium shadow-sm hover:bg-slate-50" data-testid="csv-link">{t("console.statsPage.exportCsv")}</a>
          <a href={purchasesCsvHref} className="inline-flex items-center rounded-md border border-slate-300 bg-white px-4 py-2 text-sm font-medium shadow-sm hover:bg-slate-50" data-testid="purchases-csv-link">{t("console.statsPage.exportPurchases")}</a>
        </>}
      />
      <RangePicker range={range} extra={funnelId ? { funnel: funnelId } : {}} />
      <div className="grid gap-4 sm:grid-cols-2 lg:grid-cols-4">
        <Stat label={t("console.statsPage.impressions")} testId="total-impressions">{formatCount(totals.impressions, locale)}</Stat>
        <Stat label={t("console.statsPage.takeRate")} testId="total-take-rate">{formatRate(totals.takeRate, locale)}</Stat>
        <Stat label={t("console.statsPage.revenue")} testId="total-revenue">
          {totals.revenue.length ? totals.revenue.map((r) => <div key={r.currency}>{formatAmount(r.amount, r.currency, locale)}</div>) : formatAmount(0, "USD", locale)}
          {totals.pending.length ? <div className="text-sm font-normal text-slate-600" data-testid="total-pending">{t("console.statsPage.pending", { amounts: totals.pending.map((p) => formatAmount(p.amount, p.currency, locale)).join(", ") })}</div> : null}
        </Stat>
        <Stat label={t("console.statsPage.aov")} testId="total-aov">
          {report.orderValue.length ? report.orderValue.map((o) => <div key={o.currency} className="text-base">{formatAmount(o.with, o.currency, locale)} <span className="text-slate-600">{t("console.statsTable.versus")}</span> {formatAmount(o.without, o.currency, locale)}</div>) : "—"}
        </Stat>
      </div>
      {report.lines.length === 0 ? (
        <EmptyState title={t("console.statsPage.emptyTitle")} action={{ href: "/merchant/offers/new", label: t("console.statsPage.emptyAction") }}>
          {t("console.statsPage.emptyText")}
        </EmptyState>
      ) : (
        <StatsTable lines={report.lines} totals={totals} />
      )}
      <p className="text-xs text-slate-600">{t("console.statsPage.footnote")}</p>
      <Card title={t("console.statsPage.countingRevenue")}>
        <StatsSettingsForm action={saveStatsSettingsAction} initialValues={{ revenueMaturityDays: String(report.maturityDays) }} />
      </Card>
      <Card title={t("console.statsPage.revenueOverTime")}>
        {report.series.length ? report.series.map((s) => <RevenueChart key={s.currency} series={s} />) : <p className="text-sm text-slate-600">{t("console.statsPage.noRevenue")}</p>}
      </Card>
      <Card title={t("console.statsPage.planChanges")}>
        <PlanChangeStats report={report.planChanges} csvHref={planChangesCsvHref} />
      </Card>
      <Card title={t("console.statsPage.funnel")}>
        {funnels.length > 1 ? (
          <div className="mb-4 flex flex-wrap gap-2 text-sm">
            {funnels.map((f) => (
              <Link key={f.id} href={`?${new URLSearchParams({ from: range.fromDay, to: range.toDay, funnel: f.id })}`} className={`rounded-full px-3 py-1 ${f.id === funnelId ? "bg-brand-600 text-white" : "bg-slate-100 text-slate-700 hover:bg-slate-200"}`} data-merchant-copy>{f.name}</Link>
            ))}
          </div>
        ) : null}
        {flow ? <FunnelChart flow={flow} /> : <p className="text-sm text-slate-600">{t.rich("console.statsPage.noFunnel", { link: (chunks) => <Link href="/merchant/funnels" className="text-brand-700 underline">{chunks}</Link> })}</p>}
      </Card>
      <RetentionStats report={retention} csvHref={`/api/merchant/stats/retention-csv?${new URLSearchParams({ from: range.fromDay, to: range.toDay })}`} />
    </div>
  );
}
