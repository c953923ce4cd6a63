"use client";
import { edgesSchema, funnelSchema, MAX_VARIANTS, stepSchema, VARIANT_LABELS } from "@/lib/offers/funnel-schema";
import type { FormState } from "@/lib/forms/state";
import { Field, FieldError, FormMessages, inputClass, SubmitButton } from "./fields";
import { listOf, useValidatedForm, valueOf } from "./use-validated-form";

type Action = (prev: FormState, form: FormData) => Promise<FormState>;

export function FunnelForm({ action, funnelId, initialValues = { windowMinutes: "15" }, submitLabel }: { action: Action; funnelId?: string; initialValues?: Record<string, string>; submitLabel: string }) {
  const form = useValidatedForm(action, funnelSchema, initialValues);
  const { errors, values } = form;
  return (
    <form key={form.key} action={form.formAction} onSubmit={form.onSubmit} noValidate className="space-y-4" aria-label="Funnel">
      {funnelId ? <input type="hidden" name="id" value={funnelId} /> : null}
      <FormMessages failure={form.failure} success={form.success} />
      <div className="grid gap-4 sm:grid-cols-2">
        <Field label="Name" name="name" errors={errors}>
          <input id="name" name="name" defaultValue={valueOf(values, "name")} aria-invalid={Boolean(errors.name)} className={inputClass} />
        </Field>
        <Field label="Offer window (minutes)" name="windowMinutes" hint="How long after checkout the offers stay open." errors={errors}>
          <input id="windowMinutes" name="windowMinutes" inputMode="numeric" defaultValue={valueOf(values, "windowMinutes")} aria-invalid={Boolean(errors.windowMinutes)} className={inputClass} />
        </Field>
      </div>
      <SubmitButton pending={form.pending}>{submitLabel}</SubmitButton>
    </form>
  );
}

export type OfferOption = { id: string; name: string; active: boolean };

/** A step and its experiment: variants (offer + weight) and the holdout share that sees nothing. */
export function StepForm({ action, funnelId, stepId, offers, initialValues, submitLabel }: {
  action: Action; funnelId?: string; stepId?: string; offers: OfferOption[]; initialValues?: Record<string, string | string[]>; submitLabel: string;
}) {
  const form = useValidatedForm(action, stepSchema, initialValues ?? { holdoutBps: "0", variantWeight: ["100"] });
  const { errors, values } = form;
  const chosen = listOf(values, "variantOffer");
  const weights = listOf(values, "variantWeight");
  const prefix = stepId ?? "new";
  return (
    <form key={form.key} action={form.formAction} onSubmit={form.onSubmit} noValidate className="space-y-4" aria-label={stepId ? "Edit step" : "Add step"}>
      {funnelId ? <input type="hidden" name="funnelId" value={funnelId} /> : null}
      {stepId ? <input type="hidden" name="stepId" value={stepId} /> : null}
      <FormMessages failure={form.failure} success={form.success} />
      <div className="grid gap-4 sm:grid-cols-2">
        <Field label="Step name" name="name" id={`${prefix}-name`} errors={errors}>
          <input id={`${prefix}-name`} name="name" defaultValue={valueOf(values, "name")} aria-invalid={Boolean(errors.name)} className={inputClass} />
        </Field>
        <Field label="Holdout (%)" name="holdoutBps" id={`${prefix}-holdoutBps`} hint="Share of customers who see no offer here, to measure lift." errors={errors}>
          <input id={`${prefix}-holdoutBps`} name="holdoutBps" inputMode="decimal" defaultValue={valueOf(values, "holdoutBps", "0")} aria-invalid={Boolean(errors.holdoutBps)} className={inputClass} />
        </Field>
      </div>
      <fieldset>
        <legend className="mb-2 text-sm font-medium text-slate-700">Variants (weights split the customers who are not held out)</legend>
        <div className="space-y-2">
          {Array.from({ length: MAX_VARIANTS }, (_, i) => (
            <div key={i} className="grid grid-cols-[2rem_1fr_7rem] items-start gap-2">
              <span className="pt-2 text-sm font-semibold text-slate-500">{VARIANT_LABELS[i]}</span>
              <div>
                <select name="variantOffer" defaultValue={chosen[i] ?? ""} aria-label={`Variant ${VARIANT_LABELS[i]} offer`} className={inputClass}>
                  <option value="">{i === 0 ? "Choose an offer…" : "— unused —"}</option>
                  {offers.map((o) => <option key={o.id} value={o.id}>{o.name}{o.active ? "" : " (paused)"}</option>)}
                </select>
                <FieldError errors={errors} name={`variantOffer.${i}`} />
              </div>
              <div>
                <input name="variantWeight" inputMode="decimal" defaultValue={weights[i] ?? ""} placeholder="%" aria-label={`Variant ${VARIANT_LABELS[i]} weight (%)`} className={inputClass} />
                <FieldError errors={errors} name={`variantWeight.${i}`} />
              </div>
            </div>
          ))}
        </div>
        <FieldError errors={errors} name="variantWeight" />
        <FieldError errors={errors} name="variantOffer" />
      </fieldset>
      <SubmitButton pending={form.pending}>{submitLabel}</SubmitButton>
    </form>
  );
}

export type StepOption = { id: string; name: string; position: number };

const EDGES = [
  { name: "onAcceptStepId", label: "When accepted" },
  { name: "onDeclineStepId", label: "When declined (downsell)" },
  { name: "onFailStepId", label: "When the payment fails" },
] as const;

/** Where a customer goes next from a step, for each outcome. */
export function EdgesForm({ action, stepId, steps, initialValues }: { action: Action; stepId: string; steps: StepOption[]; initialValues: Record<string, string> }) {
  const form = useValidatedForm(action, edgesSchema, initialValues);
  const { errors, values } = form;
  return (
    <form key={form.key} action={form.formAction} onSubmit={form.onSubmit} noValidate className="space-y-3" aria-label="Step paths">
      <input type="hidden" name="stepId" value={stepId} />
      <FormMessages failure={form.failure} success={form.success} />
      <div className="grid gap-3 sm:grid-cols-3">
        {EDGES.map((edge) => (
          <Field key={edge.name} label={edge.label} name={edge.name} id={`${stepId}-${edge.name}`} errors={errors}>
            <select id={`${stepId}-${edge.name}`} name={edge.name} defaultValue={valueOf(values, edge.name)} className={inputClass}>
              <option value="">End the funnel</option>
              {steps.filter((s) => s.id !== stepId).map((s) => <option key={s.id} value={s.id}>Step {s.position}: {s.name}</option>)}
            </select>
          </Field>
        ))}
      </div>
      <SubmitButton pending={form.pending} variant="secondary">Save paths</SubmitButton>
    </form>
  );
}
