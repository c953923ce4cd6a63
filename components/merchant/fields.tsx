// Small, consistent form pieces for the merchant console. Every error message has an id and the
// control it is about points at it (aria-describedby, with aria-invalid), so a screen reader reads
// the message with the field; useValidatedForm moves focus to the first invalid control.
import { cloneElement, isValidElement, type ReactElement } from "react";
import type { FieldErrors } from "@/lib/result";

export const inputClass =
  "block w-full rounded-md border border-slate-300 bg-white px-3 py-2 text-sm shadow-sm focus:border-brand-600 focus:outline-none focus:ring-2 focus:ring-brand-500/50 aria-[invalid=true]:border-red-500";

/** The id of the message about a control (unique per page as long as control ids are). */
export const errorIdOf = (controlId: string) => `${controlId}-error`;

/** aria-describedby for the messages that exist, or nothing. */
export const describedBy = (...ids: (string | false | null | undefined)[]) => ids.filter(Boolean).join(" ") || undefined;

/** The aria attributes of a control that may have an error (with the error's element id). */
export function invalidProps(errorId: string, invalid: boolean, otherIds: (string | false | null | undefined)[] = []) {
  return { "aria-invalid": invalid || undefined, "aria-describedby": describedBy(...otherIds, invalid && errorId) };
}

/** The first message for `name`, as an element with `id` (default: from the name). */
export function FieldError({ errors, name, id }: { errors: FieldErrors; name: string; id?: string }) {
  const messages = errors[name];
  if (!messages?.length) return null;
  return (
    <p id={id ?? errorIdOf(name)} tabIndex={-1} data-field-error className="mt-1 text-sm text-red-700" data-testid={`error-${name}`}>
      {messages[0]}
    </p>
  );
}

/** A labelled control with its hint and error; the one child control gets id-linked aria attributes. */
/** The label element's id is the control's plus "-label" (a form can be named by it: aria-labelledby). */
export function Field({ label, name, id, hint, errors, children }: { label: React.ReactNode; name: string; id?: string; hint?: string; errors: FieldErrors; children: React.ReactNode }) {
  const controlId = id ?? name;
  const hintId = hint ? `${controlId}-hint` : null;
  const invalid = Boolean(errors[name]?.length);
  const control = isValidElement(children) ? cloneElement(children as ReactElement<Record<string, unknown>>, invalidProps(errorIdOf(controlId), invalid, [hintId])) : children;
  return (
    <div>
      <label id={`${controlId}-label`} htmlFor={controlId} className="mb-1 block text-sm font-medium text-slate-700">{label}</label>
      {control}
      {hint ? <p id={hintId!} className="mt-1 text-xs text-slate-600">{hint}</p> : null}
      <FieldError errors={errors} name={name} id={errorIdOf(controlId)} />
    </div>
  );
}

/** The form's answer. Focusable (tabIndex -1) so focus can move to it after a submit without field errors. */
export function FormMessages({ failure, success }: { failure: string | null; success: string | null }) {
  if (failure) return <p role="alert" tabIndex={-1} data-form-message data-testid="form-error" className="rounded-md bg-red-50 px-3 py-2 text-sm text-red-700">{failure}</p>;
  if (success) return <p role="status" tabIndex={-1} data-form-message data-testid="form-success" className="rounded-md bg-emerald-50 px-3 py-2 text-sm text-emerald-800">{success}</p>;
  return null;
}

/**
 * While the action runs the button says so with aria-disabled instead of `disabled`: a disabled
 * button drops keyboard focus to <body>; the form ignores a second submit itself (useValidatedForm).
 */
export function SubmitButton({ pending, children, variant = "primary" }: { pending: boolean; children: React.ReactNode; variant?: "primary" | "secondary" }) {
  const style =
    variant === "primary"
      ? "bg-brand-600 text-white hover:bg-brand-700"
      : "border border-slate-300 bg-white text-slate-700 hover:bg-slate-50";
  return (
    <button type="submit" aria-disabled={pending || undefined} className={`inline-flex items-center rounded-md px-4 py-2 text-sm font-medium shadow-sm aria-disabled:opacity-60 ${style}`}>
      {children}
    </button>
  );
}
