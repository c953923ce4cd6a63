import { useTranslations } from "next-intl";
import type { FailureKind } from "@/lib/checkout/failures";

/** Why a one-click charge failed, in the customer's language (only soft reasons are named; lib/checkout/failures.ts). */
export function FailureMessage({ kind }: { kind: FailureKind }) {
  const t = useTranslations();
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
