import "server-only";
import { db } from "@/lib/db/client";
import { exposureSums, funnelFlows, openUntilByDay, orderValueSums, planChangeSums, revenueByDay, variantCounts, type Scope } from "./queries";
import { isoDay } from "./range";
import { readDirtyMarks, storeDays, type DirtyMark } from "./rollup-sql";
import { emptySlice, mergeSlices, splitByBucket, type Slice } from "./slice";

// Daily roll-ups for the offer-stats page. Every finished UTC day is read from StatsDay; only
// today is aggregated live. A stored day is recomputed when it is missing, when a database trigger
// marked it in StatsDirtyDay (a late decision, payment, refund or plan-change outcome touching it), or when it was
// computed before it "settled": before its last open offer expired, or within SETTLE_MS of its end
// (a transaction that began before midnight can commit just after it, unseen by the trigger).
// All days to recompute are aggregated together, split per day in SQL, so a year after an import
// costs one pass over the tables instead of one per day.
// Caveat: a visit that spans midnight UTC counts as one visit on each day for lift and order value.

const DAY_MS = 86_400_000;
const SETTLE_MS = 10 * 60 * 1000;

/** A day's aggregates and the moment after which a recomputation sees its final state. */
type StoredDay = Slice & { settlesAt: string };

/** Start of the first day that is aggregated live: today 00:00 UTC. */
export function closedBoundary(now: Date): Date {
  return new Date(Date.UTC(now.getUTCFullYear(), now.getUTCMonth(), now.getUTCDate()));
}

/** Every aggregate of the scope, one slice per bucket (per day when the scope lists days). */
async function slicesOf(scope: Scope): Promise<Map<string, Slice>> {
  const [counts, exposures, orders, revenue, flows, planChanges] = await Promise.all([
    variantCounts(scope),
    exposureSums(scope),
    orderValueSums(scope),
    revenueByDay(scope),
    funnelFlows(scope),
    planChangeSums(scope),
  ]);
  return splitByBucket({ counts, exposures, orders, revenue, starts: flows.starts, steps: flows.steps, planChanges });
}

/** Every aggregate of [from, to), straight from the event tables. */
export async function liveSlice(from: Date, to: Date): Promise<Slice> {
  return (await slicesOf({ from, to })).get("") ?? emptySlice();
}

/** Recomputes the given days (ascending) together and stores them, clearing the marks read at `startedAt`. */
async function recomputeDays(days: Date[], marks: DirtyMark[], startedAt: Date): Promise<StoredDay[]> {
  const keys = days.map(isoDay);
  const scope: Scope = { from: days[0]!, to: new Date(days.at(-1)!.getTime() + DAY_MS), days: keys };
  const [slices, open] = await Promise.all([slicesOf(scope), openUntilByDay(scope)]);
  const stored = days.map((day, i): StoredDay => {
    const settlesAt = Math.max(day.getTime() + DAY_MS + SETTLE_MS, open.get(keys[i]!)?.getTime() ?? 0);
    return { ...(slices.get(keys[i]!) ?? emptySlice()), settlesAt: new Date(settlesAt).toISOString() };
  });
  await storeDays(keys.map((day, i) => ({ day, data: stored[i] })), startedAt, marks);
  return stored;
}

/** Closed days of [from, to): stored roll-ups, refreshing the missing, dirty and newly expired ones. */
async function closedSlices(from: Date, to: Date, now: Date): Promise<Slice[]> {
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
    if (!row || dirtyDays.has(isoDay(new Date(t))) || unsettled) stale.push(new Date(t));
    else slices.push(row.data);
  }
  if (stale.length > 0) slices.push(...(await recomputeDays(stale, dirty.marks, dirty.at)));
  return slices;
}

/** All aggregates for [from, to): roll-ups for closed days plus a live query for the rest. */
export async function rangeSlice(from: Date, to: Date, now = new Date()): Promise<Slice> {
  const boundary = new Date(Math.min(to.getTime(), Math.max(from.getTime(), closedBoundary(now).getTime())));
  const [closed, live] = await Promise.all([closedSlices(from, boundary, now), boundary < to ? liveSlice(boundary, to) : emptySlice()]);
  return mergeSlices([...closed, live]);
}
