"use client";
import { useTranslations } from "next-intl";
import { useActionState, useEffect, useRef } from "react";
import { EMAIL_TOO_LONG } from "@/lib/auth/sign-in-link-messages";
import { initialFormState, type FormState } from "@/lib/forms/state";

type Action = (previous: FormState, form: FormData) => Promise<FormState>;

/**
 * "Email me a sign-in link": sent as typed and checked by the server's schema
 * (lib/auth/sign-in-link-schema.ts), not here, so zod stays out of the thank-you page's JS. The
 * error is tied to the field (aria-describedby, aria-invalid) and focus moves to the field, or to
 * the message, after every answer, so keyboard and screen-reader users hear what happened.
 */
export function SignInLinkForm({ action, next, defaultEmail = "", heading }: { action: Action; next?: string; defaultEmail?: string; heading?: string }) {
  const t = useTranslations();
  const [state, formAction, pending] = useActionState(action, initialFormState);
  const emailRef = useRef<HTMLInputElement>(null);
  const messageRef = useRef<HTMLParagraphElement>(null);
  const errors = state.result && !state.result.ok ? (state.result.fieldErrors ?? {}) : {};
  const emailMessage = errors.email?.[0] ?? null;
  const emailError = emailMessage === null ? null : emailMessage === EMAIL_TOO_LONG ? t("signIn.emailTooLong") : t("signIn.emailInvalid");
  const failure = state.result && !state.result.ok && !emailError ? state.result.message : null;
  const success = state.result?.ok ? state.result.message : null;

  useEffect(() => {
    if (state.attempt === 0) return;
    if (emailError) emailRef.current?.focus();
    else messageRef.current?.focus();
  }, [state.attempt, emailError]);

  const typed = typeof state.values.email === "string" ? state.values.email : defaultEmail;
  return (
    <section aria-labelledby="sign-in-link-title" className="rounded-xl border border-slate-200 bg-white p-5" data-testid="sign-in-link" data-attempt={state.attempt}>
      <h2 id="sign-in-link-title" className="text-lg font-semibold">{heading ?? t("signIn.formHeading")}</h2>
      <p className="mt-1 text-sm text-slate-700">{t("signIn.formIntro")}</p>
      <form key={state.attempt} action={formAction} noValidate className="mt-4 space-y-3">
        {next ? <input type="hidden" name="next" value={next} /> : null}
        <div>
          <label htmlFor="sign-in-email" className="block text-sm font-medium text-slate-800">{t("signIn.emailLabel")}</label>
          <input
            ref={emailRef}
            id="sign-in-email"
            name="email"
            type="email"
            autoComplete="email"
            required
            defaultValue={typed}
            aria-invalid={emailError ? true : undefined}
            aria-describedby={emailError ? "sign-in-email-error" : undefined}
            className="mt-1 block w-full rounded-md border border-slate-400 px-3 py-2 aria-[invalid=true]:border-red-600"
          />
          {emailError ? <p id="sign-in-email-error" className="mt-1 text-sm text-red-700">{emailError}</p> : null}
        </div>
        <button type="submit" disabled={pending} className="rounded-lg bg-brand-700 px-4 py-2 font-semibold text-white hover:bg-brand-600 disabled:opacity-60">
          {pending ? t("signIn.sending") : t("signIn.submit")}
        </button>
      </form>
      <p ref={messageRef} tabIndex={-1} role={failure ? "alert" : "status"} data-testid="sign-in-link-message"
        className={`mt-3 text-sm outline-none ${failure ? "text-red-700" : "text-green-800"}`}>
        {failure ?? success}
      </p>
    </section>
  );
}
