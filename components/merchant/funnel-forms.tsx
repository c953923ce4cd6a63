"use client";
import { useTranslations } from "next-intl";
import { funnelSchema, MAX_VARIANTS, stepEditSchema, stepSchema, VARIANT_LABELS } from "@/lib/offers/funnel-schema";
import type { FormState } from "@/lib/forms/state";
import { describedBy, Field, FieldError, FormMessages, inputClass, SubmitButton } from "./fields";
import { listOf, useValidatedForm, valueOf } from "./use-validated-form";

type Action = (prev: FormState, form: FormData) => Promise<FormState>;

export function FunnelForm({ action, funnelId, initialValues = { windowMinutes: "15" }, submitLabel }: { action: Action; funnelId?: string; initialValues?: Record<string, string>; submitLabel: string }) {
  const t = useTranslations();
  const { ref, ...form } = useValidatedForm(action, funnelSchema, initialValues);
  const { errors, values } = form;
  return (
    <form key={form.key} ref={ref} action={form.formAction} onSubmit={form.onSubmit} noValidate className="space-y-4" aria-label={t("console.funnelForm.label")}>
      {funnelId ? <input type="hidden" name="id" value={funnelId} /> : null}
      <FormMessages failure={form.failure} success={form.success} />
      <div className="grid gap-4 sm:grid-cols-2">
        <Field label={t("console.funnelForm.name")} name="name" errors={errors}>
          <input id="name" name="name" defaultValue={valueOf(values, "name")} className={inputClass} />
        </Field>
        <Field label={t("console.funnelForm.window")} name="windowMinutes" hint={t("console.funnelForm.windowHint")} errors={errors}>
          <input id="windowMinutes" name="windowMinutes" inputMode="numeric" defaultValue={valueOf(values, "windowMinutes")} className={inputClass} />
        </Field>
      </div>
      <SubmitButton pending={form.pending}>{submitLabel}</SubmitButton>
    </form>
  );
}

export type OfferOption = { id: string; name: string; active: boolean };
export type StepOption = { id: string; name: string; position: number };

const EDGES = ["onAcceptStepId", "onDeclineStepId", "onFailStepId"] as const;

/** An existing step's place in its funnel: the other steps its paths may lead to, and whether customers start here. */
export type StepPlacement = { stepId: string; steps: StepOption[]; isEntry: boolean };

/**
 * A step and its experiment: variants (offer + weight) and the holdout share that sees nothing.
 * For an existing step (`placement`) the same form also sets where each outcome leads and the
 * entry step, so a step has one save button.
 */
