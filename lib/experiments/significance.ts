// Which variant of a step wins, and how sure we are: each variant's take rate against the best
// other variant, as a difference with its 95% interval (Welch normal approximation, the stats
// page's own math in lib/stats/math.ts). Pure.
//
// A winner is suggested only when it is clear: every live variant has at least MIN_IMPRESSIONS
// impressions, the leader's take rate beats every other variant's with an interval above zero,
// and the leader does not earn less per impression (a cheaper offer taken more often is not a
// win). Looking again and again inflates false positives; the minimum sample is the guard kept
// simple here, and the page says the result is a suggestion.
import { DEFAULT_LOCALE, type Locale } from "@/lib/i18n/locales";
import { translator } from "@/lib/i18n/translator";
import { isSignificant, meanDifference, proportionSummary, type Interval } from "@/lib/stats/math";

export const MIN_IMPRESSIONS = 100;

export type Arm = { variantId: string; label: string; impressions: number; accepts: number; /** Accepted value per impression, minor units; null when unknown. */ valuePerImpression: number | null };

export type ArmResult = Arm & {
  takeRate: number | null;
  /** This arm minus the best other arm (take rate, as a fraction), with its 95% interval. */
  vsBestOther: Interval | null;
  significant: boolean;
};

export type Verdict = { arms: ArmResult[]; winner: string | null; why: string };

const rate = (a: Arm) => (a.impressions > 0 ? a.accepts / a.impressions : null);

/** The verdict, its `why` worded in `locale`. */
export function judgeExperiment(arms: readonly Arm[], locale: Locale = DEFAULT_LOCALE): Verdict {
  const t = translator(locale);
  const results: ArmResult[] = arms.map((arm) => {
    const others = arms.filter((o) => o.variantId !== arm.variantId);
    const best = others.reduce<Arm | null>((b, o) => ((rate(o) ?? -1) > (b ? (rate(b) ?? -1) : -1) ? o : b), null);
    const diff = best ? meanDifference(proportionSummary(arm.accepts, arm.impressions), proportionSummary(best.accepts, best.impressions)) : null;
    return { ...arm, takeRate: rate(arm), vsBestOther: diff?.difference ?? null, significant: diff ? isSignificant(diff.difference) : false };
  });
  if (arms.length < 2) return { arms: results, winner: null, why: t("console.experiment.onlyOne") };
  const small = arms.filter((a) => a.impressions < MIN_IMPRESSIONS);
  if (small.length) return { arms: results, winner: null, why: t("console.experiment.tooEarly", { min: MIN_IMPRESSIONS, labels: small.map((a) => a.label).join(", "), count: small.length }) };
  const leader = results.find((r) => r.vsBestOther !== null && r.vsBestOther.low > 0);
  if (!leader) return { arms: results, winner: null, why: t("console.experiment.noWinner") };
  const earnsLess = arms.some((a) => a.variantId !== leader.variantId && a.valuePerImpression !== null && leader.valuePerImpression !== null && a.valuePerImpression > leader.valuePerImpression);
  if (earnsLess) return { arms: results, winner: null, why: t("console.experiment.earnsLess", { label: leader.label }) };
  return { arms: results, winner: leader.variantId, why: t("console.experiment.winner", { label: leader.label }) };
}
