import { NextResponse, type NextRequest } from "next/server";
import { z } from "zod";
import { CUSTOMER_COOKIE, customerIdFromSession } from "@/lib/auth/customer-session";
import { authenticationReturn } from "@/lib/checkout/authentication-return";
import { loadEnv } from "@/lib/env";
import { route } from "@/lib/http/route";

// Dodo sends the customer here after the bank's 3-D Secure step of a one-click charge (the
// charge's return_url). Only our impression id is read from the URL; Dodo's payment_id/status
// parameters are ignored (the outcome is read from Dodo). Back to the funnel's thank-you page.
const query = z.object({ impression: z.string().min(1).max(64) });

export const GET = route({ name: "3-D Secure return", answers: "html" }, async (request: NextRequest) => {
  const parsed = query.safeParse({ impression: request.nextUrl.searchParams.get("impression") });
  const customerId = customerIdFromSession(request.cookies.get(CUSTOMER_COOKIE)?.value);
  const target = parsed.success && customerId ? await authenticationReturn(parsed.data.impression, customerId) : "/account";
  return NextResponse.redirect(new URL(target, loadEnv().APP_URL), 303);
});
