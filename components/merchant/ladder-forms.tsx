"use client";
import { DOWNGRADE_PRORATION_MODES, ladderSchema, PRORATION_LABELS, PRORATION_MODES, rankingSchema } from "@/lib/plans/ladder-schema";
import type { FormState } from "@/lib/forms/state";
import { Field, FieldError, FormMessages, inputClass, invalidProps, SubmitButton } from "./fields";
import { useValidatedForm, valueOf } from "./use-validated-form";

type Action = (prev: FormState, form: FormData) => Promise<FormState>;

export const DEFAULT_POLICY = {
  upgradeProration: "DIFFERENCE_IMMEDIATELY",
  upgradeOnPaymentFailure: "PREVENT_CHANGE",
  downgradeTiming: "NEXT_BILLING_DATE",
  downgradeProration: "DIFFERENCE_IMMEDIATELY",
  allowIntervalChange: "on",
};

/** A plan ladder's name and plan-change policy (how upgrades and downgrades are billed and timed). */
export function LadderForm({ action, ladderId, initialValues = DEFAULT_POLICY, submitLabel }: { action: Action; ladderId?: string; initialValues?: Record<string, string>; submitLabel: string }) {
  const { ref, ...form } = useValidatedForm(action, ladderSchema, initialValues);
  const { errors, values } = form;
  const p = ladderId ?? "new";
  const select = (name: string, label: string, options: readonly string[], labels: Record<string, string>) => (
    <Field label={label} name={name} id={`${p}-${name}`} errors={errors}>
      <select id={`${p}-${name}`} name={name} defaultValue={valueOf(values, name)} className={inputClass}>
        {options.map((o) => <option key={o} value={o}>{labels[o] ?? o}</option>)}
      </select>
    </Field>
  );
  return (
    <form key={form.key} ref={ref} action={form.formAction} onSubmit={form.onSubmit} noValidate className="space-y-4" aria-label="Plan ladder">
      {ladderId ? <input type="hidden" name="id" value={ladderId} /> : null}
      <FormMessages failure={form.failure} success={form.success} />
      <Field label="Ladder name" name="name" id={`${p}-name`} errors={errors}>
        <input id={`${p}-name`} name="name" defaultValue={valueOf(values, "name")} aria-invalid={Boolean(errors.name)} className={inputClass} />
      </Field>
      <div className="grid gap-4 sm:grid-cols-2">
        {select("upgradeProration", "Upgrades are billed", PRORATION_MODES, PRORATION_LABELS)}
        {select("upgradeOnPaymentFailure", "If the upgrade payment fails", ["PREVENT_CHANGE", "APPLY_CHANGE"], { PREVENT_CHANGE: "Keep the current plan", APPLY_CHANGE: "Switch anyway (subscription goes on hold)" })}
        {select("downgradeTiming", "Downgrades take effect", ["NEXT_BILLING_DATE", "IMMEDIATELY"], { NEXT_BILLING_DATE: "At the next billing date", IMMEDIATELY: "Immediately" })}
        {select("downgradeProration", "Immediate downgrades are billed", DOWNGRADE_PRORATION_MODES, PRORATION_LABELS)}
      </div>
      <label className="flex items-center gap-2 text-sm">
        <input type="checkbox" name="allowIntervalChange" defaultChecked={valueOf(values, "allowIntervalChange") === "on"} /> Allow moves between monthly and yearly plans
      </label>
      <SubmitButton pending={form.pending} variant={ladderId ? "secondary" : "primary"}>{submitLabel}</SubmitButton>
    </form>
  );
}

export type RankablePlan = { id: string; name: string; priceLabel: string; rank: number | null; otherLadder: string | null };

/** The ladder's plans by rank (entry plan first), then the plans not in it, by name. */
export function byLadderRank(plans: readonly RankablePlan[]): RankablePlan[] {
  return [...plans].sort((a, b) => (a.rank ?? Infinity) - (b.rank ?? Infinity) || a.name.localeCompare(b.name));
}

/** Which plans belong to the ladder and in what order (1 = entry plan, higher = more capable). */
export function RankingForm({ action, ladderId, plans: unordered }: { action: Action; ladderId: string; plans: RankablePlan[] }) {
  const plans = byLadderRank(unordered);
  const initial = Object.fromEntries(plans.map((p) => [`rank.${p.id}`, p.rank === null ? "" : String(p.rank)]));
  const { ref, ...form } = useValidatedForm(action, rankingSchema, initial);
  const { errors, values } = form;
  return (
    <form key={form.key} ref={ref} action={form.formAction} onSubmit={form.onSubmit} noValidate className="space-y-3" aria-label="Plan ranking">
      <input type="hidden" name="id" value={ladderId} />
      <FormMessages failure={form.failure} success={form.success} />
      <div className="divide-y divide-slate-100 rounded-md border border-slate-200">
        {plans.map((plan) => {
          const name = `rank.${plan.id}`;
          const errorId = `${ladderId}-rank-${plan.id}-error`;
          return (
          <div key={plan.id} className="flex items-center justify-between gap-3 px-3 py-2 text-sm">
            <div>
              <span className="font-medium">{plan.name}</span> <span className="text-slate-600">{plan.priceLabel}</span>
              {plan.otherLadder ? <p className="text-xs text-amber-700">Now in “{plan.otherLadder}”; ranking it here moves it.</p> : null}
              <FieldError errors={errors} name={name} id={errorId} />
            </div>
            <div className="w-20 shrink-0">
              <input name={name} defaultValue={valueOf(values, name)} inputMode="numeric" placeholder="—" aria-label={`Rank of ${plan.name}`} className={inputClass} {...invalidProps(errorId, Boolean(errors[name]?.length))} />
            </div>
          </div>
          );
        })}
      </div>
      <SubmitButton pending={form.pending} variant="secondary">Save ranking</SubmitButton>
    </form>
  );
}
