import { NextResponse, type NextRequest } from "next/server";
import { loadEnv } from "@/lib/env";
import { customerCookie, customerIdFromSession, withCustomerSession } from "@/lib/auth/customer-session";
import { completeCheckoutReturn } from "@/lib/checkout/complete-return";
import { checkoutReturnText } from "@/lib/checkout/return-text";
import { requestLocale } from "@/lib/i18n/request";
import { translator } from "@/lib/i18n/translator";
import { storeProblemPage } from "@/lib/store/problem-page";
import { route } from "@/lib/http/route";

// Dodo's hosted checkout sends the customer here. Only the signed token is read from the URL;
// Dodo's own payment_id/status parameters are ignored (the purchase is read from Dodo instead).
// Redirects use APP_URL: behind `next start` the request URL's host may differ from the cookie's.
export const GET = route({ name: "checkout return", answers: "html" }, async (request: NextRequest) => {
  const signedIn = customerIdFromSession(request.cookies.get(customerCookie().name)?.value);
  const result = await completeCheckoutReturn(request.nextUrl.searchParams.get("token"), signedIn);
  if (!result.ok) {
    const t = translator(await requestLocale());
    const store = { href: "/", label: t("thankYou.checkoutReturn.backToStore") };
    const retry = result.productId ? { href: `/products/${encodeURIComponent(result.productId)}`, label: t("thankYou.checkoutReturn.tryAgain") } : store;
    // A decline is the customer's to fix (another card); anything else is ours or the link's.
    const title = result.code === "declined" ? t("thankYou.checkoutReturn.declinedTitle") : undefined;
    return storeProblemPage(result.status, checkoutReturnText(result, t), retry, { title, links: retry === store ? [] : [store] });
  }
  return withCustomerSession(NextResponse.redirect(new URL(`/thank-you?order=${encodeURIComponent(result.intentId)}`, loadEnv().APP_URL), 303), result.customerId);
});
