// The plan-change part of the stats report, from query rows. Pure: every number is unit-tested from
// hand-made rows as well as end to end. Money stays per currency (minor units), never summed across.
import type { PlanChangeRow } from "./queries";

export const ORIGIN_LABELS: Record<string, string> = { PLAN_PAGE: "Plan page", UPGRADE_OFFER: "Upgrade offer" };
export const DIRECTION_LABELS: Record<string, string> = { UPGRADE: "Upgrade", DOWNGRADE: "Downgrade" };

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

/** Plan changes by ladder (named as it is now) and by where they started, each split by direction, plus totals. */
export function planChangeReport(rows: PlanChangeRow[], ladderNames: ReadonlyMap<string, string>): PlanChangeReport {
  const byLadder = groupBy(rows, (r) => ({ key: r.ladderId ?? "", label: r.ladderId ? (ladderNames.get(r.ladderId) ?? "Deleted ladder") : "No ladder" }));
  const byOrigin = groupBy(rows, (r) => ({ key: r.origin, label: ORIGIN_LABELS[r.origin] ?? r.origin }));
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
