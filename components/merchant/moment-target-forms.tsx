"use client";
import { useTranslations } from "next-intl";
import type { FormState } from "@/lib/forms/state";
import { KNOWN_MOMENTS, momentTargetSchema } from "@/lib/offers/moment-targeting";
import { Field, FormMessages, inputClass, SubmitButton } from "./fields";
import { useValidatedForm, valueOf } from "./use-validated-form";

type Action = (prev: FormState, form: FormData) => Promise<FormState>;

/** Where in the merchant's app an offer shows: a moment their app reports, and conditions on its properties. */
export function MomentTargetForm({ action, offerId }: { action: Action; offerId: string }) {
  const t = useTranslations();
  const form = useValidatedForm(action, momentTargetSchema, { name: "usage_milestone", conditions: "" });
  const { errors, values, ref } = form;
  return (
    <form key={form.key} ref={ref} action={form.formAction} onSubmit={form.onSubmit} noValidate className="space-y-3" aria-label={t("console.moment.formLabel")} data-testid="moment-target-form">
      <input type="hidden" name="id" value={offerId} />
      <FormMessages failure={form.failure} success={form.success} />
      <div className="grid gap-3 sm:grid-cols-2">
        <Field label={t("console.moment.moment")} name="name" id="moment-name" hint={t("console.moment.momentHint", { known: KNOWN_MOMENTS.join(", ") })} errors={errors}>
          <input id="moment-name" name="name" list="known-moments" defaultValue={valueOf(values, "name")} className={inputClass} />
        </Field>
        <Field label={t("console.moment.conditions")} name="conditions" id="moment-conditions" hint={t("console.moment.conditionsHint")} errors={errors}>
          <textarea id="moment-conditions" name="conditions" rows={3} defaultValue={valueOf(values, "conditions")} className={inputClass} />
        </Field>
      </div>
      <datalist id="known-moments">{KNOWN_MOMENTS.map((m) => <option key={m} value={m} />)}</datalist>
      <SubmitButton pending={form.pending} variant="secondary">{t("console.moment.submit")}</SubmitButton>
    </form>
  );
}
