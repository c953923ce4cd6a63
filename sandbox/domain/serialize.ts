import type {
  BillingAddress,
  CustomerLimitedDetails,
  CustomerRetrievePaymentMethodsResponse,
  Payment,
  PaymentListResponse,
  RefundListItem,
  ScheduledPlanChange,
  Subscription,
  SubscriptionListResponse,
} from "dodopayments/resources/index";
import type { SandboxCore } from "../core";
import { notFound } from "../http/errors";
import type { PaymentMethodRecord, PaymentRecord, SubscriptionRecord } from "../state/types";
import { getAddon, getProduct, planLines } from "./catalog";
import { testCard } from "./cards";
import { balanceView } from "./credit-ledger";
import { creditCart } from "./credits";
import { discountDetails } from "./discounts";
import { subscriptionDiscountDetails } from "./subscription-discounts";
import { disputeOfPayment, disputesOfPayment } from "./disputes";
import { planTotal } from "./proration";

/**
 * Builders for the SDK's response types. `satisfies Required<…>` makes tsc insist on every key,
 * optional ones included, so webhook bodies carry each nullable field explicitly as `null`.
 */

export function customerDetails(core: SandboxCore, customerId: string): CustomerLimitedDetails {
  const record = core.state.customers[customerId];
  if (!record) throw notFound("Customer", customerId);
  const { customer } = record;
  return {
    customer_id: customer.customer_id,
    email: customer.email,
    name: customer.name,
    metadata: customer.metadata ?? {},
    phone_number: customer.phone_number ?? null,
  } satisfies Required<CustomerLimitedDetails>;
}

export function billingAddress(billing: BillingAddress): Required<BillingAddress> {
  return {
    country: billing.country,
    city: billing.city ?? null,
    state: billing.state ?? null,
    street: billing.street ?? null,
    zipcode: billing.zipcode ?? null,
  };
}

export function paymentMethodItem(method: PaymentMethodRecord): CustomerRetrievePaymentMethodsResponse.Item {
  const card = testCard(method.card_number);
  return {
    payment_method: "card",
    payment_method_id: method.payment_method_id,
    card: {
      card_holder_name: method.card_holder_name,
      card_issuing_country: method.card_issuing_country,
      card_network: card?.network ?? null,
      card_type: "credit",
      expiry_month: method.expiry_month,
      expiry_year: method.expiry_year,
      last4_digits: method.card_number.slice(-4),
    },
    last_used_at: method.last_used_at,
    payment_method_type: "credit",
    recurring_enabled: true,
  } satisfies Required<CustomerRetrievePaymentMethodsResponse.Item>;
}

function refundListItem(core: SandboxCore, refundId: string): RefundListItem {
  const refund = core.state.refunds[refundId]!.refund;
  return {
    business_id: refund.business_id,
    created_at: refund.created_at,
    is_partial: refund.is_partial,
    payment_id: refund.payment_id,
    refund_id: refund.refund_id,
    status: refund.status,
    amount: refund.amount ?? null,
    currency: refund.currency ?? null,
    reason: refund.reason ?? null,
  } satisfies Required<RefundListItem>;
}

export function refundStatusOf(core: SandboxCore, payment: PaymentRecord): "partial" | "full" | null {
  const refunded = refundedAmount(core, payment);
  if (refunded === 0) return null;
  return refunded >= payment.total_amount ? "full" : "partial";
}

/** Refunds that succeeded or are still in flight count against what can be refunded. */
export function refundedAmount(core: SandboxCore, payment: PaymentRecord): number {
  return payment.refund_ids
    .map((id) => core.state.refunds[id]!.refund)
    .filter((refund) => refund.status !== "failed")
    .reduce((sum, refund) => sum + (refund.amount ?? 0), 0);
}

