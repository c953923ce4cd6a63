"use client";
import { useTranslations } from "next-intl";
import { DOWNGRADE_PRORATION_MODES, ladderSchema, PRORATION_MODES, rankingSchema } from "@/lib/plans/ladder-schema";
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
  const t = useTranslations();
  const prorationLabels: Record<(typeof PRORATION_MODES)[number], string> = {
    PRORATED_IMMEDIATELY: t("console.ladderForm.PRORATED_IMMEDIATELY"),
    DIFFERENCE_IMMEDIATELY: t("console.ladderForm.DIFFERENCE_IMMEDIATELY"),
    FULL_IMMEDIATELY: t("console.ladderForm.FULL_IMMEDIATELY"),
    DO_NOT_BILL: t("console.ladderForm.DO_NOT_BILL"),
  };
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
    <form key={form.key} ref={ref} action={form.formAction} onSubmit={form.onSubmit} noValidate className="space-y-4" aria-label={t("console.ladderForm.label")}>
      {ladderId ? <input type="hidden" name="id" value={ladderId} /> : null}
      <FormMessages failure={form.failure} success={form.success} />
      <Field label={t("console.ladderForm.name")} name="name" id={`${p}-name`} errors={errors}>
        <input id={`${p}-name`} name="name" defaultValue={valueOf(values, "name")} aria-invalid={Boolean(errors.name)} className={inputClass} />
      </Field>
      <div className="grid gap-4 sm:grid-cols-2">
        {select("upgradeProration", t("console.ladderForm.upgradeProration"), PRORATION_MODES, prorationLabels)}
        {select("upgradeOnPaymentFailure", t("console.ladderForm.upgradeOnPaymentFailure"), ["PREVENT_CHANGE", "APPLY_CHANGE"], { PREVENT_CHANGE: t("console.ladderForm.preventChange"), APPLY_CHANGE: t("console.ladderForm.applyChange") })}
        {select("downgradeTiming", t("console.ladderForm.downgradeTiming"), ["NEXT_BILLING_DATE", "IMMEDIATELY"], { NEXT_BILLING_DATE: t("console.ladderForm.nextBillingDate"), IMMEDIATELY: t("console.ladderForm.immediately") })}
        {select("downgradeProration", t("console.ladderForm.downgradeProration"), DOWNGRADE_PRORATION_MODES, prorationLabels)}
      </div>
      <label className="flex items-center gap-2 text-sm">
        <input type="checkbox" name="allowIntervalChange" defaultChecked={valueOf(values, "allowIntervalChange") === "on"} /> {t("console.ladderForm.allowInterval")}
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
  const t = useTranslations();
  const plans = byLadderRank(unordered);
  const initial = Object.fromEntries(plans.map((p) => [`rank.${p.id}`, p.rank === null ? "" : String(p.rank)]));
  const { ref, ...form } = useValidatedForm(action, rankingSchema, initial);
  const { errors, values } = form;
  return (
    <form key={form.key} ref={ref} action={form.formAction} onSubmit={form.onSubmit} noValidate className="space-y-3" aria-label={t("console.ladderForm.rankingLabel")}>
      <input type="hidden" name="id" value={ladderId} />
      <FormMessages failure={form.failure} success={form.success} />
      <div className="divide-y divide-slate-100 rounded-md border border-slate-200">
        {plans.map((plan) => {
          const name = `rank.${plan.id}`;
          const errorId = `${ladderId}-rank-${plan.id}-error`;
          return (
          <div key={plan.id} className="flex items-center justify-between gap-3 px-3 py-2 text-sm">
            <div>
              <span id={`${ladderId}-rank-${plan.id}-name`} className="font-medium" data-merchant-copy>{plan.name}</span> <span className="text-slate-600">{plan.priceLabel}</span>
              {plan.otherLadder ? <p className="text-xs text-amber-700">{t.rich("console.ladderForm.otherLadder", { name: plan.otherLadder, ladder: (chunks) => <span data-merchant-copy>{chunks}</span> })}</p> : null}
              <FieldError errors={errors} name={name} id={errorId} />
            </div>
            <div className="w-20 shrink-0">
              {/* Named "Rank of <plan>" from two elements: our words, then the plan's name as the merchant wrote it. */}
              <span id={`${ladderId}-rank-${plan.id}-label`} className="sr-only">{t("console.ladderForm.rankOf")}</span>
              <input name={name} defaultValue={valueOf(values, name)} inputMode="numeric" placeholder="—" aria-labelledby={`${ladderId}-rank-${plan.id}-label ${ladderId}-rank-${plan.id}-name`} className={inputClass} {...invalidProps(errorId, Boolean(errors[name]?.length))} />
            </div>
          </div>
          );
        })}
      </div>
      <SubmitButton pending={form.pending} variant="secondary">{t("console.ladderForm.saveRanking")}</SubmitButton>
    </form>
  );
}
