// The plan-change part of the stats report, from query rows. Pure: every number is unit-tested from
// hand-made rows as well as end to end. Money stays per currency (minor units), never summed across.
import { DEFAULT_LOCALE, type Locale } from "@/lib/i18n/locales";
import { translator } from "@/lib/i18n/translator";
import type { PlanChangeRow } from "./queries";

/** Where a plan change started, named in `locale` (an unknown origin as stored). */
export function originLabel(origin: string, locale: Locale = DEFAULT_LOCALE): string {
  const t = translator(locale);
  if (origin === "PLAN_PAGE") return t("console.planChangeStats.originPlanPage");
  if (origin === "UPGRADE_OFFER") return t("console.planChangeStats.originUpgradeOffer");
  return origin;
}

/** A plan change's direction, named in `locale`. */
export function directionLabel(direction: string, locale: Locale = DEFAULT_LOCALE): string {
  const t = translator(locale);
  if (direction === "UPGRADE") return t("console.planChangeStats.directionUpgrade");
  if (direction === "DOWNGRADE") return t("console.planChangeStats.directionDowngrade");
  return direction;
}

type Metrics = Pick<PlanChangeRow, "sent" | "applied" | "scheduled" | "failed" | "awaiting" | "kept" | "chargedNow" | "mrrApplied" | "mrrScheduled">;

const METRICS: (keyof Metrics)[] = ["sent", "applied", "scheduled", "failed", "awaiting", "kept", "chargedNow", "mrrApplied", "mrrScheduled"];

/** One line of a plan-change table: a group (ladder or origin, and direction) in one currency. */
export type PlanChangeLine = Metrics & { group: string; groupLabel: string; direction: string | null; currency: string };

export type PlanChangeReport = {
  byLadder: PlanChangeLine[];
  byOrigin: PlanChangeLine[];
  /** Per currency: every plan change of the range. */
  totals: (Metrics & { currency: string; upgrades: number; downgrades: number })[];
};

function add(into: Metrics, row: Metrics): void {
  for (const m of METRICS) into[m] += row[m];
}

const zero = (): Metrics => ({ sent: 0, applied: 0, scheduled: 0, failed: 0, awaiting: 0, kept: 0, chargedNow: 0, mrrApplied: 0, mrrScheduled: 0 });

const DIRECTION_ORDER = (d: string | null) => (d === "UPGRADE" ? 0 : d === "DOWNGRADE" ? 1 : 2);

function groupBy(rows: PlanChangeRow[], groupOf: (r: PlanChangeRow) => { key: string; label: string }): PlanChangeLine[] {
  const out = new Map<string, PlanChangeLine>();
  for (const row of rows) {
    const { key, label } = groupOf(row);
    const id = JSON.stringify([key, row.direction, row.currency]);
    const line = out.get(id) ?? { group: key, groupLabel: label, direction: row.direction, currency: row.currency, ...zero() };
    add(line, row);
    out.set(id, line);
  }
  return [...out.values()].sort(
    (a, b) => a.groupLabel.localeCompare(b.groupLabel) || a.group.localeCompare(b.group) || DIRECTION_ORDER(a.direction) - DIRECTION_ORDER(b.direction) || a.currency.localeCompare(b.currency),
  );
}

/**
 * Plan changes by ladder (named as it is now) and by where they started, each split by direction,
 * plus totals. The labels the report itself makes up (origins, a deleted or missing ladder) are in `locale`.
 */
export function planChangeReport(rows: PlanChangeRow[], ladderNames: ReadonlyMap<string, string>, locale: Locale = DEFAULT_LOCALE): PlanChangeReport {
  const t = translator(locale);
  const byLadder = groupBy(rows, (r) => ({ key: r.ladderId ?? "", label: r.ladderId ? (ladderNames.get(r.ladderId) ?? t("console.planChangeStats.deletedLadder")) : t("console.planChangeStats.noLadder") }));
  const byOrigin = groupBy(rows, (r) => ({ key: r.origin, label: originLabel(r.origin, locale) }));
  const totals = new Map<string, PlanChangeReport["totals"][number]>();
  for (const row of rows) {
    const total = totals.get(row.currency) ?? { currency: row.currency, upgrades: 0, downgrades: 0, ...zero() };
    add(total, row);
    // Changes that took or will take effect, by direction.
    const effective = row.applied + row.scheduled;
    if (row.direction === "UPGRADE") total.upgrades += effective;
    if (row.direction === "DOWNGRADE") total.downgrades += effective;
    totals.set(row.currency, total);
  }
  return { byLadder, byOrigin, totals: [...totals.values()].sort((a, b) => a.currency.localeCompare(b.currency)) };
}
