"use server";
import { redirect } from "next/navigation";
import { getTranslations } from "next-intl/server";
import { z } from "zod";
import { publicAction } from "@/lib/actions/define";
import { answered } from "@/lib/actions/form";
import { endCustomerSession } from "@/lib/auth/customer-session";
import { requestSignInLink } from "@/lib/auth/customer-sign-in";
import type { FormState } from "@/lib/forms/state";
import { clientIp } from "@/lib/http/request";
import { requestLocale } from "@/lib/i18n/request";

/**
 * "Email me a sign-in link". The answer never says whether the address is a customer's: a known
 * address gets the email, any other gets nothing, and both read the same.
 */
export const requestSignInLinkAction = publicAction(z.object({ email: z.unknown(), next: z.unknown().optional() }), {
  name: "customer sign-in link",
  onFailure: (failure, { args }): FormState => answered(args, failure),
  run: async (input, { args }): Promise<FormState> => {
    const [t, locale] = await Promise.all([getTranslations(), requestLocale()]);
    const result = await requestSignInLink(input, await clientIp(), new Date(), locale);
    if (!result.ok) return answered(args, result);
    return answered(args, { ok: true, message: t("signIn.checkInbox", { email: result.email, minutes: 15 }) });
  },
});

export const signOutAction = publicAction(z.unknown(), {
  name: "customer sign-out",
  onFailure: () => undefined,
  run: async () => {
    await endCustomerSession();
    redirect("/account?signed_out=1");
  },
});