export function payment(core: SandboxCore, record: PaymentRecord): Payment {
  return {
    billing: billingAddress(record.billing),
    brand_id: core.state.brand_id,
    business_id: core.state.business_id,
    created_at: record.created_at,
    currency: record.currency,
    customer: customerDetails(core, record.customer_id),
    digital_products_delivered: record.status === "succeeded" && record.product_cart !== null,
    disputes: disputesOfPayment(core, record.payment_id).map((d) => disputeOfPayment(core, d)),
    is_multi_subscription: false,
    is_update_payment_method: record.is_update_payment_method,
    metadata: record.metadata,
    payment_id: record.payment_id,
    payment_provider: "dodo",
    refunds: record.refund_ids.map((id) => refundListItem(core, id)),
    retry_attempt: 0,
    settlement_amount: record.total_amount,
    settlement_currency: record.currency,
    subscription_ids: record.subscription_id ? [record.subscription_id] : [],
    total_amount: record.total_amount,
    card_holder_name: record.card?.holder ?? null,
    card_issuing_country: record.card?.country ?? null,
    card_last_four: record.card?.last4 ?? null,
    card_network: record.card?.network ?? null,
    card_type: record.card?.type ?? null,
    checkout_session_id: record.checkout_session_id,
    custom_field_responses: null,
    discount_id: record.discount_ids[0] ?? null,
    discounts: discountDetails(core, record.discount_ids),
    error_code: record.error_code,
    error_message: record.error_message,
    invoice_id: null,
    invoice_url: null,
    payment_link: record.payment_link,
    payment_method: record.card ? "card" : null,
    payment_method_id: record.payment_method_id,
    payment_method_type: record.card?.network ?? null,
    product_cart: record.product_cart,
    refund_status: refundStatusOf(core, record),
    settlement_tax: 0,
    status: record.status,
    subscription_id: record.subscription_id,
    tax: 0,
    updated_at: record.updated_at,
  } satisfies Required<Payment>;
}

export function paymentListItem(core: SandboxCore, record: PaymentRecord): PaymentListResponse {
  const full = payment(core, record);
  return {
    brand_id: full.brand_id,
    created_at: full.created_at,
    currency: full.currency,
    customer: full.customer,
    digital_products_delivered: full.digital_products_delivered,
    has_license_key: false,
    is_multi_subscription: false,
    metadata: full.metadata,
    payment_id: full.payment_id,
    payment_provider: full.payment_provider,
    subscription_ids: full.subscription_ids,
    total_amount: full.total_amount,
    card_last_four: full.card_last_four ?? null,
    card_network: full.card_network ?? null,
    dispute_status: disputesOfPayment(core, record.payment_id).at(-1)?.status ?? null,
    invoice_id: null,
    invoice_url: null,
    payment_method: full.payment_method ?? null,
    payment_method_type: full.payment_method_type ?? null,
    refund_status: full.refund_status ?? null,
    status: full.status ?? null,
    subscription_id: full.subscription_id ?? null,
  } satisfies Required<PaymentListResponse>;
}

function scheduledChange(core: SandboxCore, record: SubscriptionRecord): ScheduledPlanChange | null {
  const change = record.scheduled_change;
  if (!change) return null;
  const product = getProduct(core, change.product_id);
  return {
    id: change.id,
    addons: change.addons.map((a) => ({ addon_id: a.addon_id, name: getAddon(core, a.addon_id).name, quantity: a.quantity })),
    created_at: change.created_at,
    effective_at: change.effective_at,
    product_id: change.product_id,
    quantity: change.quantity,
    product_description: product.description ?? null,
    product_name: product.name ?? null,
  } satisfies Required<ScheduledPlanChange>;
}

/**
 * While paused: the stored (pre-pause) date, or with the `shifting` switch that date plus the time
 * paused so far. The docs only say the date moves by the pause's length on resume (UNCONFIRMED).
 */
function shownNextBillingDate(core: SandboxCore, record: SubscriptionRecord): string {
  if (!record.paused_at || core.settings.paused_next_billing_date === "frozen") return record.next_billing_date;
  const pausedFor = Date.parse(core.now()) - Date.parse(record.paused_at);
  return new Date(Date.parse(record.next_billing_date) + pausedFor).toISOString();
}

