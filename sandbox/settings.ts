import { z } from "zod";

/**
 * Behaviour switches for points that dodo-api.md marks UNCONFIRMED. Defaults follow the behaviour that
 * document suggests; `POST /_sandbox/settings` flips them so the app can be tested against both readings.
 */
export const sandboxSettingsSchema = z.object({
  /** Business default when change-plan omits `on_payment_failure` (docs call `apply_change` the default). */
  default_on_payment_failure: z.enum(["apply_change", "prevent_change"]),
  /** With `confirm: true`, require `billing_address` (country + zipcode) instead of filling it from the saved card. */
  require_billing_address_on_confirm: z.boolean(),
  /** Reject carts mixing one-time and subscription products (docs) or accept them (SDK text). */
  allow_mixed_cart: z.boolean(),
  /** One-click checks that the saved method is eligible for the cart currency. */
  enforce_method_currency: z.boolean(),
  /** Downgrade credits: kept per subscription and consumed later, or discarded. */
  downgrade_credits: z.enum(["subscription", "discard"]),
  /** Whether a zero-amount renewal / plan change still records a $0 payment. */
  zero_amount_payments: z.boolean(),
  /** `POST /customers` returns the existing customer with the same email instead of a new one. */
  dedupe_customers_by_email: z.boolean(),
  /** Emit `payment.processing` when an asynchronous charge starts. */
  emit_payment_processing: z.boolean(),
  /** Delay before an asynchronous charge (one-click, plan change, refund) settles. */
  settle_delay_ms: z.number().int().min(0),
});

export type SandboxSettings = z.infer<typeof sandboxSettingsSchema>;

export const DEFAULT_SETTINGS: SandboxSettings = {
  default_on_payment_failure: "apply_change",
  require_billing_address_on_confirm: true,
  allow_mixed_cart: false,
  enforce_method_currency: true,
  downgrade_credits: "subscription",
  zero_amount_payments: false,
  dedupe_customers_by_email: false,
  emit_payment_processing: false,
  settle_delay_ms: 300,
};
