"use client";
import { useTranslations } from "next-intl";
import type { OfferActions } from "./actions";
import { useOfferClock } from "./countdown";
import { QuantityField, usePriceText } from "./quantity";

/**
 * Hosted checkout for an offer: when one-click is not possible, or to try another card. Closed with
 * the offer's window. `withPrice` adds the price of the units chosen to the label; `quantity` fixes
 * the units (a retry of a charge that failed), else the panel's quantity selector decides.
 */
export function CheckoutFallback({ impressionId, label, checkout, withPrice = false, quantity }: { impressionId: string; label: string; checkout: OfferActions["checkout"]; withPrice?: boolean; quantity?: number }) {
  const { expired } = useOfferClock();
  const priceText = usePriceText();
  const t = useTranslations();
  return (
    <form action={checkout}>
      <input type="hidden" name="impressionId" value={impressionId} />
      {quantity === undefined ? <QuantityField /> : quantity > 1 ? <input type="hidden" name="quantity" value={quantity} /> : null}
      <button type="submit" disabled={expired} className="w-full rounded-lg border border-brand-700 px-5 py-3 font-semibold text-brand-700 hover:bg-brand-50 disabled:cursor-not-allowed disabled:border-slate-400 disabled:text-slate-600">
        {expired ? t("offers.expiredButton") : withPrice ? `${label} · ${priceText}` : label}
      </button>
    </form>
  );
}
