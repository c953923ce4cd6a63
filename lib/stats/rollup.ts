import "server-only";
import { openUntilByDay, sliceRows, type Scope } from "./queries";
import { isoDay } from "./range";
import { maturedBefore, revenueMaturityDays } from "./settings";
import { coverOf, daysOf, periodKey, periodsWithin, type Period } from "./periods";
import { readDays, readDirtyMarks, readPeriods, storeDays, storePeriods, type BuiltPeriod, type DirtyMark, type StoredDay, type StoredPeriod } from "./rollup-sql";
import { emptySlice, mergeSlices, splitByBucket, type Slice } from "./slice";

// Roll-ups for the offer-stats page. Every finished UTC day is read from StatsDay; only today is
// aggregated live. A stored day is recomputed when it is missing, when a database trigger marked
// it in StatsDirtyDay (a late decision, payment, refund or plan-change outcome touching it), or
// when it was computed before it "settled": before its last open offer expired, or within
// SETTLE_MS of its end (a transaction that began before midnight can commit just after it, unseen
// by the trigger). With the merchant's "count revenue after N days" a day also settles only once
// its payments are N days old, and a day stored under another N is recomputed.
// All days to recompute are aggregated together, split per day in SQL, so a year after an import
// costs one pass over the tables instead of one per day.
// Whole months and ISO weeks of a range are read from StatsPeriod, merged from their days: a
// period is used only while none of its days would be recomputed (no dirty mark, the same N, no
// day due to settle); otherwise its days are read as above and it is rebuilt from them.
// Caveat: a visit that spans midnight UTC counts as one visit on each day for lift and order value.

const DAY_MS = 86_400_000;
const SETTLE_MS = 10 * 60 * 1000;

/** A day's aggregates, the moment after which a recomputation sees its final state, and the wait it was computed with. */
type DayData = Slice & { settlesAt: string; maturityDays: number };

/** A closed day's aggregates as used, with what its periods need: its row's computedAt, and when it settles. */
type DayRollup = { slice: Slice; computedAt: Date; settlesAt: Date };

/** What every query of one stats read shares: the payments old enough to count. */
export type Counting = { maturityDays: number; maturedBefore: Date | null };

/** The merchant's wait (or the given one), as of `now`. */
export async function countingAt(now: Date, maturityDays?: number): Promise<Counting> {
  const days = maturityDays ?? (await revenueMaturityDays());
  return { maturityDays: days, maturedBefore: maturedBefore(days, now) };
}

/** Start of the first day that is aggregated live: today 00:00 UTC. */
export function closedBoundary(now: Date): Date {
  return new Date(Date.UTC(now.getUTCFullYear(), now.getUTCMonth(), now.getUTCDate()));
}

/** Every aggregate of the scope, one slice per bucket (per day when the scope lists days). */
async function slicesOf(scope: Scope): Promise<Map<string, Slice>> {
  return splitByBucket(await sliceRows(scope));
}

/** Every aggregate of [from, to), straight from the event tables. */
export async function liveSlice(from: Date, to: Date, counting?: Counting): Promise<Slice> {
  const { maturedBefore } = counting ?? (await countingAt(new Date()));
  return (await slicesOf({ from, to, maturedBefore })).get("") ?? emptySlice();
}

type Dirty = { marks: DirtyMark[]; at: Date; days: Set<string> };

/** Recomputes the given days (ascending) together and stores them, clearing the marks read at `dirty.at`. */
async function recomputeDays(days: Date[], dirty: Dirty, counting: Counting): Promise<DayRollup[]> {
  const keys = days.map(isoDay);
  const scope: Scope = { from: days[0]!, to: new Date(days.at(-1)!.getTime() + DAY_MS), days: keys, maturedBefore: counting.maturedBefore };
  const [slices, open] = await Promise.all([slicesOf(scope), openUntilByDay(scope)]);
  const stored = days.map((day, i): DayData => {
    // Its offers' payments are made by the end of the day or of its last open window; they count once N days old.
    const lastPayment = Math.max(day.getTime() + DAY_MS, open.get(keys[i]!)?.getTime() ?? 0);
    const settlesAt = lastPayment + counting.maturityDays * DAY_MS + SETTLE_MS;
    return { ...(slices.get(keys[i]!) ?? emptySlice()), settlesAt: new Date(settlesAt).toISOString(), maturityDays: counting.maturityDays };
  });
  await storeDays(keys.map((day, i) => ({ day, data: stored[i] })), dirty.at, dirty.marks);
  return stored.map(({ settlesAt, maturityDays: _, ...slice }) => ({ slice, computedAt: dirty.at, settlesAt: new Date(settlesAt) }));
}

