import { NextResponse, type NextRequest } from "next/server";
import { currentCustomer, withCustomerSession } from "@/lib/auth/customer-session";
import { loadEnv } from "@/lib/env";
import { requestLocale } from "@/lib/i18n/request";
import { translator } from "@/lib/i18n/translator";
import { storeProblemPage } from "@/lib/store/problem-page";
import { clientIpOf } from "@/lib/http/request";
import { route } from "@/lib/http/route";
import { offerLinkRefusalText } from "@/lib/moments/link-text";
import { openOfferLink } from "@/lib/moments/links";
import { UPGRADE_OFFER_ORIGIN } from "@/lib/plans/upgrade-offer";

// A hosted offer link the server API returned (POST /api/v1/moments): opens once, signs its
// customer in, and shows the offer on Encore's page — an upgrade on the plan page, with Dodo's preview.
export const GET = route({ name: "offer link", answers: "html" }, async (request: NextRequest, { params }: { params: Promise<{ token: string }> }) => {
  const { token } = await params;
  const opened = await openOfferLink(token, await currentCustomer(), clientIpOf(request.headers));
  if (!opened.ok) {
    const t = translator(await requestLocale());
    const account = { href: "/account", label: t("offers.link.goToAccount") };
    const links = [{ href: "/", label: t("offers.link.backToStore") }];
    if (opened.code === "rate_limited") {
      const page = await storeProblemPage(429, offerLinkRefusalText(opened.code, t), account, { title: t("offers.link.waitTitle"), links });
      page.headers.set("retry-after", String(opened.retryAfterSeconds));
      return page;
    }
    const status = opened.code === "other_customer" ? 403 : opened.code === "invalid" ? 404 : 410;
    return storeProblemPage(status, offerLinkRefusalText(opened.code, t), account, { title: t("offers.link.cantUseTitle"), links });
  }
  const view = opened.view;
  const next = view.kind === "upgrade"
    ? `/account/plan?${new URLSearchParams({ to: view.quote.toProductId, origin: UPGRADE_OFFER_ORIGIN, impression: view.impressionId })}`
    : `/account/offers/${encodeURIComponent(view.offer.impressionId)}`;
  return withCustomerSession(NextResponse.redirect(new URL(next, loadEnv().APP_URL), 303), opened.customer.id);
});
