// The cover of a range by months, ISO weeks and days: disjoint, exact, and coarse where it can be.
import { describe, expect, it } from "vitest";
import { coverOf, daysOf, periodsWithin } from "@/lib/stats/periods";

const d = (s: string) => new Date(`${s}T00:00:00Z`);
const iso = (t: Date) => t.toISOString().slice(0, 10);

/** Every day the cover holds, in order, with the piece it belongs to. */
function unfolded(from: string, to: string) {
  const cover = coverOf(d(from), d(to));
  return [...cover.periods.flatMap((p) => daysOf(p.start, p.end)), ...cover.days].map(iso).sort();
}

describe("stats periods", () => {
  it("lists the months and ISO weeks lying wholly inside a range", () => {
    expect(periodsWithin("month", d("2026-01-15"), d("2026-04-01")).map((p) => [iso(p.start), iso(p.end)])).toEqual([["2026-02-01", "2026-03-01"], ["2026-03-01", "2026-04-01"]]);
    // 2026-03-02 is a Monday; the week of 2026-03-30 ends after the range.
    expect(periodsWithin("week", d("2026-03-01"), d("2026-03-31")).map((p) => iso(p.start))).toEqual(["2026-03-02", "2026-03-09", "2026-03-16", "2026-03-23"]);
    expect(periodsWithin("week", d("2026-03-03"), d("2026-03-09"))).toEqual([]);
  });

  it("covers a year as whole months, weeks at the edges and a few days, each day exactly once", () => {
    const cover = coverOf(d("2025-03-19"), d("2026-03-18"));
    expect(cover.periods.filter((p) => p.unit === "month").map((p) => iso(p.start))).toEqual(
      ["2025-04-01", "2025-05-01", "2025-06-01", "2025-07-01", "2025-08-01", "2025-09-01", "2025-10-01", "2025-11-01", "2025-12-01", "2026-01-01", "2026-02-01"],
    );
    // Head 2025-03-19..31: the week of Monday 24th; tail 2026-03-01..17: the weeks of the 2nd and 9th.
    expect(cover.periods.filter((p) => p.unit === "week").map((p) => iso(p.start))).toEqual(["2025-03-24", "2026-03-02", "2026-03-09"]);
    expect(cover.days.map(iso)).toEqual(["2025-03-19", "2025-03-20", "2025-03-21", "2025-03-22", "2025-03-23", "2025-03-31", "2026-03-01", "2026-03-16", "2026-03-17"]);
    expect(unfolded("2025-03-19", "2026-03-18")).toEqual(daysOf(d("2025-03-19"), d("2026-03-18")).map(iso));
    expect(cover.periods.length + cover.days.length).toBe(23);
  });

  it("covers every range of up to 400 days exactly, whatever its edges", () => {
    for (let start = 0; start < 40; start += 3) {
      for (const length of [0, 1, 6, 7, 13, 28, 31, 59, 92, 365, 400]) {
        const from = new Date(d("2024-01-01").getTime() + start * 86_400_000);
        const to = new Date(from.getTime() + length * 86_400_000);
        expect(unfolded(iso(from), iso(to))).toEqual(daysOf(from, to).map(iso));
      }
    }
  });
});
