// The retention section's numbers from hand-made aggregate rows: totals, revenue kept, saves by
// offer, the lift of kept subscribers and of revenue against the holdout with its interval, the
// reasons per day, and the CSV.
import { describe, expect, it } from "vitest";
import { retentionCsv } from "@/lib/retention/stats-csv";
import { buildRetentionReport, type GroupRow } from "@/lib/retention/stats-report";
import { Z95 } from "@/lib/stats/math";

const group = (g: Partial<GroupRow> & Pick<GroupRow, "group">): GroupRow => ({ currency: "USD", attempts: 0, saves: 0, cancels: 0, retained: 0, rev30: 0, rev30Sq: 0, rev90: 0, ...g });

// Offered: 10 attempts, 6 kept (4 saved), revenue 30 d per attempt 3000 × 6, 0 × 4.
// Holdout: 10 attempts, 2 kept, revenue 3000 × 2, 0 × 8.
const groups = [
  group({ group: "offered", attempts: 10, saves: 4, cancels: 4, retained: 6, rev30: 18_000, rev30Sq: 6 * 3000 ** 2, rev90: 36_000 }),
  group({ group: "holdout", attempts: 10, cancels: 8, retained: 2, rev30: 6000, rev30Sq: 2 * 3000 ** 2, rev90: 9000 }),
  group({ group: "no_offer", attempts: 3, cancels: 3 }),
];
const input = {
  groups,
  offers: [{ saveOfferId: "so_1", reason: "TOO_EXPENSIVE", kind: "CHEAPER_PLAN", currency: "USD", shown: 10, saves: 4, savedRev30: 12_000, savedRev90: 24_000 }],
  reasonDays: [
    { day: "2026-11-01", reason: "TOO_EXPENSIVE", attempts: 15 },
    { day: "2026-11-02", reason: "TOO_EXPENSIVE", attempts: 5 },
    { day: "2026-11-02", reason: "UNUSED", attempts: 3 },
  ],
  offerMeta: [{ id: "so_1", ladderName: "Main", reason: "TOO_EXPENSIVE", kind: "CHEAPER_PLAN", label: "A cheaper plan: Starter" }],
  days: ["2026-11-01", "2026-11-02"],
};

describe("the retention report", () => {
  const report = buildRetentionReport(input);

  it("counts attempts, saves and cancellations over every group, and revenue kept by saves", () => {
    expect(report).toMatchObject({ attempts: 23, saves: 4, cancels: 15, saveRate: 4 / 23 });
    expect(report.revenueKept).toEqual([{ currency: "USD", days30: 12_000, days90: 24_000 }]);
    expect(report.offers).toEqual([{ id: "so_1", ladderName: "Main", reason: "TOO_EXPENSIVE", kind: "CHEAPER_PLAN", label: "A cheaper plan: Starter", currency: "USD", shown: 10, saves: 4, saveRate: 0.4, revenueKept30: 12_000, revenueKept90: 24_000 }]);
  });

  it("lifts kept subscribers by 40 points over the holdout, with the Welch normal interval", () => {
    const [lift] = report.lift;
    expect(lift).toMatchObject({ currency: "USD", offeredN: 10, holdoutN: 10 });
    // p1 = .6, p2 = .2; unbiased variances p(1-p)·n/(n-1).
    const se = Math.sqrt((0.6 * 0.4 * 10) / 9 / 10 + (0.2 * 0.8 * 10) / 9 / 10);
    expect(lift!.retention!.difference.estimate).toBeCloseTo(0.4, 10);
    expect(lift!.retention!.difference.low).toBeCloseTo(0.4 - Z95 * se, 10);
    expect(lift!.retention!.difference.high).toBeCloseTo(0.4 + Z95 * se, 10);
  });

  it("lifts revenue per attempt over 30 days by the difference of means", () => {
    const revenue = report.lift[0]!.revenue30!;
    expect(revenue.difference.estimate).toBeCloseTo(1800 - 600, 6);
    const varOffered = (6 * 3000 ** 2 - 10 * 1800 ** 2) / 9;
    const varHoldout = (2 * 3000 ** 2 - 10 * 600 ** 2) / 9;
    expect(revenue.difference.high - revenue.difference.estimate).toBeCloseTo(Z95 * Math.sqrt(varOffered / 10 + varHoldout / 10), 6);
  });

  it("has no lift without a holdout, and none (null) with fewer than two in a group", () => {
    expect(buildRetentionReport({ ...input, groups: groups.filter((g) => g.group !== "holdout") }).lift).toEqual([]);
    const tiny = buildRetentionReport({ ...input, groups: [groups[0]!, group({ group: "holdout", attempts: 1, retained: 1 })] });
    expect(tiny.lift[0]).toMatchObject({ holdoutN: 1, retention: null, revenue30: null });
  });

  it("lists reasons per day with every day of the range present", () => {
    expect(report.reasons).toEqual({ days: ["2026-11-01", "2026-11-02"], rows: [{ reason: "TOO_EXPENSIVE", total: 20, perDay: [15, 5] }, { reason: "UNUSED", total: 3, perDay: [0, 3] }] });
  });

  it("writes the same numbers as CSV, money in major units, formula-safe", () => {
    const csv = retentionCsv(report, (r) => (r === "TOO_EXPENSIVE" ? "=Too expensive" : r));
    const lines = csv.split("\r\n");
    expect(lines[1]).toBe("saves_by_offer,Main,'=Too expensive,A cheaper plan: Starter,USD,10,4,0.4000,120.00,240.00");
    const lift = lines.find((l) => l.startsWith("lift,"))!.split(",");
    expect(lift.slice(0, 5)).toEqual(["lift", "USD", "10", "10", "40.00"]);
    expect(Number(lift[5])).toBeCloseTo((0.4 - Z95 * Math.sqrt(0.24 / 9 + 0.16 / 9)) * 100, 1);
    expect(lift[7]).toBe("12.00");
    expect(lines).toContain("reasons_per_day,'=Too expensive,20,15,5");
  });
});
