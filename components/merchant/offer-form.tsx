"use client";
import { OFFER_KIND_LABELS, OFFER_KINDS, offerSchema } from "@/lib/offers/offer-schema";
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
  const { ref, ...form } = useValidatedForm(action, offerSchema, initialValues);
  const { errors, values } = form;
  const triggers = listOf(values, "triggerProductIds");
  return (
    <form key={form.key} ref={ref} action={form.formAction} onSubmit={form.onSubmit} noValidate className="space-y-6" aria-label="Offer">
      {offerId ? <input type="hidden" name="id" value={offerId} /> : null}
      <FormMessages failure={form.failure} success={form.success} />
      <div className="grid gap-4 sm:grid-cols-2">
        <Field label="Name (only you see it)" name="name" errors={errors}>
          <input id="name" name="name" defaultValue={valueOf(values, "name")} aria-invalid={Boolean(errors.name)} className={inputClass} />
        </Field>
        <Field label="Kind" name="kind" errors={errors}>
          <select id="kind" name="kind" defaultValue={valueOf(values, "kind")} className={inputClass}>
            {OFFER_KINDS.map((k) => <option key={k} value={k}>{OFFER_KIND_LABELS[k]}</option>)}
          </select>
        </Field>
      </div>

      <fieldset>
        <legend className="mb-2 text-sm font-medium text-slate-700">Show after</legend>
        <div className="flex gap-6 text-sm">
          <label className="flex items-center gap-2"><input type="radio" name="triggerMode" value="any" defaultChecked={valueOf(values, "triggerMode", "any") === "any"} /> Any purchase</label>
          <label className="flex items-center gap-2"><input type="radio" name="triggerMode" value="specific" defaultChecked={valueOf(values, "triggerMode") === "specific"} /> A purchase of…</label>
        </div>
        <div className="mt-2 grid gap-1 rounded-md border border-slate-200 p-3 sm:grid-cols-2">
          {products.map((p) => (
            <label key={p.id} className="flex items-center gap-2 text-sm">
              <input type="checkbox" name="triggerProductIds" value={p.id} defaultChecked={triggers.includes(p.id)} {...invalidProps(errorIdOf("triggerProductIds"), Boolean(errors.triggerProductIds?.length))} />
              <span>{p.name}</span> <span className="text-slate-600">{p.priceLabel}</span>
            </label>
          ))}
        </div>
        <FieldError errors={errors} name="triggerProductIds" />
      </fieldset>

      <div className="grid gap-4 sm:grid-cols-2">
        <Field label="Offered product" name="offeredProductId" errors={errors}>
          <select id="offeredProductId" name="offeredProductId" defaultValue={valueOf(values, "offeredProductId")} aria-invalid={Boolean(errors.offeredProductId)} className={inputClass}>
            <option value="">Choose a product…</option>
            {products.map((p) => <option key={p.id} value={p.id}>{p.name} — {p.priceLabel}</option>)}
          </select>
        </Field>
        <Field label="Discount (%)" name="discountBps" hint="Off the product's price (a bundle's: off every product in it); 0 for none." errors={errors}>
          <input id="discountBps" name="discountBps" inputMode="decimal" defaultValue={valueOf(values, "discountBps", "0")} aria-invalid={Boolean(errors.discountBps)} className={inputClass} />
        </Field>
      </div>

      <OfferBundleFields values={values} errors={errors} products={products} />

      <Field label="Headline" name="headline" errors={errors}>
        <input id="headline" name="headline" defaultValue={valueOf(values, "headline")} aria-invalid={Boolean(errors.headline)} className={inputClass} />
      </Field>
      <Field label="Copy" name="body" hint="A sentence or two under the headline." errors={errors}>
        <textarea id="body" name="body" rows={3} defaultValue={valueOf(values, "body")} className={inputClass} />
      </Field>
      <fieldset className="space-y-3 rounded-lg border border-slate-200 p-3">
        <legend className="px-1 text-sm font-medium">In Brazilian Portuguese (optional)</legend>
        <p className="text-sm text-slate-600">Customers reading Portuguese see this copy; left blank, they see the headline and copy above.</p>
        <Field label="Título (pt-BR)" name="ptBrHeadline" errors={errors}>
          <input id="ptBrHeadline" name="ptBrHeadline" lang="pt-BR" defaultValue={valueOf(values, "ptBrHeadline")} aria-invalid={Boolean(errors.ptBrHeadline)} className={inputClass} />
        </Field>
        <Field label="Texto (pt-BR)" name="ptBrBody" errors={errors}>
          <textarea id="ptBrBody" name="ptBrBody" lang="pt-BR" rows={3} defaultValue={valueOf(values, "ptBrBody")} className={inputClass} />
        </Field>
      </fieldset>

      <div className="grid gap-4 sm:grid-cols-2">
        <Field label="Minimum order value" name="minOrder" hint="In the offered product's currency; blank for none." errors={errors}>
          <input id="minOrder" name="minOrder" inputMode="decimal" defaultValue={valueOf(values, "minOrder")} aria-invalid={Boolean(errors.minOrder)} className={inputClass} />
        </Field>
        <Field label="Frequency cap" name="frequencyCap" hint="Most times one customer sees this offer; blank for no cap." errors={errors}>
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
