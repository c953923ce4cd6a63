import { formatPrice } from "@/lib/catalog/format";
import type { OfferView } from "@/lib/offers/view";
import { formatMoney } from "@/lib/money/money";
import type { OfferActions } from "./actions";
import { AcceptButton } from "./accept-button";
import { CheckoutFallback } from "./checkout-fallback";

const EYEBROW: Record<OfferView["kind"], string> = {
  UPSELL: "Add to your order",
  DOWNSELL: "How about this instead?",
  CROSS_SELL: "You might also like",
  UPGRADE: "Upgrade",
};

function pricing(offer: OfferView) {
  const recurring = { billingInterval: offer.product.billingInterval, billingIntervalCount: offer.product.billingIntervalCount };
  const price = formatPrice({ priceAmount: offer.price.amount, currency: offer.price.currency, ...recurring });
  const saving = offer.listPrice.amount - offer.price.amount;
  if (saving <= 0) return { price, list: null, saving: null };
  const percent = Math.round((saving / offer.listPrice.amount) * 100);
  return { price, list: formatMoney(offer.listPrice), saving: `Save ${formatMoney({ amount: saving, currency: offer.price.currency })} (${percent}%)` };
}

/** One offer: what it is, what it costs, which card pays, accept in one click or decline. */
export function OfferPanel({ offer, actions }: { offer: OfferView; actions: OfferActions }) {
  const { price, list, saving } = pricing(offer);
  const acceptLabel = `Accept — one click · ${price}`;
  return (
    <section data-testid="offer" data-offer-kind={offer.kind} className="rounded-2xl border-2 border-brand-500 bg-white p-6 shadow-sm">
      <p className="text-xs font-semibold uppercase tracking-wide text-brand-700">{EYEBROW[offer.kind]}</p>
      <h2 className="mt-1 text-2xl font-bold">{offer.headline}</h2>
      {offer.body ? <p className="mt-2 text-slate-700">{offer.body}</p> : null}
      <div className="mt-4 rounded-lg bg-slate-50 p-4">
        <p className="font-semibold" data-testid="offer-product">{offer.product.name}</p>
        {offer.product.description ? <p className="text-sm text-slate-600">{offer.product.description}</p> : null}
        <p className="mt-2 text-xl font-bold" data-testid="offer-price">
          {price}
          {list ? <s className="ml-2 text-base font-normal text-slate-500">{list}</s> : null}
        </p>
        {saving ? <p className="text-sm font-medium text-green-700">{saving}</p> : null}
      </div>
      <div className="mt-5 space-y-3">
        {offer.card ? (
          <>
            <p className="text-sm text-slate-600" data-testid="offer-card">
              Charged to your {offer.card.brand} ending in {offer.card.last4}. No need to enter anything again.
            </p>
            <AcceptButton key={offer.impressionId} impressionId={offer.impressionId} label={acceptLabel} initial={offer.charge} actions={actions} />
          </>
        ) : (
          <CheckoutFallback impressionId={offer.impressionId} label={`Buy with secure checkout · ${list ?? price}`} checkout={actions.checkout} />
        )}
        {offer.charge ? null : (
          <form action={actions.decline} className="text-center">
            <input type="hidden" name="impressionId" value={offer.impressionId} />
            <button type="submit" className="text-sm text-slate-500 underline hover:text-slate-800">No thanks</button>
          </form>
        )}
      </div>
    </section>
  );
}
