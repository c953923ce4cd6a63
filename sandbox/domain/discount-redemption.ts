import type { Currency, Discount } from "dodopayments/resources/index";
import type { SandboxCore } from "../core";
import { ApiError, invalid } from "../http/errors";
import type { CartLine, DiscountRecord, PaymentRecord } from "../state/types";
import { findDiscountByCode } from "./discounts";

/** SDK: "Stacked discount codes to apply, in order. Max 20." */
const MAX_STACKED_CODES = 20;
const FULL_PERCENT_BPS = 10_000;

export interface CodeRequest {
  discount_code?: string | null;
  discount_codes?: string[] | null;
}

export interface DiscountedCart {
  /** The cart with each line's `discount` filled in. */
  lines: CartLine[];
  discount_total: number;
  /** What the buyer pays: the lines' amounts minus their discounts. */
  total: number;
}

/**
 * Refusals use the codes of Dodo's error-code reference (Discounts). The reference gives no HTTP
 * status except 503 for DISCOUNT_CONCURRENT_REDEMPTION; 422 (as the checkout OAS lists for invalid
 * requests) is UNCONFIRMED for the others.
 */
const refuse = (code: string, message: string) => new ApiError(422, code, message);

/** Resolves a request's codes to discount ids, in stacking order; an unknown code is `INVALID_DISCOUNT_CODE`. */
export function resolveDiscountCodes(core: SandboxCore, request: CodeRequest): string[] {
  if (request.discount_code && request.discount_codes?.length) {
    throw invalid("discount_code cannot be used together with discount_codes", "INVALID_REQUEST_BODY");
  }
  const codes = request.discount_codes?.length ? request.discount_codes : request.discount_code ? [request.discount_code] : [];
  if (codes.length > MAX_STACKED_CODES) throw invalid(`discount_codes holds at most ${MAX_STACKED_CODES} codes`, "INVALID_REQUEST_BODY");
  const ids = codes.map((code) => {
    const record = findDiscountByCode(core, code);
    if (!record) throw refuse("INVALID_DISCOUNT_CODE", `Discount code ${code} is not valid`);
    return record.discount.discount_id;
  });
  if (new Set(ids).size !== ids.length) throw invalid("discount_codes holds the same code twice", "INVALID_REQUEST_BODY");
  return ids;
}

function appliesToProduct(discount: Discount, productId: string): boolean {
  return discount.restricted_to.length === 0 || discount.restricted_to.includes(productId);
}

export interface ApplyOptions {
  /** The payment is being made now: a contended usage-limited code answers 503. */
  redeeming?: boolean;
  /** Change-plan and renewals discount subscription lines (their cycles are tracked on the subscription). */
  subscriptionLines?: boolean;
  /** Discounts already attached to a subscription: a renewal applies them without redeeming them again. */
  attached?: boolean;
}

/**
 * Checks each discount can be redeemed now (by `customerId`, when known) and applies them in order.
 * Each one works on what earlier ones left: a percentage takes its share of every eligible line
 * (round half up to minor units, per line or on their subtotal as `percentage_discount_rounding`
 * says, then capped by the currency's `max_amount_possible`); a flat code
 * deducts its currency row's amount, spread over the eligible lines in proportion to what is left.
 */
