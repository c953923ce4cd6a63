// The retention section as CSV: one section per table the page shows (offers, lift, reasons per
// day), each a block of rows with its own header, separated by a blank line. Money in major units
// per currency, never summed across currencies; cells quoted and formula-safe like the offer CSV.
import { cell, major } from "@/lib/stats/csv";
import type { RetentionReport } from "./stats-report";

const row = (values: Array<string | number | null>) => values.map(cell).join(",");
const rate = (r: number | null) => (r === null ? null : r.toFixed(4));

export function retentionCsv(report: RetentionReport, reasonLabel: (reason: string) => string): string {
  const lines: string[] = [];
  lines.push(row(["section", "ladder", "reason", "offer", "currency", "shown", "saves", "save_rate", "revenue_kept_30d", "revenue_kept_90d"]));
  for (const o of report.offers) {
    lines.push(row(["saves_by_offer", o.ladderName, reasonLabel(o.reason), o.label, o.currency, o.shown, o.saves, rate(o.saveRate), major(o.revenueKept30, o.currency), major(o.revenueKept90, o.currency)]));
  }
  lines.push("");
  lines.push(row(["section", "currency", "offered_attempts", "holdout_attempts", "retention_lift_pts", "retention_ci_low_pts", "retention_ci_high_pts", "revenue_30d_lift_per_attempt", "revenue_ci_low", "revenue_ci_high"]));
  for (const l of report.lift) {
    const r = l.retention?.difference ?? null;
    const v = l.revenue30?.difference ?? null;
    lines.push(row([
      "lift", l.currency, l.offeredN, l.holdoutN,
      r ? (r.estimate * 100).toFixed(2) : null, r ? (r.low * 100).toFixed(2) : null, r ? (r.high * 100).toFixed(2) : null,
      v ? major(Math.round(v.estimate), l.currency) : null, v ? major(Math.round(v.low), l.currency) : null, v ? major(Math.round(v.high), l.currency) : null,
    ]));
  }
  lines.push("");
  lines.push(row(["section", "reason", "total", ...report.reasons.days]));
  for (const r of report.reasons.rows) lines.push(row(["reasons_per_day", reasonLabel(r.reason), r.total, ...r.perDay]));
  return lines.join("\r\n") + "\r\n";
}
