// The one shape of an expected outcome across lib/: a success carries its own fields
// (`{ ok: true, id }`, `{ ok: true, quote }`), a failure a stable code, a message for the person,
// and for forms the messages per field. Unexpected errors are thrown, never returned as these.
import type { z } from "zod";

/** { "field.path": ["message", …] }; messages that belong to no field are under "_form". */
export type FieldErrors = Record<string, string[]>;

export type Failure<Code extends string = string> = { ok: false; code: Code; message: string; fieldErrors?: FieldErrors };
export type Success<T extends object = object> = { ok: true } & T;
export type Result<T extends object = object, Code extends string = string> = Success<T> | Failure<Code>;

export function ok<T extends object = object>(fields: T = {} as T): Success<T> {
  return { ok: true, ...fields };
}

export function fail<Code extends string>(code: Code, message: string, fieldErrors?: FieldErrors): Failure<Code> {
  return fieldErrors ? { ok: false, code, message, fieldErrors } : { ok: false, code, message };
}

/** Tells a failure from a value that is either a success or a plain object (a loaded context). */
export function isFailure<T, C extends string>(value: T | Failure<C>): value is Failure<C> {
  return typeof value === "object" && value !== null && (value as { ok?: unknown }).ok === false;
}

/** Zod issues as FieldErrors. */
export function fieldErrorsOf(error: z.ZodError): FieldErrors {
  const out: FieldErrors = {};
  for (const issue of error.issues) {
    const key = issue.path.length ? issue.path.join(".") : "_form";
    (out[key] ??= []).push(issue.message);
  }
  return out;
}

export const INVALID_INPUT_MESSAGE = "Please fix the highlighted fields.";

/** The failure for input that is wrong field by field. */
export function invalidFields(fieldErrors: FieldErrors): Failure<"invalid_input"> {
  return fail("invalid_input", INVALID_INPUT_MESSAGE, fieldErrors);
}

/** The failure for input a schema refused, with its field messages. */
export function invalid(error: z.ZodError): Failure<"invalid_input"> {
  return invalidFields(fieldErrorsOf(error));
}
