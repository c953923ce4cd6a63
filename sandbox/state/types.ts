import type {
  AddonResponse,
  CreditEntitlement,
  SubscriptionUpdateParams,
  DisputeStage,
  DisputeStatus,
  AttachAddon,
  BillingAddress,
  CancellationFeedback,
  CountryCode,
  Currency,
  Customer,
  Discount,
  IntentStatus,
  Metadata,
  Product,
  Refund,
  SubscriptionStatus,
  TimeInterval,
} from "dodopayments/resources/index";
import type { BalanceListGrantsResponse, CreditLedgerEntry } from "dodopayments/resources/credit-entitlements/balances";
import type { SandboxSettings } from "../settings";

/** Every record carries a creation sequence so lists sort stably even within one millisecond. */
interface Sequenced {
  seq: number;
}

export interface CustomerRecord extends Sequenced {
  customer: Customer;
}

export interface PaymentMethodRecord extends Sequenced {
  payment_method_id: string;
  customer_id: string;
  card_number: string;
  expiry_month: string;
  expiry_year: string;
  card_holder_name: string | null;
  card_issuing_country: CountryCode;
  /** Currency the method was saved in; one-click in another currency is refused (switchable). */
  currency: Currency;
  created_at: string;
  last_used_at: string | null;
}

export interface ProductRecord extends Sequenced {
  product: Product;
  archived: boolean;
}

export interface AddonRecord extends Sequenced {
  addon: AddonResponse;
}

export interface CartLine {
  product_id: string;
  quantity: number;
  addons: AttachAddon[];
  /** Line total in minor units (unit price × quantity, plus addons; pay-what-you-want amount if given). */
  amount: number;
  /** Minor units the session's discount codes take off `amount` (0 without codes). */
  discount: number;
  is_subscription: boolean;
}

export type CheckoutKind = "purchase" | "update_payment_method";

export interface CheckoutRecord extends Sequenced {
  session_id: string;
  kind: CheckoutKind;
  created_at: string;
  expires_at: string;
  cart: CartLine[];
  currency: Currency;
  customer_id: string | null;
  customer_email: string | null;
  customer_name: string | null;
  /** `feature_flags.always_create_new_customer`: never reuse a customer found by email. */
  always_create_new_customer: boolean;
  /** SDK `minimal_address`: only country and zipcode are asked for. */
  minimal_address: boolean;
  billing: BillingAddress | null;
  return_url: string | null;
  cancel_url: string | null;
  metadata: Metadata;
  /** Discounts requested with `discount_codes`, in stacking order; re-checked when the hosted page is paid. */
  discount_ids: string[];
  /** Subscription whose payment method a `kind: update_payment_method` session replaces. */
  subscription_id: string | null;
  payment_id: string | null;
  completed: boolean;
  /** SDK `force_3ds`: "Override merchant default 3DS behaviour for this session". */
  force_3ds: boolean;
}

/** Why a payment exists: decides what happens to subscriptions when it settles. */
export type PaymentPurpose = "one_time" | "subscription_start" | "renewal" | "plan_change" | "dues";

export interface CardSnapshot {
  last4: string;
  network: string;
  type: string;
  holder: string | null;
  country: CountryCode;
}

export interface PaymentRecord extends Sequenced {
  payment_id: string;
  purpose: PaymentPurpose;
  created_at: string;
  updated_at: string;
  status: IntentStatus;
  customer_id: string;
  billing: BillingAddress;
  currency: Currency;
  total_amount: number;
  product_cart: Array<{ product_id: string; quantity: number }> | null;
  subscription_id: string | null;
  checkout_session_id: string | null;
  payment_method_id: string | null;
  card: CardSnapshot | null;
  /** Off-session charges (one-click, renewals, plan changes) are what the `…0341` card refuses. */
  off_session: boolean;
  error_code: string | null;
  error_message: string | null;
  metadata: Metadata;
  refund_ids: string[];
  /** Discounts applied to `total_amount`, in stacking order; each counts one use when the payment succeeds. */
  discount_ids: string[];
  payment_link: string | null;
  client_secret: string | null;
  is_update_payment_method: boolean;
  /** `force_3ds: true` on the session: every card must authenticate. */
  force_3ds: boolean;
  /** While `requires_customer_action`: when the waiting intent lapses. */
  authentication_expires_at: string | null;
  /** A card typed on the hosted page that is waiting for 3-D Secure; saved only once the charge goes through. */
  pending_card: { card_number: string; holder: string | null } | null;
}

export interface PlanSelection {
  product_id: string;
  quantity: number;
  addons: AttachAddon[];
}

/** A discount attached to a subscription, in stacking order. */
export interface SubscriptionDiscount {
  discount_id: string;
  /** Renewals still discounted (null: every renewal, the discount has no `subscription_cycles`). */
  cycles_remaining: number | null;
}

export interface ScheduledChangeRecord extends PlanSelection {
  id: string;
  /** The discounts the change-plan call asked for, attached when the change takes effect. */
  discounts: SubscriptionDiscount[];
  created_at: string;
  effective_at: string;
}

