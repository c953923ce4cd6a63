import "server-only";
import { db } from "@/lib/db/client";
import { inTransaction } from "@/lib/db/tx";

// Bookkeeping SQL of the daily roll-ups (the aggregates themselves are in queries.ts).

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
 * marks read before computing. A day marked again meanwhile keeps its new row (another xmin) and
 * is recomputed on the next request; a failed computation deletes nothing.
 */
export async function storeDays(days: { day: string; data: unknown }[], computedAt: Date, marks: DirtyMark[]): Promise<void> {
  await inTransaction(async (tx) => {
    await tx.$executeRaw`
      INSERT INTO "StatsDay" ("day", "data", "computedAt")
      SELECT (e->>'day')::date, e->'data', ${computedAt} FROM jsonb_array_elements(${JSON.stringify(days)}::jsonb) e
      ON CONFLICT ("day") DO UPDATE SET "data" = EXCLUDED."data", "computedAt" = EXCLUDED."computedAt"
      WHERE "StatsDay"."computedAt" < EXCLUDED."computedAt"`;
    await tx.$executeRaw`
      DELETE FROM "StatsDirtyDay" d USING jsonb_to_recordset(${JSON.stringify(marks)}::jsonb) AS m(day date, xmin text)
      WHERE d.day = m.day AND d.xmin::text = m.xmin`;
  });
}
