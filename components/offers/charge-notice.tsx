import type { ChargeView } from "@/lib/checkout/outcome";
import type { OfferActions } from "./actions";
import { CheckoutFallback } from "./checkout-fallback";

/**
 * What a one-click charge's state means for the customer, in plain words: processing; being
 * confirmed with the payment provider (an unanswered call — never "not charged"); waiting on their
 * bank's confirmation, with the way to give it; added; or why it failed.
 */
export function ChargeNotice({ charge, impressionId, checkout }: { charge: ChargeView; impressionId: string; checkout: OfferActions["checkout"] }) {
  switch (charge.status) {
    case "processing":
      return <p>Processing your payment…</p>;
    case "confirming":
      return (
        <p className="rounded bg-amber-50 p-3 text-amber-900" data-testid="charge-confirming">
          We are confirming this payment with your bank: the payment provider did not answer in time, so it may already have gone through.
          Please don&apos;t pay for it again; this page updates by itself as soon as we know.
        </p>
      );
    case "authenticate":
      return charge.url ? (
        <div className="space-y-2 rounded bg-amber-50 p-3 text-amber-900" data-testid="charge-authenticate">
          <p>Your bank wants you to confirm this payment. Nothing is charged until you do.</p>
          <a href={charge.url} className="inline-block rounded-lg bg-slate-900 px-4 py-2 font-semibold text-white hover:bg-slate-700">
            Confirm with your bank
          </a>
        </div>
      ) : (
        <div className="space-y-2" data-testid="charge-authenticate">
          <p className="text-amber-900">Your bank wants you to confirm this payment, which one click can&apos;t do. Nothing has been charged; you can pay with secure checkout instead.</p>
          <CheckoutFallback impressionId={impressionId} label="Pay with secure checkout" checkout={checkout} />
        </div>
      );
    case "succeeded":
      return <p>Payment received.</p>;
    case "failed":
      return <span className="text-red-700">{charge.message}</span>;
  }
}
