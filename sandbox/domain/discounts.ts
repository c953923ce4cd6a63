import { randomInt } from "node:crypto";
import type {
  Discount,
  DiscountCreateParams,
  DiscountDetail,
  DiscountListParams,
  DiscountUpdateParams,
} from "dodopayments/resources/index";
import type { SandboxCore } from "../core";
import { invalid, notFound } from "../http/errors";
import { newestFirst } from "../http/input";
import { newId } from "../ids";
import type { DiscountRecord } from "../state/types";

const CODE_ALPHABET = "ABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789";
/** SDK: "If `code` is omitted or empty, a random 16-char uppercase code is generated"; codes are "up to 16 chars". */
const CODE_LENGTH = 16;
const FULL_PERCENT_BPS = 10_000;

export function getDiscountRecord(core: SandboxCore, discountId: string): DiscountRecord {
  const record = core.state.discounts[discountId];
  if (!record || record.deleted) throw notFound("Discount", discountId);
  return record;
}

/** Codes are stored uppercase, so lookups ignore the case the buyer typed. */
export function findDiscountByCode(core: SandboxCore, code: string): DiscountRecord | undefined {
  const wanted = code.trim().toUpperCase();
  return Object.values(core.state.discounts).find((r) => !r.deleted && r.discount.code === wanted);
}

export function retrieveDiscountByCode(core: SandboxCore, code: string): Discount {
  const record = findDiscountByCode(core, code);
  if (!record) throw notFound("Discount code", code);
  return record.discount;
}

export function createDiscount(core: SandboxCore, params: DiscountCreateParams): Discount {
  const discount = {
    amount: params.amount,
    business_id: core.state.business_id,
    code: params.code?.trim() ? params.code.trim().toUpperCase() : generateCode(core),
    created_at: core.now(),
    customer_eligibility: params.customer_eligibility ?? "any",
    discount_id: newId("dsc"),
    metadata: params.metadata ?? {},
    preserve_on_plan_change: params.preserve_on_plan_change ?? false,
    restricted_to: params.restricted_to ?? [],
    times_used: 0,
    type: params.type,
    currency_options: currencyOptions(params.currency_options ?? []),
    expires_at: params.expires_at ?? null,
    name: params.name ?? null,
    per_customer_usage_limit: params.per_customer_usage_limit ?? null,
    starts_at: params.starts_at ?? null,
    subscription_cycles: params.subscription_cycles ?? null,
    usage_limit: params.usage_limit ?? null,
  } satisfies Required<Discount>;
  validateDefinition(core, discount);
  core.state.discounts[discount.discount_id] = { seq: core.nextSeq(), discount, deleted: false, contention: 0 };
  core.changed();
  return discount;
}

/**
 * PATCH: absent keys keep their value. `null` clears the fields that can be unset (dates, limits, name,
 * cycles); on the others (amount, code, type, lists, flags) `null` means "keep", as the SDK comments say.
 */
export function updateDiscount(core: SandboxCore, discountId: string, params: DiscountUpdateParams): Discount {
  const record = getDiscountRecord(core, discountId);
  const current = record.discount;
  const clearable = <K extends keyof DiscountUpdateParams>(key: K, fallback: DiscountUpdateParams[K]) =>
    key in params ? (params[key] ?? null) : fallback;
  const next: Discount = {
    ...current,
    amount: params.amount ?? current.amount,
    code: params.code?.trim() ? params.code.trim().toUpperCase() : current.code,
    customer_eligibility: params.customer_eligibility ?? current.customer_eligibility,
    metadata: params.metadata ?? current.metadata,
    preserve_on_plan_change: params.preserve_on_plan_change ?? current.preserve_on_plan_change,
    restricted_to: params.restricted_to ?? current.restricted_to,
    type: params.type ?? current.type,
    currency_options: params.currency_options ? currencyOptions(params.currency_options) : current.currency_options,
    expires_at: clearable("expires_at", current.expires_at),
    name: clearable("name", current.name),
    per_customer_usage_limit: clearable("per_customer_usage_limit", current.per_customer_usage_limit),
    starts_at: clearable("starts_at", current.starts_at),
    subscription_cycles: clearable("subscription_cycles", current.subscription_cycles),
    usage_limit: clearable("usage_limit", current.usage_limit),
  };
  validateDefinition(core, next);
  record.discount = next;
  core.changed();
  return next;
}

export function deleteDiscount(core: SandboxCore, discountId: string): void {
  getDiscountRecord(core, discountId).deleted = true;
  core.changed();
}

export function listDiscounts(core: SandboxCore, filters: DiscountListParams): Discount[] {
  const code = filters.code?.toUpperCase();
  return newestFirst(Object.values(core.state.discounts))
    .filter((r) => !r.deleted)
    .map((r) => r.discount)
    .filter((d) => filters.active === undefined || isRedeemableNow(core, d) === filters.active)
    .filter((d) => !code || d.code.includes(code))
    .filter((d) => !filters.discount_type || d.type === filters.discount_type)
    .filter((d) => !filters.product_id || d.restricted_to.length === 0 || d.restricted_to.includes(filters.product_id));
}

/** `GET /discounts?active=`: started, not expired and not used up. */
function isRedeemableNow(core: SandboxCore, discount: Discount): boolean {
  const now = Date.parse(core.now());
  if (discount.starts_at && Date.parse(discount.starts_at) > now) return false;
  if (discount.expires_at && Date.parse(discount.expires_at) <= now) return false;
  return discount.usage_limit == null || discount.times_used < discount.usage_limit;
}

/**
 * How a payment shows the discounts it used (`Payment.discounts`), or a subscription the discounts it
 * carries (`Subscription.discounts`, with `cyclesRemaining`), in stacking order.
 */