export function StepForm({ action, funnelId, placement, offers, initialValues, submitLabel }: {
  action: Action; funnelId?: string; placement?: StepPlacement; offers: OfferOption[]; initialValues?: Record<string, string | string[]>; submitLabel: string;
}) {
  const t = useTranslations();
  const { ref, ...form } = useValidatedForm(action, placement ? stepEditSchema : stepSchema, initialValues ?? { holdoutBps: "0", variantWeight: ["100"] });
  const { errors, values } = form;
  const chosen = listOf(values, "variantOffer");
  const weights = listOf(values, "variantWeight");
  const prefix = placement?.stepId ?? "new";
  // A row's control is invalid with its own error, or with an error about all used rows (the
  // weights' sum, a repeated offer), and is described by both.
  const rowProps = (name: "variantOffer" | "variantWeight", i: number, used: boolean) => {
    const own = Boolean(errors[`${name}.${i}`]?.length);
    const group = used && Boolean(errors[name]?.length);
    return { "aria-invalid": own || group || undefined, "aria-describedby": describedBy(own && `${prefix}-${name}-${i}-error`, group && `${prefix}-${name}-error`) };
  };
  return (
    <form key={form.key} ref={ref} action={form.formAction} onSubmit={form.onSubmit} noValidate className="space-y-4" aria-label={placement ? t("console.stepForm.editLabel") : t("console.stepForm.addLabel")}>
      {funnelId ? <input type="hidden" name="funnelId" value={funnelId} /> : null}
      {placement ? <input type="hidden" name="stepId" value={placement.stepId} /> : null}
      <FormMessages failure={form.failure} success={form.success} />
      <div className="grid gap-4 sm:grid-cols-2">
        <Field label={t("console.stepForm.name")} name="name" id={`${prefix}-name`} errors={errors}>
          <input id={`${prefix}-name`} name="name" defaultValue={valueOf(values, "name")} className={inputClass} />
        </Field>
        <Field label={t("console.stepForm.holdout")} name="holdoutBps" id={`${prefix}-holdoutBps`} hint={t("console.stepForm.holdoutHint")} errors={errors}>
          <input id={`${prefix}-holdoutBps`} name="holdoutBps" inputMode="decimal" defaultValue={valueOf(values, "holdoutBps", "0")} className={inputClass} />
        </Field>
      </div>
      <fieldset>
        <legend className="mb-2 text-sm font-medium text-slate-700">{t("console.stepForm.variants")}</legend>
        <div className="space-y-2">
          {Array.from({ length: MAX_VARIANTS }, (_, i) => {
            const used = Boolean(chosen[i]);
            return (
              <div key={i} className="grid grid-cols-[2rem_1fr_7rem] items-start gap-2">
                <span className="pt-2 text-sm font-semibold text-slate-600" aria-hidden="true">{VARIANT_LABELS[i]}</span>
                <div>
                  <select name="variantOffer" defaultValue={chosen[i] ?? ""} aria-label={t("console.stepForm.variantOffer", { label: VARIANT_LABELS[i] ?? "" })} className={inputClass} {...rowProps("variantOffer", i, used)}>
                    <option value="">{i === 0 ? t("console.stepForm.chooseOffer") : t("console.stepForm.unused")}</option>
                    {/* Options name the merchant's offers (and steps below): kept whole as merchant copy. */}
                    {offers.map((o) => <option key={o.id} value={o.id} data-merchant-copy>{o.name}{o.active ? "" : ` ${t("console.stepForm.paused")}`}</option>)}
                  </select>
                  <FieldError errors={errors} name={`variantOffer.${i}`} id={`${prefix}-variantOffer-${i}-error`} />
                </div>
                <div>
                  <input name="variantWeight" inputMode="decimal" defaultValue={weights[i] ?? ""} placeholder="%" aria-label={t("console.stepForm.variantWeight", { label: VARIANT_LABELS[i] ?? "" })} className={inputClass} {...rowProps("variantWeight", i, used)} />
                  <FieldError errors={errors} name={`variantWeight.${i}`} id={`${prefix}-variantWeight-${i}-error`} />
                </div>
              </div>
            );
          })}
        </div>
        <FieldError errors={errors} name="variantWeight" id={`${prefix}-variantWeight-error`} />
        <FieldError errors={errors} name="variantOffer" id={`${prefix}-variantOffer-error`} />
      </fieldset>
      {placement ? <StepPaths placement={placement} values={values} errors={errors} /> : null}
      <SubmitButton pending={form.pending}>{submitLabel}</SubmitButton>
    </form>
  );
}

/** Where the customer goes next from this step, and whether the funnel starts here. */
function StepPaths({ placement, values, errors }: { placement: StepPlacement; values: Record<string, string | string[]>; errors: Record<string, string[]> }) {
  const t = useTranslations();
  const { stepId, steps, isEntry } = placement;
  const edgeLabel = (edge: (typeof EDGES)[number]) => (edge === "onAcceptStepId" ? t("console.stepForm.whenAccepted") : edge === "onDeclineStepId" ? t("console.stepForm.whenDeclined") : t("console.stepForm.whenFailed"));
  return (
    <fieldset className="space-y-3">
      <legend className="mb-2 text-sm font-medium text-slate-700">{t("console.stepForm.nextSteps")}</legend>
      <div className="grid gap-3 sm:grid-cols-3">
        {EDGES.map((edge) => (
          <Field key={edge} label={edgeLabel(edge)} name={edge} id={`${stepId}-${edge}`} errors={errors}>
            <select id={`${stepId}-${edge}`} name={edge} defaultValue={valueOf(values, edge)} className={inputClass}>
              <option value="">{t("console.stepForm.endFunnel")}</option>
              {steps.filter((s) => s.id !== stepId).map((s) => <option key={s.id} value={s.id} data-merchant-copy>{t("console.funnelPage.stepNumber", { position: s.position })} {s.name}</option>)}
            </select>
          </Field>
        ))}
      </div>
      {isEntry ? (
        <p className="text-sm text-slate-600">{t("console.stepForm.startsHere")}</p>
      ) : (
        <label className="flex items-center gap-2 text-sm">
          <input type="checkbox" name="entry" defaultChecked={valueOf(values, "entry") === "on"} /> {t("console.stepForm.makeEntry")}
        </label>
      )}
    </fieldset>
  );
}
