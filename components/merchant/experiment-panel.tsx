// A funnel step's experiment: each variant's take rate, its difference from the best other
// variant with the 95% interval, the suggested winner once clear, and one click to keep only it.
import type { FormState } from "@/lib/forms/state";
import type { Verdict } from "@/lib/experiments/significance";
import { formatCount, formatPoints, formatRate } from "@/lib/stats/format";
import { ActionButton } from "./action-button";
import { Badge, tableClass, tdClass, thClass } from "./ui";

type Props = { stepId: string; stepName: string; verdict: Verdict; offerNames: Map<string, string>; keepOnly: (prev: FormState, form: FormData) => Promise<FormState> };

export function ExperimentPanel({ stepId, stepName, verdict, offerNames, keepOnly }: Props) {
  if (verdict.arms.length < 2) return null;
  const winner = verdict.arms.find((a) => a.variantId === verdict.winner);
  return (
    <section aria-label={`Experiment in ${stepName}`} data-testid="experiment" className="space-y-3">
      <div className="overflow-x-auto rounded-md border border-slate-200">
        <table className={tableClass}>
          <thead className="bg-slate-50"><tr><th className={thClass}>Variant</th><th className={thClass}>Impressions</th><th className={thClass}>Accepts</th><th className={thClass}>Take rate</th><th className={thClass}>Vs best other (95%)</th></tr></thead>
          <tbody className="divide-y divide-slate-100">
            {verdict.arms.map((a) => (
              <tr key={a.variantId} data-testid="experiment-arm" data-label={a.label}>
                <td className={tdClass}>{a.label}: {offerNames.get(a.variantId)}</td>
                <td className={tdClass}>{formatCount(a.impressions)}</td>
                <td className={tdClass}>{formatCount(a.accepts)}</td>
                <td className={tdClass}>{formatRate(a.takeRate)}</td>
                <td className={tdClass}>
                  {a.vsBestOther ? <>{formatPoints(a.vsBestOther.estimate)} <span className="text-xs text-slate-600">({formatPoints(a.vsBestOther.low)} to {formatPoints(a.vsBestOther.high)})</span> {a.significant ? <Badge tone={a.vsBestOther.low > 0 ? "green" : "amber"}>significant</Badge> : <Badge>not significant</Badge>}</> : "—"}
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
      <p className="text-sm text-slate-700" data-testid="experiment-verdict">{verdict.why}</p>
      {winner ? (
        <ActionButton action={keepOnly} fields={{ stepId, variantId: winner.variantId }} label={`Make ${winner.label} the only variant`} pendingLabel="Saving…" tone="primary" />
      ) : null}
    </section>
  );
}
