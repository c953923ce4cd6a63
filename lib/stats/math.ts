// Pure statistics for the offer-stats page. Every input is a count or an amount in minor units of
// one currency; nothing here adds different currencies together.

/** z for a two-sided 95% interval under the normal approximation. */
export const Z95 = 1.959963984540054;

export function ratio(numerator: number, denominator: number): number | null {
  return denominator > 0 ? numerator / denominator : null;
}

/** Accepts per (non-holdout) impression. */
export const takeRate = (accepts: number, impressions: number) => ratio(accepts, impressions);

/** Net revenue per (non-holdout) impression, in minor units (fractional). */
export const revenuePerImpression = (revenue: number, impressions: number) => ratio(revenue, impressions);

export type SampleSummary = { n: number; mean: number; variance: number };

export type Interval = { estimate: number; low: number; high: number };

export type Lift = {
  exposed: SampleSummary;
  holdout: SampleSummary;
  /** exposed mean − holdout mean, with its 95% interval. */
  difference: Interval;
  /** difference ÷ holdout mean; null when the holdout mean is 0. */
  relative: number | null;
};

/**
 * Difference of two means with a Welch (unpooled) normal-approximation 95% interval: the lift of
 * customers who were offered something over the holdout who saw nothing. Needs two observations
 * in each group to estimate a spread; returns null otherwise.
 */
export function meanDifference(exposed: SampleSummary, holdout: SampleSummary, z = Z95): Lift | null {
  if (exposed.n < 2 || holdout.n < 2) return null;
  const estimate = exposed.mean - holdout.mean;
  const se = Math.sqrt(Math.max(0, exposed.variance) / exposed.n + Math.max(0, holdout.variance) / holdout.n);
  return {
    exposed,
    holdout,
    difference: { estimate, low: estimate - z * se, high: estimate + z * se },
    relative: holdout.mean !== 0 ? estimate / holdout.mean : null,
  };
}

/** A proportion as a sample summary (mean p, unbiased variance of the 0/1 outcomes). */
export function proportionSummary(successes: number, n: number): SampleSummary {
  if (n === 0) return { n: 0, mean: 0, variance: 0 };
  const p = successes / n;
  return { n, mean: p, variance: n > 1 ? (p * (1 - p) * n) / (n - 1) : 0 };
}

/** Whether an interval excludes zero (the lift is distinguishable from no effect at 95%). */
export function isSignificant(interval: Interval): boolean {
  return interval.low > 0 || interval.high < 0;
}
