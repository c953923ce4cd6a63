// Offer answers worded for the customer, in their language. The services (one click, decline,
// hosted checkout) word refusals in English for logs and the server API; a page, an action or the
// embed prompt shows these instead. One home for every surface that answers a customer.
import type { AcceptResult } from "@/lib/checkout/one-click";
import type { StartResult } from "@/lib/checkout/intents";
import type { FailureKind } from "@/lib/checkout/failures";
import type { Translator } from "@/lib/i18n/translator";
import type { DeclineResult } from "./decide";

type CodeOf<R> = Extract<R, { ok: false }> extends { code: infer C } ? C : never;

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

/** A refused one-click accept. */
export function acceptRefusalText(code: CodeOf<AcceptResult>, t: Translator): string {
  switch (code) {
    case "not_found":
      return t("offers.notAvailable");
    case "already_decided":
      return t("offers.refused.alreadyDecided");
    case "expired":
      return t("offers.refused.expired");
    case "needs_checkout":
      return t("offers.refused.needsCheckout");
    case "invalid_quantity":
      return t("offers.refused.invalidQuantity");
    case "unavailable":
      return t("offers.refused.unavailable");
    case "needs_preview":
      return t("embed.needsPreview");
  }
}

/** A refused "No thanks". */
export function declineRefusalText(code: CodeOf<DeclineResult>, t: Translator): string {
  switch (code) {
    case "not_found":
      return t("offers.notAvailable");
    case "already_decided":
      return t("offers.refused.alreadyDecided");
    case "charge_started":
      return t("offers.refused.chargeStarted");
  }
}

/** A refused start of the hosted-checkout fallback. */
export function checkoutRefusalText(code: CodeOf<StartResult>, t: Translator): string {
  switch (code) {
    case "not_found":
      return t("offers.notAvailable");
    case "expired":
      return t("offers.refused.expired");
    case "invalid_quantity":
      return t("offers.refused.invalidQuantity");
    case "in_progress":
      return t("offers.refused.chargeStarted");
    case "unavailable":
      return t("offers.refused.checkoutUnavailable");
  }
}
