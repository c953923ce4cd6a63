import { NextResponse, type NextRequest } from "next/server";
import { loadEnv } from "@/lib/env";
import { customerCookie, customerIdFromSession, withCustomerSession } from "@/lib/auth/customer-session";
import { completeCheckoutReturn } from "@/lib/checkout/complete-return";
import { storeProblemPage } from "@/lib/store/problem-page";
import { route } from "@/lib/http/route";

// Dodo's hosted checkout sends the customer here. Only the signed token is read from the URL;
// Dodo's own payment_id/status parameters are ignored (the purchase is read from Dodo instead).
// Redirects use APP_URL: behind `next start` the request URL's host may differ from the cookie's.
export const GET = route({ name: "checkout return", answers: "html" }, async (request: NextRequest) => {
  const signedIn = customerIdFromSession(request.cookies.get(customerCookie().name)?.value);
  const result = await completeCheckoutReturn(request.nextUrl.searchParams.get("token"), signedIn);
  if (!result.ok) {
    const retry = result.productId ? { href: `/products/${encodeURIComponent(result.productId)}`, label: "Try again" } : { href: "/", label: "Back to the store" };
    // A decline is the customer's to fix (another card); anything else is ours or the link's.
    const title = result.code === "declined" ? "Your payment did not go through" : undefined;
    return storeProblemPage(result.status, result.message, retry, { title, links: retry.href === "/" ? [] : [{ href: "/", label: "Back to the store" }] });
  }
  return withCustomerSession(NextResponse.redirect(new URL(`/thank-you?order=${encodeURIComponent(result.intentId)}`, loadEnv().APP_URL), 303), result.customerId);
});
