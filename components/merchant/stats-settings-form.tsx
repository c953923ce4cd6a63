"use client";
import { useTranslations } from "next-intl";
import { statsSettingsSchema } from "@/lib/stats/settings-schema";
import type { FormState } from "@/lib/forms/state";
import { Field, FormMessages, inputClass, SubmitButton } from "./fields";
import { useValidatedForm, valueOf } from "./use-validated-form";

type Props = { action: (prev: FormState, form: FormData) => Promise<FormState>; initialValues: Record<string, string> };

/** "Count revenue after N days": how long an accepted offer's payment waits before it is revenue. */
export function StatsSettingsForm({ action, initialValues }: Props) {
  const t = useTranslations();
  const { ref, ...form } = useValidatedForm(action, statsSettingsSchema, initialValues);
  const { errors, values } = form;
  return (
    <form key={form.key} ref={ref} action={form.formAction} onSubmit={form.onSubmit} noValidate className="max-w-xl space-y-3" aria-label={t("console.statsSettings.label")}>
      <FormMessages failure={form.failure} success={form.success} />
      <Field
        label={t("console.statsSettings.days")}
        name="revenueMaturityDays"
        hint={t("console.statsSettings.daysHint")}
        errors={errors}
      >
        <input id="revenueMaturityDays" name="revenueMaturityDays" inputMode="numeric" defaultValue={valueOf(values, "revenueMaturityDays")} aria-invalid={Boolean(errors.revenueMaturityDays)} className={`${inputClass} max-w-28`} />
      </Field>
      <SubmitButton pending={form.pending}>{t("console.statsSettings.save")}</SubmitButton>
    </form>
  );
}
