// The stats page's retention section: cancel attempts, saves by offer, revenue kept, lift against
// the holdout with its interval, and reasons over time. Numbers come formatted from lib/stats/format.
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

export function RetentionStats({ report, csvHref, reasonLabel }: { report: RetentionReport; csvHref: string; reasonLabel: (reason: string) => string }) {
  return (
    <Card title="Retention">
      <div data-testid="retention-stats" className="space-y-6">
        <div className="flex flex-wrap items-start justify-between gap-3">
          <p className="max-w-2xl text-sm text-slate-600">Cancel attempts started in this range. A save is an accepted save offer whose plan change or pause went through at Dodo. Revenue kept is what saved subscriptions paid in the 30 and 90 days after the attempt, net of refunds (still growing for recent attempts).</p>
          <a href={csvHref} className="inline-flex items-center rounded-md border border-slate-300 bg-white px-4 py-2 text-sm font-medium shadow-sm hover:bg-slate-50" data-testid="retention-csv-link">Export retention CSV</a>
        </div>
        <div className="grid gap-3 sm:grid-cols-2 lg:grid-cols-4">
          <Figure label="Cancel attempts" testId="retention-attempts">{formatCount(report.attempts)}</Figure>
          <Figure label="Saves" testId="retention-saves">{formatCount(report.saves)} <span className="text-sm font-normal text-slate-500">({formatRate(report.saveRate)})</span></Figure>
          <Figure label="Cancelled" testId="retention-cancels">{formatCount(report.cancels)}</Figure>
          <Figure label="Revenue kept (30 / 90 days)" testId="retention-revenue-kept">
            {report.revenueKept.length ? report.revenueKept.map((r) => <div key={r.currency} className="text-base">{formatAmount(r.days30, r.currency)} / {formatAmount(r.days90, r.currency)}</div>) : "—"}
          </Figure>
        </div>
        <div className="overflow-x-auto">
          <h3 className="mb-2 text-sm font-semibold">Saves by offer</h3>
          {report.offers.length === 0 ? <p className="text-sm text-slate-500">No save offer was shown in this range.</p> : (
            <table className={tableClass} data-testid="retention-offers">
              <thead><tr><th className={thClass}>Ladder</th><th className={thClass}>Reason</th><th className={thClass}>Offer</th><th className={thClass}>Shown</th><th className={thClass}>Saves</th><th className={thClass}>Save rate</th><th className={thClass}>Kept 30 d</th><th className={thClass}>Kept 90 d</th></tr></thead>
              <tbody className="divide-y divide-slate-100">
                {report.offers.map((o) => (
                  <tr key={`${o.id}-${o.currency}`} data-testid="retention-offer-row">
                    <td className={tdClass}>{o.ladderName}</td><td className={tdClass}>{reasonLabel(o.reason)}</td><td className={tdClass}>{o.label}</td>
                    <td className={tdClass}>{formatCount(o.shown)}</td><td className={tdClass} data-testid="retention-offer-saves">{formatCount(o.saves)}</td><td className={tdClass}>{formatRate(o.saveRate)}</td>
                    <td className={tdClass}>{formatAmount(o.revenueKept30, o.currency)}</td><td className={tdClass}>{formatAmount(o.revenueKept90, o.currency)}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          )}
        </div>
        <div className="overflow-x-auto">
          <h3 className="mb-2 text-sm font-semibold">Lift against the holdout</h3>
          {report.lift.length === 0 ? <p className="text-sm text-slate-500" data-testid="retention-lift-none">No holdout yet: set a holdout share on a ladder&apos;s save offers to measure their lift.</p> : (
            <table className={tableClass} data-testid="retention-lift">
              <thead><tr><th className={thClass}>Currency</th><th className={thClass}>Offered / holdout</th><th className={thClass}>Kept subscribers (lift)</th><th className={thClass}>95% interval</th><th className={thClass}>Revenue per attempt, 30 d (lift)</th><th className={thClass}>95% interval</th></tr></thead>
              <tbody className="divide-y divide-slate-100">
                {report.lift.map((l) => (
                  <tr key={l.currency} data-testid="retention-lift-row">
                    <td className={tdClass}>{l.currency}</td>
                    <td className={tdClass}>{formatCount(l.offeredN)} / {formatCount(l.holdoutN)}</td>
                    <td className={tdClass} data-testid="retention-lift-estimate">{l.retention ? formatPoints(l.retention.difference.estimate) : "needs 2+ in each group"}</td>
                    <td className={tdClass} data-testid="retention-lift-interval">{l.retention ? `${formatPoints(l.retention.difference.low)} to ${formatPoints(l.retention.difference.high)}` : "—"}</td>
                    <td className={tdClass}>{l.revenue30 ? formatAmount(l.revenue30.difference.estimate, l.currency) : "—"}</td>
                    <td className={tdClass}>{l.revenue30 ? formatInterval(l.revenue30.difference, l.currency) : "—"}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          )}
          <p className="mt-2 text-xs text-slate-500">Kept subscribers = attempts not ending in a cancellation. Lift = offered minus holdout (customers drawn into the holdout saw no save offer), with a 95% confidence interval (normal approximation).</p>
        </div>
        <div className="overflow-x-auto">
          <h3 className="mb-2 text-sm font-semibold">Reasons over time</h3>
          {report.reasons.rows.length === 0 ? <p className="text-sm text-slate-500">No cancel attempts in this range.</p> : (
            <table className={tableClass} data-testid="retention-reasons">
              <thead><tr><th className={thClass}>Reason</th><th className={thClass}>Total</th><th className={thClass}>Per day</th></tr></thead>
              <tbody className="divide-y divide-slate-100">
                {report.reasons.rows.map((r) => {
                  // The row's busiest day sets its bars' scale: found once, not once a bar.
                  const peak = Math.max(...r.perDay);
                  return (
                  <tr key={r.reason}>
                    <td className={tdClass}>{reasonLabel(r.reason)}</td><td className={tdClass}>{formatCount(r.total)}</td>
                    <td className={tdClass}>
                      <div className="flex h-6 items-end gap-px" role="img" aria-label={`${reasonLabel(r.reason)}: ${r.total} attempts over ${report.reasons.days.length} days`}>
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
