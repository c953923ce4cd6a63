// Turns Dodo's failure codes into what we tell the customer. Only soft reasons are ever named:
// hard declines (stolen, lost, pick-up, fraud…) read as a plain decline, as Dodo's docs require.

export type FailureKind =
  | "declined"
  | "insufficient_funds"
  | "expired_card"
  | "authentication"
  | "authentication_failed"
  | "authentication_expired"
  | "card_not_eligible"
  | "not_charged"
  | "cancelled"
  | "provider_unavailable"
  | "window_closed";

export type CustomerFailure = { kind: FailureKind; message: string; offerOtherCard: boolean };

const MESSAGES: Record<FailureKind, string> = {
  declined: "Your bank declined this charge. Nothing was taken from your card.",
  insufficient_funds: "Your card was declined for insufficient funds. Nothing was taken from your card.",
  expired_card: "Your saved card has expired.",
  authentication: "Your bank asked you to confirm this payment and it was not confirmed, so nothing was charged.",
  authentication_failed: "Your bank could not confirm this payment, so nothing was charged.",
  authentication_expired: "The confirmation with your bank was not completed in time, so nothing was charged.",
  card_not_eligible: "Your saved card can't be used for this purchase.",
  not_charged: "We checked with the payment provider: this payment did not go through, so nothing was charged.",
  cancelled: "This payment was not completed, so nothing was charged.",
  provider_unavailable: "We could not charge you: the payment service did not answer. We did not retry, so you will not be charged twice.",
  window_closed: "This offer has expired.",
};

/** Our own code for a charge whose outcome Dodo never told us (5xx, timeout, network). */
export const PROVIDER_UNAVAILABLE = "PROVIDER_UNAVAILABLE";
/** Our own code: the resolver found no payment at Dodo for the attempt through its settle window. */
export const NOT_CHARGED = "NOT_CHARGED";
/** Our own code: Dodo cancelled the payment without a failure code (e.g. a lapsed authentication). */
export const PAYMENT_CANCELLED = "PAYMENT_CANCELLED";
/** Our own code: a 3-D Secure request left unanswered past Dodo's session lifetime. */
export const AUTHENTICATION_EXPIRED = "AUTHENTICATION_EXPIRED";

const SOFT_CODES: Record<string, FailureKind> = {
  INSUFFICIENT_FUNDS: "insufficient_funds",
  EXPIRED_CARD: "expired_card",
  AUTHENTICATION_REQUIRED: "authentication",
  AUTHENTICATION_FAILURE: "authentication_failed",
  [AUTHENTICATION_EXPIRED]: "authentication_expired",
  NO_ELIGIBLE_PAYMENT_METHODS: "card_not_eligible",
  INVALID_REQUEST_PARAMETERS: "card_not_eligible",
  PAYMENT_METHOD_NOT_FOUND: "card_not_eligible",
  [NOT_CHARGED]: "not_charged",
  [PAYMENT_CANCELLED]: "cancelled",
  [PROVIDER_UNAVAILABLE]: "provider_unavailable",
  OFFER_EXPIRED: "window_closed",
};

export function customerFailure(errorCode: string | null | undefined): CustomerFailure {
  const kind = (errorCode && SOFT_CODES[errorCode.toUpperCase()]) || "declined";
  return { kind, message: MESSAGES[kind], offerOtherCard: kind !== "window_closed" };
}

const CHECKOUT_DECLINES: Partial<Record<FailureKind, string>> = {
  insufficient_funds: "Your card was declined for insufficient funds. Nothing was charged. You can try again with another card.",
  expired_card: "Your card has expired. Nothing was charged. You can try again with another card.",
  authentication: "Your bank could not confirm this payment. Nothing was charged. You can try again.",
};

/** What the hosted-checkout return says about a declined payment: soft reasons named, hard ones plain. */
export function checkoutDeclineMessage(errorCode: string | null | undefined): string {
  return CHECKOUT_DECLINES[customerFailure(errorCode).kind] ?? "Your bank declined this payment. Nothing was charged. You can try again with another card.";
}
