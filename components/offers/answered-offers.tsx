import { useLocale, useTranslations } from "next-intl";
import type { AnsweredOffer } from "@/lib/offers/view";
import { formatMoney } from "@/lib/money/money";
import type { OfferActions } from "./actions";
import { ChargeNotice } from "./charge-notice";
import { CheckoutFallback } from "./checkout-fallback";
import { OfferClock } from "./countdown";
import { FailureMessage } from "./failure-message";
import { FocusTarget } from "@/components/focus-handoff";
import { answeredTarget } from "@/components/focus-targets";

/**
 * What became of the offers the customer accepted: added (with access), still open (processing,
 * being confirmed, waiting on the bank), or failed (with "use another card" while the offer's
 * window is open). Each entry takes keyboard focus when it appears right after the customer's Accept.
 */
export function AnsweredOffers({ offers, checkout, serverNow, addedLabel }: { offers: AnsweredOffer[]; checkout: OfferActions["checkout"]; serverNow: Date; addedLabel?: string }) {
  const t = useTranslations();
  const locale = useLocale();
  if (offers.length === 0) return null;
  return (
    <ul className="space-y-3" data-testid="answered-offers">
      {offers.map((o) => (
        <FocusTarget key={o.impressionId} id={answeredTarget(o.impressionId)} as="li" className="rounded-lg border border-slate-200 bg-white p-4" data-testid="answered-offer" data-status={o.charge.status}>
          <p className="font-medium">{o.quantity > 1 ? `${o.quantity} × ` : ""}<span data-merchant-copy>{[o.productName, ...o.bundleNames].join(" + ")}</span> · {formatMoney(o.price, locale)}</p>
          {o.charge.status === "succeeded" ? (
            <p className="text-sm text-green-800">{addedLabel ?? t("offers.addedToOrder")} {o.hasAccess ? t("offers.accessGranted") : t("offers.unlockingAccess")}</p>
          ) : null}
          {o.charge.status === "processing" || o.charge.status === "confirming" || o.charge.status === "authenticate" ? (
            <div className="mt-1 text-sm text-slate-700"><ChargeNotice charge={o.charge} impressionId={o.impressionId} checkout={checkout} /></div>
          ) : null}
          {o.charge.status === "failed" ? (
            <div className="mt-1 space-y-2">
              <p className="text-sm text-red-700" role="alert"><FailureMessage kind={o.charge.kind} /></p>
              {o.charge.offerOtherCard ? (
                <OfferClock expiresAt={o.expiresAt.toISOString()} serverNow={serverNow.toISOString()}>
                  <CheckoutFallback impressionId={o.impressionId} label={t("offers.useAnotherCard")} checkout={checkout} quantity={o.quantity} />
                </OfferClock>
              ) : null}
            </div>
          ) : null}
        </FocusTarget>
      ))}
    </ul>
  );
}
