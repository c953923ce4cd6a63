"use client";
import { useTranslations } from "next-intl";
import { useState } from "react";
import { holdoutSchema, SAVE_OFFER_KINDS, saveOfferSchema } from "@/lib/retention/save-offer-schema";
import type { FormState } from "@/lib/forms/state";
import type { CancelReason } from "@/lib/generated/prisma/enums";
import { Field, FormMessages, inputClass, SubmitButton } from "./fields";
import { useValidatedForm, valueOf } from "./use-validated-form";

type Action = (prev: FormState, form: FormData) => Promise<FormState>;

export type LadderPlanOption = { id: string; label: string };
/** What each save-offer kind is called ("" is no offer), in the console's language (lib/retention/labels.ts, from the page). */
export type SaveOfferKindLabels = Record<(typeof SAVE_OFFER_KINDS)[number] | "", string>;

/**
 * The save offer a ladder's subscribers see when they give `reason` on the way out. `reasonLabel`
 * is the reason as the customer reads it, in the console's language.
 */
export function SaveOfferForm({ action, ladderId, reason, reasonLabel, kindLabels, plans, initialValues }: { action: Action; ladderId: string; reason: CancelReason; reasonLabel: string; kindLabels: SaveOfferKindLabels; plans: LadderPlanOption[]; initialValues: Record<string, string> }) {
  const t = useTranslations();
  const form = useValidatedForm(action, saveOfferSchema, { reason, ...initialValues });
  const { errors, values } = form;
  const p = `${ladderId}-${reason}`;
  // Only the chosen kind's fields are shown (and sent): a pause has no plan, a cheaper plan no discount.
  const [kind, setKind] = useState(valueOf(values, "kind"));
  const needsPlan = kind === "CHEAPER_PLAN" || kind === "INTERVAL_SWITCH" || kind === "DISCOUNTED_PLAN";
  return (
    <form key={form.key} action={form.formAction} onSubmit={form.onSubmit} noValidate className="space-y-3 py-3" aria-label={t("console.saveOfferForm.label", { reason: reasonLabel })} data-testid="save-offer-form" data-reason={reason}>
      <input type="hidden" name="id" value={ladderId} />
      <input type="hidden" name="reason" value={reason} />
      <p className="text-sm font-medium">{reasonLabel}</p>
      <FormMessages failure={form.failure} success={form.success} />
      <div className="grid gap-3 sm:grid-cols-3">
        <Field label={t("console.saveOfferForm.offer")} name="kind" id={`${p}-kind`} errors={errors}>
          <select id={`${p}-kind`} name="kind" value={kind} onChange={(event) => setKind(event.target.value)} className={inputClass}>
            {(["", ...SAVE_OFFER_KINDS] as const).map((k) => <option key={k} value={k}>{kindLabels[k]}</option>)}
          </select>
        </Field>
        {needsPlan ? (
          <Field label={t("console.saveOfferForm.plan")} name="targetProductId" id={`${p}-target`} errors={errors}>
            <select id={`${p}-target`} name="targetProductId" defaultValue={valueOf(values, "targetProductId")} className={inputClass}>
              <option value="">{kind === "DISCOUNTED_PLAN" ? t("console.saveOfferForm.ownPlan") : t("console.saveOfferForm.choosePlan")}</option>
              {plans.map((plan) => <option key={plan.id} value={plan.id} data-merchant-copy>{plan.label}</option>)}
            </select>
          </Field>
        ) : null}
        {kind === "PAUSE" ? (
          <Field label={t("console.saveOfferForm.pauseCycles")} name="pauseCycles" id={`${p}-cycles`} errors={errors}>
            <input id={`${p}-cycles`} name="pauseCycles" inputMode="numeric" defaultValue={valueOf(values, "pauseCycles")} className={inputClass} />
          </Field>
        ) : null}
        {kind === "DISCOUNTED_PLAN" ? (
          <>
            <Field label={t("console.saveOfferForm.discount")} name="discountPercent" id={`${p}-discount`} errors={errors}>
              <input id={`${p}-discount`} name="discountPercent" inputMode="decimal" defaultValue={valueOf(values, "discountPercent")} className={inputClass} />
            </Field>
            <Field label={t("console.saveOfferForm.discountCycles")} name="discountCycles" id={`${p}-discount-cycles`} errors={errors}>
              <input id={`${p}-discount-cycles`} name="discountCycles" inputMode="numeric" defaultValue={valueOf(values, "discountCycles")} className={inputClass} />
            </Field>
          </>
        ) : null}
        {kind ? (
          <Field label={t("console.saveOfferForm.headline")} name="headline" id={`${p}-headline`} errors={errors}>
            <input id={`${p}-headline`} name="headline" defaultValue={valueOf(values, "headline")} className={inputClass} />
          </Field>
        ) : null}
      </div>
      <SubmitButton pending={form.pending} variant="secondary">{t("console.saveOfferForm.save")}</SubmitButton>
    </form>
  );
}

/** The share of a ladder's cancel attempts that see no save offer (to measure lift). */
export function HoldoutForm({ action, ladderId, holdoutPercent }: { action: Action; ladderId: string; holdoutPercent: string }) {
  const t = useTranslations();
  const form = useValidatedForm(action, holdoutSchema, { holdoutPercent });
  const { errors, values } = form;
  return (
    <form key={form.key} action={form.formAction} onSubmit={form.onSubmit} noValidate className="flex flex-wrap items-end gap-3" aria-label={t("console.saveOfferForm.holdoutLabel")} data-testid="holdout-form">
      <input type="hidden" name="id" value={ladderId} />
      <Field label={t("console.saveOfferForm.holdout")} name="holdoutPercent" id={`${ladderId}-holdout`} errors={errors}>
        <input id={`${ladderId}-holdout`} name="holdoutPercent" inputMode="decimal" defaultValue={valueOf(values, "holdoutPercent")} className={`${inputClass} w-28`} />
      </Field>
      <SubmitButton pending={form.pending} variant="secondary">{t("console.saveOfferForm.saveHoldout")}</SubmitButton>
      <FormMessages failure={form.failure} success={form.success} />
    </form>
  );
}
