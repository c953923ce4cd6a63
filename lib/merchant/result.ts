// Typed outcomes for merchant services and actions: expected failures are values the UI renders,
// with field-level messages keyed by form field name.
import { z } from "zod";

export type FieldErrors = Record<string, string[]>;

export type Failure = { ok: false; code: string; message: string; fieldErrors?: FieldErrors };
export type Result<T> = { ok: true; value: T } | Failure;

export function ok<T>(value: T): Result<T> {
  return { ok: true, value };
}

export function fail(code: string, message: string, fieldErrors?: FieldErrors): Failure {
  return fieldErrors ? { ok: false, code, message, fieldErrors } : { ok: false, code, message };
}

/** Zod issues → { "field.path": ["message", …] }; issues without a path go under "_form". */
export function fieldErrorsOf(error: z.ZodError): FieldErrors {
  const out: FieldErrors = {};
  for (const issue of error.issues) {
    const key = issue.path.length ? issue.path.join(".") : "_form";
    (out[key] ??= []).push(issue.message);
  }
  return out;
}

export function invalid(error: z.ZodError): Failure {
  return fail("invalid_input", "Please fix the highlighted fields.", fieldErrorsOf(error));
}

/** State carried by useActionState forms: the last result plus the submitted values to refill. */
export type FormState = { attempt: number; result: Failure | { ok: true; message: string } | null; values: Record<string, string | string[]> };

export const initialFormState: FormState = { attempt: 0, result: null, values: {} };

/** FormData → plain object; repeated keys (checkbox groups) become arrays. */
export function formValues(form: FormData): Record<string, string | string[]> {
  const out: Record<string, string | string[]> = {};
  for (const [key, raw] of form.entries()) {
    if (key.startsWith("$ACTION")) continue;
    const value = typeof raw === "string" ? raw : raw.name;
    const existing = out[key];
    if (existing === undefined) out[key] = value;
    else out[key] = Array.isArray(existing) ? [...existing, value] : [existing, value];
  }
  return out;
}