export function applyDiscounts(
  core: SandboxCore,
  cart: { lines: CartLine[]; currency: Currency },
  discountIds: string[],
  customerId: string | null,
  options: ApplyOptions = {},
): DiscountedCart {
  const { redeeming = false, subscriptionLines = false, attached = false } = options;
  const lines = cart.lines.map((line) => ({ ...line, discount: 0 }));
  for (const id of discountIds) {
    const record = attached ? core.state.discounts[id]! : liveDiscount(core, id);
    const discount = record.discount;
    if (!attached) assertRedeemable(core, discount, customerId);
    if (redeeming) assertNoContention(record);
    const eligible = lines.filter((line) => appliesToProduct(discount, line.product_id));
    if (eligible.length === 0) {
      throw refuse("DISCOUNT_NOT_AVAILABLE_FOR_PRODUCT", `Discount code ${discount.code} does not apply to the products in this cart`);
    }
    if (!subscriptionLines && eligible.some((line) => line.is_subscription)) {
      // A checkout's subscription would have to carry the discount into its renewals; the sandbox
      // models that for change-plan only (subscription-discounts.ts).
      throw refuse("DISCOUNT_ON_SUBSCRIPTION_NOT_SUPPORTED", "The sandbox applies discount codes to one-time products only");
    }
    const option = discount.currency_options?.find((o) => o.currency === cart.currency);
    const eligibleSubtotal = eligible.reduce((sum, line) => sum + line.amount, 0);
    if (option && eligibleSubtotal < option.minimum_subtotal) {
      throw refuse("DISCOUNT_MINIMUM_SUBTOTAL_NOT_MET", `Cart subtotal is below the discount's minimum required subtotal of ${option.minimum_subtotal}`);
    }
    const remaining = eligible.map((line) => line.amount - line.discount);
    const cuts = discount.type === "percentage"
      ? percentageCuts(remaining, discount.amount, option?.max_amount_possible ?? null, core.settings.percentage_discount_rounding)
      : flatCuts(remaining, discount, option);
    eligible.forEach((line, i) => (line.discount += cuts[i]!));
  }
  const discount_total = lines.reduce((sum, line) => sum + line.discount, 0);
  return { lines, discount_total, total: lines.reduce((sum, line) => sum + line.amount, 0) - discount_total };
}

/**
 * The preview's per-line `discount_amount`: the basis-point rate of the percentage codes on the line
 * (stacked codes compound), 0 without any, and null once a flat code is involved (SDK comment).
 */
export function previewRateBps(core: SandboxCore, discountIds: string[], productId: string): number | null {
  const applied = discountIds.map((id) => liveDiscount(core, id).discount).filter((d) => appliesToProduct(d, productId));
  if (applied.some((d) => d.type === "flat")) return null;
  const kept = applied.reduce((share, d) => share * (1 - d.amount / FULL_PERCENT_BPS), 1);
  return Math.round((1 - kept) * FULL_PERCENT_BPS);
}

/**
 * Error codes: DISCOUNT_CONCURRENT_REDEMPTION (HTTP 503) when "another redemption of the same code
 * held the usage-limit row lock too long" — transient, safe to retry. The sandbox runs one request at
 * a time, so the control plane arms it (`POST /_sandbox/discounts/{id}/contention`) for the next
 * redemptions of a usage-limited code; nothing is charged or counted.
 */
function assertNoContention(record: DiscountRecord): void {
  if (!record.contention || record.discount.usage_limit == null) return;
  record.contention -= 1;
  throw new ApiError(503, "DISCOUNT_CONCURRENT_REDEMPTION", "Discount is being redeemed concurrently; please retry");
}

/** A discount that still exists; one deleted after the session was created no longer redeems. */
function liveDiscount(core: SandboxCore, discountId: string): DiscountRecord {
  const record = core.state.discounts[discountId];
  if (!record || record.deleted) throw refuse("INVALID_DISCOUNT_CODE", "The discount code is no longer valid");
  return record;
}

/** A succeeded payment uses each of its discounts once. */
export function countDiscountUses(core: SandboxCore, payment: PaymentRecord): void {
  for (const id of payment.discount_ids) {
    const record = core.state.discounts[id];
    if (record) record.discount.times_used += 1;
  }
}

