// Why a one-click charge failed, in the customer's words: its own module because the accept
// button shows it in the browser (components/offers/failure-message.tsx), where only what the
// store ships of the catalogue is at hand (lib/i18n/client-messages.ts); answer-text.ts has the rest.
import type { FailureKind } from "@/lib/checkout/failures";
import type { Translator } from "@/lib/i18n/translator";

/** Why a one-click charge failed (only soft reasons are named; lib/checkout/failures.ts). */
export function failureText(kind: FailureKind, t: Translator): string {
  switch (kind) {
    case "declined":
      return t("offers.failure.declined");
    case "insufficient_funds":
      return t("offers.failure.insufficientFunds");
    case "expired_card":
      return t("offers.failure.expiredCard");
    case "authentication":
      return t("offers.failure.authentication");
    case "authentication_failed":
      return t("offers.failure.authenticationFailed");
    case "authentication_expired":
      return t("offers.failure.authenticationExpired");
    case "card_not_eligible":
      return t("offers.failure.cardNotEligible");
    case "not_charged":
      return t("offers.failure.notCharged");
    case "cancelled":
      return t("offers.failure.cancelled");
    case "provider_unavailable":
      return t("offers.failure.providerUnavailable");
    case "window_closed":
      return t("offers.failure.windowClosed");
  }
}
