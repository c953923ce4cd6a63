"use server";
import { redirect } from "next/navigation";
import { z } from "zod";
import { publicAction } from "@/lib/actions/define";
import { answered } from "@/lib/actions/form";
import { endCustomerSession } from "@/lib/auth/customer-session";
import { requestSignInLink } from "@/lib/auth/customer-sign-in";
import type { FormState } from "@/lib/forms/state";
import { clientIp } from "@/lib/http/request";

/**
 * "Email me a sign-in link". The answer never says whether the address is a customer's: a known
 * address gets the email, any other gets nothing, and both read the same.
 */
export const requestSignInLinkAction = publicAction(z.object({ email: z.unknown(), next: z.unknown().optional() }), {
  name: "customer sign-in link",
  onFailure: (failure, { args }): FormState => answered(args, failure),
  run: async (input, { args }): Promise<FormState> => {
    const result = await requestSignInLink(input, await clientIp());
    if (!result.ok) return answered(args, result);
    return answered(args, {
      ok: true,
      message: `Check your inbox. If ${result.email} has bought from us, we have just emailed a sign-in link to it. The link works once, for 15 minutes.`,
    });
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