function assertRedeemable(core: SandboxCore, discount: Discount, customerId: string | null): void {
  const now = Date.parse(core.now());
  if (discount.starts_at && Date.parse(discount.starts_at) > now) {
    throw refuse("DISCOUNT_NOT_YET_ACTIVE", "Discount code is not yet active (starts_at is in the future)");
  }
  if (discount.expires_at && Date.parse(discount.expires_at) <= now) {
    throw refuse("DISCOUNT_CODE_EXPIRED", `Discount code ${discount.code} has expired`);
  }
  // Charges still settling hold their use, so concurrent one-clicks cannot overshoot the limit.
  const uses = usesOf(core, discount.discount_id);
  if (discount.usage_limit != null && discount.times_used + uses.settling >= discount.usage_limit) {
    throw refuse("DISCOUNT_CODE_USAGE_LIMIT_EXCEEDED", `Discount code ${discount.code} hit usage limit`);
  }
  if (!customerId) return; // checked again once the hosted page knows the buyer
  const byCustomer = uses.payments.filter((p) => p.customer_id === customerId).length;
  if (discount.per_customer_usage_limit != null && byCustomer >= discount.per_customer_usage_limit) {
    throw refuse("DISCOUNT_PER_CUSTOMER_USAGE_LIMIT_EXCEEDED", "Per-customer usage limit exceeded for this discount code");
  }
  if (!eligibleCustomer(core, discount, customerId)) {
    throw refuse("DISCOUNT_CUSTOMER_NOT_ELIGIBLE", "Customer is not eligible for this discount code");
  }
}

/** Payments that used (succeeded) or are about to use (processing, or waiting for 3-D Secure) the discount. */
function usesOf(core: SandboxCore, discountId: string): { payments: PaymentRecord[]; settling: number } {
  const inFlight = (p: PaymentRecord) => p.status === "processing" || p.status === "requires_customer_action";
  const payments = Object.values(core.state.payments).filter((p) => p.discount_ids.includes(discountId) && (p.status === "succeeded" || inFlight(p)));
  return { payments, settling: payments.filter(inFlight).length };
}

/** `specific` needs customers attached through an endpoint SDK 2.52 does not have, so it fails closed. */
function eligibleCustomer(core: SandboxCore, discount: Discount, customerId: string): boolean {
  if (discount.customer_eligibility === "any") return true;
  if (discount.customer_eligibility === "specific") return false;
  const hasPaid = Object.values(core.state.payments).some((p) => p.customer_id === customerId && p.status === "succeeded");
  return discount.customer_eligibility === "existing" ? hasPaid : !hasPaid;
}

function percentageCuts(remaining: number[], bps: number, cap: number | null, rounding: "per_line" | "subtotal"): number[] {
  const cutOf = (amount: number) => Math.floor((amount * bps + FULL_PERCENT_BPS / 2) / FULL_PERCENT_BPS);
  // `percentage_discount_rounding` (UNCONFIRMED): each line on its own, or the subtotal once.
  const cuts = rounding === "per_line" ? remaining.map(cutOf) : spread(cutOf(remaining.reduce((sum, amount) => sum + amount, 0)), remaining);
  const total = cuts.reduce((sum, cut) => sum + cut, 0);
  return cap !== null && total > cap ? spread(cap, remaining) : cuts;
}

function flatCuts(remaining: number[], discount: Discount, option: Discount.CurrencyOption | undefined): number[] {
  // Dodo converts the default row into other currencies; the sandbox has no exchange rates.
  if (option?.max_amount_possible == null) {
    throw refuse("DISCOUNT_NOT_AVAILABLE_FOR_CURRENCY", `Flat discount ${discount.code} has no amount for this currency in the sandbox`);
  }
  const left = remaining.reduce((sum, amount) => sum + amount, 0);
  return spread(Math.min(option.max_amount_possible, left), remaining);
}

/** Splits `total` minor units over `weights` proportionally; leftover units go to the largest remainders. */
function spread(total: number, weights: number[]): number[] {
  const sum = weights.reduce((acc, w) => acc + w, 0);
  if (sum === 0) return weights.map(() => 0);
  const shares = weights.map((w) => Math.floor((total * w) / sum));
  const order = weights.map((w, i) => ({ i, rest: (total * w) % sum })).sort((a, b) => b.rest - a.rest || a.i - b.i);
  let left = total - shares.reduce((acc, s) => acc + s, 0);
  for (const { i } of order) {
    if (left === 0) break;
    shares[i]! += 1;
    left -= 1;
  }
  return shares;
}
