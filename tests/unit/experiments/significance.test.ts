import { describe, expect, it } from "vitest";
import { judgeExperiment, MIN_IMPRESSIONS, type Arm } from "@/lib/experiments/significance";

const arm = (label: string, impressions: number, accepts: number, valuePerImpression: number | null = null): Arm => ({ variantId: `v${label}`, label, impressions, accepts, valuePerImpression });

describe("judging a step's experiment", () => {
  it("suggests the variant whose take rate beats every other beyond the 95% margin", () => {
    const v = judgeExperiment([arm("A", 400, 40), arm("B", 400, 80), arm("C", 400, 44)]);
    expect(v.winner).toBe("vB");
    const b = v.arms.find((a) => a.label === "B")!;
    expect(b.significant).toBe(true);
    expect(b.vsBestOther!.estimate).toBeCloseTo(0.2 - 0.11, 10);
    expect(b.vsBestOther!.low).toBeGreaterThan(0);
    // A loses to B significantly (its interval lies below zero).
    expect(v.arms.find((a) => a.label === "A")!.vsBestOther!.high).toBeLessThan(0);
  });

  it("suggests nothing while any variant is under the minimum sample or the rates overlap", () => {
    expect(judgeExperiment([arm("A", MIN_IMPRESSIONS - 1, 1), arm("B", 500, 200)])).toMatchObject({ winner: null, why: expect.stringContaining("Too early") });
    expect(judgeExperiment([arm("A", 200, 20), arm("B", 200, 26)])).toMatchObject({ winner: null, why: expect.stringContaining("margin of error") });
    expect(judgeExperiment([arm("A", 200, 20)]).winner).toBeNull();
  });

  it("does not crown a variant taken more often that earns less per impression", () => {
    const v = judgeExperiment([arm("A", 400, 40, 500), arm("B", 400, 80, 400)]);
    expect(v.winner).toBeNull();
    expect(v.why).toMatch(/earns less/);
  });
});
