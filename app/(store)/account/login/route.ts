import { NextResponse, type NextRequest } from "next/server";
import { loadEnv } from "@/lib/env";
import { requestLocale } from "@/lib/i18n/request";
import { translator } from "@/lib/i18n/translator";
import { redeemMagicLink, withCustomerSession } from "@/lib/auth/customer-session";
import { customerExists } from "@/lib/checkout/customers";
import { storeProblemPage } from "@/lib/store/problem-page";
import { route } from "@/lib/http/route";

/** A spent, forged or orphaned sign-in link's page, in the customer's language. */
async function refused(code: "invalid" | "used"): Promise<Response> {
  const t = translator(await requestLocale());
  const message = code === "used" ? t("signIn.link.used") : t("signIn.link.invalid");
  return storeProblemPage(403, message, { href: "/account/sign-in", label: t("signIn.link.newLink") }, { title: t("signIn.link.cantUseTitle"), links: [{ href: "/", label: t("signIn.link.backToStore") }] });
}

// A signed, single-use sign-in link (emailed from "Email me a sign-in link") signs the customer
// in, then goes to the page it was asked from (an order) or to /account.
export const GET = route({ name: "sign-in link", answers: "html" }, async (request: NextRequest) => {
  const link = await redeemMagicLink(request.nextUrl.searchParams.get("token"));
  if (!link.ok) return refused(link.code);
  if (!(await customerExists(link.customerId))) return refused("invalid");
  return withCustomerSession(NextResponse.redirect(new URL(link.next ?? "/account", loadEnv().APP_URL), 303), link.customerId);
});
