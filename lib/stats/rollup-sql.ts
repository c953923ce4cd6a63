import "server-only";
import { db } from "@/lib/db/client";
import { lock } from "@/lib/db/lock";
import { inTransaction } from "@/lib/db/tx";
import { isoDay } from "./range";
import { periodKey, type Period } from "./periods";
import type { Slice } from "./slice";

// Bookkeeping SQL of the roll-ups (the aggregates themselves are in queries.ts). Every write of
// StatsDay or StatsPeriod holds one advisory lock, so a period's check that its days are still
// the ones it was built from and a day's rewrite (which deletes its periods) never interleave.

/** One StatsDirtyDay row as read: its xmin names the transaction that marked the day. */
export type DirtyMark = { day: string; xmin: string };

/**
 * The dirty marks of [from, to) and the database time of reading them, which becomes the
 * computedAt of the days recomputed from here: every change behind a mark seen here was committed
 * with it, so the reads that follow include it.
 */
export async function readDirtyMarks(from: Date, to: Date): Promise<{ marks: DirtyMark[]; at: Date }> {
  const rows = await db.$queryRaw<{ day: string | null; xmin: string | null; at: Date }[]>`
    SELECT to_char(d.day, 'YYYY-MM-DD') AS day, d.xmin::text AS xmin, c.at
    FROM (SELECT (clock_timestamp() AT TIME ZONE 'UTC')::timestamp(3) AS at) c
    LEFT JOIN "StatsDirtyDay" d ON d.day >= ${from} AND d.day < ${to}`;
  const marks = rows.flatMap((r) => (r.day && r.xmin ? [{ day: r.day, xmin: r.xmin }] : []));
  return { marks, at: rows[0]!.at };
}

/**
 * Stores recomputed days (an older computation never overwrites a newer one, so instances that
 * compute the same days at once converge) and, in the same transaction, deletes exactly the dirty
 * marks read before computing, and every period holding one of the days (it was built from their
 * old rows). A day marked again meanwhile keeps its new row (another xmin) and is recomputed on
 * the next request; a failed computation deletes nothing.
 */
export async function storeDays(days: { day: string; data: unknown }[], computedAt: Date, marks: DirtyMark[]): Promise<void> {
  await inTransaction(async (tx) => {
    await lock(tx, "stats-rollups", "write");
    await tx.$executeRaw`
      INSERT INTO "StatsDay" ("day", "data", "computedAt")
      SELECT (e->>'day')::date, e->'data', ${computedAt} FROM jsonb_array_elements(${JSON.stringify(days)}::jsonb) e
      ON CONFLICT ("day") DO UPDATE SET "data" = EXCLUDED."data", "computedAt" = EXCLUDED."computedAt"
      WHERE "StatsDay"."computedAt" < EXCLUDED."computedAt"`;
    await tx.$executeRaw`
      DELETE FROM "StatsDirtyDay" d USING jsonb_to_recordset(${JSON.stringify(marks)}::jsonb) AS m(day date, xmin text)
      WHERE d.day = m.day AND d.xmin::text = m.xmin`;
    await tx.$executeRaw`
      DELETE FROM "StatsPeriod" p USING jsonb_array_elements(${JSON.stringify(days.map((d) => d.day))}::jsonb) e
      WHERE p.start <= (e #>> '{}')::date AND p."end" > (e #>> '{}')::date`;
  });
}

// Roll-ups are read as text and parsed once here: a jsonb column read through Prisma was parsed
// by pg, serialised again by the adapter and parsed a third time by Prisma (half the read's CPU).

/** A stored day as read: its aggregates with when it settles and the wait it was computed with, and its row's computedAt. */
export type StoredDay = { data: Slice & { settlesAt?: string; maturityDays?: number }; computedAt: Date };

/** The stored rows of the given days, by the day's time. */
export async function readDays(days: Date[]): Promise<Map<number, StoredDay>> {
  if (days.length === 0) return new Map();
  const rows = await db.$queryRaw<{ day: Date; data: string; computedAt: Date }[]>`
    SELECT day, data::text AS data, "computedAt" FROM "StatsDay"
    WHERE day = ANY(string_to_array(${days.map(isoDay).join(",")}, ',')::date[])`;
  return new Map(rows.map((r) => [r.day.getTime(), { data: JSON.parse(r.data) as StoredDay["data"], computedAt: r.computedAt }]));
}

/** A stored period as read. */
export type StoredPeriod = { data: Slice; refreshAt: Date | null; maturityDays: number };

/** The stored rows of the given periods, by periodKey. */
export async function readPeriods(periods: Period[]): Promise<Map<string, StoredPeriod>> {
  if (periods.length === 0) return new Map();
  const rows = await db.$queryRaw<{ key: string; data: string; refreshAt: Date | null; maturityDays: number }[]>`
    SELECT unit || ':' || to_char(start, 'YYYY-MM-DD') AS key, data::text AS data, "refreshAt", "maturityDays"
    FROM "StatsPeriod"
    WHERE unit || ':' || to_char(start, 'YYYY-MM-DD') = ANY(string_to_array(${periods.map(periodKey).join(",")}, ','))`;
  return new Map(rows.map(({ key, data, ...row }) => [key, { data: JSON.parse(data) as Slice, ...row }]));
}

/** A period merged from its days' roll-ups, with the computedAt of each day's row it was merged from. */
export type BuiltPeriod = StoredPeriod & { period: Period; days: { day: Date; computedAt: Date }[] };

/**
 * Stores built periods, each only if every one of its days still has the row it was built from
 * and none is marked dirty: a day rewritten or marked since then makes it stale at once.
 */
export async function storePeriods(built: BuiltPeriod[]): Promise<void> {
  if (built.length === 0) return;
  const rows = built.map((b) => ({
    unit: b.period.unit, start: isoDay(b.period.start), end: isoDay(b.period.end), data: b.data,
    refreshAt: b.refreshAt?.toISOString() ?? null, maturityDays: b.maturityDays,
    days: b.days.map((d) => ({ day: isoDay(d.day), computedAt: d.computedAt.toISOString() })),
  }));
  await inTransaction(async (tx) => {
    await lock(tx, "stats-rollups", "write");
    await tx.$executeRaw`
      INSERT INTO "StatsPeriod" ("unit", "start", "end", "data", "refreshAt", "maturityDays")
      SELECT p.unit, p.start, p."end", p.data, p."refreshAt", p."maturityDays"
      FROM jsonb_to_recordset(${JSON.stringify(rows)}::jsonb) AS p(unit text, start date, "end" date, data jsonb, "refreshAt" timestamp(3), "maturityDays" int, days jsonb)
      WHERE NOT EXISTS (SELECT 1 FROM "StatsDirtyDay" m WHERE m.day >= p.start AND m.day < p."end")
        AND NOT EXISTS (
          SELECT 1 FROM jsonb_to_recordset(p.days) AS u(day date, "computedAt" timestamp(3))
          LEFT JOIN "StatsDay" s ON s.day = u.day
          WHERE s."computedAt" IS DISTINCT FROM u."computedAt")
      ON CONFLICT ("unit", "start") DO UPDATE SET "end" = EXCLUDED."end", "data" = EXCLUDED."data", "refreshAt" = EXCLUDED."refreshAt", "maturityDays" = EXCLUDED."maturityDays"`;
  });
}
