"use client";
import { statsSettingsSchema } from "@/lib/stats/settings-schema";
import type { FormState } from "@/lib/forms/state";
import { Field, FormMessages, inputClass, SubmitButton } from "./fields";
import { useValidatedForm, valueOf } from "./use-validated-form";

type Props = { action: (prev: FormState, form: FormData) => Promise<FormState>; initialValues: Record<string, string> };

/** "Count revenue after N days": how long an accepted offer's payment waits before it is revenue. */
export function StatsSettingsForm({ action, initialValues }: Props) {
  const { ref, ...form } = useValidatedForm(action, statsSettingsSchema, initialValues);
  const { errors, values } = form;
  return (
    <form key={form.key} ref={ref} action={form.formAction} onSubmit={form.onSubmit} noValidate className="max-w-xl space-y-3" aria-label="Counting revenue">
      <FormMessages failure={form.failure} success={form.success} />
      <Field
        label="Count revenue after (days)"
        name="revenueMaturityDays"
        hint="0 counts a payment at once. With e.g. 14, a payment is shown as pending until it is 14 days old, so refunds in your refund window never inflate revenue, lift or order value."
        errors={errors}
      >
        <input id="revenueMaturityDays" name="revenueMaturityDays" inputMode="numeric" defaultValue={valueOf(values, "revenueMaturityDays")} aria-invalid={Boolean(errors.revenueMaturityDays)} className={`${inputClass} max-w-28`} />
      </Field>
      <SubmitButton pending={form.pending}>Save</SubmitButton>
    </form>
  );
}
