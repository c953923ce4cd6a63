import { describe, expect, it } from "vitest";
import { barLabels, niceTicks } from "@/lib/stats/chart";

describe("chart axes", () => {
  it("put ticks at round amounts from zero to at least the largest bar", () => {
    expect(niceTicks(8751)).toEqual([0, 2500, 5000, 7500, 10000]); // $87.51 → $0, $25 … $100
    expect(niceTicks(26254)).toEqual([0, 10000, 20000, 30000]); // $262.54 → $0, $100, $200, $300
    expect(niceTicks(4900)).toEqual([0, 2000, 4000, 6000]);
    expect(niceTicks(10000)).toEqual([0, 2500, 5000, 7500, 10000]);
    expect(niceTicks(9)).toEqual([0, 5, 10]); // never a fraction of a cent
    expect(niceTicks(3)).toEqual([0, 1, 2, 3]);
    expect(niceTicks(0)).toEqual([0]);
    for (const max of [1, 7, 99, 101, 333, 12345, 999_999]) {
      const ticks = niceTicks(max);
      expect(ticks.at(-1)).toBeGreaterThanOrEqual(max);
      expect(ticks.every(Number.isInteger)).toBe(true);
      expect(ticks.length).toBeLessThanOrEqual(7);
      const step = ticks[1]! - ticks[0]!;
      expect(String(step / 10 ** Math.floor(Math.log10(step)))).toMatch(/^(1|2|2\.5|5)$/);
    }
  });

  it("label today's bar and keep other labels clear of it", () => {
    const days = Array.from({ length: 30 }, (_, i) => `2026-11-${String(i + 1).padStart(2, "0")}`);
    const labels = barLabels(days, "2026-11-30", { todayLabel: "Today", format: (d) => d.slice(5) });
    expect(labels.at(-1)).toEqual({ index: 29, text: "Today" });
    expect(labels.map((l) => l.index)).toEqual([0, 5, 10, 15, 20, 25, 29]);
    // Today right after a regular label: that label gives way.
    expect(barLabels(days.slice(0, 27), "2026-11-27", { todayLabel: "Today", format: (d) => d }).map((l) => l.index)).toEqual([0, 5, 10, 15, 20, 26]);
    // A past range has no today.
    expect(barLabels(days, null, { todayLabel: "Today", format: (d) => d }).some((l) => l.text === "Today")).toBe(false);
  });
});
