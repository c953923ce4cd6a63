// The stats page's date range: whole UTC days, both ends inclusive in the UI, half-open in SQL.
import { z } from "zod";

const DAY_MS = 86_400_000;
export const MAX_RANGE_DAYS = 3 * 366;

export type DateRange = { from: Date; to: Date; fromDay: string; toDay: string; days: number };

const day = z.string().regex(/^\d{4}-\d{2}-\d{2}$/).refine((s) => !Number.isNaN(Date.parse(`${s}T00:00:00Z`)) && new Date(`${s}T00:00:00Z`).toISOString().startsWith(s));

export const isoDay = (d: Date) => d.toISOString().slice(0, 10);

/** [fromDay 00:00 UTC, day after toDay 00:00 UTC). */
export function rangeOf(fromDay: string, toDay: string): DateRange {
  const from = new Date(`${fromDay}T00:00:00Z`);
  const to = new Date(new Date(`${toDay}T00:00:00Z`).getTime() + DAY_MS);
  return { from, to, fromDay, toDay, days: Math.round((to.getTime() - from.getTime()) / DAY_MS) };
}

/** The last `days` days up to and including today (UTC). */
export function lastDays(days: number, now = new Date()): DateRange {
  const today = isoDay(now);
  return rangeOf(isoDay(new Date(Date.parse(`${today}T00:00:00Z`) - (days - 1) * DAY_MS)), today);
}

/**
 * Reads ?from=YYYY-MM-DD&to=YYYY-MM-DD; anything missing or malformed falls back to the last 30
 * days, a reversed range is swapped and an over-long one is cut to MAX_RANGE_DAYS ending at `to`.
 */
export function parseRange(params: { from?: string | string[]; to?: string | string[] }, now = new Date()): DateRange {
  const from = day.safeParse(params.from);
  const to = day.safeParse(params.to);
  if (!from.success || !to.success) return lastDays(30, now);
  const [a, b] = from.data <= to.data ? [from.data, to.data] : [to.data, from.data];
  const range = rangeOf(a, b);
  if (range.days <= MAX_RANGE_DAYS) return range;
  return rangeOf(isoDay(new Date(range.to.getTime() - MAX_RANGE_DAYS * DAY_MS)), b);
}
