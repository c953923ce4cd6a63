import { NextResponse, type NextRequest } from "next/server";
import { z } from "zod";
import { CUSTOMER_COOKIE, customerIdFromSession, withCustomerSession } from "@/lib/auth/customer-session";
import { claimExternalReturn } from "@/lib/checkout/external-return";
import { externalReturnText } from "@/lib/checkout/return-text";
import { requestLocale } from "@/lib/i18n/request";
import { translator } from "@/lib/i18n/translator";
import { loadEnv } from "@/lib/env";
import { storeProblemPage } from "@/lib/store/problem-page";
import { route } from "@/lib/http/route";

// The return_url for checkouts Encore did not create (payment links, sessions made in the Dodo
// dashboard or straight at Dodo): set it to https://<app>/checkout/return. Dodo appends
// payment_id (or subscription_id) and status; only the id is read, and the payment is verified
// with Dodo (lib/checkout/external-return.ts).
const query = z.union([
  z.object({ payment_id: z.string().regex(/^[A-Za-z0-9_-]{4,64}$/) }),
  z.object({ subscription_id: z.string().regex(/^[A-Za-z0-9_-]{4,64}$/) }),
]);

export const GET = route({ name: "external checkout return", answers: "html" }, async (request: NextRequest) => {
  const t = translator(await requestLocale());
  const parsed = query.safeParse(Object.fromEntries(request.nextUrl.searchParams));
  if (!parsed.success) return storeProblemPage(400, t("thankYou.checkoutReturn.missingPayment"), { href: "/", label: t("thankYou.checkoutReturn.backToStore") });
  const ids = "payment_id" in parsed.data
    ? { paymentId: parsed.data.payment_id, subscriptionId: null }
    : { paymentId: null, subscriptionId: parsed.data.subscription_id };
  const signedIn = customerIdFromSession(request.cookies.get(CUSTOMER_COOKIE)?.value);
  const result = await claimExternalReturn(ids, signedIn);
  if (!result.ok) return storeProblemPage(result.status, externalReturnText(result.code, t), { href: "/account", label: t("thankYou.checkoutReturn.goToAccount") });
  return withCustomerSession(NextResponse.redirect(new URL(`/thank-you?order=${encodeURIComponent(result.intentId)}`, loadEnv().APP_URL), 303), result.customerId);
});
