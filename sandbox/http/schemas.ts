import { z } from "zod";

/**
 * Request-body checks for the fields the sandbox relies on. Unknown keys pass through (Dodo accepts
 * many options the sandbox ignores); a missing or mistyped required field is a 422.
 */
const metadata = z.record(z.string(), z.union([z.string(), z.number(), z.boolean()]));
const attachAddon = z.looseObject({ addon_id: z.string(), quantity: z.number().int() });
const billing = z.looseObject({
  country: z.string().length(2),
  city: z.string().nullish(),
  state: z.string().nullish(),
  street: z.string().nullish(),
  zipcode: z.string().nullish(),
});

export const customerCreateBody = z.looseObject({ email: z.string().min(3), name: z.string().min(1), metadata: metadata.optional() });
export const customerUpdateBody = z.looseObject({ email: z.string().nullish(), name: z.string().nullish(), metadata: metadata.nullish() });

const timeInterval = z.enum(["Day", "Week", "Month", "Year"]);
const overageBehavior = z.enum(["forgive_at_reset", "invoice_at_billing", "carry_deficit", "carry_deficit_auto_repay"]);
const attachCreditEntitlement = z.looseObject({
  credit_entitlement_id: z.string(),
  credits_amount: z.string(),
  low_balance_threshold_percent: z.number().int().nullish(),
  overage_behavior: overageBehavior.nullish(),
  rollover_timeframe_interval: timeInterval.nullish(),
});

export const productCreateBody = z.looseObject({
  name: z.string().min(1),
  credit_entitlements: z.array(attachCreditEntitlement).nullish(),
  tax_category: z.enum(["digital_products", "saas", "e_book", "edtech", "live_tutoring"]),
  price: z.discriminatedUnion("type", [
    z.looseObject({ type: z.literal("one_time_price"), currency: z.string().length(3), price: z.number().int().min(0) }),
    z.looseObject({
      type: z.literal("recurring_price"), currency: z.string().length(3), price: z.number().int().min(0),
      payment_frequency_count: z.number().int().min(1), payment_frequency_interval: z.enum(["Day", "Week", "Month", "Year"]),
      subscription_period_count: z.number().int().min(1), subscription_period_interval: z.enum(["Day", "Week", "Month", "Year"]),
    }),
  ]),
});

/** `discount_code` is deprecated for `discount_codes`; the two cannot be combined (checked in the domain). */
const discountCodes = { discount_code: z.string().nullish(), discount_codes: z.array(z.string()).nullish() };

const productItem = z.looseObject({
  product_id: z.string(),
  quantity: z.number().int(),
  addons: z.array(attachAddon).nullish(),
  amount: z.number().int().nullish(),
});

export const checkoutBody = z.looseObject({
  product_cart: z.array(productItem),
  customer: z.union([z.looseObject({ customer_id: z.string() }), z.looseObject({ email: z.string(), name: z.string().nullish() })]).nullish(),
  payment_method_id: z.string().nullish(),
  confirm: z.boolean().optional(),
  billing_address: billing.nullish(),
  minimal_address: z.boolean().optional(),
  force_3ds: z.boolean().nullish(),
  return_url: z.url().nullish(),
  cancel_url: z.url().nullish(),
  metadata: metadata.nullish(),
  ...discountCodes,
});

export const paymentCreateBody = z.looseObject({
  billing,
  customer: z.union([z.looseObject({ customer_id: z.string() }), z.looseObject({ email: z.string(), name: z.string().nullish() })]),
  product_cart: z.array(productItem).min(1).max(100),
  payment_method_id: z.string().nullish(),
  return_url: z.url().nullish(),
  metadata: metadata.optional(),
  ...discountCodes,
});

/** SDK `CancellationFeedback`. */
const cancellationFeedback = z.enum(["too_expensive", "missing_features", "switched_service", "unused", "customer_service", "low_quality", "too_complex", "other"]);

export const subscriptionUpdateBody = z.looseObject({
  status: z.enum(["pending", "active", "on_hold", "paused", "cancelled", "failed", "expired", "past_due"]).nullish(),
  next_billing_date: z.string().nullish(),
  cancel_at_next_billing_date: z.boolean().nullish(),
  cancel_reason: z.enum(["cancelled_by_customer", "cancelled_by_merchant", "cancelled_by_merchant_send_dunning", "cancelled_by_merchant_grace_period_expired", "dodo_team"]).nullish(),
  cancellation_feedback: cancellationFeedback.nullish(),
  cancellation_comment: z.string().nullish(),
  metadata: metadata.nullish(),
});