/** A `prevent_change` plan change waiting for its charge: applied only if the payment succeeds. */
export interface PendingChangeRecord extends PlanSelection {
  payment_id: string;
  credit_used: number;
  resets_cycle: boolean;
  /** The subscription's discounts once (and only if) this change applies. */
  discounts: SubscriptionDiscount[];
  /** `cancel_scheduled_change_plan`: the scheduled change goes when (and only if) this one applies. */
  cancels_scheduled: boolean;
}

export interface SubscriptionRecord extends Sequenced {
  subscription_id: string;
  customer_id: string;
  plan: PlanSelection;
  status: SubscriptionStatus;
  currency: Currency;
  payment_frequency_count: number;
  payment_frequency_interval: TimeInterval;
  subscription_period_count: number;
  subscription_period_interval: TimeInterval;
  trial_period_days: number;
  created_at: string;
  previous_billing_date: string;
  next_billing_date: string;
  cancel_at_next_billing_date: boolean;
  cancelled_at: string | null;
  billing: BillingAddress;
  metadata: Metadata;
  payment_method_id: string | null;
  tax_id: string | null;
  customer_business_name: string | null;
  cancellation_feedback: CancellationFeedback | null;
  cancellation_comment: string | null;
  /** Set while paused (`status: "paused"`); the pause's length moves `next_billing_date` on resume. */
  paused_at: string | null;
  scheduled_change: ScheduledChangeRecord | null;
  pending_change: PendingChangeRecord | null;
  /** Downgrade credit in minor units of `currency`, consumed by later renewals and upgrades. */
  credit_balance: number;
  /** Stacked discounts on the subscription (SDK `Subscription.discounts`), applied to renewals. */
  discounts: SubscriptionDiscount[];
  /** Amount owed after a failed renewal / plan-change charge; collected when the method is updated. */
  dues: number;
  /** Payment currently being collected for this subscription, if any (blocks plan changes → 409). */
  charging_payment_id: string | null;
  /** Credit settings changed for this subscription only, by credit entitlement id. */
  credit_overrides: Record<string, CreditCartOverride>;
}

export interface RefundRecord extends Sequenced {
  refund: Refund;
  /** What the refund took from each line item of the payment (a refund without items takes every line's remainder). */
  items: Array<{ item_id: string; amount: number }>;
}

export interface CreditEntitlementRecord extends Sequenced {
  entitlement: CreditEntitlement;
  /** Soft-deleted (SDK: retrieve answers 404, `list?deleted=true` shows it, `undelete` restores it). */
  deleted: boolean;
}

/** One grant of credits; amounts are smallest units (10^-precision) as strings (JSON has no bigint). */
export interface CreditGrantRecord extends Sequenced {
  grant: Omit<BalanceListGrantsResponse, "initial_amount" | "remaining_amount">;
  initial_units: string;
  remaining_units: string;
  /** The subscription whose cycle issued it (subscription and rollover grants): they end with that cycle. */
  subscription_id: string | null;
}

export interface CreditBalanceRecord extends Sequenced {
  id: string;
  credit_entitlement_id: string;
  customer_id: string;
  overage_units: string;
  created_at: string;
  updated_at: string;
  last_transaction_at: string | null;
  /** `credit.balance_low` already sent for the current dip below the threshold. */
  low_alerted: boolean;
}

export interface CreditLedgerRecord extends Sequenced {
  entry: CreditLedgerEntry;
  /** API entries: how the request named it, for `BalanceCreateLedgerEntryResponse`. */
  entry_type: "credit" | "debit" | null;
  reason: string | null;
  idempotency_key: string | null;
}

/** `subscriptions.update` `credit_entitlement_cart`: per-subscription settings over the product's. */
export type CreditCartOverride = Omit<NonNullable<SubscriptionUpdateParams["credit_entitlement_cart"]>[number], "credit_entitlement_id">;

export interface DisputeRecord extends Sequenced {
  dispute_id: string;
  payment_id: string;
  /** Minor units of the payment's currency. */
  amount: number;
  created_at: string;
  stage: DisputeStage;
  status: DisputeStatus;
  reason: string | null;
  remarks: string | null;
}

export interface DiscountRecord extends Sequenced {
  discount: Discount;
  /** Deleted discounts stay so payments that used them still show them; the API answers 404 for them. */
  deleted: boolean;
  /** Redemptions still to answer 503 DISCOUNT_CONCURRENT_REDEMPTION (armed from the control plane). */
  contention: number;
}

export interface SandboxState {
  version: 1;
  business_id: string;
  brand_id: string;
  clock_offset_ms: number;
  next_seq: number;
  settings: SandboxSettings;
  customers: Record<string, CustomerRecord>;
  payment_methods: Record<string, PaymentMethodRecord>;
  products: Record<string, ProductRecord>;
  addons: Record<string, AddonRecord>;
  checkouts: Record<string, CheckoutRecord>;
  payments: Record<string, PaymentRecord>;
  subscriptions: Record<string, SubscriptionRecord>;
  refunds: Record<string, RefundRecord>;
  discounts: Record<string, DiscountRecord>;
  disputes: Record<string, DisputeRecord>;
  credit_entitlements: Record<string, CreditEntitlementRecord>;
  credit_grants: Record<string, CreditGrantRecord>;
  /** Keyed by `${credit_entitlement_id}:${customer_id}`. */
  credit_balances: Record<string, CreditBalanceRecord>;
  credit_ledger: Record<string, CreditLedgerRecord>;
}
