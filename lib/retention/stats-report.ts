// The retention section of the stats page, built from aggregate rows. Pure (no database), so every
// number is unit-tested from hand-made rows; the lift and its interval are lib/stats/math's, the
// same Welch normal-approximation interval the offer stats use.
import { meanDifference, proportionSummary, ratio, type Lift, type SampleSummary } from "@/lib/stats/math";

/** One group of attempts: per currency, holdout or shown an offer (or no offer for the reason). */
export type GroupRow = {
  currency: string;
  group: "offered" | "holdout" | "no_offer";
  attempts: number;
  saves: number;
  cancels: number;
  /** Attempts that did not end in a cancellation (saved, kept, undone, or left open). */
  retained: number;
  rev30: number;
  rev30Sq: number;
  rev90: number;
};

export type OfferRow = { saveOfferId: string; reason: string; kind: string; currency: string; shown: number; saves: number; savedRev30: number; savedRev90: number };
export type ReasonDayRow = { day: string; reason: string; attempts: number };
export type OfferMeta = { id: string; ladderName: string; reason: string; kind: string; label: string };

export type RetentionLift = {
  currency: string;
  offeredN: number;
  holdoutN: number;
  /** Share of attempts not ending in a cancellation, offered minus holdout, with its 95% interval. */
  retention: Lift | null;
  /** Net revenue per attempt in the 30 days after it, offered minus holdout. */
  revenue30: Lift | null;
};

export type RetentionReport = {
  attempts: number;
  saves: number;
  cancels: number;
  saveRate: number | null;
  revenueKept: Array<{ currency: string; days30: number; days90: number }>;
  offers: Array<OfferMeta & { currency: string; shown: number; saves: number; saveRate: number | null; revenueKept30: number; revenueKept90: number }>;
  lift: RetentionLift[];
  reasons: { days: string[]; rows: Array<{ reason: string; total: number; perDay: number[] }> };
};

function sample(n: number, sum: number, sumSq: number): SampleSummary {
  const mean = n > 0 ? sum / n : 0;
  const variance = n > 1 ? Math.max(0, (sumSq - n * mean * mean) / (n - 1)) : 0;
  return { n, mean, variance };
}

export function buildRetentionReport(input: { groups: GroupRow[]; offers: OfferRow[]; reasonDays: ReasonDayRow[]; offerMeta: OfferMeta[]; days: string[] }): RetentionReport {
  const sumOf = (key: "attempts" | "saves" | "cancels") => input.groups.reduce((s, g) => s + g[key], 0);
  const attempts = sumOf("attempts");
  const saves = sumOf("saves");
  const currencies = [...new Set(input.groups.map((g) => g.currency))].sort();
  const revenueKept = currencies.map((currency) => {
    const rows = input.offers.filter((o) => o.currency === currency);
    return { currency, days30: rows.reduce((s, o) => s + o.savedRev30, 0), days90: rows.reduce((s, o) => s + o.savedRev90, 0) };
  });
  const offers = input.offers
    .map((o) => {
      const meta = input.offerMeta.find((m) => m.id === o.saveOfferId) ?? { id: o.saveOfferId, ladderName: "(removed)", reason: o.reason, kind: o.kind, label: o.kind };
      return { ...meta, currency: o.currency, shown: o.shown, saves: o.saves, saveRate: ratio(o.saves, o.shown), revenueKept30: o.savedRev30, revenueKept90: o.savedRev90 };
    })
    .sort((a, b) => a.ladderName.localeCompare(b.ladderName) || a.reason.localeCompare(b.reason) || a.currency.localeCompare(b.currency));
  const lift = currencies.flatMap((currency): RetentionLift[] => {
    const offered = input.groups.find((g) => g.currency === currency && g.group === "offered");
    const holdout = input.groups.find((g) => g.currency === currency && g.group === "holdout");
    if (!offered || !holdout) return [];
    return [{
      currency,
      offeredN: offered.attempts,
      holdoutN: holdout.attempts,
      retention: meanDifference(proportionSummary(offered.retained, offered.attempts), proportionSummary(holdout.retained, holdout.attempts)),
      revenue30: meanDifference(sample(offered.attempts, offered.rev30, offered.rev30Sq), sample(holdout.attempts, holdout.rev30, holdout.rev30Sq)),
    }];
  });
  const reasons = [...new Set(input.reasonDays.map((r) => r.reason))].sort().map((reason) => {
    const perDay = input.days.map((day) => input.reasonDays.filter((r) => r.reason === reason && r.day === day).reduce((s, r) => s + r.attempts, 0));
    return { reason, total: perDay.reduce((s, n) => s + n, 0), perDay };
  });
  return { attempts, saves, cancels: sumOf("cancels"), saveRate: ratio(saves, attempts), revenueKept, offers, lift, reasons: { days: input.days, rows: reasons } };
}
