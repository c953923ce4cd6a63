// Builds the offer-stats report from query rows. Pure (no database), so every number on the page
// is unit-tested from hand-made rows as well as end to end from real tables.
import { meanDifference, proportionSummary, revenuePerImpression, takeRate, type Lift, type SampleSummary } from "./math";
import type { ExposureRow, OrderValueRow, VariantCountsRow } from "./queries";

export type Counts = { impressions: number; accepts: number; declines: number; failures: number; expiries: number };
/** Amounts in minor units of `currency`; derived averages are rounded to the minor unit. */
export type Amount = { currency: string; amount: number };
export type OrderValue = { currency: string; withN: number; with: number | null; withoutN: number; without: number | null };
export type LiftResult = { currency: string; holdoutVisits: number; revenue: Lift | null; conversion: Lift | null };

export type StatsLine = Counts & {
  level: "offer" | "variant";
  offerId: string;
  offerName: string;
  offerKind: string;
  offerActive: boolean;
  variantId: string | null;
  variantLabel: string | null;
  placement: string | null;
  takeRate: number | null;
  revenue: Amount[];
  /** Taken off revenue already: refunds, and disputes lost or accepted. */
  refunded: Amount[];
  disputed: Amount[];
  /** Accepted offers' payments younger than the merchant's wait: counted as revenue once old enough. */
  pending: Amount[];
  revenuePerImpression: Amount[];
  orderValue: OrderValue[];
  lift: LiftResult[];
};

export type OfferMeta = { id: string; name: string; kind: string; active: boolean };
export type VariantMeta = { id: string; label: string; stepId: string; stepName: string; funnelName: string };

const zero = (): Counts => ({ impressions: 0, accepts: 0, declines: 0, failures: 0, expiries: 0 });

function addCounts(into: Counts, row: Counts): void {
  into.impressions += row.impressions;
  into.accepts += row.accepts;
  into.declines += row.declines;
  into.failures += row.failures;
  into.expiries += row.expiries;
}

function addAmount(list: Amount[], currency: string, amount: number): void {
  const found = list.find((a) => a.currency === currency);
  if (found) found.amount += amount;
  else list.push({ currency, amount });
}

const byCurrency = <T extends { currency: string }>(list: T[]) => list.sort((a, b) => a.currency.localeCompare(b.currency));

function derived(counts: Counts, revenue: Amount[]) {
  return {
    takeRate: takeRate(counts.accepts, counts.impressions),
    revenue: byCurrency(revenue),
    revenuePerImpression: byCurrency(revenue.map((r) => ({ currency: r.currency, amount: Math.round(revenuePerImpression(r.amount, counts.impressions) ?? 0) }))),
  };
}

const average = (sum: number, n: number) => (n > 0 ? Math.round(sum / n) : null);

/** Order values of several exposure rows, per currency: means of the summed visits. */
function mergeOrderValues(rows: ExposureRow[]): OrderValue[] {
  const out = new Map<string, { withN: number; withSum: number; withoutN: number; withoutSum: number }>();
  for (const r of rows) {
    const acc = out.get(r.currency) ?? { withN: 0, withSum: 0, withoutN: 0, withoutSum: 0 };
    acc.withN += r.withN;
    acc.withSum += r.withSum;
    acc.withoutN += r.withoutN;
    acc.withoutSum += r.withoutSum;
    out.set(r.currency, acc);
  }
  return byCurrency([...out].map(([currency, a]) => ({ currency, withN: a.withN, with: average(a.withSum, a.withN), withoutN: a.withoutN, without: average(a.withoutSum, a.withoutN) })));
}

/** Mean and unbiased variance of the revenue added per visit, from additive sums. */
function sample(row: ExposureRow): SampleSummary {
  const mean = row.n > 0 ? row.sumAdded / row.n : 0;
  const variance = row.n > 1 ? Math.max(0, (row.sumSqAdded - row.n * mean * mean) / (row.n - 1)) : 0;
  return { n: row.n, mean, variance };
}

/** A variant's visits against its step's holdout visits, per currency: revenue added per visit and conversion. */
function liftFor(variant: ExposureRow[], holdouts: ExposureRow[]): LiftResult[] {
  const out: LiftResult[] = [];
  for (const exposed of variant) {
    const holdout = holdouts.find((h) => h.currency === exposed.currency);
    if (!holdout) continue;
    out.push({
      currency: exposed.currency,
      holdoutVisits: holdout.n,
      revenue: meanDifference(sample(exposed), sample(holdout)),
      conversion: meanDifference(proportionSummary(exposed.converted, exposed.n), proportionSummary(holdout.converted, holdout.n)),
    });
  }
  return byCurrency(out);
}

