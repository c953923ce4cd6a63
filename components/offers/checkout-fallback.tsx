import type { OfferActions } from "./actions";

/** Hosted checkout for an offer: when one-click is not possible, or to try another card. */
export function CheckoutFallback({ impressionId, label, checkout }: { impressionId: string; label: string; checkout: OfferActions["checkout"] }) {
  return (
    <form action={checkout}>
      <input type="hidden" name="impressionId" value={impressionId} />
      <button type="submit" className="w-full rounded-lg border border-brand-600 px-5 py-3 font-semibold text-brand-700 hover:bg-brand-50">
        {label}
      </button>
    </form>
  );
}
