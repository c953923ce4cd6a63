import type { Metadata } from "next";
import Link from "next/link";
import { AnsweredOffers } from "@/components/offers/answered-offers";
import { OfferPanel } from "@/components/offers/offer-panel";
import { SignInLinkForm } from "@/components/store/sign-in-link-form";
import { currentCustomer } from "@/lib/auth/customer-session";
import { accountSummary } from "@/lib/checkout/customers";
import { hasAccessAt } from "@/lib/entitlements/rules";
import { formatMoney, money } from "@/lib/money/money";
import { accountOffers } from "@/lib/offers/cross-sell";
import { recentlyAnsweredOffers } from "@/lib/offers/view";
import { formatDate } from "@/lib/plans/quote-view";
import { offerActions } from "../_offer-actions";
import { requestSignInLinkAction } from "../_session-actions";

export const metadata: Metadata = { title: "Your account", robots: { index: false } };
export const dynamic = "force-dynamic";

const HEADING = "account-heading";
const ERRORS: Record<string, string> = {
  expired: "This offer has expired, so it can no longer be bought.",
  not_found: "This offer is no longer available.",
};

export default async function AccountPage({ searchParams }: { searchParams: Promise<{ error?: string; signed_out?: string }> }) {
  const [customer, { error, signed_out: signedOut }] = await Promise.all([currentCustomer(), searchParams]);
  if (!customer) {
    return (
      <div className="mx-auto max-w-xl space-y-6" data-testid="account-signed-out">
        <div>
          <h1 className="text-3xl font-bold tracking-tight">Your account</h1>
          {signedOut ? <p role="status" className="mt-2 text-slate-700" data-testid="signed-out">You have signed out.</p> : null}
          <p className="mt-2 text-slate-700">Your orders and products are here once you sign in. You are signed in automatically after a purchase.</p>
        </div>
        <SignInLinkForm action={requestSignInLinkAction} />
      </div>
    );
  }
  const now = new Date();
  const [{ entitlements, payments, hasSubscriptions }, answered, offers] = await Promise.all([accountSummary(customer.id), recentlyAnsweredOffers(customer, now), accountOffers(customer, now)]);
  const owned = entitlements.filter((e) => hasAccessAt(e, now));
  return (
    <div className="mx-auto max-w-2xl space-y-8">
      <section>
        <h1 id={HEADING} tabIndex={-1} className="text-3xl font-bold tracking-tight outline-none">Your account</h1>
        <p className="text-slate-700" data-testid="account-email">{customer.email}</p>
        {error ? <p role="alert" className="mt-2 text-sm text-red-700">{ERRORS[error] ?? "Checkout is unavailable right now. Please try again in a moment."}</p> : null}
      </section>
      {answered.length > 0 ? (
        <section aria-labelledby="recent" className="space-y-3">
          <h2 id="recent" className="text-xl font-semibold">Just added</h2>
          <AnsweredOffers offers={answered} checkout={offerActions.checkout} serverNow={now} addedLabel="Added to your account." />
        </section>
      ) : null}
      <section aria-labelledby="owned">
        <h2 id="owned" className="text-xl font-semibold">Your products</h2>
        {owned.length === 0 ? <p className="text-slate-700">Nothing yet.</p> : (
          <ul className="mt-2 list-disc pl-5" data-testid="owned-products">
            {owned.map((e) => <li key={e.id}>{e.product.name}{e.quantity > 1 ? ` × ${e.quantity}` : ""}</li>)}
          </ul>
        )}
        {hasSubscriptions ? <Link href="/account/plan" className="mt-2 inline-block text-sm text-brand-700 underline">Manage your plan</Link> : null}
      </section>
      {offers.length > 0 ? (
        <section aria-labelledby="for-you" className="space-y-4">
          <h2 id="for-you" className="text-xl font-semibold">Picked for you</h2>
          {offers.map((offer) => <OfferPanel key={offer.impressionId} offer={offer} actions={offerActions} serverNow={now} fallbackFocusId={HEADING} />)}
        </section>
      ) : null}
      <section aria-labelledby="orders">
        <h2 id="orders" className="text-xl font-semibold">Recent payments</h2>
        {payments.length === 0 ? <p className="text-slate-700">No payments yet.</p> : (
          <ul className="mt-2 divide-y divide-slate-200 rounded-lg border border-slate-200 bg-white" data-testid="payments">
            {payments.map((p) => (
              <li key={p.id} className="flex flex-wrap justify-between gap-2 px-4 py-3 text-sm" data-testid="payment">
                <span>
                  <span className="font-medium">{p.description}</span>
                  <span className="block text-slate-600">{formatDate(p.dodoCreatedAt)}{p.cardLast4 ? ` · card ending ${p.cardLast4}` : ""}</span>
                </span>
                <span className="text-right">{formatMoney(money(p.totalAmount, p.currency))}<span className="block text-slate-600" data-testid="payment-status">{p.statusLabel}</span></span>
              </li>
            ))}
          </ul>
        )}
      </section>
    </div>
  );
}
