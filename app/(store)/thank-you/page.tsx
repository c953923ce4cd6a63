import type { Metadata } from "next";
import Link from "next/link";
import { notFound } from "next/navigation";
import { z } from "zod";
import { AnsweredOffers } from "@/components/offers/answered-offers";
import { OfferPanel } from "@/components/offers/offer-panel";
import { currentCustomer } from "@/lib/auth/customer-session";
import { thankYouOrder } from "@/lib/checkout/order";
import { formatMoney, money } from "@/lib/money/money";
import { currentFunnelOffer } from "@/lib/offers/funnel";
import { answeredOffers } from "@/lib/offers/view";
import { offerActions } from "../_offer-actions";

export const metadata: Metadata = { title: "Thank you", robots: { index: false } };

const params = z.object({ order: z.string().min(1).max(64) });

export default async function ThankYouPage({ searchParams }: { searchParams: Promise<Record<string, string | string[] | undefined>> }) {
  const parsed = params.safeParse(await searchParams);
  const customer = await currentCustomer();
  if (!parsed.success || !customer) notFound();
  const order = await thankYouOrder(parsed.data.order, customer);
  if (!order) notFound();

  const confirmed = order.payment.status === "SUCCEEDED";
  const [funnel, answered] = order.funnelSessionId && confirmed
    ? await Promise.all([currentFunnelOffer(order.funnelSessionId, customer), answeredOffers(order.funnelSessionId, customer)])
    : [null, []];

  return (
    <div className="mx-auto max-w-2xl space-y-8">
      {/* Until Dodo confirms the payment, reload every few seconds; no client script needed. */}
      {confirmed ? null : <meta httpEquiv="refresh" content="2" />}
      <section data-testid="order" data-status={order.payment.status}>
        <h1 className="text-3xl font-bold tracking-tight">{confirmed ? "Thank you for your order!" : "Confirming your payment…"}</h1>
        <div className="mt-4 rounded-xl border border-slate-200 bg-white p-5">
          <p className="font-semibold">{order.product.name}</p>
          <p className="text-slate-600">
            {formatMoney(money(order.payment.totalAmount, order.payment.currency))} · {confirmed ? "Paid" : "Processing"}
          </p>
          {confirmed ? <p className="mt-1 text-sm text-green-700">{order.hasAccess ? "Access granted." : "Unlocking access…"}</p> : null}
        </div>
      </section>
      <AnsweredOffers offers={answered} checkout={offerActions.checkout} />
      {funnel?.state === "offer" ? <OfferPanel offer={funnel.offer} actions={offerActions} /> : null}
      {funnel?.state === "expired" ? <p className="text-sm text-slate-500" data-testid="offers-expired">These offers have expired.</p> : null}
      <p className="text-sm text-slate-500">
        <Link href="/account" className="underline">Go to your account</Link>
      </p>
    </div>
  );
}
