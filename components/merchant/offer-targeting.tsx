// The offer editor's "Who sees it" and "When it runs" sections (fields: lib/offers/targeting-form.ts).
import { useTranslations } from "next-intl";
import { SUBSCRIPTION_STATUSES } from "@/lib/offers/targeting";
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
            <input type="checkbox" name={name} value={p.id} defaultChecked={chosen.includes(p.id)} /> <span data-merchant-copy>{p.name}</span>
          </label>
        ))}
      </div>
    </fieldset>
  );
}

export function OfferTargetingFields({ values, errors, products }: Props) {
  const t = useTranslations();
  const statusLabels = {
    ACTIVE: t("console.subStatus.ACTIVE"),
    ON_HOLD: t("console.subStatus.ON_HOLD"),
    PAST_DUE: t("console.subStatus.PAST_DUE"),
    PAUSED: t("console.subStatus.PAUSED"),
    CANCELLED: t("console.subStatus.CANCELLED"),
    EXPIRED: t("console.subStatus.EXPIRED"),
  };
  const statuses = listOf(values, "tSubStatuses");
  const plans = products.filter((p) => p.kind === "SUBSCRIPTION");
  return (
    <>
      <fieldset className="space-y-4 rounded-md border border-slate-200 p-4" aria-describedby="targeting-hint">
        <legend className="px-1 text-sm font-semibold text-slate-800">{t("console.offerForm.whoSees")}</legend>
        <p id="targeting-hint" className="text-sm text-slate-600">{t("console.offerForm.whoSeesHint")}</p>
        <div className="flex gap-6 text-sm">
          <label className="flex items-center gap-2"><input type="radio" name="targetMatch" value="all" defaultChecked={valueOf(values, "targetMatch", "all") === "all"} /> {t("console.offerForm.matchAll")}</label>
          <label className="flex items-center gap-2"><input type="radio" name="targetMatch" value="any" defaultChecked={valueOf(values, "targetMatch") === "any"} /> {t("console.offerForm.matchAny")}</label>
        </div>
        <div className="grid gap-4 sm:grid-cols-2">
          <Field label={t("console.offerForm.customer")} name="tCustomer" errors={errors}>
            <select id="tCustomer" name="tCustomer" defaultValue={valueOf(values, "tCustomer")} className={inputClass}>
              <option value="">{t("console.offerForm.newOrReturning")}</option>
              <option value="new">{t("console.offerForm.new")}</option>
              <option value="returning">{t("console.offerForm.returning")}</option>
            </select>
          </Field>
          <Field label={t("console.offerForm.currencies")} name="tCurrencies" hint={t("console.offerForm.currenciesHint")} errors={errors}>
            <input id="tCurrencies" name="tCurrencies" defaultValue={valueOf(values, "tCurrencies")} aria-invalid={Boolean(errors.tCurrencies)} className={inputClass} />
          </Field>
          <Field label={t("console.offerForm.countries")} name="tCountries" hint={t("console.offerForm.countriesHint")} errors={errors}>
            <input id="tCountries" name="tCountries" defaultValue={valueOf(values, "tCountries")} aria-invalid={Boolean(errors.tCountries)} className={inputClass} />
          </Field>
          <Field label={t("console.offerForm.countryRule")} name="tCountryMode" errors={errors}>
            <select id="tCountryMode" name="tCountryMode" defaultValue={valueOf(values, "tCountryMode", "in")} className={inputClass}>
              <option value="in">{t("console.offerForm.countriesIn")}</option>
              <option value="not_in">{t("console.offerForm.countriesNotIn")}</option>
            </select>
          </Field>
          <Field label={t("console.offerForm.orderFrom")} name="tOrderMin" hint={t("console.offerForm.orderFromHint")} errors={errors}>
            <input id="tOrderMin" name="tOrderMin" inputMode="decimal" defaultValue={valueOf(values, "tOrderMin")} aria-invalid={Boolean(errors.tOrderMin)} className={inputClass} />
          </Field>
          <Field label={t("console.offerForm.orderTo")} name="tOrderMax" hint={t("console.offerForm.orderToHint")} errors={errors}>
            <input id="tOrderMax" name="tOrderMax" inputMode="decimal" defaultValue={valueOf(values, "tOrderMax")} aria-invalid={Boolean(errors.tOrderMax)} className={inputClass} />
          </Field>
        </div>
        <ProductChecks name="tOwns" legend={t("console.offerForm.ownsAny")} products={products} values={values} />
        <ProductChecks name="tNotOwns" legend={t("console.offerForm.ownsNone")} products={products} values={values} />
        <fieldset className="rounded-md border border-slate-200 p-3">
          <legend className="px-1 text-sm font-medium text-slate-700">{t("console.offerForm.hasSubscription")}</legend>
          <div className="flex flex-wrap gap-4 text-sm">
            {SUBSCRIPTION_STATUSES.map((s) => (
              <label key={s} className="flex items-center gap-2"><input type="checkbox" name="tSubStatuses" value={s} defaultChecked={statuses.includes(s)} /> {statusLabels[s]}</label>
            ))}
          </div>
          {plans.length ? <p className="mt-2 text-sm text-slate-600">{t("console.offerForm.onPlan")}</p> : null}
          <div className="grid gap-1 sm:grid-cols-2">
            {plans.map((p) => (
              <label key={p.id} className="flex items-center gap-2 text-sm"><input type="checkbox" name="tSubPlans" value={p.id} defaultChecked={listOf(values, "tSubPlans").includes(p.id)} /> <span data-merchant-copy>{p.name}</span></label>
            ))}
          </div>
          <FieldError errors={errors} name="tSubStatuses" />
        </fieldset>
      </fieldset>

      <fieldset className="rounded-md border border-slate-200 p-4">
        <legend className="px-1 text-sm font-semibold text-slate-800">{t("console.offerForm.whenRuns")}</legend>
        <div className="grid gap-4 sm:grid-cols-2">
          <Field label={t("console.offerForm.starts")} name="startsAt" hint={t("console.offerForm.startsHint")} errors={errors}>
            <input id="startsAt" name="startsAt" type="datetime-local" defaultValue={valueOf(values, "startsAt")} aria-invalid={Boolean(errors.startsAt)} className={inputClass} />
          </Field>
          <Field label={t("console.offerForm.ends")} name="endsAt" hint={t("console.offerForm.endsHint")} errors={errors}>
            <input id="endsAt" name="endsAt" type="datetime-local" defaultValue={valueOf(values, "endsAt")} aria-invalid={Boolean(errors.endsAt)} className={inputClass} />
          </Field>
        </div>
      </fieldset>
    </>
  );
}
