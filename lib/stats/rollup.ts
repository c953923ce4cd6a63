import "server-only";
import { db } from "@/lib/db/client";
import { openUntilByDay, sliceRows, type Scope } from "./queries";
import { isoDay } from "./range";
import { maturedBefore, revenueMaturityDays } from "./settings";
import { readDirtyMarks, storeDays, type DirtyMark } from "./rollup-sql";
import { emptySlice, mergeSlices, splitByBucket, type Slice } from "./slice";

// Daily roll-ups for the offer-stats page. Every finished UTC day is read from StatsDay; only
// today is aggregated live. A stored day is recomputed when it is missing, when a database trigger
// marked it in StatsDirtyDay (a late decision, payment, refund or plan-change outcome touching it), or when it was
// computed before it "settled": before its last open offer expired, or within SETTLE_MS of its end
// (a transaction that began before midnight can commit just after it, unseen by the trigger).
// With the merchant's "count revenue after N days" a day also settles only once its payments are
// N days old, and a day stored under another N is recomputed.
// All days to recompute are aggregated together, split per day in SQL, so a year after an import
// costs one pass over the tables instead of one per day.
// Caveat: a visit that spans midnight UTC counts as one visit on each day for lift and order value.

const DAY_MS = 86_400_000;
const SETTLE_MS = 10 * 60 * 1000;

/** A day's aggregates, the moment after which a recomputation sees its final state, and the wait it was computed with. */
type StoredDay = Slice & { settlesAt: string; maturityDays?: number };

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

/** Recomputes the given days (ascending) together and stores them, clearing the marks read at `startedAt`. */
async function recomputeDays(days: Date[], marks: DirtyMark[], startedAt: Date, counting: Counting): Promise<StoredDay[]> {
  const keys = days.map(isoDay);
  const scope: Scope = { from: days[0]!, to: new Date(days.at(-1)!.getTime() + DAY_MS), days: keys, maturedBefore: counting.maturedBefore };
  const [slices, open] = await Promise.all([slicesOf(scope), openUntilByDay(scope)]);
  const stored = days.map((day, i): StoredDay => {
    // Its offers' payments are made by the end of the day or of its last open window; they count once N days old.
    const lastPayment = Math.max(day.getTime() + DAY_MS, open.get(keys[i]!)?.getTime() ?? 0);
    const settlesAt = lastPayment + counting.maturityDays * DAY_MS + SETTLE_MS;
    return { ...(slices.get(keys[i]!) ?? emptySlice()), settlesAt: new Date(settlesAt).toISOString(), maturityDays: counting.maturityDays };
  });
  await storeDays(keys.map((day, i) => ({ day, data: stored[i] })), startedAt, marks);
  return stored;
}

/** Closed days of [from, to): stored roll-ups, refreshing the missing, dirty and newly expired ones. */
async function closedSlices(from: Date, to: Date, now: Date, counting: Counting): Promise<Slice[]> {
  if (from >= to) return [];
  const [stored, dirty] = await Promise.all([
    db.statsDay.findMany({ where: { day: { gte: from, lt: to } }, select: { day: true, data: true, computedAt: true } }),
    readDirtyMarks(from, to),
  ]);
  const byDay = new Map(stored.map((s) => [s.day.getTime(), { data: s.data as unknown as StoredDay, computedAt: s.computedAt }]));
  const dirtyDays = new Set(dirty.marks.map((m) => m.day));
  const slices: Slice[] = [];
  const stale: Date[] = [];
  for (let t = from.getTime(); t < to.getTime(); t += DAY_MS) {
    const row = byDay.get(t);
    const settlesAt = row ? new Date(row.data.settlesAt ?? 0) : null;
    const unsettled = row && settlesAt! > row.computedAt && settlesAt! <= now;
    const otherWait = row && (row.data.maturityDays ?? 0) !== counting.maturityDays;
    if (!row || dirtyDays.has(isoDay(new Date(t))) || unsettled || otherWait) stale.push(new Date(t));
    else slices.push(row.data);
  }
  if (stale.length > 0) slices.push(...(await recomputeDays(stale, dirty.marks, dirty.at, counting)));
  return slices;
}

/** All aggregates for [from, to): roll-ups for closed days plus a live query for the rest; `maturityDays` defaults to the merchant's setting. */
export async function rangeSlice(from: Date, to: Date, now = new Date(), maturityDays?: number): Promise<Slice> {
  const boundary = new Date(Math.min(to.getTime(), Math.max(from.getTime(), closedBoundary(now).getTime())));
  const counting = await countingAt(now, maturityDays);
  const [closed, live] = await Promise.all([closedSlices(from, boundary, now, counting), boundary < to ? liveSlice(boundary, to, counting) : emptySlice()]);
  return mergeSlices([...closed, live]);
}
