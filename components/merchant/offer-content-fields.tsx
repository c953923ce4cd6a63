"use client";
import type { FieldErrors } from "@/lib/result";
import { MAX_OFFER_QUANTITY } from "@/lib/offers/offer-schema";
import { Field, inputClass } from "./fields";
import { valueOf } from "./use-validated-form";
import type { FormValues } from "@/lib/forms/state";

/** The offer editor's content section: its picture and how many units a customer may take. */
export function OfferContentFields({ values, errors }: { values: FormValues; errors: FieldErrors }) {
  return (
    <div className="grid gap-4 sm:grid-cols-2">
      <Field label="Picture address" name="imageUrl" hint="A full https:// address on an allowed host (IMAGE_ORIGINS); blank to show the product's image from Dodo, if it has one." errors={errors}>
        <input id="imageUrl" name="imageUrl" inputMode="url" defaultValue={valueOf(values, "imageUrl")} aria-invalid={Boolean(errors.imageUrl)} className={inputClass} />
      </Field>
      <Field label="Most units per customer" name="maxQuantity" hint={`1 hides the quantity selector; up to ${MAX_OFFER_QUANTITY}. Charged and granted per unit (one-time products only).`} errors={errors}>
        <input id="maxQuantity" name="maxQuantity" inputMode="numeric" defaultValue={valueOf(values, "maxQuantity", "1")} aria-invalid={Boolean(errors.maxQuantity)} className={inputClass} />
      </Field>
    </div>
  );
}
