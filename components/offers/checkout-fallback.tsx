"use client";
import type { OfferActions } from "./actions";
import { useOfferClock } from "./countdown";

/** Hosted checkout for an offer: when one-click is not possible, or to try another card. Closed with the offer's window. */
export function CheckoutFallback({ impressionId, label, checkout }: { impressionId: string; label: string; checkout: OfferActions["checkout"] }) {
  const { expired } = useOfferClock();
  return (
    <form action={checkout}>
      <input type="hidden" name="impressionId" value={impressionId} />
      <button type="submit" disabled={expired} className="w-full rounded-lg border border-brand-700 px-5 py-3 font-semibold text-brand-700 hover:bg-brand-50 disabled:cursor-not-allowed disabled:border-slate-400 disabled:text-slate-600">
        {expired ? "Offer expired" : label}
      </button>
    </form>
  );
}
