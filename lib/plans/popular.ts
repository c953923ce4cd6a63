import "server-only";
// "Most popular upgrade", earned from real plan changes only (never invented): among the upgrades
// customers actually made within a ladder in the last POPULAR_WINDOW_DAYS, the plan most of them
// moved to — once at least POPULAR_MIN_UPGRADES upgrades were applied, and only when that plan
// leads the runner-up by POPULAR_MIN_LEAD_SHARE of them. Below that there is no badge: a handful of
// moves, or a tie, says nothing about what most customers choose.
import { db } from "@/lib/db/client";

export const POPULAR_WINDOW_DAYS = 90;
export const POPULAR_MIN_UPGRADES = 20;
export const POPULAR_MIN_LEAD_SHARE = 0.1;

/** Pure: the plan that earns the badge from upgrade counts per target plan, or null. */
export function earnedPopularPlan(counts: ReadonlyMap<string, number>): string | null {
  const ranked = [...counts.entries()].sort((a, b) => b[1] - a[1]);
  const total = ranked.reduce((s, [, n]) => s + n, 0);
  const [top, second] = ranked;
  if (!top || total < POPULAR_MIN_UPGRADES) return null;
  return top[1] - (second?.[1] ?? 0) >= POPULAR_MIN_LEAD_SHARE * total ? top[0] : null;
}

export async function mostPopularUpgrade(ladderId: string, now = new Date()): Promise<string | null> {
  const since = new Date(now.getTime() - POPULAR_WINDOW_DAYS * 86_400_000);
  const rows = await db.planChange.groupBy({
    by: ["toProductId"],
    where: { ladderId, direction: "UPGRADE", status: "APPLIED", createdAt: { gte: since } },
    _count: { _all: true },
  });
  return earnedPopularPlan(new Map(rows.map((r) => [r.toProductId, r._count._all])));
}
