"use client";
import { useTranslations } from "next-intl";
import { Field, FieldError, FormMessages, inputClass, SubmitButton } from "@/components/merchant/fields";
import { listOf, useValidatedForm, valueOf } from "@/components/merchant/use-validated-form";
import type { FormState } from "@/lib/forms/state";
import { endpointSchema } from "@/lib/outbound/endpoint-schema";
import { EVENT_TYPES, type EventType } from "@/lib/outbound/event-types";

/** What each event means, in the console's language. */
function EventDescription({ type }: { type: EventType }) {
  const t = useTranslations();
  switch (type) {
    case "entitlement.granted":
      return t("console.endpointForm.entitlementGranted");
    case "entitlement.revoked":
      return t("console.endpointForm.entitlementRevoked");
    case "offer.accepted":
      return t("console.endpointForm.offerAccepted");
    case "offer.declined":
      return t("console.endpointForm.offerDeclined");
    case "plan_change.applied":
      return t("console.endpointForm.planChangeApplied");
    case "plan_change.scheduled":
      return t("console.endpointForm.planChangeScheduled");
  }
}

/** A webhook endpoint's URL, note and the event types it receives. */
export function EndpointForm({ action, endpointId, initialValues, submitLabel }: {
  action: (prev: FormState, form: FormData) => Promise<FormState>;
  endpointId?: string;
  initialValues: Record<string, string | string[]>;
  submitLabel: string;
}) {
  const t = useTranslations();
  const form = useValidatedForm(action, endpointSchema, initialValues);
  const { errors, values } = form;
  const p = endpointId ?? "new";
  const chosen = listOf(values, "eventTypes");
  return (
    <form key={form.key} action={form.formAction} onSubmit={form.onSubmit} noValidate className="space-y-4" aria-label={t("console.endpointForm.label")}>
      {endpointId ? <input type="hidden" name="id" value={endpointId} /> : null}
      <FormMessages failure={form.failure} success={form.success} />
      <Field label={t("console.endpointForm.url")} name="url" id={`${p}-url`} errors={errors} hint={t("console.endpointForm.urlHint")}>
        <input id={`${p}-url`} name="url" type="url" inputMode="url" placeholder="https://app.example.com/webhooks/encore" defaultValue={valueOf(values, "url")} aria-invalid={Boolean(errors.url)} aria-describedby={errors.url ? "url-error" : undefined} className={inputClass} />
      </Field>
      <Field label={t("console.endpointForm.description")} name="description" id={`${p}-description`} errors={errors}>
        <input id={`${p}-description`} name="description" defaultValue={valueOf(values, "description")} className={inputClass} />
      </Field>
      <fieldset aria-describedby={errors.eventTypes ? "eventTypes-error" : undefined}>
        <legend className="mb-1 block text-sm font-medium text-slate-700">{t("console.endpointForm.events")}</legend>
        <div className="space-y-1">
          {EVENT_TYPES.map((type) => (
            <label key={type} className="flex items-start gap-2 text-sm">
              <input type="checkbox" name="eventTypes" value={type} defaultChecked={chosen.includes(type)} className="mt-1" />
              <span><span className="font-mono">{type}</span> <span className="text-slate-600">— <EventDescription type={type} /></span></span>
            </label>
          ))}
        </div>
        <FieldError errors={errors} name="eventTypes" />
      </fieldset>
      <SubmitButton pending={form.pending} variant={endpointId ? "secondary" : "primary"}>{submitLabel}</SubmitButton>
    </form>
  );
}