/** The given closed days (ascending) from their stored rows, refreshing the missing, dirty and newly expired ones. */
async function closedDays(days: Date[], rows: Map<number, StoredDay>, dirty: Dirty, now: Date, counting: Counting): Promise<Map<number, DayRollup>> {
  const out = new Map<number, DayRollup>();
  const stale: Date[] = [];
  for (const day of days) {
    const row = rows.get(day.getTime());
    const settlesAt = new Date(row?.data.settlesAt ?? 0);
    const unsettled = row && settlesAt > row.computedAt && settlesAt <= now;
    const otherWait = row && (row.data.maturityDays ?? 0) !== counting.maturityDays;
    if (!row || dirty.days.has(isoDay(day)) || unsettled || otherWait) stale.push(day);
    else out.set(day.getTime(), { slice: row.data, computedAt: row.computedAt, settlesAt });
  }
  if (stale.length > 0) (await recomputeDays(stale, dirty, counting)).forEach((d, i) => out.set(stale[i]!.getTime(), d));
  return out;
}

/** Whether a stored period is what merging its days now would give: none of them is dirty, due to settle, or counted with another wait. */
function fresh(stored: StoredPeriod | undefined, period: Period, dirty: Dirty, now: Date, counting: Counting): stored is StoredPeriod {
  if (!stored || stored.maturityDays !== counting.maturityDays) return false;
  if (stored.refreshAt && stored.refreshAt <= now) return false;
  const [first, end] = [isoDay(period.start), isoDay(period.end)];
  return !dirty.marks.some((m) => m.day >= first && m.day < end);
}

/** A period merged from its days' roll-ups; it is due for a rebuild when the first of them stored before it settled settles. */
function buildPeriod(period: Period, days: Map<number, DayRollup>, counting: Counting): BuiltPeriod {
  const members = daysOf(period.start, period.end).map((day) => ({ day, ...days.get(day.getTime())! }));
  const due = members.filter((m) => m.settlesAt > m.computedAt).map((m) => m.settlesAt.getTime());
  return {
    period,
    data: mergeSlices(members.map((m) => m.slice)),
    refreshAt: due.length > 0 ? new Date(Math.min(...due)) : null,
    maturityDays: counting.maturityDays,
    days: members.map((m) => ({ day: m.day, computedAt: m.computedAt })),
  };
}

/**
 * Brings the given periods and days of [from, to) up to date: fresh stored periods are read, the
 * others are rebuilt from their days' roll-ups (refreshed as needed) and stored. Answers the fresh
 * periods' slices and every day read (the given days and those of the rebuilt periods).
 */
async function refresh(from: Date, to: Date, periods: Period[], days: Date[], now: Date, counting: Counting) {
  // The given days are read along with the periods: a warm read is one round trip.
  const [stored, marks, rows] = await Promise.all([readPeriods(periods), readDirtyMarks(from, to), readDays(days)]);
  const dirty: Dirty = { ...marks, days: new Set(marks.marks.map((m) => m.day)) };
  const kept: Slice[] = [];
  const rebuild: Period[] = [];
  for (const p of periods) {
    const row = stored.get(periodKey(p));
    if (fresh(row, p, dirty, now, counting)) kept.push(row.data);
    else rebuild.push(p);
  }
  const wanted = new Set(days.map((d) => d.getTime()));
  const theirs = rebuild.flatMap((p) => daysOf(p.start, p.end)).filter((d) => !wanted.has(d.getTime()));
  for (const [t, row] of await readDays(theirs)) rows.set(t, row);
  for (const d of theirs) wanted.add(d.getTime());
  const read = await closedDays([...wanted].sort((a, b) => a - b).map((t) => new Date(t)), rows, dirty, now, counting);
  await storePeriods(rebuild.map((p) => buildPeriod(p, read, counting)));
  return { periods: kept, days: read };
}

/** Closed days of [from, to): whole months and weeks from their roll-ups, the days at the edges from theirs. */
async function closedSlices(from: Date, to: Date, now: Date, counting: Counting): Promise<Slice[]> {
  if (from >= to) return [];
  const cover = coverOf(from, to);
  // Cover periods and days are disjoint, and a rebuilt period's days stand in for it.
  const { periods, days } = await refresh(from, to, cover.periods, cover.days, now, counting);
  return [...periods, ...[...days.values()].map((d) => d.slice)];
}

/** Builds (or refreshes) the roll-ups of every closed day of [from, to) and of every month and week inside it. */
export async function refreshRollups(from: Date, to: Date, now: Date, maturityDays?: number): Promise<void> {
  if (from >= to) return;
  const periods = [...periodsWithin("month", from, to), ...periodsWithin("week", from, to)];
  await refresh(from, to, periods, daysOf(from, to), now, await countingAt(now, maturityDays));
}

/** All aggregates for [from, to): roll-ups for closed days plus a live query for the rest; `maturityDays` defaults to the merchant's setting. */
export async function rangeSlice(from: Date, to: Date, now = new Date(), maturityDays?: number): Promise<Slice> {
  const boundary = new Date(Math.min(to.getTime(), Math.max(from.getTime(), closedBoundary(now).getTime())));
  const counting = await countingAt(now, maturityDays);
  const [closed, live] = await Promise.all([closedSlices(from, boundary, now, counting), boundary < to ? liveSlice(boundary, to, counting) : emptySlice()]);
  return mergeSlices([...closed, live]);
}
