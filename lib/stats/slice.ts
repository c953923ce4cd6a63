// A "slice" is every aggregate the stats page needs for some span of time, as additive rows, so
// slices of single days (the roll-ups) and of the live remainder merge into any range. Pure.
import type { Bucketed, ExposureRow, FunnelStartRow, FunnelStepRow, OrderValueRow, PlanChangeRow, RevenuePointRow, VariantCountsRow } from "./queries";

export type Slice = {
  counts: VariantCountsRow[];
  exposures: ExposureRow[];
  orders: OrderValueRow[];
  revenue: RevenuePointRow[];
  starts: FunnelStartRow[];
  steps: FunnelStepRow[];
  planChanges: PlanChangeRow[];
};

export const emptySlice = (): Slice => ({ counts: [], exposures: [], orders: [], revenue: [], starts: [], steps: [], planChanges: [] });

/** Sums rows with equal keys; every other numeric field is added. A year is ~20,000 rows: plain loops, no per-row arrays. */
function mergeBy<T extends object>(rows: T[], key: (row: T) => string): T[] {
  const out = new Map<string, Record<string, unknown>>();
  for (const row of rows) {
    const k = key(row);
    const existing = out.get(k);
    if (!existing) {
      out.set(k, { ...(row as Record<string, unknown>) });
      continue;
    }
    for (const field in row) {
      const value = (row as Record<string, unknown>)[field];
      if (typeof value === "number") existing[field] = ((existing[field] as number | undefined) ?? 0) + value;
    }
  }
  return [...out.values()] as T[];
}

// A key of a row's identifying fields. "\u0001" cannot occur in ids, codes or days; null and
// false stay distinct from the strings "null" and "false" (undefined reads as null, as JSON did).
const k = (...parts: unknown[]) => parts.map((p) => (typeof p === "string" ? `s${p}` : String(p ?? null))).join("\u0001");

export function mergeSlices(slices: Slice[]): Slice {
  return {
    counts: mergeBy(slices.flatMap((s) => s.counts), (r) => k(r.offerId, r.variantId, r.currency, r.byCurrency)),
    exposures: mergeBy(slices.flatMap((s) => s.exposures), (r) => k(r.stepId, r.offerId, r.variantId, r.holdout, r.currency)),
    orders: mergeBy(slices.flatMap((s) => s.orders), (r) => r.currency),
    revenue: mergeBy(slices.flatMap((s) => s.revenue), (r) => k(r.day, r.currency)),
    starts: mergeBy(slices.flatMap((s) => s.starts), (r) => r.funnelId),
    steps: mergeBy(slices.flatMap((s) => s.steps), (r) => r.stepId),
    // `?? []`: a day stored by an older version of this code has no plan changes part.
    planChanges: mergeBy(slices.flatMap((s) => s.planChanges ?? []), (r) => k(r.ladderId, r.origin, r.direction, r.currency)),
  };
}

/** Every part of a slice as rows tagged with the UTC day they belong to. */
export type BucketedSlice = { [K in keyof Slice]: Bucketed<Slice[K][number]>[] };

/** Splits the rows of per-day queries into one slice per day, dropping the tag. */
export function splitByBucket(rows: BucketedSlice): Map<string, Slice> {
  const out = new Map<string, Slice>();
  for (const part of Object.keys(rows) as (keyof Slice)[]) {
    for (const { bucket, ...row } of rows[part]) {
      const slice = out.get(bucket) ?? emptySlice();
      out.set(bucket, slice);
      (slice[part] as object[]).push(row);
    }
  }
  return out;
}
