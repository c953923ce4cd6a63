"use client";
import { useTranslations } from "next-intl";
import type { FieldErrors } from "@/lib/result";
import type { FormValues } from "@/lib/forms/state";
import { errorIdOf, FieldError, inputClass, invalidProps } from "./fields";
import { listOf } from "./use-validated-form";
import type { ProductOption } from "./offer-form";


/**
 * The offer editor's bundle: up to two more one-time products sold with the offered product in one
 * payment, at the sum of their prices less the offer's discount. Both slots post `bundleProductIds`;
 * the server says why a product can't be bundled (a subscription, another currency).
 */
export function OfferBundleFields({ values, errors, products }: { values: FormValues; errors: FieldErrors; products: ProductOption[] }) {
  const t = useTranslations();
  const slots = [
    { id: "bundleProductIds", label: t("console.offerForm.secondProduct") },
    { id: "bundleProductIds2", label: t("console.offerForm.thirdProduct") },
  ];
  const chosen = listOf(values, "bundleProductIds");
  const invalid = Boolean(errors.bundleProductIds?.length);
  const hintId = "bundle-hint";
  return (
    <fieldset>
      <legend className="mb-1 text-sm font-medium text-slate-700">{t("console.offerForm.bundleLegend")}</legend>
      <p id={hintId} className="mb-2 text-xs text-slate-600">
        {t("console.offerForm.bundleHint")}
      </p>
      <div className="grid gap-4 sm:grid-cols-2">
        {slots.map((slot, i) => (
          <div key={slot.id}>
            <label htmlFor={slot.id} className="mb-1 block text-sm font-medium text-slate-700">{slot.label}</label>
            <select id={slot.id} name="bundleProductIds" defaultValue={chosen[i] ?? ""} className={inputClass} {...invalidProps(errorIdOf("bundleProductIds"), invalid, [hintId])}>
              <option value="">{t("console.offerForm.none")}</option>
              {products.map((p) => <option key={p.id} value={p.id} data-merchant-copy>{p.name} — {p.priceLabel}</option>)}
            </select>
          </div>
        ))}
      </div>
      <FieldError errors={errors} name="bundleProductIds" />
    </fieldset>
  );
}
