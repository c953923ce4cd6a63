import type { CountryCode } from "dodopayments/resources/index";

/** Outcome of a charge attempt on a test card. */
export type ChargeOutcome =
  | { kind: "succeeded" }
  | { kind: "failed"; error_code: string; error_message: string }
  | { kind: "requires_customer_action" };

interface TestCard {
  network: string;
  country: CountryCode;
  /** Refused on every charge (also at checkout, so it is never saved from the hosted page). */
  decline?: { error_code: string; error_message: string };
  /** Attaches and pays on-session, then refuses every off-session charge (renewals, plan changes, one-click). */
  offSessionDecline?: { error_code: string; error_message: string };
  /** The issuer asks for 3-D Secure on every charge: on the hosted page, and off-session (`requires_customer_action`). */
  authentication?: boolean;
}

export interface ChargeContext {
  offSession: boolean;
  /** The customer has just completed the bank's authentication for this payment. */
  authenticated: boolean;
  /** `force_3ds` on the session ("Override merchant default 3DS behaviour", SDK). */
  force3ds: boolean;
}

/**
 * Dodo's documented test cards (docs: miscellaneous/testing-process, features/payment-methods/cards),
 * plus one Dodo does not document: `4000002500003155`, Stripe's "requires authentication" card, which
 * older Dodo docs point to for 3-D Secure. Whether Dodo test mode honours it is UNCONFIRMED; here its
 * charges need the customer's authentication, on-session and off-session alike.
 */
export const TEST_CARDS: Record<string, TestCard> = {
  "4242424242424242": { network: "visa", country: "US" },
  "5555555555554444": { network: "mastercard", country: "US" },
  "4576238912771450": { network: "visa", country: "IN" },
  "5409162669381034": { network: "mastercard", country: "IN" },
  "4000000000000002": {
    network: "visa",
    country: "US",
    decline: { error_code: "GENERIC_DECLINE", error_message: "Your card was declined." },
  },
  "4000000000009995": {
    network: "visa",
    country: "US",
    decline: { error_code: "INSUFFICIENT_FUNDS", error_message: "Your card has insufficient funds." },
  },
  "4000000000000341": {
    network: "visa",
    country: "US",
    offSessionDecline: { error_code: "CARD_DECLINED", error_message: "The card was declined for an off-session charge." },
  },
  "4000002500003155": { network: "visa", country: "US", authentication: true },
};

/** Cards offered on the hosted checkout page, in display order. */
export const HOSTED_PAGE_CARDS = [
  { number: "4242424242424242", label: "Visa 4242 — succeeds" },
  { number: "5555555555554444", label: "Mastercard 4444 — succeeds" },
  { number: "4000000000000002", label: "Visa 0002 — generic decline" },
  { number: "4000000000009995", label: "Visa 9995 — insufficient funds" },
  { number: "4000000000000341", label: "Visa 0341 — pays now, fails off-session" },
  { number: "4000002500003155", label: "Visa 3155 — asks for 3-D Secure, every charge" },
] as const;

export function testCard(cardNumber: string): TestCard | undefined {
  return TEST_CARDS[cardNumber];
}

export function chargeOutcome(cardNumber: string, context: ChargeContext): ChargeOutcome {
  const card = TEST_CARDS[cardNumber];
  if (!card) return { kind: "failed", error_code: "CARD_DECLINED", error_message: "Unknown test card." };
  if (card.decline) return { kind: "failed", ...card.decline };
  if ((card.authentication || context.force3ds) && !context.authenticated) return { kind: "requires_customer_action" };
  if (context.offSession && card.offSessionDecline) return { kind: "failed", ...card.offSessionDecline };
  return { kind: "succeeded" };
}
