// What an HTML form sends and what its server action answers with, shared by the client forms
// (useActionState) and the action wrappers. No server code here: client components import it.
import type { Failure } from "@/lib/result";

/** The values a form posted: a string per field, a list for repeated fields (checkbox groups). */
export type FormValues = Record<string, string | string[]>;

/** State carried by useActionState forms: the last result plus the submitted values to refill. */
export type FormState = { attempt: number; result: Failure | { ok: true; message: string } | null; values: FormValues };

export const initialFormState: FormState = { attempt: 0, result: null, values: {} };

/** FormData → plain object; repeated keys (checkbox groups) become arrays; Next's own fields are dropped. */
export function formValues(form: FormData): FormValues {
  const out: FormValues = {};
  for (const [key, raw] of form.entries()) {
    if (key.startsWith("$ACTION")) continue;
    const value = typeof raw === "string" ? raw : raw.name;
    const existing = out[key];
    if (existing === undefined) out[key] = value;
    else out[key] = Array.isArray(existing) ? [...existing, value] : [existing, value];
  }
  return out;
}
