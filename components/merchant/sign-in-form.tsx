"use client";
import type { FormState } from "@/lib/forms/state";
import { Field, FormMessages, inputClass, SubmitButton } from "./fields";
import { useValidatedForm, valueOf } from "./use-validated-form";

export function SignInForm({ action }: { action: (prev: FormState, form: FormData) => Promise<FormState> }) {
  // The server answers bad credentials and rate limits; there is nothing useful to pre-check.
  const { ref, ...form } = useValidatedForm(action, null);
  return (
    <form key={form.key} ref={ref} action={form.formAction} onSubmit={form.onSubmit} className="space-y-4" aria-label="Merchant sign-in">
      <FormMessages failure={form.failure} success={null} />
      <Field label="Email" name="email" errors={form.errors}>
        <input id="email" name="email" type="email" autoComplete="username" required defaultValue={valueOf(form.values, "email")} aria-invalid={Boolean(form.errors.email)} className={inputClass} />
      </Field>
      <Field label="Password" name="password" errors={form.errors}>
        <input id="password" name="password" type="password" autoComplete="current-password" required aria-invalid={Boolean(form.errors.password)} className={inputClass} />
      </Field>
      <div className="pt-2">
        <SubmitButton pending={form.pending}>{form.pending ? "Signing in…" : "Sign in"}</SubmitButton>
      </div>
    </form>
  );
}
