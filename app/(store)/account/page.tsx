import type { Metadata } from "next";
import Link from "next/link";
import { OfferPanel } from "@/components/offers/offer-panel";
import { currentCustomer } from "@/lib/auth/customer-session";
import { accountSummary } from "@/lib/checkout/customers";
import { hasAccessAt } from "@/lib/entitlements/rules";
import { formatMoney, money } from "@/lib/money/money";
import { accountOffers } from "@/lib/offers/cross-sell";
import { offerActions } from "../_offer-actions";

export const metadata: Metadata = { title: "Your account", robots: { index: false } };
export const dynamic = "force-dynamic";

export default async function AccountPage({ searchParams }: { searchParams: Promise<{ error?: string }> }) {
  const customer = await currentCustomer();
  if (!customer) {
    return (
      <div className="mx-auto max-w-xl space-y-3" data-testid="account-signed-out">
        <h1 className="text-3xl font-bold tracking-tight">Your account</h1>
        <p className="text-slate-600">
          You are signed in automatically after a purchase. Otherwise open a sign-in link from the store
          (locally: <code>npm run customer-link -- you@example.com</code>).
        </p>
      </div>
    );
  }
  const [{ entitlements, payments, hasSubscriptions }, offers, { error }] = await Promise.all([accountSummary(customer.id), accountOffers(customer), searchParams]);
  const now = new Date();
  const owned = entitlements.filter((e) => hasAccessAt(e, now));
  return (
    <div className="mx-auto max-w-2xl space-y-8">
      <section>
        <h1 className="text-3xl font-bold tracking-tight">Your account</h1>
        <p className="text-slate-600" data-testid="account-email">{customer.email}</p>
        {error ? <p role="alert" className="mt-2 text-sm text-red-700">Checkout is unavailable right now. Please try again in a moment.</p> : null}
      </section>
      <section aria-labelledby="owned">
        <h2 id="owned" className="text-xl font-semibold">Your products</h2>
        {owned.length === 0 ? <p className="text-slate-600">Nothing yet.</p> : (
          <ul className="mt-2 list-disc pl-5" data-testid="owned-products">
            {owned.map((e) => <li key={e.id}>{e.product.name}</li>)}
          </ul>
        )}
        {hasSubscriptions ? <Link href="/account/plan" className="mt-2 inline-block text-sm text-brand-700 underline">Manage your plan</Link> : null}
      </section>
      {offers.length > 0 ? (
        <section aria-labelledby="for-you" className="space-y-4">
          <h2 id="for-you" className="text-xl font-semibold">Picked for you</h2>
          {offers.map((offer) => <OfferPanel key={offer.impressionId} offer={offer} actions={offerActions} />)}
        </section>
      ) : null}
      <section aria-labelledby="orders">
        <h2 id="orders" className="text-xl font-semibold">Recent payments</h2>
        <ul className="mt-2 divide-y divide-slate-200 rounded-lg border border-slate-200 bg-white">
          {payments.map((p) => (
            <li key={p.id} className="flex justify-between px-4 py-2 text-sm">
              <span>{p.dodoCreatedAt.toISOString().slice(0, 10)}{p.cardLast4 ? ` · card ending ${p.cardLast4}` : ""}</span>
              <span>{formatMoney(money(p.totalAmount, p.currency))} · {p.status.toLowerCase()}</span>
            </li>
          ))}
        </ul>
      </section>
    </div>
  );
}
