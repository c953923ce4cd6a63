import "server-only";
import { revalidatePath } from "next/cache";
import type { z } from "zod";
import { wordFieldErrors, type Translate } from "@/lib/forms/field-message";
import { formValues, type FormState, type FormValues } from "@/lib/forms/state";
import { translator } from "@/lib/i18n/translator";
import { INVALID_INPUT_MESSAGE, type Failure, type Result, type Success } from "@/lib/result";
import type { Merchant } from "@/lib/auth/merchant-session";
import type { Locale } from "@/lib/i18n/locales";
import { requestLocale } from "@/lib/i18n/request";
import { merchantAction, type ActionFailure, type RequestContext, type ServerAction } from "./define";
import { logger } from "@/lib/log";

const log = logger("merchant");

// The console's forms (useActionState + FormState): the merchant action wrapper, plus what every
// form shares — the submitted values come back to refill the form, field errors are keyed by
// field, a success revalidates the console and says what happened.

const formOf = (args: unknown[]) => (args.at(-1) instanceof FormData ? (args.at(-1) as FormData) : new FormData());
const previousOf = (args: unknown[]): FormState => (args.length > 1 && args[0] && typeof args[0] === "object" ? (args[0] as FormState) : { attempt: 0, result: null, values: {} });

/** The state a form shows after this answer to the action called with `args`. */
export function answered(args: unknown[], result: FormState["result"], values: FormValues = formValues(formOf(args))): FormState {
  return { attempt: previousOf(args).attempt + 1, values, result };
}

/**
 * A console form action. `schema` parses the action's own fields (which record: ids); `run` gets
 * them with the submitted values, which it hands to the service (whose shared schema validates
 * them field by field) with `locale`, the console's language for the service's refusals.
 * `onSuccess` says what happened (in the request's language: it may be async, to read it), or redirects.
 */
export function merchantFormAction<S extends z.ZodType, T extends object>(
  name: string,
  schema: S,
  run: (input: z.output<S>, ctx: { merchant: Merchant; values: FormValues; locale: Locale } & RequestContext) => Promise<Result<T>>,
  onSuccess: (success: Success<T>) => string | Promise<string>,
): ServerAction<FormState> {
  return merchantAction(schema, {
    name,
    onFailure: (failure: ActionFailure, { args }) => answered(args, failure),
    run: async (input, ctx) => {
      const values = formValues(formOf(ctx.args));
      const locale = await requestLocale();
      const result = await run(input, { merchant: ctx.merchant, values, locale, requestId: ctx.requestId });
      if (!result.ok) return answered(ctx.args, worded(result, locale), values);
      revalidatePath("/merchant", "layout");
      return answered(ctx.args, { ok: true, message: await onSuccess(result) }, values);
    },
  });
}

/**
 * A refusal's field messages (schemas name catalogue keys: lib/forms/field-message.ts) and the
 * "fix the fields" summary in `locale`; for console actions that answer a form without merchantFormAction.
 */
export function worded(failure: Failure, locale: Locale): Failure {
  if (!failure.fieldErrors) return failure;
  const t = translator(locale);
  const message = failure.message === INVALID_INPUT_MESSAGE ? t("console.fields.fixFields") : failure.message;
  // The keys come from the schemas' messages, not literals here: their fieldMessage calls are where the check counts them.
  const translate = t as unknown as Translate;
  return { ...failure, message, fieldErrors: wordFieldErrors(failure.fieldErrors, translate) };
}

/**
 * A console button posted as a plain form (no state to show: pause/resume, make entry step). A
 * refusal is only logged, since the page re-renders with what is stored either way.
 */
export function merchantFormPost<S extends z.ZodType>(name: string, schema: S, run: (input: z.output<S>) => Promise<Result>): ServerAction<void> {
  return merchantAction(schema, {
    name,
    onFailure: () => undefined,
    run: async (input) => {
      const result = await run(input);
      if (!result.ok) log.warn({ action: name, code: result.code }, result.message);
      revalidatePath("/merchant", "layout");
    },
  });
}
