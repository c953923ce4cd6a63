"use client";
// Refund one offer purchase: blank amount = everything still refundable; a reason is required.
// A bundle is refunded as its one payment: what a refund revokes is lib/refunds/refund.ts's rule.
import { useTranslations } from "next-intl";
import { refundSchema } from "@/lib/refunds/refund-schema";
import type { FormState } from "@/lib/forms/state";
import { Field, FormMessages, inputClass, SubmitButton } from "./fields";
import { useValidatedForm, valueOf } from "./use-validated-form";

type Props = {
  action: (prev: FormState, form: FormData) => Promise<FormState>;
  paymentId: string;
  refundableLabel: string;
  currency: string;
  /** Products of the bundle the payment sold; 0 for a single product. */
  bundleSize?: number;
};

export function RefundForm({ action, paymentId, refundableLabel, currency, bundleSize = 0 }: Props) {
  const t = useTranslations();
  const { ref, ...form } = useValidatedForm(action, refundSchema, { paymentId });
  const { errors, values } = form;
  const id = (name: string) => `${paymentId}-${name}`;
  return (
    <form key={form.key} ref={ref} action={form.formAction} onSubmit={form.onSubmit} noValidate className="space-y-2" aria-label={t("console.refundForm.label", { id: paymentId })}>
      <input type="hidden" name="paymentId" value={paymentId} />
      <FormMessages failure={form.failure} success={form.success} />
      <div className="grid gap-2 sm:grid-cols-[10rem_1fr_auto] sm:items-end">
        <Field label={t("console.refundForm.amount", { currency })} name="amount" id={id("amount")} hint={bundleSize ? t("console.refundForm.amountHintBundle", { amount: refundableLabel }) : t("console.refundForm.amountHint", { amount: refundableLabel })} errors={errors}>
          <input id={id("amount")} name="amount" inputMode="decimal" defaultValue={valueOf(values, "amount")} className={inputClass} />
        </Field>
        <Field label={t("console.refundForm.reason")} name="reason" id={id("reason")} errors={errors}>
          <input id={id("reason")} name="reason" defaultValue={valueOf(values, "reason")} className={inputClass} />
        </Field>
        <SubmitButton pending={form.pending} variant="secondary">{t("console.refundForm.submit")}</SubmitButton>
      </div>
      {bundleSize ? <p className="text-xs text-slate-600" data-testid="bundle-refund-note">{t("console.refundForm.bundleNote", { count: bundleSize })}</p> : null}
    </form>
  );
}
