import "server-only";
import { DEFAULT_LOCALE, type Locale } from "@/lib/i18n/locales";
import { funnelSteps, reportNames } from "./names";
import { planChangeReport, type PlanChangeReport } from "./plan-changes";
import type { DateRange } from "./range";
import { buildLines, orderValueSummary, totalsOf, type Amount, type OrderValue, type StatsLine } from "./report";
import type { FunnelStepRow, RevenuePointRow } from "./queries";
import { rangeSlice } from "./rollup";
import { revenueMaturityDays } from "./settings";
import type { Slice } from "./slice";

export type SeriesPoint = { bucket: string; amount: number };
/** `todayBucket`: the bucket holding today (still filling up), when the range reaches today. */
export type RevenueSeries = { unit: "day" | "week"; currency: string; points: SeriesPoint[]; todayBucket: string | null };

export type StatsReport = {
  range: DateRange;
  lines: StatsLine[];
  totals: ReturnType<typeof totalsOf>;
  orderValue: OrderValue[];
  series: RevenueSeries[];
  currencies: string[];
  planChanges: PlanChangeReport;
  /** The merchant's "count revenue after N days" this report was computed with (0 = at once). */
  maturityDays: number;
  /** The range's aggregates, kept for the funnel picture (it needs no second pass). */
  slice: Slice;
};

/** Everything the offer-stats page and its CSV show for a date range (labels it makes up in `locale`; the CSV's are English). */
export async function getStatsReport(range: DateRange, { locale = DEFAULT_LOCALE }: { locale?: Locale } = {}): Promise<StatsReport> {
  const maturityDays = await revenueMaturityDays();
  const slice = await rangeSlice(range.from, range.to, new Date(), maturityDays);
  const offerIds = [...new Set(slice.counts.map((c) => c.offerId))];
  const variantIds = [...new Set(slice.counts.map((c) => c.variantId).filter((v): v is string => v !== null))];
  const ladderIds = [...new Set(slice.planChanges.map((c) => c.ladderId).filter((l): l is string => l !== null))];
  const { offers, variants, ladders } = await reportNames({ offers: offerIds, variants: variantIds, ladders: ladderIds });
  const lines = buildLines({ offers, variants, counts: slice.counts, exposures: slice.exposures });
  const totals = totalsOf(lines);
  const orderValue = orderValueSummary(slice.orders);
  const currencies = [...new Set([...totals.revenue.map((r: Amount) => r.currency), ...orderValue.map((o) => o.currency), ...lines.flatMap((l) => l.lift.map((x) => x.currency))])].sort();
  const planChanges = planChangeReport(slice.planChanges, new Map(ladders.map((l) => [l.id, l.name])), locale);
  return { range, lines, totals, orderValue, series: seriesOf(slice.revenue, range), currencies, planChanges, maturityDays, slice };
}

/** One series per currency with every bucket present: days, or ISO weeks (Monday) past 92 days. */
export function seriesOf(rows: RevenuePointRow[], range: DateRange, now = new Date()): RevenueSeries[] {
  const unit = range.days > 92 ? "week" : "day";
  const bucketOf = (day: string) => {
    if (unit === "day") return day;
    const d = new Date(`${day}T00:00:00Z`);
    return new Date(d.getTime() - ((d.getUTCDay() + 6) % 7) * 86_400_000).toISOString().slice(0, 10);
  };
  const buckets: string[] = [];
  // Each day's bucket, worked out once: date parsing per row was most of a year's report CPU.
  const bucketOfDay = new Map<string, string>();
  for (let t = range.from.getTime(); t < range.to.getTime(); t += 86_400_000) {
    const day = new Date(t).toISOString().slice(0, 10);
    const b = bucketOf(day);
    bucketOfDay.set(day, b);
    if (buckets.at(-1) !== b) buckets.push(b);
  }
  const today = bucketOf(now.toISOString().slice(0, 10));
  const todayBucket = buckets.includes(today) ? today : null;
  const currencies = [...new Set(rows.map((r) => r.currency))].sort();
  return currencies.map((currency) => {
    const sums = new Map<string, number>();
    for (const r of rows) {
      if (r.currency !== currency) continue;
      const b = bucketOfDay.get(r.day) ?? bucketOf(r.day);
      sums.set(b, (sums.get(b) ?? 0) + r.revenue);
    }
    return { unit, currency, points: buckets.map((bucket) => ({ bucket, amount: sums.get(bucket) ?? 0 })), todayBucket };
  });
}

export type FunnelFlowStep = FunnelStepRow & { name: string; position: number; left: number };
export type FunnelFlowReport = { funnelId: string; funnelName: string; started: number; steps: FunnelFlowStep[] };

/** The funnel picture from a report's aggregates: visits per step in position order, and where they left. */
export async function getFunnelFlow(funnelId: string, report: Pick<StatsReport, "slice">): Promise<FunnelFlowReport | null> {
  const funnel = await funnelSteps(funnelId);
  if (!funnel) return null;
  const empty = { reached: 0, holdout: 0, accepted: 0, declined: 0, failed: 0, unanswered: 0, continued: 0 };
  return {
    funnelId: funnel.id,
    funnelName: funnel.name,
    started: report.slice.starts.find((s) => s.funnelId === funnelId)?.started ?? 0,
    steps: funnel.steps.map((s) => {
      const row = report.slice.steps.find((r) => r.stepId === s.id) ?? { stepId: s.id, ...empty };
      return { ...row, name: s.name, position: s.position, left: row.reached - row.continued };
    }),
  };
}
