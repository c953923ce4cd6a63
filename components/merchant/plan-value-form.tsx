"use client";
// What a plan includes (one feature per line) and its badge: the plan page and upgrade offers
// show customers what a move gains and loses from these lists.
import { useTranslations } from "next-intl";
import { MAX_FEATURES, planValueSchema } from "@/lib/plans/plan-value-schema";
import type { FormState } from "@/lib/forms/state";
import { Field, FormMessages, inputClass, SubmitButton } from "./fields";
import { useValidatedForm, valueOf } from "./use-validated-form";

type Props = { action: (prev: FormState, form: FormData) => Promise<FormState>; plan: { id: string; name: string; features: string[]; badge: string | null } };

export function PlanValueForm({ action, plan }: Props) {
  const t = useTranslations();
  const { ref, ...form } = useValidatedForm(action, planValueSchema, { productId: plan.id, features: plan.features.join("\n"), badge: plan.badge ?? "" });
  const { errors, values } = form;
  const id = (name: string) => `${plan.id}-${name}`;
  return (
    <form key={form.key} ref={ref} action={form.formAction} onSubmit={form.onSubmit} noValidate className="space-y-3" aria-labelledby={`${id("features")}-label`}>
      <input type="hidden" name="productId" value={plan.id} />
      <FormMessages failure={form.failure} success={form.success} />
      <Field label={t.rich("console.planValue.includes", { name: plan.name, plan: (chunks) => <span data-merchant-copy>{chunks}</span> })} name="features" id={id("features")} hint={t("console.planValue.featuresHint", { max: MAX_FEATURES })} errors={errors}>
        <textarea id={id("features")} name="features" rows={4} defaultValue={valueOf(values, "features")} className={inputClass} />
      </Field>
      <Field label={t("console.planValue.badge")} name="badge" id={id("badge")} hint={t("console.planValue.badgeHint")} errors={errors}>
        <input id={id("badge")} name="badge" defaultValue={valueOf(values, "badge")} className={inputClass} />
      </Field>
      <SubmitButton pending={form.pending} variant="secondary">{t("console.planValue.save")}</SubmitButton>
    </form>
  );
}
