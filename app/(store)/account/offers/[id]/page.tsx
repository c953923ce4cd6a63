import type { Metadata } from "next";
import Link from "next/link";
import { notFound } from "next/navigation";
import { getTranslations } from "next-intl/server";
import { OfferPanel } from "@/components/offers/offer-panel";
import { SignInLinkForm } from "@/components/store/sign-in-link-form";
import { currentCustomer } from "@/lib/auth/customer-session";
import { hostedOffer } from "@/lib/moments/links";
import { offerActions } from "../../../_offer-actions";
import { requestSignInLinkAction } from "../../../_session-actions";

export async function generateMetadata(): Promise<Metadata> {
  const t = await getTranslations();
  return { title: t("offers.hosted.title"), robots: { index: false } };
}
export const dynamic = "force-dynamic";

const HEADING = "offer-heading";

// The hosted offer page: where a hosted offer link (POST /api/v1/moments) lands once it has
// signed its customer in. The same panel, one click and fallback as the thank-you page.
export default async function HostedOfferPage({ params }: { params: Promise<{ id: string }> }) {
  const [customer, { id }, t] = await Promise.all([currentCustomer(), params, getTranslations()]);
  if (!customer) {
    return (
      <div className="mx-auto max-w-xl space-y-6">
        <h1 className="text-3xl font-bold tracking-tight">{t("offers.hosted.title")}</h1>
        <p className="text-slate-700">{t("offers.hosted.signIn")}</p>
        {/* The emailed link brings them back to this offer, not to the account page. */}
        <SignInLinkForm action={requestSignInLinkAction} next={`/account/offers/${encodeURIComponent(id)}`} />
      </div>
    );
  }
  const offer = await hostedOffer(id, customer);
  if (!offer) notFound();
  const now = new Date();
  return (
    <div className="mx-auto max-w-2xl space-y-6" data-testid="hosted-offer">
      <h1 id={HEADING} tabIndex={-1} className="text-3xl font-bold tracking-tight outline-none">{t("offers.hosted.title")}</h1>
      {offer.state === "open" ? (
        <OfferPanel offer={offer.view} actions={offerActions} serverNow={now} fallbackFocusId={HEADING} />
      ) : (
        <p role="status" className="text-slate-700" data-testid="hosted-offer-closed"><span data-merchant-copy>{offer.productName}</span>: {{
          ACCEPTED: () => t("offers.hosted.closed.accepted"),
          DECLINED: () => t("offers.hosted.closed.declined"),
          FAILED: () => t("offers.hosted.closed.failed"),
          EXPIRED: () => t("offers.hosted.closed.expired"),
        }[offer.outcome]()}</p>
      )}
      <Link href="/account" className="inline-block text-sm text-brand-700 underline">{t("offers.hosted.goToAccount")}</Link>
    </div>
  );
}
