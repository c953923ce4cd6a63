import { z } from "zod";

/**
 * Behaviour switches for points where Dodo's documentation and SDK are silent (UNCONFIRMED, as
 * /work/shared/dodo-api.md calls them). Defaults are the strict reading: a stand-in kinder than Dodo
 * hides production bugs. `POST /_sandbox/settings` flips them so the app can be tested against both
 * readings; sandbox/README.md lists each with its default.
 */
export const sandboxSettingsSchema = z.object({
  /** Business default when change-plan omits `on_payment_failure` (SDK: "uses the business-level default"; docs call `apply_change` the default). */
  default_on_payment_failure: z.enum(["apply_change", "prevent_change"]),
  /**
   * Enforce the documented address rule on `confirm: true` (every billing field, or country + zipcode
   * with `minimal_address`). Off = UNCONFIRMED kinder reading: fill a missing address from the saved card.
   */
  require_billing_address_on_confirm: z.boolean(),
  /** Reject carts mixing one-time and subscription products (docs) or accept them (SDK text). UNCONFIRMED. */
  allow_mixed_cart: z.boolean(),
  /** One-click checks that the saved method is eligible for the cart currency. UNCONFIRMED. */
  enforce_method_currency: z.boolean(),
  /**
   * The business has Adaptive Pricing on (Dodo dashboard, Settings → Business). SDK: `billing_currency`
   * "is ignored if adaptive pricing is disabled"; then a by_currency localized price matches the
   * currency of the billing country only. Whether localized prices need it on is UNCONFIRMED.
   */
  adaptive_pricing: z.boolean(),
  /** Downgrade credits: kept per subscription and consumed later, or discarded. UNCONFIRMED which ledger. */
  downgrade_credits: z.enum(["subscription", "discard"]),
  /** Whether a zero-amount renewal / plan change still records a $0 payment. UNCONFIRMED. */
  zero_amount_payments: z.boolean(),
  /** `POST /customers` returns the existing customer with the same email instead of a new one. UNCONFIRMED. */
  dedupe_customers_by_email: z.boolean(),
  /** Emit `payment.processing` when an asynchronous charge starts. UNCONFIRMED. */
  emit_payment_processing: z.boolean(),
  /** Delay before an asynchronous charge (one-click, plan change, refund) settles. Sandbox timing only. */
  settle_delay_ms: z.number().int().min(0),
  /** HTTP status of `SCHEDULED_PLAN_CHANGE_NOT_FOUND` (the error-code reference gives no status). UNCONFIRMED. */
  scheduled_change_not_found_status: z.union([z.literal(404), z.literal(409), z.literal(422)]),
  /**
   * A payment waiting for 3-D Secure carries `payment_link` to the sandbox's authentication page. Off:
   * only `client_secret` (SDK: for "the Dodo Payments checkout SDK") leads there. UNCONFIRMED.
   */
  authentication_payment_link: z.boolean(),
  /** How long a payment waits in `requires_customer_action` before it lapses (default: the 15 min of a `confirm: true` session). UNCONFIRMED. */
  authentication_window_ms: z.number().int().min(1),
  /** What a lapsed authentication becomes: `failed` (`AUTHENTICATION_REQUIRED`) or `cancelled` (`payment.cancelled`). UNCONFIRMED. */
  authentication_lapse: z.enum(["failed", "cancelled"]),
  /**
   * `next_billing_date` while paused. Documented: on resume it moves forward by the pause's length.
   * `frozen` shows the pre-pause date until then; `shifting` already adds the time paused so far. UNCONFIRMED.
   */
  paused_next_billing_date: z.enum(["frozen", "shifting"]),
  /** Undoing a scheduled cancellation (`cancel_at_next_billing_date: false`) also clears its feedback and comment. UNCONFIRMED. */
  clear_cancellation_feedback_on_undo: z.boolean(),
  /** `credit.balance_low` fires once when the balance crosses below the threshold (until it rises again), or on every deduction below it. UNCONFIRMED. */
  credit_low_balance_alert: z.enum(["on_crossing", "every_deduction"]),
  /**
   * Ledger entries made through the API: `manual_adjustment` (webhook docs: "Manual credit or debit
   * adjustment made via dashboard or API") or `credit_added`/`credit_deducted` (same page: "granted … via
   * API", "consumed through usage or manual debit"). The docs say both. UNCONFIRMED.
   */
  api_ledger_entry_type: z.enum(["manual_adjustment", "added_or_deducted"]),
  /**
   * change-plan to the subscription's own product, quantity and addons, changing only its discounts.
   * dodo-api.md §6.3: `product_id` "can equal current product to change quantity/addons"; the docs say
   * nothing of a discount-only change. `reject` (default, the strict reading) answers 422
   * `INVALID_REQUEST_BODY`; `accept` applies it like any change. UNCONFIRMED.
   */
  same_plan_discount_change: z.enum(["reject", "accept"]),
  /** Whether the change-plan charge uses up one of a new discount's `subscription_cycles` (else only renewals do). UNCONFIRMED. */
  plan_change_discount_uses_cycle: z.boolean(),
  /**
   * How a percentage code rounds on a cart of several lines it applies to: each line's cut rounded
   * to minor units on its own (`per_line`), or the cut of the lines' subtotal rounded once and spread
   * over them (`subtotal`). The docs and SDK only say a percentage applies to the restricted
   * products. UNCONFIRMED; the two differ by a minor unit at most on a bundle.
   */
  percentage_discount_rounding: z.enum(["per_line", "subtotal"]),
});

export type SandboxSettings = z.infer<typeof sandboxSettingsSchema>;

export const DEFAULT_SETTINGS: SandboxSettings = {
  default_on_payment_failure: "apply_change",
  require_billing_address_on_confirm: true,
  allow_mixed_cart: false,
  enforce_method_currency: true,
  adaptive_pricing: true,
  downgrade_credits: "subscription",
  zero_amount_payments: false,
  dedupe_customers_by_email: false,
  emit_payment_processing: false,
  settle_delay_ms: 300,
  scheduled_change_not_found_status: 404,
  authentication_payment_link: true,
  authentication_window_ms: 15 * 60_000,
  authentication_lapse: "failed",
  paused_next_billing_date: "frozen",
  clear_cancellation_feedback_on_undo: false,
  credit_low_balance_alert: "on_crossing",
  api_ledger_entry_type: "manual_adjustment",
  same_plan_discount_change: "reject",
  plan_change_discount_uses_cycle: false,
  percentage_discount_rounding: "per_line",
};
