// Coarser roll-ups: calendar months and ISO weeks (from Monday) of UTC days. A range of closed
// days is read as whole months, then whole weeks of what is left at its edges, then single days,
// so a year is ~30 stored rows instead of 364. Pure.

const DAY_MS = 86_400_000;

export type PeriodUnit = "month" | "week";
export type Period = { unit: PeriodUnit; start: Date; end: Date };

/** Coarsest first: the cover takes months before weeks. */
const UNITS: readonly PeriodUnit[] = ["month", "week"];

/** The period of `unit` holding the UTC day starting at `t`. */
function periodAt(unit: PeriodUnit, t: Date): Period {
  if (unit === "month") {
    const start = new Date(Date.UTC(t.getUTCFullYear(), t.getUTCMonth(), 1));
    return { unit, start, end: new Date(Date.UTC(t.getUTCFullYear(), t.getUTCMonth() + 1, 1)) };
  }
  const start = new Date(t.getTime() - ((t.getUTCDay() + 6) % 7) * DAY_MS);
  return { unit, start, end: new Date(start.getTime() + 7 * DAY_MS) };
}

/** Every period of `unit` lying wholly inside [from, to) (both UTC midnights), in order. */
export function periodsWithin(unit: PeriodUnit, from: Date, to: Date): Period[] {
  const out: Period[] = [];
  let p = periodAt(unit, from);
  if (p.start < from) p = periodAt(unit, p.end);
  for (; p.end <= to; p = periodAt(unit, p.end)) out.push(p);
  return out;
}

/** The UTC days of [from, to). */
export function daysOf(from: Date, to: Date): Date[] {
  const out: Date[] = [];
  for (let t = from.getTime(); t < to.getTime(); t += DAY_MS) out.push(new Date(t));
  return out;
}

/** [from, to) (UTC midnights) as disjoint pieces: whole months, whole weeks of what is left, then single days. */
export function coverOf(from: Date, to: Date): { periods: Period[]; days: Date[] } {
  const periods: Period[] = [];
  let spans: [Date, Date][] = from < to ? [[from, to]] : [];
  for (const unit of UNITS) {
    const left: [Date, Date][] = [];
    for (const [a, b] of spans) {
      const inside = periodsWithin(unit, a, b);
      if (inside.length === 0) {
        left.push([a, b]);
        continue;
      }
      periods.push(...inside);
      // The periods of one unit are consecutive: at most a head and a tail remain.
      if (a < inside[0]!.start) left.push([a, inside[0]!.start]);
      if (inside.at(-1)!.end < b) left.push([inside.at(-1)!.end, b]);
    }
    spans = left;
  }
  return { periods, days: spans.flatMap(([a, b]) => daysOf(a, b)) };
}

/** A period's key in maps and in SQL: its unit and first day. */
export const periodKey = (p: { unit: string; start: Date }) => `${p.unit}:${p.start.toISOString().slice(0, 10)}`;