export function subscription(core: SandboxCore, record: SubscriptionRecord): Subscription {
  return {
    addons: record.plan.addons.map((a) => ({ addon_id: a.addon_id, quantity: a.quantity })),
    billing: billingAddress(record.billing),
    brand_id: core.state.brand_id,
    cancel_at_next_billing_date: record.cancel_at_next_billing_date,
    created_at: record.created_at,
    credit_entitlement_cart: creditCart(core, record, (entitlementId) => balanceView(core, entitlementId, record.customer_id)),
    currency: record.currency,
    customer: customerDetails(core, record.customer_id),
    has_payment_method: record.payment_method_id !== null,
    metadata: record.metadata,
    meter_credit_entitlement_cart: [],
    meters: [],
    next_billing_date: shownNextBillingDate(core, record),
    on_demand: false,
    payment_frequency_count: record.payment_frequency_count,
    payment_frequency_interval: record.payment_frequency_interval,
    previous_billing_date: record.previous_billing_date,
    product_id: record.plan.product_id,
    quantity: record.plan.quantity,
    recurring_pre_tax_amount: planTotal(planLines(core, record.plan)),
    status: record.status,
    subscription_id: record.subscription_id,
    subscription_period_count: record.subscription_period_count,
    subscription_period_interval: record.subscription_period_interval,
    tax_inclusive: false,
    trial_period_days: record.trial_period_days,
    cancellation_comment: record.cancellation_comment,
    cancellation_feedback: record.cancellation_feedback,
    cancelled_at: record.cancelled_at,
    custom_field_responses: null,
    customer_business_name: record.customer_business_name,
    discount_cycles_remaining: record.discounts[0]?.cycles_remaining ?? null,
    discount_id: record.discounts[0]?.discount_id ?? null,
    discounts: subscriptionDiscountDetails(core, record.discounts),
    expires_at: null,
    paused_at: record.paused_at,
    payment_method_id: record.payment_method_id,
    scheduled_change: scheduledChange(core, record),
    tax_id: record.tax_id,
    trial_amount: null,
  } satisfies Required<Subscription>;
}

export function subscriptionListItem(core: SandboxCore, record: SubscriptionRecord): SubscriptionListResponse {
  const full = subscription(core, record);
  return {
    billing: full.billing,
    cancel_at_next_billing_date: full.cancel_at_next_billing_date,
    created_at: full.created_at,
    currency: full.currency,
    customer: full.customer,
    discounts: record.discounts.map((d) => ({ discount_id: d.discount_id, discount_cycles_remaining: d.cycles_remaining })),
    has_payment_method: full.has_payment_method,
    metadata: full.metadata,
    next_billing_date: full.next_billing_date,
    on_demand: full.on_demand,
    payment_frequency_count: full.payment_frequency_count,
    payment_frequency_interval: full.payment_frequency_interval,
    previous_billing_date: full.previous_billing_date,
    product_id: full.product_id,
    quantity: full.quantity,
    recurring_pre_tax_amount: full.recurring_pre_tax_amount,
    status: full.status,
    subscription_id: full.subscription_id,
    subscription_period_count: full.subscription_period_count,
    subscription_period_interval: full.subscription_period_interval,
    tax_inclusive: full.tax_inclusive,
    trial_period_days: full.trial_period_days,
    cancelled_at: record.cancelled_at,
    customer_business_name: record.customer_business_name,
    discount_cycles_remaining: full.discount_cycles_remaining ?? null,
    discount_id: full.discount_id ?? null,
    paused_at: record.paused_at,
    payment_method_id: record.payment_method_id,
    product_name: getProduct(core, record.plan.product_id).name ?? null,
    scheduled_change: full.scheduled_change ?? null,
    tax_id: record.tax_id,
    trial_amount: null,
  } satisfies Required<SubscriptionListResponse>;
}
