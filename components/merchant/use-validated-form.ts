"use client";
import { useActionState, useCallback, useEffect, useRef, useState, type FormEvent } from "react";
import type { z } from "zod";
import { formValues, initialFormState, type FormState, type FormValues } from "@/lib/forms/state";
import { useTranslations } from "next-intl";
import { wordFieldErrors, type Translate } from "@/lib/forms/field-message";
import { fieldErrorsOf, type FieldErrors } from "@/lib/result";

/**
 * Where focus goes once a form has its answer: the first invalid control, else the form's message
 * (its error or its success), so a keyboard or screen-reader user lands on what changed instead of
 * on <body> (the form remounts with each answer, taking the focused button with it).
 */
export function focusAnswer(form: HTMLFormElement | null): void {
  const target =
    form?.querySelector<HTMLElement>('[aria-invalid="true"]') ?? form?.querySelector<HTMLElement>("[data-form-message]") ?? form?.querySelector<HTMLElement>("[data-field-error]");
  target?.focus();
}

/**
 * A useActionState form that first validates with the same zod schema as its server action, so
 * field errors show without a round trip; the server validates again either way. The returned
 * `key` remounts the form after each server answer so inputs refill from the submitted values;
 * `ref` lets it move focus to the answer. A submit while the action runs is ignored.
 */
export function useValidatedForm<S extends FormState = FormState>(action: (prev: S, form: FormData) => Promise<S>, schema: z.ZodType | null, initialValues: Record<string, string | string[]> = {}) {
  const [state, formAction, pending] = useActionState<S, FormData>(action, initialFormState as Awaited<S>);
  // Schemas name their messages by catalogue key (lib/forms/field-message.ts): worded here in the console's language.
  const translate = useTranslations() as unknown as Translate;
  const [clientErrors, setClientErrors] = useState<{ attempt: number; errors: FieldErrors; values: FormValues } | null>(null);
  const [refusals, setRefusals] = useState(0);
  // The form element, replaced on every remount; a callback ref so the hook hands out no ref object.
  const element = useRef<HTMLFormElement | null>(null);
  const ref = useCallback((form: HTMLFormElement | null) => {
    element.current = form;
  }, []);
  const onSubmit = (event: FormEvent<HTMLFormElement>) => {
    if (pending) {
      event.preventDefault();
      return;
    }
    if (!schema) return;
    const submitted = formValues(new FormData(event.currentTarget));
    const parsed = schema.safeParse(submitted);
    if (parsed.success) {
      setClientErrors(null);
      return;
    }
    event.preventDefault();
    // The submitted values too: the form stays mounted (inputs keep what was typed), and which
    // rows are in use decides which controls the errors mark invalid.
    setClientErrors({ attempt: state.attempt, errors: wordFieldErrors(fieldErrorsOf(parsed.error), translate), values: submitted });
    setRefusals((n) => n + 1);
  };
  // After each submit the client check refused, and after every answer of the server.
  useEffect(() => {
    if (refusals > 0 || state.attempt > 0) focusAnswer(element.current);
  }, [refusals, state.attempt]);
  const serverErrors = state.result && !state.result.ok ? (state.result.fieldErrors ?? {}) : {};
  const refused = clientErrors && clientErrors.attempt === state.attempt ? clientErrors : null;
  const errors = refused ? refused.errors : serverErrors;
  const values = refused ? refused.values : state.attempt > 0 ? state.values : initialValues;
  const failure = state.result && !state.result.ok && !refused ? state.result.message : null;
  const success = state.result?.ok ? state.result.message : null;
  return { key: state.attempt, ref, formAction, pending, onSubmit, errors, values, failure, success, state };
}

export const valueOf = (values: Record<string, string | string[]>, name: string, fallback = ""): string => {
  const v = values[name];
  return typeof v === "string" ? v : Array.isArray(v) ? (v[0] ?? fallback) : fallback;
};

export const listOf = (values: Record<string, string | string[]>, name: string): string[] => {
  const v = values[name];
  return v === undefined ? [] : Array.isArray(v) ? v : [v];
};
