import type { Metadata } from "next";
import { notFound } from "next/navigation";
import { getLocale, getTranslations } from "next-intl/server";
import { z } from "zod";
import { AnsweredOffers } from "@/components/offers/answered-offers";
import { OfferPanel } from "@/components/offers/offer-panel";
import { SignInLinkForm } from "@/components/store/sign-in-link-form";
import { currentCustomer } from "@/lib/auth/customer-session";
import { formatPrice } from "@/lib/catalog/format";
import { thankYouOrder, type ThankYouOrder } from "@/lib/checkout/order";
import { currencyNote, type CurrencyNote } from "@/lib/offers/currency-note";
import { currentFunnelOffer } from "@/lib/offers/funnel";
import { answeredOffers } from "@/lib/offers/view";
import { formatDate } from "@/lib/i18n/dates";
import type { Locale } from "@/lib/i18n/locales";
import { translator } from "@/lib/i18n/translator";
import { offerActions } from "../_offer-actions";
import { requestSignInLinkAction } from "../_session-actions";

export async function generateMetadata(): Promise<Metadata> {
  const t = await getTranslations();
  return { title: t("thankYou.metaTitle"), robots: { index: false } };
}

const params = z.object({ order: z.string().min(1).max(64), error: z.string().max(32).optional() });
const HEADING = "order-heading";

function checkoutErrorMessage(code: string, locale: Locale): string {
  const t = translator(locale);
  if (code === "expired") return t("thankYou.checkoutError.expired");
  if (code === "not_found") return t("thankYou.checkoutError.notFound");
  if (code === "invalid_quantity") return t("thankYou.checkoutError.invalidQuantity");
  return t("store.checkoutUnavailable");
}

async function OrderSummary({ order, locale }: { order: ThankYouOrder; locale: Locale }) {
  const t = await getTranslations();
  const confirmed = order.payment.status === "SUCCEEDED";
  const price = formatPrice({ priceAmount: order.payment.totalAmount, currency: order.payment.currency, billingInterval: order.product.billingInterval, billingIntervalCount: order.product.billingIntervalCount }, locale);
  return (
    <section data-testid="order" data-status={order.payment.status} aria-labelledby={HEADING}>
      <h1 id={HEADING} tabIndex={-1} className="text-3xl font-bold tracking-tight outline-none">{confirmed ? t("thankYou.thanks") : t("thankYou.confirming")}</h1>
      <div className="mt-4 rounded-xl border border-slate-200 bg-white p-5">
        <p className="font-semibold" data-testid="order-product" data-merchant-copy>{order.product.name}</p>
        <p className="text-slate-700" data-testid="order-price">
          {price} · {confirmed ? t("thankYou.paid") : t("thankYou.processing")}
          {order.renewsAt ? <> · {t("thankYou.renewsOn", { date: formatDate(order.renewsAt, locale) })}</> : null}
        </p>
        {confirmed ? <p className="mt-1 text-sm text-green-800">{order.hasAccess ? t("offers.accessGranted") : t("offers.unlockingAccess")}</p> : null}
      </div>
    </section>
  );
}

async function CurrencyNotice({ note, locale }: { note: CurrencyNote; locale: Locale }) {
  const t = await getTranslations();
  const currencies = new Intl.ListFormat(locale, { type: "disjunction" }).format(note.offerCurrencies);
  return (
    <p className="rounded-lg bg-slate-100 p-4 text-sm text-slate-800" data-testid="offers-currency-note">
      {t("thankYou.currencyNote", { currencies, orderCurrency: note.orderCurrency })}
    </p>
  );
}

/** Not signed in (another browser, an old tab), or signed in as someone else: nothing about the order is shown. */
async function SignInToSeeOrder({ orderPath, signedInAs }: { orderPath: string; signedInAs: string | null }) {
  const t = await getTranslations();
  return (
    <div className="mx-auto max-w-xl space-y-6" data-testid="order-sign-in">
      <div>
        <h1 className="text-3xl font-bold tracking-tight">{t("thankYou.signIn.title")}</h1>
        <p className="mt-2 text-slate-700">
          {signedInAs ? t("thankYou.signIn.otherAccount", { email: signedInAs }) : t("thankYou.signIn.buyerOnly")}
        </p>
      </div>
      <SignInLinkForm action={requestSignInLinkAction} next={orderPath} />
    </div>
  );
}

export default async function ThankYouPage({ searchParams }: { searchParams: Promise<Record<string, string | string[] | undefined>> }) {
  const parsed = params.safeParse(await searchParams);
  if (!parsed.success) notFound();
  const customer = await currentCustomer();
  const order = customer ? await thankYouOrder(parsed.data.order, customer) : null;
  if (!customer || !order) return <SignInToSeeOrder orderPath={`/thank-you?order=${encodeURIComponent(parsed.data.order)}`} signedInAs={customer?.email ?? null} />;

  const [t, locale] = await Promise.all([getTranslations(), getLocale()]);
  const now = new Date();
  const confirmed = order.payment.status === "SUCCEEDED";
  const [funnel, answered] = order.funnelSessionId && confirmed
    ? await Promise.all([currentFunnelOffer(order.funnelSessionId, customer, now), answeredOffers(order.funnelSessionId, customer, now)])
    : [null, []];
  const note = order.funnelSessionId && funnel && funnel.state !== "offer" ? await currencyNote(order.funnelSessionId) : null;
  const checkoutError = parsed.data.error ? checkoutErrorMessage(parsed.data.error, locale) : null;

  return (
    <div className="mx-auto max-w-2xl space-y-8">
      {/* Until Dodo confirms the payment, reload every few seconds; no client script needed. */}
      {confirmed ? null : <meta httpEquiv="refresh" content="2" />}
      <OrderSummary order={order} locale={locale} />
      {checkoutError ? <p role="alert" className="rounded-lg bg-red-50 p-3 text-sm text-red-800">{checkoutError}</p> : null}
      {/* The offer on screen shows its own charge state; the list is the ones the funnel moved past. */}
      <AnsweredOffers offers={funnel?.state === "offer" ? answered.filter((a) => a.impressionId !== funnel.offer.impressionId) : answered} checkout={offerActions.checkout} serverNow={now} />
      {funnel?.state === "offer" ? <OfferPanel offer={funnel.offer} actions={offerActions} serverNow={now} fallbackFocusId={HEADING} /> : null}
      {funnel?.state === "expired" ? <p className="text-sm text-slate-700" data-testid="offers-expired">{t("thankYou.offersExpired")}</p> : null}
      {note ? <CurrencyNotice note={note} locale={locale} /> : null}
      <p className="text-sm text-slate-700">
        {/* A plain link, not next/link: see components/store/store-chrome.tsx. */}
        <a href="/account" className="underline">{t("thankYou.goToAccount")}</a>
      </p>
    </div>
  );
}
