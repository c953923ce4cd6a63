import { NextResponse, type NextRequest } from "next/server";
import { loadEnv } from "@/lib/env";
import { redeemMagicLink, withCustomerSession } from "@/lib/auth/customer-session";
import { customerExists } from "@/lib/checkout/customers";
import { problemPage } from "@/lib/http/problem-page";

// A signed, single-use magic link (`npm run customer-link -- <email>`) signs the customer in to /account.
export async function GET(request: NextRequest) {
  const link = await redeemMagicLink(request.nextUrl.searchParams.get("token"));
  if (!link.ok) return problemPage(403, link.message, { href: "/", label: "Back to the store" });
  if (!(await customerExists(link.customerId))) {
    return problemPage(403, "This sign-in link is not valid or has expired. Ask for a new one.", { href: "/", label: "Back to the store" });
  }
  return withCustomerSession(NextResponse.redirect(new URL("/account", loadEnv().APP_URL), 303), link.customerId);
}
