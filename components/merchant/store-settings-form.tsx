"use client";
import { useTranslations } from "next-intl";
import { storeSettingsSchema } from "@/lib/store/settings-schema";
import type { FormState } from "@/lib/forms/state";
import { Field, FormMessages, inputClass, SubmitButton } from "./fields";
import { useValidatedForm, valueOf } from "./use-validated-form";

type Props = { action: (prev: FormState, form: FormData) => Promise<FormState>; initialValues: Record<string, string> };

/** The store's name, logo, accent colour and support email (every customer page and email uses them). */
export function StoreSettingsForm({ action, initialValues }: Props) {
  const t = useTranslations();
  const { ref, ...form } = useValidatedForm(action, storeSettingsSchema, initialValues);
  const { errors, values } = form;
  return (
    <form key={form.key} ref={ref} action={form.formAction} onSubmit={form.onSubmit} noValidate className="space-y-6" aria-label={t("console.store.formLabel")}>
      <FormMessages failure={form.failure} success={form.success} />
      <div className="grid gap-4 sm:grid-cols-2">
        <Field label={t("console.store.name")} name="name" errors={errors}>
          <input id="name" name="name" defaultValue={valueOf(values, "name")} aria-invalid={Boolean(errors.name)} className={inputClass} />
        </Field>
        <Field label={t("console.store.supportEmail")} name="supportEmail" hint={t("console.store.supportEmailHint")} errors={errors}>
          <input id="supportEmail" name="supportEmail" type="email" defaultValue={valueOf(values, "supportEmail")} aria-invalid={Boolean(errors.supportEmail)} className={inputClass} />
        </Field>
        <Field label={t("console.store.logo")} name="logoUrl" hint={t("console.store.logoHint")} errors={errors}>
          <input id="logoUrl" name="logoUrl" inputMode="url" defaultValue={valueOf(values, "logoUrl")} aria-invalid={Boolean(errors.logoUrl)} className={inputClass} />
        </Field>
        <Field label={t("console.store.accent")} name="accentColor" hint={t("console.store.accentHint")} errors={errors}>
          <input id="accentColor" name="accentColor" type="color" defaultValue={valueOf(values, "accentColor")} aria-invalid={Boolean(errors.accentColor)} className="h-10 w-20 rounded border border-slate-300" />
        </Field>
      </div>
      <SubmitButton pending={form.pending}>{t("console.store.save")}</SubmitButton>
    </form>
  );
}
