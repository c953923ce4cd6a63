// Plan upgrades and downgrades on the stats page: totals, then by ladder and by where they started.
import { DIRECTION_LABELS, type PlanChangeLine, type PlanChangeReport } from "@/lib/stats/plan-changes";
import { formatAmount, formatCount, formatSignedAmount } from "@/lib/stats/format";
import { tableClass, tdClass, thClass } from "./ui";

const mrr = (amount: number, currency: string) => `${formatSignedAmount(amount, currency)}/mo`;

const COUNTS = ["sent", "applied", "scheduled", "failed", "awaiting", "kept"] as const;

function Lines({ lines, breakdown, groupHeader }: { lines: PlanChangeLine[]; breakdown: "ladder" | "origin"; groupHeader: string }) {
  return (
    <div className="overflow-x-auto">
      <table className={tableClass} data-testid={`plan-changes-by-${breakdown}`}>
        <caption className="mb-2 text-left text-sm font-medium text-slate-800">By {breakdown === "ladder" ? "plan ladder" : "where the change started"}</caption>
        <thead className="bg-slate-50">
          <tr>
            {[groupHeader, "Direction", "Sent", "Applied", "Scheduled", "Failed", "Awaiting Dodo", "Kept plan", "Charged now (net)", "MRR change", "Scheduled MRR change"].map((c) => <th key={c} scope="col" className={thClass}>{c}</th>)}
          </tr>
        </thead>
        <tbody className="divide-y divide-slate-100">
          {lines.map((l) => (
            <tr key={`${l.group}:${l.direction}:${l.currency}`} data-testid="plan-change-line" data-group={l.groupLabel} data-direction={l.direction ?? ""} data-currency={l.currency}>
              <th scope="row" className={`${tdClass} text-left font-medium`}>{l.groupLabel}</th>
              <td className={tdClass}>{l.direction ? DIRECTION_LABELS[l.direction] : "—"}</td>
              {COUNTS.map((c) => <td key={c} className={tdClass} data-col={c}>{formatCount(l[c])}</td>)}
              <td className={tdClass} data-col="charged">{formatAmount(l.chargedNow, l.currency)}</td>
              <td className={tdClass} data-col="mrr">{mrr(l.mrrApplied, l.currency)}</td>
              <td className={tdClass} data-col="mrr-scheduled">{mrr(l.mrrScheduled, l.currency)}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}

export function PlanChangeStats({ report, csvHref }: { report: PlanChangeReport; csvHref: string }) {
  if (report.totals.length === 0) return <p className="text-sm text-slate-600" data-testid="plan-changes-empty">No plan changes were sent in this range.</p>;
  return (
    <div className="space-y-6">
      {report.totals.map((t) => (
        <dl key={t.currency} className="grid gap-4 sm:grid-cols-4" data-testid="plan-change-totals" data-currency={t.currency}>
          <div><dt className="text-xs font-medium uppercase tracking-wide text-slate-600">Upgrades</dt><dd className="text-xl font-semibold" data-col="upgrades">{formatCount(t.upgrades)}</dd></div>
          <div><dt className="text-xs font-medium uppercase tracking-wide text-slate-600">Downgrades</dt><dd className="text-xl font-semibold" data-col="downgrades">{formatCount(t.downgrades)}</dd></div>
          <div><dt className="text-xs font-medium uppercase tracking-wide text-slate-600">Charged now ({t.currency})</dt><dd className="text-xl font-semibold" data-col="charged">{formatAmount(t.chargedNow, t.currency)}</dd></div>
          <div>
            <dt className="text-xs font-medium uppercase tracking-wide text-slate-600">MRR change</dt>
            <dd className="text-xl font-semibold" data-col="mrr">{mrr(t.mrrApplied, t.currency)}</dd>
            {t.mrrScheduled ? <dd className="text-xs text-slate-600" data-col="mrr-scheduled">{mrr(t.mrrScheduled, t.currency)} more when scheduled changes take effect</dd> : null}
          </div>
        </dl>
      ))}
      <Lines lines={report.byLadder} breakdown="ladder" groupHeader="Ladder" />
      <Lines lines={report.byOrigin} breakdown="origin" groupHeader="Started from" />
      <p className="text-xs text-slate-600">
        Counted on the day the change was sent to Dodo. Upgrades and downgrades count changes applied or scheduled; charged now is the change&apos;s own payment, net of refunds; MRR change is
        the new plan&apos;s recurring amount minus the old one (before tax, per month) for applied changes. <a href={csvHref} className="text-brand-700 underline" data-testid="plan-changes-csv-link">Export plan changes (CSV)</a>
      </p>
    </div>
  );
}
