import type { Metadata } from "next";
import Link from "next/link";
import { notFound } from "next/navigation";
import { OfferPanel } from "@/components/offers/offer-panel";
import { SignInLinkForm } from "@/components/store/sign-in-link-form";
import { currentCustomer } from "@/lib/auth/customer-session";
import { hostedOffer } from "@/lib/moments/links";
import { offerActions } from "../../../_offer-actions";
import { requestSignInLinkAction } from "../../../_session-actions";

export const metadata: Metadata = { title: "An offer for you", robots: { index: false } };
export const dynamic = "force-dynamic";

const HEADING = "offer-heading";
const CLOSED: Record<string, string> = {
  ACCEPTED: "You took this offer. It is in your account.",
  DECLINED: "You turned this offer down. We won't show it again.",
  FAILED: "This offer's payment did not go through.",
  EXPIRED: "This offer has expired.",
};

// The hosted offer page: where a hosted offer link (POST /api/v1/moments) lands once it has
// signed its customer in. The same panel, one click and fallback as the thank-you page.
export default async function HostedOfferPage({ params }: { params: Promise<{ id: string }> }) {
  const [customer, { id }] = await Promise.all([currentCustomer(), params]);
  if (!customer) {
    return (
      <div className="mx-auto max-w-xl space-y-6">
        <h1 className="text-3xl font-bold tracking-tight">An offer for you</h1>
        <p className="text-slate-700">Please sign in to see this offer.</p>
        <SignInLinkForm action={requestSignInLinkAction} />
      </div>
    );
  }
  const offer = await hostedOffer(id, customer);
  if (!offer) notFound();
  const now = new Date();
  return (
    <div className="mx-auto max-w-2xl space-y-6" data-testid="hosted-offer">
      <h1 id={HEADING} tabIndex={-1} className="text-3xl font-bold tracking-tight outline-none">An offer for you</h1>
      {offer.state === "open" ? (
        <OfferPanel offer={offer.view} actions={offerActions} serverNow={now} fallbackFocusId={HEADING} />
      ) : (
        <p role="status" className="text-slate-700" data-testid="hosted-offer-closed">{offer.productName}: {CLOSED[offer.outcome]}</p>
      )}
      <Link href="/account" className="inline-block text-sm text-brand-700 underline">Go to your account</Link>
    </div>
  );
}
