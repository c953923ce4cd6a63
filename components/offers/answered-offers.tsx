import type { AnsweredOffer } from "@/lib/offers/view";
import { formatMoney } from "@/lib/money/money";
import type { OfferActions } from "./actions";
import { CheckoutFallback } from "./checkout-fallback";

/** What became of the offers the customer accepted: added (with access), processing, or failed. */
export function AnsweredOffers({ offers, checkout }: { offers: AnsweredOffer[]; checkout: OfferActions["checkout"] }) {
  if (offers.length === 0) return null;
  return (
    <ul className="space-y-3" data-testid="answered-offers">
      {offers.map((o) => (
        <li key={o.impressionId} className="rounded-lg border border-slate-200 bg-white p-4" data-testid="answered-offer" data-status={o.charge.status}>
          <p className="font-medium">{o.productName} · {formatMoney(o.price)}</p>
          {o.charge.status === "succeeded" ? (
            <p className="text-sm text-green-700">Added to your order. {o.hasAccess ? "Access granted." : "Unlocking access…"}</p>
          ) : null}
          {o.charge.status === "processing" ? <p className="text-sm text-slate-600">Processing your payment…</p> : null}
          {o.charge.status === "failed" ? (
            <div className="mt-1 space-y-2">
              <p className="text-sm text-red-700" role="alert">{o.charge.message}</p>
              {o.charge.offerOtherCard ? <CheckoutFallback impressionId={o.impressionId} label="Use another card (secure checkout)" checkout={checkout} /> : null}
            </div>
          ) : null}
        </li>
      ))}
    </ul>
  );
}
