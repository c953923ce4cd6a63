// The stats table as CSV: one line per table line (offer totals and their variants), the same
// numbers the page shows. Money columns are per currency (never summed across currencies) and in
// major units, e.g. revenue_USD = 49.00. Revenue is net: refunded_ and disputed_ (lost or accepted
// disputes) say what was already taken off it; pending_ is what is not counted yet (payments younger
// than the merchant's "count revenue after N days").
import { minorUnitDigits } from "@/lib/money/money";
import { directionLabel, type PlanChangeLine } from "./plan-changes";
import type { Amount, StatsLine } from "./report";

export function cell(value: string | number | null): string {
  if (value === null) return "";
  const text = String(value);
  // Quote anything with separators or quotes, and neutralise spreadsheet formulas (but not plain
  // numbers: a negative amount such as a lift's lower bound, -0.94, stays a number).
  const formula = /^[=+\-@\t\r]/.test(text) && !/^-\d+(\.\d+)?$/.test(text);
  const safe = formula && typeof value === "string" ? `'${text}` : text;
  return /[",\n\r]/.test(safe) ? `"${safe.replaceAll('"', '""')}"` : safe;
}

export function major(amount: number | null, currency: string): string | null {
  if (amount === null) return null;
  const digits = minorUnitDigits(currency);
  return (amount / 10 ** digits).toFixed(digits);
}

const find = (list: Amount[], currency: string) => list.find((a) => a.currency === currency)?.amount ?? 0;

export function statsCsv(lines: StatsLine[], currencies: string[]): string {
  const header = [
    "level", "offer_id", "offer", "kind", "variant", "placement",
    "impressions", "accepts", "declines", "failures", "expiries", "take_rate",
    ...currencies.flatMap((c) => [`revenue_${c}`, `refunded_${c}`, `disputed_${c}`, `pending_${c}`, `revenue_per_impression_${c}`, `aov_with_offer_${c}`, `aov_without_offer_${c}`, `lift_per_visit_${c}`, `lift_ci_low_${c}`, `lift_ci_high_${c}`]),
  ];
  const rows = lines.map((l) => [
    l.level, l.offerId, l.offerName, l.offerKind, l.variantLabel, l.placement,
    l.impressions, l.accepts, l.declines, l.failures, l.expiries, l.takeRate === null ? null : l.takeRate.toFixed(4),
    ...currencies.flatMap((c) => {
      const aov = l.orderValue.find((o) => o.currency === c);
      const lift = l.lift.find((x) => x.currency === c)?.revenue?.difference ?? null;
      return [
        major(find(l.revenue, c), c),
        major(find(l.refunded, c), c),
        major(find(l.disputed, c), c),
        major(find(l.pending, c), c),
        major(find(l.revenuePerImpression, c), c),
        major(aov?.with ?? null, c),
        major(aov?.without ?? null, c),
        major(lift ? Math.round(lift.estimate) : null, c),
        major(lift ? Math.round(lift.low) : null, c),
        major(lift ? Math.round(lift.high) : null, c),
      ];
    }),
  ]);
  return [header, ...rows].map((r) => r.map(cell).join(",")).join("\r\n") + "\r\n";
}

/**
 * The plan-change tables as CSV (the second export): one line per ladder and direction, then one
 * per origin and direction, each in its currency (major units).
 */
export function planChangesCsv(report: { byLadder: PlanChangeLine[]; byOrigin: PlanChangeLine[] }): string {
  const header = ["breakdown", "group", "direction", "currency", "sent", "applied", "scheduled", "failed", "awaiting_dodo", "kept_plan", "charged_now", "mrr_change_applied", "mrr_change_scheduled"];
  const row = (breakdown: string) => (l: PlanChangeLine) => [
    breakdown, l.groupLabel, l.direction ? directionLabel(l.direction) : null, l.currency,
    l.sent, l.applied, l.scheduled, l.failed, l.awaiting, l.kept,
    major(l.chargedNow, l.currency), major(l.mrrApplied, l.currency), major(l.mrrScheduled, l.currency),
  ];
  const rows = [...report.byLadder.map(row("ladder")), ...report.byOrigin.map(row("origin"))];
  return [header, ...rows].map((r) => r.map(cell).join(",")).join("\r\n") + "\r\n";
}
