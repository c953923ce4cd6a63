// Axis arithmetic for the console's charts. Pure, so every tick is unit-tested.

/** Steps a person reads at a glance: 1, 2, 2.5 or 5 times a power of ten. */
const NICE = [1, 2, 2.5, 5, 10];

/**
 * Evenly spaced ticks from 0 to a round top at or above `max` (about `target` intervals), so an
 * axis reads $0, $25, $50, $75, $100 instead of $0, $21.88, $43.76… Amounts are integer minor units,
 * so a step is never smaller than one; nice in minor units is nice in major units (a power of ten apart).
 */
export function niceTicks(max: number, target = 4): number[] {
  if (!(max > 0)) return [0];
  const rough = max / target;
  const magnitude = 10 ** Math.floor(Math.log10(rough));
  // Minor units are whole: below one, the step is one; 2.5 × 1 is skipped for 5.
  const step = Math.max(1, NICE.map((n) => n * magnitude).find((s) => s >= rough && (s < 1 || Number.isInteger(s)))!);
  const top = Math.ceil(max / step - 1e-9) * step;
  return Array.from({ length: Math.round(top / step) + 1 }, (_, i) => Math.round(i * step * 1000) / 1000);
}

/**
 * Which bars get an x-axis label: about `count` evenly spaced ones, and always the bar of today
 * (labelled `todayLabel`), dropping a regular label that would crowd it.
 */
export function barLabels(buckets: readonly string[], todayBucket: string | null, opts: { count?: number; todayLabel: string; format: (bucket: string) => string }): { index: number; text: string }[] {
  const every = Math.max(1, Math.ceil(buckets.length / (opts.count ?? 6)));
  const today = todayBucket === null ? -1 : buckets.indexOf(todayBucket);
  const labels: { index: number; text: string }[] = [];
  buckets.forEach((bucket, index) => {
    if (index === today) labels.push({ index, text: opts.todayLabel });
    else if (index % every === 0 && (today < 0 || Math.abs(index - today) >= Math.ceil(every / 2))) labels.push({ index, text: opts.format(bucket) });
  });
  return labels;
}
