"use client";
import { useActionState, useState, type FormEvent } from "react";
import type { z } from "zod";
import { formValues, initialFormState, type FormState } from "@/lib/forms/state";
import { fieldErrorsOf, type FieldErrors } from "@/lib/result";

/**
 * A useActionState form that first validates with the same zod schema as its server action, so
 * field errors show without a round trip; the server validates again either way. The returned
 * `key` remounts the form after each server answer so inputs refill from the submitted values.
 */
export function useValidatedForm<S extends FormState = FormState>(action: (prev: S, form: FormData) => Promise<S>, schema: z.ZodType | null, initialValues: Record<string, string | string[]> = {}) {
  const [state, formAction, pending] = useActionState<S, FormData>(action, initialFormState as Awaited<S>);
  const [clientErrors, setClientErrors] = useState<{ attempt: number; errors: FieldErrors } | null>(null);
  const onSubmit = (event: FormEvent<HTMLFormElement>) => {
    if (!schema) return;
    const parsed = schema.safeParse(formValues(new FormData(event.currentTarget)));
    if (parsed.success) {
      setClientErrors(null);
      return;
    }
    event.preventDefault();
    setClientErrors({ attempt: state.attempt, errors: fieldErrorsOf(parsed.error) });
  };
  const serverErrors = state.result && !state.result.ok ? (state.result.fieldErrors ?? {}) : {};
  const errors = clientErrors && clientErrors.attempt === state.attempt ? clientErrors.errors : serverErrors;
  const values = state.attempt > 0 ? state.values : initialValues;
  const failure = state.result && !state.result.ok && !(clientErrors && clientErrors.attempt === state.attempt) ? state.result.message : null;
  const success = state.result?.ok ? state.result.message : null;
  return { key: state.attempt, formAction, pending, onSubmit, errors, values, failure, success, state };
}

export const valueOf = (values: Record<string, string | string[]>, name: string, fallback = ""): string => {
  const v = values[name];
  return typeof v === "string" ? v : Array.isArray(v) ? (v[0] ?? fallback) : fallback;
};

export const listOf = (values: Record<string, string | string[]>, name: string): string[] => {
  const v = values[name];
  return v === undefined ? [] : Array.isArray(v) ? v : [v];
};
