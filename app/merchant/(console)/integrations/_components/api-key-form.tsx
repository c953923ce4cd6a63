"use client";
import { useTranslations } from "next-intl";
import { Field, FormMessages, inputClass, SubmitButton } from "@/components/merchant/fields";
import { useValidatedForm, valueOf } from "@/components/merchant/use-validated-form";
import { apiKeySchema } from "@/lib/api/key-schema";
import type { KeyFormState } from "./key-state";

/** Name and scope of a new API key; after creation, its secret, shown this once. */
export function ApiKeyForm({ action }: { action: (prev: KeyFormState, form: FormData) => Promise<KeyFormState> }) {
  const t = useTranslations();
  const form = useValidatedForm(action, apiKeySchema, { scope: "READ" });
  const { errors, values } = form;
  const secret = form.state.secret;
  return (
    <form key={form.key} action={form.formAction} onSubmit={form.onSubmit} noValidate className="space-y-4" aria-label={t("console.apiKeyForm.label")}>
      <FormMessages failure={form.failure} success={form.success} />
      {secret ? (
        <div className="rounded-md border border-amber-200 bg-amber-50 p-3">
          <p className="text-sm font-medium text-amber-800">{t("console.apiKeyForm.newKey")}</p>
          <code data-testid="new-api-key" className="mt-1 block select-all break-all font-mono text-sm">{secret}</code>
        </div>
      ) : null}
      <div className="grid gap-4 sm:grid-cols-[2fr_1fr_auto] sm:items-end">
        <Field label={t("console.apiKeyForm.name")} name="name" id="key-name" errors={errors} hint={t("console.apiKeyForm.nameHint")}>
          <input id="key-name" name="name" defaultValue={valueOf(values, "name")} aria-invalid={Boolean(errors.name)} aria-describedby={errors.name ? "name-error" : undefined} className={inputClass} />
        </Field>
        <Field label={t("console.apiKeyForm.scope")} name="scope" id="key-scope" errors={errors} hint={t("console.apiKeyForm.scopeHint")}>
          <select id="key-scope" name="scope" defaultValue={valueOf(values, "scope", "READ")} className={inputClass}>
            <option value="READ">{t("console.apiKeyForm.read")}</option>
            <option value="WRITE">{t("console.apiKeyForm.readWrite")}</option>
          </select>
        </Field>
        <div className="pb-6"><SubmitButton pending={form.pending}>{t("console.apiKeyForm.create")}</SubmitButton></div>
      </div>
    </form>
  );
}
