import "server-only";
import { db } from "@/lib/db";
import { exposureSums, funnelFlows, orderValueSums, revenueByDay, variantCounts } from "./queries";
import { emptySlice, mergeSlices, type Slice } from "./slice";

// Daily roll-ups for the offer-stats page. Every finished UTC day is read from StatsDay; only
// today is aggregated live. A stored day is recomputed when it is missing, when a database trigger
// marked it in StatsDirtyDay (a late decision, payment or refund touching it), or when it was
// computed before it "settled": before its last open offer expired, or within SETTLE_MS of its end
// (a transaction that began before midnight can commit just after it, unseen by the trigger).
// Caveat: a visit that spans midnight UTC counts as one visit on each day for lift and order value.

const DAY_MS = 86_400_000;
const SETTLE_MS = 10 * 60 * 1000;

/** A day's aggregates and the moment after which a recomputation sees its final state. */
type StoredDay = Slice & { settlesAt: string };

/** Start of the first day that is aggregated live: today 00:00 UTC. */
export function closedBoundary(now: Date): Date {
  return new Date(Date.UTC(now.getUTCFullYear(), now.getUTCMonth(), now.getUTCDate()));
}

/** Every aggregate of [from, to), straight from the event tables. */
export async function liveSlice(from: Date, to: Date): Promise<Slice> {
  const [counts, exposures, orders, revenue, flows] = await Promise.all([
    variantCounts(from, to),
    exposureSums(from, to),
    orderValueSums(from, to),
    revenueByDay(from, to),
    funnelFlows(from, to),
  ]);
  return { counts, exposures, orders, revenue, starts: flows.starts, steps: flows.steps };
}

/** Latest expiry among offers of the day still awaiting an answer, if any is still open. */
async function openUntil(from: Date, to: Date): Promise<Date | null> {
  const [row] = await db.$queryRaw<{ until: Date | null }[]>`
    SELECT max(i."expiresAt") AS until FROM "OfferImpression" i LEFT JOIN "OfferDecision" d ON d."impressionId" = i.id
    WHERE i."shownAt" >= ${from} AND i."shownAt" < ${to} AND d.id IS NULL AND NOT i.holdout AND i."expiresAt" > (now() AT TIME ZONE 'UTC')`;
  return row?.until ?? null;
}

/**
 * Recomputes one day. The dirty mark is cleared *before* reading, so a change that lands during
 * the computation marks the day again; the write is skipped if a newer computation already landed.
 */
async function recomputeDay(day: Date): Promise<StoredDay> {
  await db.statsDirtyDay.deleteMany({ where: { day } });
  const [clock] = await db.$queryRaw<{ startedAt: Date }[]>`SELECT (clock_timestamp() AT TIME ZONE 'UTC')::timestamp(3) AS "startedAt"`;
  const startedAt = clock!.startedAt;
  const next = new Date(day.getTime() + DAY_MS);
  const [slice, until] = await Promise.all([liveSlice(day, next), openUntil(day, next)]);
  const settlesAt = Math.max(next.getTime() + SETTLE_MS, until ? until.getTime() : 0);
  const stored: StoredDay = { ...slice, settlesAt: new Date(settlesAt).toISOString() };
  await db.$executeRaw`
    INSERT INTO "StatsDay" ("day", "data", "computedAt") VALUES (${day.toISOString().slice(0, 10)}::date, ${JSON.stringify(stored)}::jsonb, ${startedAt})
    ON CONFLICT ("day") DO UPDATE SET "data" = EXCLUDED."data", "computedAt" = EXCLUDED."computedAt"
    WHERE "StatsDay"."computedAt" < EXCLUDED."computedAt"`;
  return stored;
}

/** Closed days of [from, to): stored roll-ups, refreshing the missing, dirty and newly expired ones. */
async function closedSlices(from: Date, to: Date, now: Date): Promise<Slice[]> {
  if (from >= to) return [];
  const [stored, dirty] = await Promise.all([
    db.statsDay.findMany({ where: { day: { gte: from, lt: to } }, select: { day: true, data: true, computedAt: true } }),
    db.statsDirtyDay.findMany({ where: { day: { gte: from, lt: to } }, select: { day: true } }),
  ]);
  const byDay = new Map(stored.map((s) => [s.day.getTime(), { data: s.data as unknown as StoredDay, computedAt: s.computedAt }]));
  const dirtyDays = new Set(dirty.map((d) => d.day.getTime()));
  const slices: Slice[] = [];
  const stale: Date[] = [];
  for (let t = from.getTime(); t < to.getTime(); t += DAY_MS) {
    const row = byDay.get(t);
    const settlesAt = row ? new Date(row.data.settlesAt ?? 0) : null;
    const unsettled = row && settlesAt! > row.computedAt && settlesAt! <= now;
    if (!row || dirtyDays.has(t) || unsettled) stale.push(new Date(t));
    else slices.push(row.data);
  }
  // Two at a time: enough to overlap round trips without crowding the connection pool.
  for (let i = 0; i < stale.length; i += 2) slices.push(...(await Promise.all(stale.slice(i, i + 2).map(recomputeDay))));
  return slices;
}

/** All aggregates for [from, to): roll-ups for closed days plus a live query for the rest. */
export async function rangeSlice(from: Date, to: Date, now = new Date()): Promise<Slice> {
  const boundary = new Date(Math.min(to.getTime(), Math.max(from.getTime(), closedBoundary(now).getTime())));
  const [closed, live] = await Promise.all([closedSlices(from, boundary, now), boundary < to ? liveSlice(boundary, to) : emptySlice()]);
  return mergeSlices([...closed, live]);
}
