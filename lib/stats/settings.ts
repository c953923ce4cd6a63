import "server-only";
import { db } from "@/lib/db/client";
import { invalid, ok, type Result } from "@/lib/result";
import { statsSettingsSchema, type StatsSettingsInput } from "./settings-schema";

const SETTINGS_ID = "stats";
const DAY_MS = 86_400_000;

/**
 * How many days an accepted offer's payment waits before it counts as revenue (0 = at once).
 * Raw SQL: every stats read asks, and a Prisma model query costs ~3 ms of CPU to compile.
 */
export async function revenueMaturityDays(): Promise<number> {
  const [row] = await db.$queryRaw<{ days: number }[]>`SELECT "revenueMaturityDays" AS days FROM "StatsSettings" WHERE id = ${SETTINGS_ID}`;
  return row?.days ?? 0;
}

/**
 * Payments created before this moment count as revenue; null = every payment does. With no wait
 * nothing is filtered at all: a payment's Dodo timestamp may run ahead of our clock.
 */
export function maturedBefore(days: number, now: Date): Date | null {
  return days > 0 ? new Date(now.getTime() - days * DAY_MS) : null;
}

/** Saves the setting; every stored roll-up computed with another wait is recomputed on its next read. */
export async function saveStatsSettings(raw: unknown): Promise<Result<StatsSettingsInput>> {
  const parsed = statsSettingsSchema.safeParse(raw);
  if (!parsed.success) return invalid(parsed.error);
  const data = parsed.data;
  await db.statsSettings.upsert({ where: { id: SETTINGS_ID }, create: { id: SETTINGS_ID, ...data }, update: data });
  return ok(data);
}