export function discountDetails(core: SandboxCore, discountIds: string[], cyclesRemaining: (discountId: string) => number | null = () => null): DiscountDetail[] | null {
  if (discountIds.length === 0) return null;
  return discountIds.map((id, position) => {
    const d = core.state.discounts[id]!.discount;
    return {
      amount: d.amount,
      business_id: d.business_id,
      code: d.code,
      created_at: d.created_at,
      discount_id: d.discount_id,
      metadata: d.metadata,
      position,
      preserve_on_plan_change: d.preserve_on_plan_change,
      restricted_to: d.restricted_to,
      times_used: d.times_used,
      type: d.type,
      cycles_remaining: cyclesRemaining(id),
      expires_at: d.expires_at ?? null,
      name: d.name ?? null,
      subscription_cycles: d.subscription_cycles ?? null,
      usage_limit: d.usage_limit ?? null,
    } satisfies Required<DiscountDetail>;
  });
}

function currencyOptions(rows: DiscountCreateParams.CurrencyOption[]): Discount.CurrencyOption[] {
  return rows.map((o) => ({
    currency: o.currency,
    is_default: o.is_default ?? false,
    minimum_subtotal: o.minimum_subtotal ?? 0,
    max_amount_possible: o.max_amount_possible ?? null,
  }) satisfies Required<Discount.CurrencyOption>);
}

/**
 * The rules the SDK's parameter comments state; a broken one is a 422 like any invalid body. Codes
 * from the error-code reference (Discounts) where it names one: INVALID_PERCENTAGE,
 * DISCOUNT_CODE_ALREADY_EXISTS, DISCOUNT_CURRENCY_OPTION_INVALID, UNSUPPORTED_DISCOUNT_TYPE (its
 * HTTP status is not documented: 422, UNCONFIRMED).
 */
function validateDefinition(core: SandboxCore, d: Discount): void {
  if ((d.type as string) === "flat_per_unit") throw invalid("Only percentage and flat discount codes are supported", "UNSUPPORTED_DISCOUNT_TYPE");
  if (!Number.isInteger(d.amount) || d.amount < 1) throw invalid("amount must be an integer >= 1 (basis points)");
  if (d.type === "percentage" && d.amount > FULL_PERCENT_BPS) throw invalid("Percentage amount cannot be more than 10000", "INVALID_PERCENTAGE");
  if (d.code.length < 3 || d.code.length > CODE_LENGTH) throw invalid("code must be 3 to 16 characters");
  const clash = findDiscountByCode(core, d.code);
  if (clash && clash.discount.discount_id !== d.discount_id) throw invalid("Discount Code already exists", "DISCOUNT_CODE_ALREADY_EXISTS");
  for (const productId of d.restricted_to) {
    if (!core.state.products[productId]) throw invalid(`restricted_to: product ${productId} does not exist`);
  }
  if (d.usage_limit != null && (!Number.isInteger(d.usage_limit) || d.usage_limit < 1)) throw invalid("usage_limit must be >= 1");
  if (d.per_customer_usage_limit != null) {
    if (!Number.isInteger(d.per_customer_usage_limit) || d.per_customer_usage_limit < 1) throw invalid("per_customer_usage_limit must be >= 1");
    if (d.usage_limit != null && d.per_customer_usage_limit > d.usage_limit) throw invalid("per_customer_usage_limit must be <= usage_limit");
  }
  for (const [name, value] of [["expires_at", d.expires_at], ["starts_at", d.starts_at]] as const) {
    if (value != null && Number.isNaN(Date.parse(value))) throw invalid(`${name} must be an ISO date-time`);
  }
  if (d.starts_at && d.expires_at && Date.parse(d.starts_at) >= Date.parse(d.expires_at)) throw invalid("starts_at must be before expires_at");
  validateCurrencyOptions(d);
}

function validateCurrencyOptions(d: Discount): void {
  const options = d.currency_options ?? [];
  const refuse = (message: string) => invalid(message, "DISCOUNT_CURRENCY_OPTION_INVALID");
  if (new Set(options.map((o) => o.currency)).size !== options.length) throw refuse("Duplicate currency options are not allowed");
  if (options.filter((o) => o.is_default).length > 1) throw refuse("Only one currency option may be marked as default");
  if (options.some((o) => o.max_amount_possible != null && o.max_amount_possible <= 0)) throw refuse("currency_options: max_amount_possible must be > 0");
  if (d.type !== "flat") return;
  // A flat code deducts `max_amount_possible`; without a default (or a single) row there is nothing to deduct.
  if (options.length === 0 || options.some((o) => o.max_amount_possible == null)) {
    throw refuse("A flat discount requires at least one currency option with a resolvable default");
  }
  if (options.length > 1 && !options.some((o) => o.is_default)) throw refuse("A flat discount requires at least one currency option with a resolvable default");
}

/** Control plane: the next `times` redemptions of a usage-limited code answer 503 DISCOUNT_CONCURRENT_REDEMPTION. */
export function armContention(core: SandboxCore, discountId: string, times: number): DiscountRecord {
  const record = getDiscountRecord(core, discountId);
  if (record.discount.usage_limit == null) throw invalid("Only a code with a usage_limit takes the usage-limit row lock that concurrent redemptions contend for");
  record.contention = times;
  core.changed();
  return record;
}

function generateCode(core: SandboxCore): string {
  for (;;) {
    const code = Array.from({ length: CODE_LENGTH }, () => CODE_ALPHABET[randomInt(CODE_ALPHABET.length)]).join("");
    if (!findDiscountByCode(core, code)) return code;
  }
}
