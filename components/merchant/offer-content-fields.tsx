"use client";
import { useTranslations } from "next-intl";
import type { FieldErrors } from "@/lib/result";
import { MAX_OFFER_QUANTITY } from "@/lib/offers/offer-schema";
import { Field, inputClass } from "./fields";
import { valueOf } from "./use-validated-form";
import type { FormValues } from "@/lib/forms/state";

/** The offer editor's content section: its picture and how many units a customer may take. */
export function OfferContentFields({ values, errors }: { values: FormValues; errors: FieldErrors }) {
  const t = useTranslations();
  return (
    <div className="grid gap-4 sm:grid-cols-2">
      <Field label={t("console.offerForm.picture")} name="imageUrl" hint={t("console.offerForm.pictureHint")} errors={errors}>
        <input id="imageUrl" name="imageUrl" inputMode="url" defaultValue={valueOf(values, "imageUrl")} aria-invalid={Boolean(errors.imageUrl)} className={inputClass} />
      </Field>
      <Field label={t("console.offerForm.maxQuantity")} name="maxQuantity" hint={t("console.offerForm.maxQuantityHint", { max: MAX_OFFER_QUANTITY })} errors={errors}>
        <input id="maxQuantity" name="maxQuantity" inputMode="numeric" defaultValue={valueOf(values, "maxQuantity", "1")} aria-invalid={Boolean(errors.maxQuantity)} className={inputClass} />
      </Field>
    </div>
  );
}
