// Offer answers worded for the customer, in their language. The services (one click, decline,
// hosted checkout) word refusals in English for logs and the server API; a page, an action or the
// embed prompt shows these instead. One home for every surface that answers a customer.
import type { AcceptResult } from "@/lib/checkout/one-click";
import type { StartResult } from "@/lib/checkout/intents";
import type { Translator } from "@/lib/i18n/translator";
import type { DeclineResult } from "./decide";

type CodeOf<R> = Extract<R, { ok: false }> extends { code: infer C } ? C : never;

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
