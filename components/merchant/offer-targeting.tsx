// The offer editor's "Who sees it" and "When it runs" sections (fields: lib/offers/targeting-form.ts).
import { SUBSCRIPTION_STATUS_LABELS, SUBSCRIPTION_STATUSES } from "@/lib/offers/targeting";
import type { FieldErrors } from "@/lib/result";
import { Field, FieldError, inputClass } from "./fields";
import { listOf, valueOf } from "./use-validated-form";

type ProductChoice = { id: string; name: string; kind: "ONE_TIME" | "SUBSCRIPTION" };
type Props = { values: Record<string, string | string[]>; errors: FieldErrors; products: ProductChoice[] };

function ProductChecks({ name, legend, products, values }: { name: string; legend: string; products: ProductChoice[]; values: Props["values"] }) {
  const chosen = listOf(values, name);
  return (
    <fieldset className="rounded-md border border-slate-200 p-3">
      <legend className="px-1 text-sm font-medium text-slate-700">{legend}</legend>
      <div className="grid gap-1 sm:grid-cols-2">
        {products.map((p) => (
          <label key={p.id} className="flex items-center gap-2 text-sm">
            <input type="checkbox" name={name} value={p.id} defaultChecked={chosen.includes(p.id)} /> {p.name}
          </label>
        ))}
      </div>
    </fieldset>
  );
}

export function OfferTargetingFields({ values, errors, products }: Props) {
  const statuses = listOf(values, "tSubStatuses");
  const plans = products.filter((p) => p.kind === "SUBSCRIPTION");
  return (
    <>
      <fieldset className="space-y-4 rounded-md border border-slate-200 p-4" aria-describedby="targeting-hint">
        <legend className="px-1 text-sm font-semibold text-slate-800">Who sees it</legend>
        <p id="targeting-hint" className="text-sm text-slate-600">Leave everything blank to show the offer to every customer its trigger lets through.</p>
        <div className="flex gap-6 text-sm">
          <label className="flex items-center gap-2"><input type="radio" name="targetMatch" value="all" defaultChecked={valueOf(values, "targetMatch", "all") === "all"} /> Every condition (AND)</label>
          <label className="flex items-center gap-2"><input type="radio" name="targetMatch" value="any" defaultChecked={valueOf(values, "targetMatch") === "any"} /> Any condition (OR)</label>
        </div>
        <div className="grid gap-4 sm:grid-cols-2">
          <Field label="Customer" name="tCustomer" errors={errors}>
            <select id="tCustomer" name="tCustomer" defaultValue={valueOf(values, "tCustomer")} className={inputClass}>
              <option value="">New or returning</option>
              <option value="new">New (first paid order)</option>
              <option value="returning">Returning (paid before)</option>
            </select>
          </Field>
          <Field label="Currencies" name="tCurrencies" hint="Of the order, e.g. USD, EUR; blank for any." errors={errors}>
            <input id="tCurrencies" name="tCurrencies" defaultValue={valueOf(values, "tCurrencies")} aria-invalid={Boolean(errors.tCurrencies)} className={inputClass} />
          </Field>
          <Field label="Billing countries" name="tCountries" hint="Two-letter codes, e.g. US, DE; blank for any." errors={errors}>
            <input id="tCountries" name="tCountries" defaultValue={valueOf(values, "tCountries")} aria-invalid={Boolean(errors.tCountries)} className={inputClass} />
          </Field>
          <Field label="Country rule" name="tCountryMode" errors={errors}>
            <select id="tCountryMode" name="tCountryMode" defaultValue={valueOf(values, "tCountryMode", "in")} className={inputClass}>
              <option value="in">Only these countries</option>
              <option value="not_in">All but these countries</option>
            </select>
          </Field>
          <Field label="Order value from" name="tOrderMin" hint="In the offered product's currency; blank for no minimum." errors={errors}>
            <input id="tOrderMin" name="tOrderMin" inputMode="decimal" defaultValue={valueOf(values, "tOrderMin")} aria-invalid={Boolean(errors.tOrderMin)} className={inputClass} />
          </Field>
          <Field label="Order value up to" name="tOrderMax" hint="Blank for no maximum." errors={errors}>
            <input id="tOrderMax" name="tOrderMax" inputMode="decimal" defaultValue={valueOf(values, "tOrderMax")} aria-invalid={Boolean(errors.tOrderMax)} className={inputClass} />
          </Field>
        </div>
        <ProductChecks name="tOwns" legend="Owns any of" products={products} values={values} />
        <ProductChecks name="tNotOwns" legend="Owns none of" products={products} values={values} />
        <fieldset className="rounded-md border border-slate-200 p-3">
          <legend className="px-1 text-sm font-medium text-slate-700">Has a subscription</legend>
          <div className="flex flex-wrap gap-4 text-sm">
            {SUBSCRIPTION_STATUSES.map((s) => (
              <label key={s} className="flex items-center gap-2"><input type="checkbox" name="tSubStatuses" value={s} defaultChecked={statuses.includes(s)} /> {SUBSCRIPTION_STATUS_LABELS[s]}</label>
            ))}
          </div>
          {plans.length ? <p className="mt-2 text-sm text-slate-600">On the plan (none ticked: any plan)</p> : null}
          <div className="grid gap-1 sm:grid-cols-2">
            {plans.map((p) => (
              <label key={p.id} className="flex items-center gap-2 text-sm"><input type="checkbox" name="tSubPlans" value={p.id} defaultChecked={listOf(values, "tSubPlans").includes(p.id)} /> {p.name}</label>
            ))}
          </div>
          <FieldError errors={errors} name="tSubStatuses" />
        </fieldset>
      </fieldset>

      <fieldset className="rounded-md border border-slate-200 p-4">
        <legend className="px-1 text-sm font-semibold text-slate-800">When it runs</legend>
        <div className="grid gap-4 sm:grid-cols-2">
          <Field label="Starts (UTC)" name="startsAt" hint="Blank: from now." errors={errors}>
            <input id="startsAt" name="startsAt" type="datetime-local" defaultValue={valueOf(values, "startsAt")} aria-invalid={Boolean(errors.startsAt)} className={inputClass} />
          </Field>
          <Field label="Ends (UTC)" name="endsAt" hint="Blank: no end." errors={errors}>
            <input id="endsAt" name="endsAt" type="datetime-local" defaultValue={valueOf(values, "endsAt")} aria-invalid={Boolean(errors.endsAt)} className={inputClass} />
          </Field>
        </div>
      </fieldset>
    </>
  );
}
