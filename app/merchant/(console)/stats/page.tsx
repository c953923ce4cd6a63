import type { Metadata } from "next";
import Link from "next/link";
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
import { getRetentionReport, reasonLabel } from "@/lib/retention/stats";
import { saveStatsSettingsAction } from "./actions";

export const metadata: Metadata = { title: "Offer stats" };

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
  const range = parseRange({ from: firstParam(params.from), to: firstParam(params.to) });
  const funnels = await listFunnels();
  // By default the newest active funnel that has steps: an empty one has nothing to chart.
  const funnelId = firstParam(params.funnel) ?? (funnels.find((f) => f._count.steps > 0) ?? funnels[0])?.id;
  const report = await getStatsReport(range);
  const flow = funnelId ? await getFunnelFlow(funnelId, report) : null;
  const retention = await getRetentionReport(range);
  const { totals } = report;
  const csvHref = `/api/merchant/stats/csv?${new URLSearchParams({ from: range.fromDay, to: range.toDay })}`;
  const purchasesCsvHref = `/api/merchant/stats/csv?${new URLSearchParams({ from: range.fromDay, to: range.toDay, table: "purchases" })}`;
  const planChangesCsvHref = `/api/merchant/stats/csv?${new URLSearchParams({ from: range.fromDay, to: range.toDay, table: "plan-changes" })}`;
  return (
    <div className="space-y-6">
      <PageHeader
        title="Offer stats"
        description={`Offers shown ${range.fromDay} to ${range.toDay} (UTC). Revenue is what accepted offers' successful payments brought in, minus refunds and lost disputes, per currency${report.maturityDays > 0 ? `, counted once a payment is ${report.maturityDays} days old (younger ones show as pending)` : ""}.`}
        actions={<>
          <a href={csvHref} className="inline-flex items-center rounded-md border border-slate-300 bg-white px-4 py-2 text-sm font-medium shadow-sm hover:bg-slate-50" data-testid="csv-link">Export CSV</a>
          <a href={purchasesCsvHref} className="inline-flex items-center rounded-md border border-slate-300 bg-white px-4 py-2 text-sm font-medium shadow-sm hover:bg-slate-50" data-testid="purchases-csv-link">Export purchases (units, currency)</a>
        </>}
      />
      <RangePicker range={range} extra={funnelId ? { funnel: funnelId } : {}} />
      <div className="grid gap-4 sm:grid-cols-2 lg:grid-cols-4">
        <Stat label="Impressions" testId="total-impressions">{formatCount(totals.impressions)}</Stat>
        <Stat label="Take rate" testId="total-take-rate">{formatRate(totals.takeRate)}</Stat>
        <Stat label="Revenue added" testId="total-revenue">
          {totals.revenue.length ? totals.revenue.map((r) => <div key={r.currency}>{formatAmount(r.amount, r.currency)}</div>) : formatAmount(0, "USD")}
          {totals.pending.length ? <div className="text-sm font-normal text-slate-600" data-testid="total-pending">+ {totals.pending.map((p) => formatAmount(p.amount, p.currency)).join(", ")} pending</div> : null}
        </Stat>
        <Stat label="AOV with vs without offers" testId="total-aov">
          {report.orderValue.length ? report.orderValue.map((o) => <div key={o.currency} className="text-base">{formatAmount(o.with, o.currency)} <span className="text-slate-600">vs</span> {formatAmount(o.without, o.currency)}</div>) : "—"}
        </Stat>
      </div>
      {report.lines.length === 0 ? (
        <EmptyState title="Nothing to show for these dates" action={{ href: "/merchant/offers/new", label: "Create an offer" }}>
          Numbers appear as customers see your offers after checkout.
        </EmptyState>
      ) : (
        <StatsTable lines={report.lines} totals={totals} />
      )}
      <p className="text-xs text-slate-600">
        Take rate = accepts ÷ impressions (holdout customers excluded). Expiries include offers left unanswered past their window. AOV compares visits that took the offer (order plus net
        offer revenue) with visits shown it that did not. Lift compares net revenue added per visit with the step&apos;s holdout, who saw nothing, with a 95% confidence interval (normal approximation).
      </p>
      <Card title="Counting revenue">
        <StatsSettingsForm action={saveStatsSettingsAction} initialValues={{ revenueMaturityDays: String(report.maturityDays) }} />
      </Card>
      <Card title="Revenue over time">
        {report.series.length ? report.series.map((s) => <RevenueChart key={s.currency} series={s} />) : <p className="text-sm text-slate-600">No offer revenue in this range yet.</p>}
      </Card>
      <Card title="Plan changes">
        <PlanChangeStats report={report.planChanges} csvHref={planChangesCsvHref} />
      </Card>
      <Card title="Funnel">
        {funnels.length > 1 ? (
          <div className="mb-4 flex flex-wrap gap-2 text-sm">
            {funnels.map((f) => (
              <Link key={f.id} href={`?${new URLSearchParams({ from: range.fromDay, to: range.toDay, funnel: f.id })}`} className={`rounded-full px-3 py-1 ${f.id === funnelId ? "bg-brand-600 text-white" : "bg-slate-100 text-slate-700 hover:bg-slate-200"}`}>{f.name}</Link>
            ))}
          </div>
        ) : null}
        {flow ? <FunnelChart flow={flow} /> : <p className="text-sm text-slate-600">No funnel yet. <Link href="/merchant/funnels" className="text-brand-700 underline">Create one</Link>.</p>}
      </Card>
      <RetentionStats report={retention} reasonLabel={reasonLabel} csvHref={`/api/merchant/stats/retention-csv?${new URLSearchParams({ from: range.fromDay, to: range.toDay })}`} />
    </div>
  );
}
