import { describe, expect, it } from "vitest";
import { isSignificant, meanDifference, proportionSummary, revenuePerImpression, takeRate, Z95 } from "@/lib/stats/math";

describe("stat math", () => {
  it("take rate and revenue per impression are null without impressions", () => {
    expect(takeRate(3, 12)).toBe(0.25);
    expect(takeRate(0, 0)).toBeNull();
    expect(revenuePerImpression(1000, 3)).toBeCloseTo(333.333, 3);
    expect(revenuePerImpression(1000, 0)).toBeNull();
  });

  it("difference of means uses the unpooled (Welch) standard error", () => {
    const lift = meanDifference({ n: 100, mean: 500, variance: 40_000 }, { n: 50, mean: 300, variance: 10_000 })!;
    const se = Math.sqrt(40_000 / 100 + 10_000 / 50);
    expect(lift.difference.estimate).toBe(200);
    expect(lift.difference.low).toBeCloseTo(200 - Z95 * se, 9);
    expect(lift.difference.high).toBeCloseTo(200 + Z95 * se, 9);
    expect(lift.relative).toBeCloseTo(200 / 300, 9);
    expect(isSignificant(lift.difference)).toBe(true);
  });

  it("needs two observations per group and leaves relative lift undefined over a zero baseline", () => {
    expect(meanDifference({ n: 1, mean: 5, variance: 0 }, { n: 10, mean: 1, variance: 1 })).toBeNull();
    const lift = meanDifference({ n: 10, mean: 5, variance: 4 }, { n: 10, mean: 0, variance: 0 })!;
    expect(lift.relative).toBeNull();
  });

  it("an interval straddling zero is not significant", () => {
    expect(isSignificant({ estimate: 1, low: -1, high: 3 })).toBe(false);
    expect(isSignificant({ estimate: -2, low: -3, high: -1 })).toBe(true);
  });

  it("proportions become 0/1 samples with the unbiased variance", () => {
    expect(proportionSummary(0, 0)).toEqual({ n: 0, mean: 0, variance: 0 });
    const s = proportionSummary(3, 4); // samples 1,1,1,0: mean .75, var_samp = .25
    expect(s.mean).toBe(0.75);
    expect(s.variance).toBeCloseTo(0.25, 12);
  });
});