/** PATCH /products/{id}: the fields the sandbox keeps; every one optional. */
export const productUpdateBody = z.looseObject({
  name: z.string().min(1).nullish(),
  description: z.string().nullish(),
  metadata: metadata.nullish(),
  addons: z.array(z.string()).nullish(),
  credit_entitlements: z.array(attachCreditEntitlement).nullish(),
});

const creditEntitlementFields = {
  currency: z.string().length(3).nullish(),
  description: z.string().nullish(),
  expires_after_days: z.number().int().nullish(),
  max_rollover_count: z.number().int().nullish(),
  overage_behavior: overageBehavior.nullish(),
  overage_limit: z.number().int().nullish(),
  price_per_unit: z.string().nullish(),
  rollover_percentage: z.number().int().nullish(),
  rollover_timeframe_count: z.number().int().nullish(),
  rollover_timeframe_interval: timeInterval.nullish(),
};

export const creditEntitlementCreateBody = z.looseObject({
  name: z.string(),
  overage_enabled: z.boolean(),
  precision: z.number().int(),
  rollover_enabled: z.boolean(),
  unit: z.string(),
  ...creditEntitlementFields,
});

export const creditEntitlementUpdateBody = z.looseObject({
  name: z.string().nullish(),
  unit: z.string().nullish(),
  overage_enabled: z.boolean().nullish(),
  rollover_enabled: z.boolean().nullish(),
  ...creditEntitlementFields,
});

export const ledgerEntryBody = z.looseObject({
  amount: z.string(),
  entry_type: z.enum(["credit", "debit"]),
  expires_at: z.string().nullish(),
  idempotency_key: z.string().nullish(),
  metadata: metadata.nullish(),
  reason: z.string().nullish(),
});

export const changePlanBody = z.looseObject({
  product_id: z.string(),
  quantity: z.number().int(),
  proration_billing_mode: z.enum(["prorated_immediately", "full_immediately", "difference_immediately", "do_not_bill"]),
  addons: z.array(attachAddon).nullish(),
  effective_at: z.enum(["immediately", "next_billing_date"]).optional(),
  on_payment_failure: z.enum(["prevent_change", "apply_change"]).nullish(),
  cancel_scheduled_change_plan: z.boolean().optional(),
  metadata: metadata.nullish(),
  // SDK SubscriptionChangePlanParams: "Stacked discount codes to apply to the new plan. Max 20. Cannot be
  // used together with discount_code" (the preview shares this body). Checked in the domain.
  ...discountCodes,
});

export const updatePaymentMethodBody = z.discriminatedUnion("type", [
  z.looseObject({ type: z.literal("new"), return_url: z.string().nullish() }),
  z.looseObject({ type: z.literal("existing"), payment_method_id: z.string() }),
]);

export const refundCreateBody = z.looseObject({
  payment_id: z.string(),
  items: z.array(z.looseObject({ item_id: z.string(), amount: z.number().int().nullish() })).nullish(),
  reason: z.string().nullish(),
  metadata: metadata.optional(),
});

const currencyOption = z.looseObject({
  currency: z.string().length(3),
  is_default: z.boolean().optional(),
  max_amount_possible: z.number().int().nullish(),
  minimum_subtotal: z.number().int().min(0).optional(),
});

const discountFields = {
  code: z.string().nullish(),
  currency_options: z.array(currencyOption).nullish(),
  customer_eligibility: z.enum(["any", "first_time", "existing", "specific"]).nullish(),
  expires_at: z.string().nullish(),
  name: z.string().nullish(),
  per_customer_usage_limit: z.number().int().nullish(),
  restricted_to: z.array(z.string()).nullish(),
  starts_at: z.string().nullish(),
  subscription_cycles: z.number().int().nullish(),
  usage_limit: z.number().int().nullish(),
};

export const discountCreateBody = z.looseObject({
  ...discountFields,
  amount: z.number().int(),
  // `flat_per_unit` is accepted here so it gets Dodo's own refusal (UNSUPPORTED_DISCOUNT_TYPE).
  type: z.enum(["percentage", "flat", "flat_per_unit"]),
  metadata: metadata.optional(),
  preserve_on_plan_change: z.boolean().optional(),
});

export const discountUpdateBody = z.looseObject({
  ...discountFields,
  amount: z.number().int().nullish(),
  type: z.enum(["percentage", "flat", "flat_per_unit"]).nullish(),
  metadata: metadata.nullish(),
  preserve_on_plan_change: z.boolean().nullish(),
});

export const localizedPriceCreateBody = z.looseObject({ amount: z.number().int(), currency: z.string().regex(/^[A-Z]{3}$/), country_code: z.string().regex(/^[A-Z]{2}$/).nullish() });
export const localizedPriceUpdateBody = z.looseObject({ amount: z.number().int().nullish() });
