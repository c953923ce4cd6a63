"use client";
import type { FieldErrors } from "@/lib/result";
import type { FormValues } from "@/lib/forms/state";
import { errorIdOf, FieldError, inputClass, invalidProps } from "./fields";
import { listOf } from "./use-validated-form";
import type { ProductOption } from "./offer-form";

const SLOTS = [
  { id: "bundleProductIds", label: "Second product" },
  { id: "bundleProductIds2", label: "Third product" },
] as const;

/**
 * The offer editor's bundle: up to two more one-time products sold with the offered product in one
 * payment, at the sum of their prices less the offer's discount. Both slots post `bundleProductIds`;
 * the server says why a product can't be bundled (a subscription, another currency).
 */
export function OfferBundleFields({ values, errors, products }: { values: FormValues; errors: FieldErrors; products: ProductOption[] }) {
  const chosen = listOf(values, "bundleProductIds");
  const invalid = Boolean(errors.bundleProductIds?.length);
  const hintId = "bundle-hint";
  return (
    <fieldset>
      <legend className="mb-1 text-sm font-medium text-slate-700">Bundle (optional)</legend>
      <p id={hintId} className="mb-2 text-xs text-slate-600">
        Sell one or two more one-time products together with the offered product: one click buys all of them in one payment, at their summed price less the discount above. Customers who own any of them are not shown the bundle.
      </p>
      <div className="grid gap-4 sm:grid-cols-2">
        {SLOTS.map((slot, i) => (
          <div key={slot.id}>
            <label htmlFor={slot.id} className="mb-1 block text-sm font-medium text-slate-700">{slot.label}</label>
            <select id={slot.id} name="bundleProductIds" defaultValue={chosen[i] ?? ""} className={inputClass} {...invalidProps(errorIdOf("bundleProductIds"), invalid, [hintId])}>
              <option value="">None</option>
              {products.map((p) => <option key={p.id} value={p.id}>{p.name} — {p.priceLabel}</option>)}
            </select>
          </div>
        ))}
      </div>
      <FieldError errors={errors} name="bundleProductIds" />
    </fieldset>
  );
}
