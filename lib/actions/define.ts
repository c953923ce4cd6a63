import "server-only";
import { unstable_rethrow } from "next/navigation";
import type { z } from "zod";
import { currentCustomer, type SessionCustomer } from "@/lib/auth/customer-session";
import { requireMerchant, type Merchant } from "@/lib/auth/merchant-session";
import { DEFAULT_LOCALE } from "@/lib/i18n/locales";
import { requestLocale } from "@/lib/i18n/request";
import { translator } from "@/lib/i18n/translator";
import { inRequestContext, logger } from "@/lib/log";
import { wordFieldErrors, type Translate } from "@/lib/forms/field-message";
import { fail, invalid, type Failure } from "@/lib/result";
import { readActionInput } from "./input";

// Every server action is built here: read and parse its input with the action's zod schema,
// authorise the caller, run the service, and turn anything unexpected into a logged error (with a
// request id) and a typed failure the page can show. Next's own control flow (redirect(),
// notFound()) passes through untouched. Input that is unusable whatever the action (see
// input.ts) is refused before the schema sees it.

/** What the wrapper itself can answer before or instead of the service. */
export type ActionFailure = Failure<"invalid_input" | "signed_out" | "unexpected">;

export type RequestContext = { requestId: string };

/** A server action as the wrapper builds it. Its input is its last argument: `(form)`, `(previousState, form)` or `(value)`. */
export type ServerAction<R> = (...args: unknown[]) => Promise<R>;

export type ActionSpec<I, A, R> = {
  /** Names the action in logs. */
  name: string;
  /**
   * Answers the wrapper's own failures in the action's return shape (or redirects). `input` is
   * there when the input had parsed (signed out, or an unexpected error in run). May be async
   * (to word the answer in the request's language).
   */
  onFailure: (failure: ActionFailure, call: { args: unknown[]; input?: I }) => R | Promise<R>;
  run: (input: I, ctx: A & RequestContext & { args: unknown[] }) => Promise<R>;
};

const log = logger("action");

// Worded in the request's language (the action runs inside the request).
// Outside a request (unit tests call actions directly) there is no language to read: English.
const locale = () => requestLocale().catch(() => DEFAULT_LOCALE);

async function signedOut() {
  const t = translator(await locale());
  return fail("signed_out", t("errors.signedOut"));
}
/** The action's own input refused, its field messages worded (a schema may name catalogue keys: lib/forms/field-message.ts). */
async function refused(error: z.ZodError) {
  const failure = invalid(error);
  const t = translator(await locale()) as unknown as Translate;
  return { ...failure, fieldErrors: wordFieldErrors(failure.fieldErrors ?? {}, t) };
}
async function unexpected() {
  const t = translator(await locale());
  return fail("unexpected", t("errors.unexpected"));
}

function defineAction<S extends z.ZodType, A, R>(
  schema: S,
  authorise: () => Promise<A | null>,
  spec: ActionSpec<z.output<S>, A, R>,
): ServerAction<R> {
  return (...args: unknown[]) =>
    inRequestContext(async (requestId) => {
      let input: z.output<S> | undefined;
      try {
        const read = readActionInput(args);
        if (!read.ok) return spec.onFailure(read, { args });
        const parsed = schema.safeParse(read.value);
        if (!parsed.success) return spec.onFailure(await refused(parsed.error), { args });
        input = parsed.data;
        const caller = await authorise();
        if (!caller) return spec.onFailure(await signedOut(), { args, input });
        return await spec.run(parsed.data, { ...caller, requestId, args });
      } catch (err) {
        unstable_rethrow(err);
        log.error({ err, action: spec.name }, "action failed");
        return spec.onFailure(await unexpected(), { args, input });
      }
    });
}

/** An action of a signed-in customer (store, account, plan page). */
export function customerAction<S extends z.ZodType, R>(schema: S, spec: ActionSpec<z.output<S>, { customer: SessionCustomer }, R>): ServerAction<R> {
  return defineAction(schema, async () => {
    const customer = await currentCustomer();
    return customer ? { customer } : null;
  }, spec);
}

/** An action of a signed-in merchant; anyone else is sent to the sign-in page. */
export function merchantAction<S extends z.ZodType, R>(schema: S, spec: ActionSpec<z.output<S>, { merchant: Merchant }, R>): ServerAction<R> {
  return defineAction(schema, async () => ({ merchant: await requireMerchant() }), spec);
}

/** An action anyone may call (buying as a guest, signing in). */
export function publicAction<S extends z.ZodType, R>(schema: S, spec: ActionSpec<z.output<S>, object, R>): ServerAction<R> {
  return defineAction(schema, async () => ({}), spec);
}
