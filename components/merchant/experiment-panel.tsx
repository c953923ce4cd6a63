// A funnel step's experiment: each variant's take rate, its difference from the best other
// variant with the 95% interval, the suggested winner once clear, and one click to keep only it.
import { useLocale, useTranslations } from "next-intl";
import type { FormState } from "@/lib/forms/state";
import type { Locale } from "@/lib/i18n/locales";
import type { Verdict } from "@/lib/experiments/significance";
import { formatCount, formatPoints, formatRate } from "@/lib/stats/format";
import { ActionButton } from "./action-button";
import { Badge, tableClass, tdClass, thClass } from "./ui";

type Props = { stepId: string; verdict: Verdict; offerNames: Map<string, string>; keepOnly: (prev: FormState, form: FormData) => Promise<FormState> };

export function ExperimentPanel({ stepId, verdict, offerNames, keepOnly }: Props) {
  const t = useTranslations();
  const locale = useLocale() as Locale;
  if (verdict.arms.length < 2) return null;
  const winner = verdict.arms.find((a) => a.variantId === verdict.winner);
  return (
    <section aria-label={t("console.experiment.label")} data-testid="experiment" className="space-y-3">
      <div className="overflow-x-auto rounded-md border border-slate-200">
        <table className={tableClass}>
          <thead className="bg-slate-50"><tr><th className={thClass}>{t("console.experiment.colVariant")}</th><th className={thClass}>{t("console.experiment.colImpressions")}</th><th className={thClass}>{t("console.experiment.colAccepts")}</th><th className={thClass}>{t("console.experiment.colTakeRate")}</th><th className={thClass}>{t("console.experiment.colVsBest")}</th></tr></thead>
          <tbody className="divide-y divide-slate-100">
            {verdict.arms.map((a) => (
              <tr key={a.variantId} data-testid="experiment-arm" data-label={a.label}>
                <td className={tdClass}>{a.label}: <span data-merchant-copy>{offerNames.get(a.variantId)}</span></td>
                <td className={tdClass}>{formatCount(a.impressions, locale)}</td>
                <td className={tdClass}>{formatCount(a.accepts, locale)}</td>
                <td className={tdClass}>{formatRate(a.takeRate, locale)}</td>
                <td className={tdClass}>
                  {a.vsBestOther ? <>{formatPoints(a.vsBestOther.estimate, locale)} <span className="text-xs text-slate-600">({t("console.stats.interval", { low: formatPoints(a.vsBestOther.low, locale), high: formatPoints(a.vsBestOther.high, locale) })})</span> {a.significant ? <Badge tone={a.vsBestOther.low > 0 ? "green" : "amber"}>{t("console.experiment.significant")}</Badge> : <Badge>{t("console.experiment.notSignificant")}</Badge>}</> : "—"}
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
      <p className="text-sm text-slate-700" data-testid="experiment-verdict">{verdict.why}</p>
      {winner ? (
        <ActionButton action={keepOnly} fields={{ stepId, variantId: winner.variantId }} label={t("console.experiment.makeOnly", { label: winner.label })} pendingLabel={t("console.experiment.saving")} tone="primary" />
      ) : null}
    </section>
  );
}
