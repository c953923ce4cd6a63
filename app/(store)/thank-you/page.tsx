import type { Metadata } from "next";
import { notFound } from "next/navigation";
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
import { formatDate } from "@/lib/plans/quote-view";
import { offerActions } from "../_offer-actions";
import { requestSignInLinkAction } from "../_session-actions";

export const metadata: Metadata = { title: "Your order", robots: { index: false } };

const params = z.object({ order: z.string().min(1).max(64), error: z.string().max(32).optional() });
const HEADING = "order-heading";

const CHECKOUT_ERRORS: Record<string, string> = {
  expired: "This offer has expired, so it can no longer be bought.",
  not_found: "This offer is no longer available.",
};

function OrderSummary({ order }: { order: ThankYouOrder }) {
  const confirmed = order.payment.status === "SUCCEEDED";
  const price = formatPrice({ priceAmount: order.payment.totalAmount, currency: order.payment.currency, billingInterval: order.product.billingInterval, billingIntervalCount: order.product.billingIntervalCount });
  return (
    <section data-testid="order" data-status={order.payment.status} aria-labelledby={HEADING}>
      <h1 id={HEADING} tabIndex={-1} className="text-3xl font-bold tracking-tight outline-none">{confirmed ? "Thank you for your order!" : "Confirming your payment…"}</h1>
      <div className="mt-4 rounded-xl border border-slate-200 bg-white p-5">
        <p className="font-semibold" data-testid="order-product">{order.product.name}</p>
        <p className="text-slate-700" data-testid="order-price">
          {price} · {confirmed ? "Paid" : "Processing"}
          {order.renewsAt ? <> · Renews on {formatDate(order.renewsAt)}</> : null}
        </p>
        {confirmed ? <p className="mt-1 text-sm text-green-800">{order.hasAccess ? "Access granted." : "Unlocking access…"}</p> : null}
      </div>
    </section>
  );
}

function CurrencyNotice({ note }: { note: CurrencyNote }) {
  return (
    <p className="rounded-lg bg-slate-100 p-4 text-sm text-slate-800" data-testid="offers-currency-note">
      We have more for this order, but only priced in {note.offerCurrencies.join(" or ")} for now, so we can&apos;t offer it with your payment in {note.orderCurrency}.
    </p>
  );
}

/** Not signed in (another browser, an old tab), or signed in as someone else: nothing about the order is shown. */
function SignInToSeeOrder({ orderPath, signedInAs }: { orderPath: string; signedInAs: string | null }) {
  return (
    <div className="mx-auto max-w-xl space-y-6" data-testid="order-sign-in">
      <div>
        <h1 className="text-3xl font-bold tracking-tight">Sign in to see this order</h1>
        <p className="mt-2 text-slate-700">
          {signedInAs
            ? `You are signed in as ${signedInAs}, and this order is not in that account. If you bought it with another email address, sign in with that one.`
            : "Orders are shown to their buyer only. Sign in with the email address you used at checkout and we will bring you straight back here."}
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

  const now = new Date();
  const confirmed = order.payment.status === "SUCCEEDED";
  const [funnel, answered] = order.funnelSessionId && confirmed
    ? await Promise.all([currentFunnelOffer(order.funnelSessionId, customer, now), answeredOffers(order.funnelSessionId, customer, now)])
    : [null, []];
  const note = order.funnelSessionId && funnel && funnel.state !== "offer" ? await currencyNote(order.funnelSessionId) : null;
  const checkoutError = parsed.data.error ? (CHECKOUT_ERRORS[parsed.data.error] ?? "Checkout is unavailable right now. Please try again in a moment.") : null;

  return (
    <div className="mx-auto max-w-2xl space-y-8">
      {/* Until Dodo confirms the payment, reload every few seconds; no client script needed. */}
      {confirmed ? null : <meta httpEquiv="refresh" content="2" />}
      <OrderSummary order={order} />
      {checkoutError ? <p role="alert" className="rounded-lg bg-red-50 p-3 text-sm text-red-800">{checkoutError}</p> : null}
      {/* The offer on screen shows its own charge state; the list is the ones the funnel moved past. */}
      <AnsweredOffers offers={funnel?.state === "offer" ? answered.filter((a) => a.impressionId !== funnel.offer.impressionId) : answered} checkout={offerActions.checkout} serverNow={now} />
      {funnel?.state === "offer" ? <OfferPanel offer={funnel.offer} actions={offerActions} serverNow={now} fallbackFocusId={HEADING} /> : null}
      {funnel?.state === "expired" ? <p className="text-sm text-slate-700" data-testid="offers-expired">The offers for this order have expired.</p> : null}
      {note ? <CurrencyNotice note={note} /> : null}
      <p className="text-sm text-slate-700">
        {/* A plain link, not next/link: see components/store/store-chrome.tsx. */}
        <a href="/account" className="underline">Go to your account</a>
      </p>
    </div>
  );
}
