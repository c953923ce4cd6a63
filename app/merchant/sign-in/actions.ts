"use server";
import { redirect } from "next/navigation";
import { z } from "zod";
import { publicAction } from "@/lib/actions/define";
import { answered } from "@/lib/actions/form";
import { endMerchantSession, startMerchantSession } from "@/lib/auth/merchant-session";
import { authenticateMerchant } from "@/lib/auth/merchant-sign-in";
import type { FormState } from "@/lib/forms/state";
import { clientIp } from "@/lib/http/request";
import { requestLocale } from "@/lib/i18n/request";

// Never echo the password back into the form.
const echo = (form: { email?: unknown }) => ({ email: typeof form.email === "string" ? form.email : "" });

export const signInAction = publicAction(z.object({ email: z.unknown(), password: z.unknown() }), {
  name: "merchant sign-in",
  onFailure: (failure, { args, input }): FormState => answered(args, failure, input ? echo(input) : {}),
  run: async (input, { args }): Promise<FormState> => {
    const result = await authenticateMerchant(input, await clientIp(), { locale: await requestLocale() });
    if (!result.ok) return answered(args, result, echo(input));
    await startMerchantSession(result.user);
    redirect("/merchant");
  },
});

export const signOutAction = publicAction(z.unknown(), {
  name: "merchant sign-out",
  onFailure: () => undefined,
  run: async () => {
    await endMerchantSession();
    redirect("/merchant/sign-in");
  },
});
