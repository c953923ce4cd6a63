import { useTranslations } from "next-intl";
import type { ChargeView } from "@/lib/checkout/outcome";
import type { OfferActions } from "./actions";
import { CheckoutFallback } from "./checkout-fallback";
import { FailureMessage } from "./failure-message";

/**
 * What a one-click charge's state means for the customer, in plain words: processing; being
 * confirmed with the payment provider (an unanswered call — never "not charged"); waiting on their
 * bank's confirmation, with the way to give it; added; or why it failed.
 */
export function ChargeNotice({ charge, impressionId, checkout }: { charge: ChargeView; impressionId: string; checkout: OfferActions["checkout"] }) {
  const t = useTranslations();
  switch (charge.status) {
    case "processing":
      return <p>{t("offers.charge.processing")}</p>;
    case "confirming":
      return (
        <p className="rounded bg-amber-50 p-3 text-amber-900" data-testid="charge-confirming">
          {t("offers.charge.confirming")}
        </p>
      );
    case "authenticate":
      return charge.url ? (
        <div className="space-y-2 rounded bg-amber-50 p-3 text-amber-900" data-testid="charge-authenticate">
          <p>{t("offers.charge.authenticate")}</p>
          <a href={charge.url} className="inline-block rounded-lg bg-slate-900 px-4 py-2 font-semibold text-white hover:bg-slate-700">
            {t("offers.charge.confirmWithBank")}
          </a>
        </div>
      ) : (
        <div className="space-y-2" data-testid="charge-authenticate">
          <p className="text-amber-900">{t("offers.charge.authenticateNoLink")}</p>
          <CheckoutFallback impressionId={impressionId} label={t("offers.charge.payWithCheckout")} checkout={checkout} />
        </div>
      );
    case "succeeded":
      return <p>{t("offers.charge.succeeded")}</p>;
    case "failed":
      return <span className="text-red-700"><FailureMessage kind={charge.kind} /></span>;
  }
}
