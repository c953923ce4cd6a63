import type { CountryCode } from "dodopayments/resources/index";

/** Outcome of a charge attempt on a test card. */
export type ChargeOutcome = { ok: true } | { ok: false; error_code: string; error_message: string };

interface TestCard {
  network: string;
  country: CountryCode;
  /** Refused on every charge (also at checkout, so it is never saved from the hosted page). */
  decline?: { error_code: string; error_message: string };
  /** Attaches and pays on-session, then refuses every off-session charge (renewals, plan changes, one-click). */
  offSessionDecline?: { error_code: string; error_message: string };
}

/** Dodo's documented test cards (docs: miscellaneous/testing-process, features/payment-methods/cards). */
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
};

/** Cards offered on the hosted checkout page, in display order. */
export const HOSTED_PAGE_CARDS = [
  { number: "4242424242424242", label: "Visa 4242 — succeeds" },
  { number: "5555555555554444", label: "Mastercard 4444 — succeeds" },
  { number: "4000000000000002", label: "Visa 0002 — generic decline" },
  { number: "4000000000009995", label: "Visa 9995 — insufficient funds" },
  { number: "4000000000000341", label: "Visa 0341 — pays now, fails off-session" },
] as const;

export function testCard(cardNumber: string): TestCard | undefined {
  return TEST_CARDS[cardNumber];
}

export function chargeOutcome(cardNumber: string, offSession: boolean): ChargeOutcome {
  const card = TEST_CARDS[cardNumber];
  if (!card) return { ok: false, error_code: "CARD_DECLINED", error_message: "Unknown test card." };
  if (card.decline) return { ok: false, ...card.decline };
  if (offSession && card.offSessionDecline) return { ok: false, ...card.offSessionDecline };
  return { ok: true };
}
