"use client";
import { useTranslations } from "next-intl";
import type { FormState } from "@/lib/forms/state";
import { Field, FormMessages, inputClass, SubmitButton } from "./fields";
import { useValidatedForm, valueOf } from "./use-validated-form";

export function SignInForm({ action }: { action: (prev: FormState, form: FormData) => Promise<FormState> }) {
  const t = useTranslations();
  // The server answers bad credentials and rate limits; there is nothing useful to pre-check.
  const { ref, ...form } = useValidatedForm(action, null);
  return (
    <form key={form.key} ref={ref} action={form.formAction} onSubmit={form.onSubmit} className="space-y-4" aria-label={t("console.signIn.formLabel")}>
      <FormMessages failure={form.failure} success={null} />
      <Field label={t("console.signIn.email")} name="email" errors={form.errors}>
        <input id="email" name="email" type="email" autoComplete="username" required defaultValue={valueOf(form.values, "email")} aria-invalid={Boolean(form.errors.email)} className={inputClass} />
      </Field>
      <Field label={t("console.signIn.password")} name="password" errors={form.errors}>
        <input id="password" name="password" type="password" autoComplete="current-password" required aria-invalid={Boolean(form.errors.password)} className={inputClass} />
      </Field>
      <div className="pt-2">
        <SubmitButton pending={form.pending}>{form.pending ? t("console.signIn.submitting") : t("console.signIn.submit")}</SubmitButton>
      </div>
    </form>
  );
}
