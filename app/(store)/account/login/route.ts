import { NextResponse, type NextRequest } from "next/server";
import { loadEnv } from "@/lib/env";
import { redeemMagicLink, withCustomerSession } from "@/lib/auth/customer-session";
import { customerExists } from "@/lib/checkout/customers";
import { storeProblemPage } from "@/lib/store/problem-page";
import { route } from "@/lib/http/route";

const NEW_LINK = { href: "/account/sign-in", label: "Email me a new sign-in link" };
const STORE = { href: "/", label: "Back to the store" };

// A signed, single-use sign-in link (emailed from "Email me a sign-in link") signs the customer
// in, then goes to the page it was asked from (an order) or to /account.
export const GET = route({ name: "sign-in link", answers: "html" }, async (request: NextRequest) => {
  const link = await redeemMagicLink(request.nextUrl.searchParams.get("token"));
  if (!link.ok) return storeProblemPage(403, link.message, NEW_LINK, { title: "This sign-in link can't be used", links: [STORE] });
  if (!(await customerExists(link.customerId))) {
    return storeProblemPage(403, "This sign-in link is not valid or has expired.", NEW_LINK, { title: "This sign-in link can't be used", links: [STORE] });
  }
  return withCustomerSession(NextResponse.redirect(new URL(link.next ?? "/account", loadEnv().APP_URL), 303), link.customerId);
});
