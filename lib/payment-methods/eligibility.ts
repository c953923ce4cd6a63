// Whether a saved payment method may be charged with one click. Pure: it judges the SDK's
// PaymentMethodItem plus what we know about the method from our own payment history.
import type { CustomerRetrievePaymentMethodsResponse } from "dodopayments/resources/customers/customers";

export type PaymentMethodItem = CustomerRetrievePaymentMethodsResponse.Item;

export type MethodContext = {
  now: Date;
  /** Currency of the charge we would make. */
  currency: string;
  /**
   * Currencies this method has been charged in before, from our Payment mirror. Dodo's item has no
   * currency; an empty list means "never seen", which we leave to Dodo to judge at charge time.
   */
  knownCurrencies: readonly string[];
};

export type Ineligibility = "not_a_card" | "off_session_disabled" | "expired" | "currency_mismatch";

export type CardSummary = { paymentMethodId: string; brand: string; last4: string };

export type MethodAssessment = { eligible: true; card: CardSummary } | { eligible: false; reason: Ineligibility };

/** True once the card's expiry month has ended (cards are valid through the end of that month). */
export function isCardExpired(month: string | null | undefined, year: string | null | undefined, now: Date): boolean {
  const m = Number(month);
  let y = Number(year);
  if (!Number.isInteger(m) || !Number.isInteger(y) || m < 1 || m > 12) return true;
  if (y < 100) y += 2000;
  // First instant of the month after expiry, in UTC.
  return now.getTime() >= Date.UTC(y, m, 1);
}

export function assessPaymentMethod(item: PaymentMethodItem, ctx: MethodContext): MethodAssessment {
  if (item.payment_method !== "card" || !item.card) return { eligible: false, reason: "not_a_card" };
  // Dodo marks methods that may be charged without the customer present; absent means "unknown", which Dodo accepts.
  if (item.recurring_enabled === false) return { eligible: false, reason: "off_session_disabled" };
  if (isCardExpired(item.card.expiry_month, item.card.expiry_year, ctx.now)) return { eligible: false, reason: "expired" };
  const wanted = ctx.currency.toUpperCase();
  if (ctx.knownCurrencies.length > 0 && !ctx.knownCurrencies.some((c) => c.toUpperCase() === wanted)) {
    return { eligible: false, reason: "currency_mismatch" };
  }
  return {
    eligible: true,
    card: {
      paymentMethodId: item.payment_method_id,
      brand: brandName(item.card.card_network),
      last4: item.card.last4_digits ?? "????",
    },
  };
}

const BRANDS: Record<string, string> = { visa: "Visa", mastercard: "Mastercard", amex: "American Express", discover: "Discover", rupay: "RuPay" };

export function brandName(network: string | null | undefined): string {
  if (!network) return "Card";
  return BRANDS[network.toLowerCase()] ?? network.charAt(0).toUpperCase() + network.slice(1);
}

/**
 * The method to offer for one click: the one just used for the purchase if it is eligible,
 * otherwise the most recently used eligible one.
 */
export function chooseOneClickMethod(
  items: readonly PaymentMethodItem[],
  ctx: { now: Date; currency: string; preferredMethodId: string | null; knownCurrencies: (methodId: string) => readonly string[] },
): CardSummary | null {
  const eligible = items
    .map((item) => ({ item, assessment: assessPaymentMethod(item, { now: ctx.now, currency: ctx.currency, knownCurrencies: ctx.knownCurrencies(item.payment_method_id) }) }))
    .filter((x): x is { item: PaymentMethodItem; assessment: { eligible: true; card: CardSummary } } => x.assessment.eligible);
  const preferred = eligible.find((x) => x.item.payment_method_id === ctx.preferredMethodId);
  if (preferred) return preferred.assessment.card;
  const byRecency = [...eligible].sort((a, b) => (b.item.last_used_at ?? "").localeCompare(a.item.last_used_at ?? ""));
  return byRecency[0]?.assessment.card ?? null;
}
