"use client";
import { useTranslations } from "next-intl";
import { OFFER_KINDS, offerSchema } from "@/lib/offers/offer-schema";
import type { FormState } from "@/lib/forms/state";
import { errorIdOf, Field, FieldError, FormMessages, inputClass, invalidProps, SubmitButton } from "./fields";
import { listOf, useValidatedForm, valueOf } from "./use-validated-form";
import { OfferBundleFields } from "./offer-bundle-fields";
import { OfferContentFields } from "./offer-content-fields";
import { OfferPreview } from "./offer-preview";
import { OfferTargetingFields } from "./offer-targeting";
import { OfferSocialProofFields } from "./offer-social-proof";

export type ProductOption = { id: string; name: string; kind: "ONE_TIME" | "SUBSCRIPTION"; priceLabel: string; currency: string };

type Props = {
  action: (prev: FormState, form: FormData) => Promise<FormState>;
  products: ProductOption[];
  offerId?: string;
  initialValues?: Record<string, string | string[]>;
  submitLabel: string;
};

export function OfferForm({ action, products, offerId, initialValues = { triggerMode: "any", kind: "UPSELL", discountBps: "0", maxQuantity: "1" }, submitLabel }: Props) {
  const t = useTranslations();
  const kindLabels = { UPSELL: t("console.kind.UPSELL"), DOWNSELL: t("console.kind.DOWNSELL"), CROSS_SELL: t("console.kind.CROSS_SELL"), UPGRADE: t("console.kind.UPGRADE") };
  const { ref, ...form } = useValidatedForm(action, offerSchema, initialValues);
  const { errors, values } = form;
  const triggers = listOf(values, "triggerProductIds");
  return (
    <form key={form.key} ref={ref} action={form.formAction} onSubmit={form.onSubmit} noValidate className="space-y-6" aria-label={t("console.offerForm.label")}>
      {offerId ? <input type="hidden" name="id" value={offerId} /> : null}
      <FormMessages failure={form.failure} success={form.success} />
      <div className="grid gap-4 sm:grid-cols-2">
        <Field label={t("console.offerForm.name")} name="name" errors={errors}>
          <input id="name" name="name" defaultValue={valueOf(values, "name")} aria-invalid={Boolean(errors.name)} className={inputClass} />
        </Field>
        <Field label={t("console.offerForm.kind")} name="kind" errors={errors}>
          <select id="kind" name="kind" defaultValue={valueOf(values, "kind")} className={inputClass}>
            {OFFER_KINDS.map((k) => <option key={k} value={k}>{kindLabels[k]}</option>)}
          </select>
        </Field>
      </div>

      <fieldset>
        <legend className="mb-2 text-sm font-medium text-slate-700">{t("console.offerForm.showAfter")}</legend>
        <div className="flex gap-6 text-sm">
          <label className="flex items-center gap-2"><input type="radio" name="triggerMode" value="any" defaultChecked={valueOf(values, "triggerMode", "any") === "any"} /> {t("console.offerForm.anyPurchase")}</label>
          <label className="flex items-center gap-2"><input type="radio" name="triggerMode" value="specific" defaultChecked={valueOf(values, "triggerMode") === "specific"} /> {t("console.offerForm.purchaseOf")}</label>
        </div>
        <div className="mt-2 grid gap-1 rounded-md border border-slate-200 p-3 sm:grid-cols-2">
          {products.map((p) => (
            <label key={p.id} className="flex items-center gap-2 text-sm">
              <input type="checkbox" name="triggerProductIds" value={p.id} defaultChecked={triggers.includes(p.id)} {...invalidProps(errorIdOf("triggerProductIds"), Boolean(errors.triggerProductIds?.length))} />
              <span data-merchant-copy>{p.name}</span> <span className="text-slate-600">{p.priceLabel}</span>
            </label>
          ))}
        </div>
        <FieldError errors={errors} name="triggerProductIds" />
      </fieldset>

      <div className="grid gap-4 sm:grid-cols-2">
        <Field label={t("console.offerForm.offeredProduct")} name="offeredProductId" errors={errors}>
          <select id="offeredProductId" name="offeredProductId" defaultValue={valueOf(values, "offeredProductId")} aria-invalid={Boolean(errors.offeredProductId)} className={inputClass}>
            <option value="">{t("console.offerForm.chooseProduct")}</option>
            {products.map((p) => <option key={p.id} value={p.id} data-merchant-copy>{p.name} — {p.priceLabel}</option>)}
          </select>
        </Field>
        <Field label={t("console.offerForm.discount")} name="discountBps" hint={t("console.offerForm.discountHint")} errors={errors}>
          <input id="discountBps" name="discountBps" inputMode="decimal" defaultValue={valueOf(values, "discountBps", "0")} aria-invalid={Boolean(errors.discountBps)} className={inputClass} />
        </Field>
      </div>

      <OfferBundleFields values={values} errors={errors} products={products} />

      <Field label={t("console.offerForm.headline")} name="headline" errors={errors}>
        <input id="headline" name="headline" defaultValue={valueOf(values, "headline")} aria-invalid={Boolean(errors.headline)} className={inputClass} />
      </Field>
      <Field label={t("console.offerForm.copy")} name="body" hint={t("console.offerForm.copyHint")} errors={errors}>
        <textarea id="body" name="body" rows={3} defaultValue={valueOf(values, "body")} className={inputClass} />
      </Field>
      <fieldset className="space-y-3 rounded-lg border border-slate-200 p-3">
        <legend className="px-1 text-sm font-medium">{t("console.offerForm.ptBrLegend")}</legend>
        <p className="text-sm text-slate-600">{t("console.offerForm.ptBrHint")}</p>
        <Field label="Título (pt-BR)" name="ptBrHeadline" errors={errors}>
          <input id="ptBrHeadline" name="ptBrHeadline" lang="pt-BR" defaultValue={valueOf(values, "ptBrHeadline")} aria-invalid={Boolean(errors.ptBrHeadline)} className={inputClass} />
        </Field>
        <Field label="Texto (pt-BR)" name="ptBrBody" errors={errors}>
          <textarea id="ptBrBody" name="ptBrBody" lang="pt-BR" rows={3} defaultValue={valueOf(values, "ptBrBody")} className={inputClass} />
        </Field>
      </fieldset>

      <div className="grid gap-4 sm:grid-cols-2">
        <Field label={t("console.offerForm.minOrder")} name="minOrder" hint={t("console.offerForm.minOrderHint")} errors={errors}>
          <input id="minOrder" name="minOrder" inputMode="decimal" defaultValue={valueOf(values, "minOrder")} aria-invalid={Boolean(errors.minOrder)} className={inputClass} />
        </Field>
        <Field label={t("console.offerForm.frequencyCap")} name="frequencyCap" hint={t("console.offerForm.frequencyCapHint")} errors={errors}>
          <input id="frequencyCap" name="frequencyCap" inputMode="numeric" defaultValue={valueOf(values, "frequencyCap")} aria-invalid={Boolean(errors.frequencyCap)} className={inputClass} />
        </Field>
      </div>

      <OfferContentFields values={values} errors={errors} />
      <OfferSocialProofFields values={values} errors={errors} />

      <OfferTargetingFields values={values} errors={errors} products={products} />

      <SubmitButton pending={form.pending}>{submitLabel}</SubmitButton>

      <OfferPreview />
    </form>
  );
}
