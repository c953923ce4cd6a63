"use client";
import { Field, FormMessages, inputClass, SubmitButton } from "@/components/merchant/fields";
import { useValidatedForm, valueOf } from "@/components/merchant/use-validated-form";
import { apiKeySchema } from "@/lib/api/key-schema";
import type { KeyFormState } from "./key-state";

/** Name and scope of a new API key; after creation, its secret, shown this once. */
export function ApiKeyForm({ action }: { action: (prev: KeyFormState, form: FormData) => Promise<KeyFormState> }) {
  const form = useValidatedForm(action, apiKeySchema, { scope: "READ" });
  const { errors, values } = form;
  const secret = form.state.secret;
  return (
    <form key={form.key} action={form.formAction} onSubmit={form.onSubmit} noValidate className="space-y-4" aria-label="New API key">
      <FormMessages failure={form.failure} success={form.success} />
      {secret ? (
        <div className="rounded-md border border-amber-200 bg-amber-50 p-3">
          <p className="text-sm font-medium text-amber-800">Your new key (shown once):</p>
          <code data-testid="new-api-key" className="mt-1 block select-all break-all font-mono text-sm">{secret}</code>
        </div>
      ) : null}
      <div className="grid gap-4 sm:grid-cols-[2fr_1fr_auto] sm:items-end">
        <Field label="Key name" name="name" id="key-name" errors={errors} hint="Who uses it, e.g. “Billing backend”.">
          <input id="key-name" name="name" defaultValue={valueOf(values, "name")} aria-invalid={Boolean(errors.name)} aria-describedby={errors.name ? "name-error" : undefined} className={inputClass} />
        </Field>
        <Field label="Scope" name="scope" id="key-scope" errors={errors} hint="Write may also create checkouts.">
          <select id="key-scope" name="scope" defaultValue={valueOf(values, "scope", "READ")} className={inputClass}>
            <option value="READ">Read</option>
            <option value="WRITE">Read and write</option>
          </select>
        </Field>
        <div className="pb-6"><SubmitButton pending={form.pending}>Create key</SubmitButton></div>
      </div>
    </form>
  );
}
