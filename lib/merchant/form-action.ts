import "server-only";
import { revalidatePath } from "next/cache";
import { fail, formValues, type FormState, type Result } from "./result";

/**
 * The shape every merchant form action shares: read the form, run a service, return a typed
 * state for useActionState. Expected failures come back as values; anything unexpected is logged
 * and shown as a generic message. `onSuccess` may redirect (it runs outside the try, so Next's
 * redirect is not swallowed) or return a confirmation message.
 */
export async function handleForm<T>(
  prev: FormState,
  form: FormData,
  run: (values: Record<string, string | string[]>) => Promise<Result<T>>,
  onSuccess: (value: T) => string,
): Promise<FormState> {
  const values = formValues(form);
  const attempt = prev.attempt + 1;
  let result: Result<T>;
  try {
    result = await run(values);
  } catch (err) {
    console.error("[merchant] form action failed", err);
    return { attempt, values, result: fail("unexpected", "Something went wrong on our side. Please try again.") };
  }
  if (!result.ok) return { attempt, values, result };
  revalidatePath("/merchant", "layout");
  return { attempt, values, result: { ok: true, message: onSuccess(result.value) } };
}
