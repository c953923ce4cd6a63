// The stats page's retention section: cancel attempts, saves by offer, revenue kept, lift against
// the holdout with its interval, and reasons over time. Numbers come formatted from lib/stats/format.
import { useLocale, useTranslations } from "next-intl";
import type { Locale } from "@/lib/i18n/locales";
import { reasonLabel } from "@/lib/retention/labels";
import type { RetentionReport } from "@/lib/retention/stats-report";
import { formatAmount, formatCount, formatInterval, formatPoints, formatRate } from "@/lib/stats/format";
import { Card, tableClass, tdClass, thClass } from "./ui";

function Figure({ label, testId, children }: { label: string; testId: string; children: React.ReactNode }) {
  return (
    <div className="rounded-lg border border-slate-200 p-3">
      <p className="text-xs font-medium uppercase tracking-wide text-slate-500">{label}</p>
      <div className="mt-1 text-lg font-semibold" data-testid={testId}>{children}</div>
    </div>
  );
}

export function RetentionStats({ report, csvHref }: { report: RetentionReport; csvHref: string }) {
  const t = useTranslations();
  const locale = useLocale() as Locale;
  const reason = (r: string) => reasonLabel(r, locale);
  return (
    <Card title={t("console.retentionStats.title")}>
      <div data-testid="retention-stats" className="space-y-6">
        <div className="flex flex-wrap items-start justify-between gap-3">
          <p className="max-w-2xl text-sm text-slate-600">{t("console.retentionStats.intro")}</p>
          <a href={csvHref} className="inline-flex items-center rounded-md border border-slate-300 bg-white px-4 py-2 text-sm font-medium shadow-sm hover:bg-slate-50" data-testid="retention-csv-link">{t("console.retentionStats.exportCsv")}</a>
        </div>
        <div className="grid gap-3 sm:grid-cols-2 lg:grid-cols-4">
          <Figure label={t("console.retentionStats.attempts")} testId="retention-attempts">{formatCount(report.attempts, locale)}</Figure>
          <Figure label={t("console.retentionStats.saves")} testId="retention-saves">{formatCount(report.saves, locale)} <span className="text-sm font-normal text-slate-500">({formatRate(report.saveRate, locale)})</span></Figure>
          <Figure label={t("console.retentionStats.cancels")} testId="retention-cancels">{formatCount(report.cancels, locale)}</Figure>
          <Figure label={t("console.retentionStats.revenueKept")} testId="retention-revenue-kept">
            {report.revenueKept.length ? report.revenueKept.map((r) => <div key={r.currency} className="text-base">{formatAmount(r.days30, r.currency, locale)} / {formatAmount(r.days90, r.currency, locale)}</div>) : "—"}
          </Figure>
        </div>
        <div className="overflow-x-auto">
          <h3 className="mb-2 text-sm font-semibold">{t("console.retentionStats.byOffer")}</h3>
          {report.offers.length === 0 ? <p className="text-sm text-slate-500">{t("console.retentionStats.noOffers")}</p> : (
            <table className={tableClass} data-testid="retention-offers">
              <thead><tr><th className={thClass}>{t("console.retentionStats.colLadder")}</th><th className={thClass}>{t("console.retentionStats.colReason")}</th><th className={thClass}>{t("console.retentionStats.colOffer")}</th><th className={thClass}>{t("console.retentionStats.colShown")}</th><th className={thClass}>{t("console.retentionStats.colSaves")}</th><th className={thClass}>{t("console.retentionStats.colSaveRate")}</th><th className={thClass}>{t("console.retentionStats.colKept30")}</th><th className={thClass}>{t("console.retentionStats.colKept90")}</th></tr></thead>
              <tbody className="divide-y divide-slate-100">
                {report.offers.map((o) => (
                  <tr key={`${o.id}-${o.currency}`} data-testid="retention-offer-row">
                    <td className={tdClass} data-merchant-copy>{o.ladderName}</td><td className={tdClass}>{reason(o.reason)}</td>{/* The label names the merchant's plan inside our words ("Um plano mais barato: Pro"): kept whole as merchant copy. */}
                    <td className={tdClass} data-merchant-copy>{o.label}</td>
                    <td className={tdClass}>{formatCount(o.shown, locale)}</td><td className={tdClass} data-testid="retention-offer-saves">{formatCount(o.saves, locale)}</td><td className={tdClass}>{formatRate(o.saveRate, locale)}</td>
                    <td className={tdClass}>{formatAmount(o.revenueKept30, o.currency, locale)}</td><td className={tdClass}>{formatAmount(o.revenueKept90, o.currency, locale)}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          )}
        </div>
        <div className="overflow-x-auto">
          <h3 className="mb-2 text-sm font-semibold">{t("console.retentionStats.lift")}</h3>
          {report.lift.length === 0 ? <p className="text-sm text-slate-500" data-testid="retention-lift-none">{t("console.retentionStats.noLift")}</p> : (
            <table className={tableClass} data-testid="retention-lift">
              <thead><tr><th className={thClass}>{t("console.retentionStats.colCurrency")}</th><th className={thClass}>{t("console.retentionStats.colGroups")}</th><th className={thClass}>{t("console.retentionStats.colKeptLift")}</th><th className={thClass}>{t("console.retentionStats.colInterval")}</th><th className={thClass}>{t("console.retentionStats.colRevenueLift")}</th><th className={thClass}>{t("console.retentionStats.colInterval")}</th></tr></thead>
              <tbody className="divide-y divide-slate-100">
                {report.lift.map((l) => (
                  <tr key={l.currency} data-testid="retention-lift-row">
                    <td className={tdClass}>{l.currency}</td>
                    <td className={tdClass}>{formatCount(l.offeredN, locale)} / {formatCount(l.holdoutN, locale)}</td>
                    <td className={tdClass} data-testid="retention-lift-estimate">{l.retention ? formatPoints(l.retention.difference.estimate, locale) : t("console.retentionStats.needsTwo")}</td>
                    <td className={tdClass} data-testid="retention-lift-interval">{l.retention ? t("console.stats.interval", { low: formatPoints(l.retention.difference.low, locale), high: formatPoints(l.retention.difference.high, locale) }) : "—"}</td>
                    <td className={tdClass}>{l.revenue30 ? formatAmount(l.revenue30.difference.estimate, l.currency, locale) : "—"}</td>
                    <td className={tdClass}>{l.revenue30 ? formatInterval(l.revenue30.difference, l.currency, locale) : "—"}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          )}
          <p className="mt-2 text-xs text-slate-500">{t("console.retentionStats.liftNote")}</p>
        </div>
        <div className="overflow-x-auto">
          <h3 className="mb-2 text-sm font-semibold">{t("console.retentionStats.reasons")}</h3>
          {report.reasons.rows.length === 0 ? <p className="text-sm text-slate-500">{t("console.retentionStats.noReasons")}</p> : (
            <table className={tableClass} data-testid="retention-reasons">
              <thead><tr><th className={thClass}>{t("console.retentionStats.colReason")}</th><th className={thClass}>{t("console.retentionStats.colTotal")}</th><th className={thClass}>{t("console.retentionStats.colPerDay")}</th></tr></thead>
              <tbody className="divide-y divide-slate-100">
                {report.reasons.rows.map((r) => {
                  // The row's busiest day sets its bars' scale: found once, not once a bar.
                  const peak = Math.max(...r.perDay);
                  return (
                  <tr key={r.reason}>
                    <td className={tdClass}>{reason(r.reason)}</td><td className={tdClass}>{formatCount(r.total, locale)}</td>
                    <td className={tdClass}>
                      <div className="flex h-6 items-end gap-px" role="img" aria-label={t("console.retentionStats.reasonBars", { reason: reason(r.reason), count: r.total, days: report.reasons.days.length })}>
                        {r.perDay.map((n, i) => <span key={i} className="w-1 bg-brand-500" style={{ height: `${r.total ? Math.max(2, (n / peak) * 24) : 0}px`, opacity: n ? 1 : 0.15 }} title={`${report.reasons.days[i]}: ${n}`} />)}
                      </div>
                    </td>
                  </tr>
                  );
                })}
              </tbody>
            </table>
          )}
        </div>
      </div>
    </Card>
  );
}