export function buildLines(input: {
  offers: OfferMeta[];
  variants: VariantMeta[];
  counts: VariantCountsRow[];
  exposures: ExposureRow[];
}): StatsLine[] {
  const lines: StatsLine[] = [];
  for (const offer of input.offers) {
    const groups = input.counts.filter((r) => r.offerId === offer.id && !r.byCurrency);
    const money = input.counts.filter((r) => r.offerId === offer.id && r.byCurrency);
    const base = { offerId: offer.id, offerName: offer.name, offerKind: offer.kind, offerActive: offer.active };
    const total = zero();
    const totalRevenue: Amount[] = [];
    groups.forEach((g) => addCounts(total, g));
    money.forEach((m) => addAmount(totalRevenue, m.currency!, m.revenue));
    const givenBack = (rows: VariantCountsRow[]) => ({
      refunded: byCurrency(rows.reduce<Amount[]>((list, m) => (addAmount(list, m.currency!, m.refunded ?? 0), list), [])),
      disputed: byCurrency(rows.reduce<Amount[]>((list, m) => (addAmount(list, m.currency!, m.disputed ?? 0), list), [])),
      pending: byCurrency(rows.reduce<Amount[]>((list, m) => (m.pending ? addAmount(list, m.currency!, m.pending) : undefined, list), [])),
    });
    const offerExposures = input.exposures.filter((e) => e.offerId === offer.id && !e.holdout);
    const variantLines: StatsLine[] = [];
    for (const g of groups.filter((x) => x.variantId !== null)) {
      const meta = input.variants.find((v) => v.id === g.variantId);
      const revenue: Amount[] = [];
      money.filter((m) => m.variantId === g.variantId).forEach((m) => addAmount(revenue, m.currency!, m.revenue));
      const exposures = offerExposures.filter((e) => e.variantId === g.variantId);
      const holdouts = input.exposures.filter((e) => e.holdout && meta && e.stepId === meta.stepId);
      const counts: Counts = { impressions: g.impressions, accepts: g.accepts, declines: g.declines, failures: g.failures, expiries: g.expiries };
      variantLines.push({
        ...base, ...counts, ...derived(counts, revenue), ...givenBack(money.filter((m) => m.variantId === g.variantId)),
        level: "variant",
        variantId: g.variantId,
        variantLabel: meta?.label ?? "?",
        placement: meta ? `${meta.funnelName} › ${meta.stepName}` : null,
        orderValue: mergeOrderValues(exposures),
        lift: liftFor(exposures, holdouts),
      });
    }
    variantLines.sort((a, b) => (a.placement ?? "").localeCompare(b.placement ?? "") || (a.variantLabel ?? "").localeCompare(b.variantLabel ?? ""));
    lines.push({
      ...base, ...total, ...derived(total, totalRevenue), ...givenBack(money),
      level: "offer",
      variantId: null,
      variantLabel: null,
      placement: null,
      orderValue: mergeOrderValues(offerExposures),
      // An offer's lift is its variant's when it runs in exactly one experiment arm.
      lift: variantLines.length === 1 ? variantLines[0]!.lift : [],
    });
    lines.push(...variantLines);
  }
  return lines;
}

export function totalsOf(lines: StatsLine[]): Counts & { takeRate: number | null; revenue: Amount[]; revenuePerImpression: Amount[]; pending: Amount[] } {
  const total = zero();
  const revenue: Amount[] = [];
  const pending: Amount[] = [];
  for (const line of lines.filter((l) => l.level === "offer")) {
    addCounts(total, line);
    line.revenue.forEach((r) => addAmount(revenue, r.currency, r.amount));
    line.pending.forEach((r) => addAmount(pending, r.currency, r.amount));
  }
  return { ...total, ...derived(total, revenue), pending: byCurrency(pending) };
}

export function orderValueSummary(rows: OrderValueRow[]): OrderValue[] {
  return byCurrency(rows.map((r) => ({ currency: r.currency, withN: r.withN, with: average(r.withSum, r.withN), withoutN: r.withoutN, without: average(r.withoutSum, r.withoutN) })));
}
