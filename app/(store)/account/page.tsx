import type { Metadata } from "next";
import Link from "next/link";
import { getLocale, getTranslations } from "next-intl/server";
import { AnsweredOffers } from "@/components/offers/answered-offers";
import { OfferPanel } from "@/components/offers/offer-panel";
import { SignInLinkForm } from "@/components/store/sign-in-link-form";
import { currentCustomer } from "@/lib/auth/customer-session";
import { accountSummary } from "@/lib/checkout/customers";
import { hasAccessAt } from "@/lib/entitlements/rules";
import { formatMoney, money } from "@/lib/money/money";
import { accountOffers } from "@/lib/offers/cross-sell";
import { recentlyAnsweredOffers } from "@/lib/offers/view";
import { formatDate } from "@/lib/i18n/dates";
import { offerActions } from "../_offer-actions";
import { requestSignInLinkAction } from "../_session-actions";

export async function generateMetadata(): Promise<Metadata> {
  const t = await getTranslations();
  return { title: t("account.metaTitle"), robots: { index: false } };
}
export const dynamic = "force-dynamic";

const HEADING = "account-heading";

export default async function AccountPage({ searchParams }: { searchParams: Promise<{ error?: string; signed_out?: string }> }) {
  const [customer, { error, signed_out: signedOut }, t, locale] = await Promise.all([currentCustomer(), searchParams, getTranslations(), getLocale()]);
  if (!customer) {
    return (
      <div className="mx-auto max-w-xl space-y-6" data-testid="account-signed-out">
        <div>
          <h1 className="text-3xl font-bold tracking-tight">{t("account.title")}</h1>
          {signedOut ? <p role="status" className="mt-2 text-slate-700" data-testid="signed-out">{t("account.signedOut")}</p> : null}
          <p className="mt-2 text-slate-700">{t("account.signedOutIntro")}</p>
        </div>
        <SignInLinkForm action={requestSignInLinkAction} />
      </div>
    );
  }
  const now = new Date();
  const [{ entitlements, payments, hasSubscriptions }, answered, offers] = await Promise.all([accountSummary(customer.id, locale), recentlyAnsweredOffers(customer, now), accountOffers(customer, now)]);
  const owned = entitlements.filter((e) => hasAccessAt(e, now));
  return (
    <div className="mx-auto max-w-2xl space-y-8">
      <section>
        <h1 id={HEADING} tabIndex={-1} className="text-3xl font-bold tracking-tight outline-none">{t("account.title")}</h1>
        <p className="text-slate-700" data-testid="account-email">{customer.email}</p>
        {error ? <p role="alert" className="mt-2 text-sm text-red-700">{error === "expired" ? t("thankYou.checkoutError.expired") : error === "not_found" ? t("thankYou.checkoutError.notFound") : error === "invalid_quantity" ? t("thankYou.checkoutError.invalidQuantity") : t("store.checkoutUnavailable")}</p> : null}
      </section>
      {answered.length > 0 ? (
        <section aria-labelledby="recent" className="space-y-3">
          <h2 id="recent" className="text-xl font-semibold">{t("account.justAdded")}</h2>
          <AnsweredOffers offers={answered} checkout={offerActions.checkout} serverNow={now} addedLabel={t("offers.addedToAccount")} />
        </section>
      ) : null}
      <section aria-labelledby="owned">
        <h2 id="owned" className="text-xl font-semibold">{t("account.yourProducts")}</h2>
        {owned.length === 0 ? <p className="text-slate-700">{t("account.nothingYet")}</p> : (
          <ul className="mt-2 list-disc pl-5" data-testid="owned-products">
            {owned.map((e) => <li key={e.id}><span data-merchant-copy>{e.product.name}</span>{e.quantity > 1 ? ` × ${e.quantity}` : ""}</li>)}
          </ul>
        )}
        {hasSubscriptions ? <Link href="/account/plan" className="mt-2 inline-block text-sm text-brand-700 underline">{t("account.managePlan")}</Link> : null}
      </section>
      {offers.length > 0 ? (
        <section aria-labelledby="for-you" className="space-y-4">
          <h2 id="for-you" className="text-xl font-semibold">{t("account.pickedForYou")}</h2>
          {offers.map((offer) => <OfferPanel key={offer.impressionId} offer={offer} actions={offerActions} serverNow={now} fallbackFocusId={HEADING} />)}
        </section>
      ) : null}
      <section aria-labelledby="orders">
        <h2 id="orders" className="text-xl font-semibold">{t("account.recentPayments")}</h2>
        {payments.length === 0 ? <p className="text-slate-700">{t("account.noPayments")}</p> : (
          <ul className="mt-2 divide-y divide-slate-200 rounded-lg border border-slate-200 bg-white" data-testid="payments">
            {payments.map((p) => (
              <li key={p.id} className="flex flex-wrap justify-between gap-2 px-4 py-3 text-sm" data-testid="payment">
                <span>
                  <span className="font-medium" data-merchant-copy>{p.description}</span>
                  <span className="block text-slate-600">{formatDate(p.dodoCreatedAt, locale)}{p.cardLast4 ? ` · ${t("account.cardEnding", { last4: p.cardLast4 })}` : ""}</span>
                </span>
                <span className="text-right">{formatMoney(money(p.totalAmount, p.currency), locale)}<span className="block text-slate-600" data-testid="payment-status">{p.statusLabel}</span></span>
              </li>
            ))}
          </ul>
        )}
      </section>
    </div>
  );
}
