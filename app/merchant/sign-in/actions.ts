"use server";
import { redirect } from "next/navigation";
import { authenticateMerchant } from "@/lib/merchant/auth";
import { fail, formValues, type FormState } from "@/lib/merchant/result";
import { clientIp, endMerchantSession, startMerchantSession } from "@/lib/merchant/session";

export async function signInAction(prev: FormState, form: FormData): Promise<FormState> {
  const { email, password } = formValues(form);
  // Never echo the password back into the form.
  const values = { email: typeof email === "string" ? email : "" };
  const attempt = prev.attempt + 1;
  let result: Awaited<ReturnType<typeof authenticateMerchant>>;
  try {
    result = await authenticateMerchant({ email, password }, await clientIp());
  } catch (err) {
    console.error("[merchant] sign-in failed", err);
    return { attempt, values, result: fail("unexpected", "Something went wrong on our side. Please try again.") };
  }
  if (!result.ok) return { attempt, values, result };
  await startMerchantSession(result.value);
  redirect("/merchant");
}

export async function signOutAction(): Promise<void> {
  await endMerchantSession();
  redirect("/merchant/sign-in");
}
