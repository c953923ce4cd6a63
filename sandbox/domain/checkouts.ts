import type {
  BillingAddress,
  CheckoutSessionCreateParams,
  CheckoutSessionPreviewResponse,
  CheckoutSessionResponse,
  CheckoutSessionStatus,
} from "dodopayments/resources/index";
import type { SandboxCore } from "../core";
import { invalid, notFound } from "../http/errors";
import { newId } from "../ids";
import type { CheckoutRecord, PaymentMethodRecord, PaymentRecord, SubscriptionRecord } from "../state/types";
import { getProduct, getAddon } from "./catalog";
import { type Presentment } from "./localized-prices";
import { priceCart } from "./cart";
import { createCustomer, findCustomerByEmail, getCustomer, usableMethod } from "./customers";
import { applyDiscounts, previewRateBps, resolveDiscountCodes } from "./discount-redemption";
import { createPayment } from "./payments";
import { createPendingSubscription } from "./subscriptions";

const SESSION_TTL_MS = 24 * 3_600_000;
/** Dodo gives sessions created with `confirm: true` 15 minutes instead of 24 hours. */
const CONFIRMED_SESSION_TTL_MS = 15 * 60_000;

/** Who is buying, for localized prices: the billing country and the `billing_currency` asked for. */
function presentmentOf(params: CheckoutSessionCreateParams): Presentment {
  return { country: params.billing_address?.country ?? null, billingCurrency: params.billing_currency ?? null };
}

export function hostedUrl(core: SandboxCore, sessionId: string): string {
  return `${core.baseUrl}/checkout/${sessionId}`;
}

export function getCheckout(core: SandboxCore, sessionId: string): CheckoutRecord {
  const record = core.state.checkouts[sessionId];
  if (!record) throw notFound("Checkout session", sessionId);
  return record;
}

/**
 * `POST /checkouts`. With `payment_method_id` (one-click) the saved card is charged off-session: the
 * answer has `checkout_url: null` and a `payment_id` that settles asynchronously. Otherwise the answer
 * is a hosted page URL (plus a payment in `requires_payment_method` when `confirm: true`).
 */
export function createCheckout(
  core: SandboxCore,
  params: CheckoutSessionCreateParams,
  scheduleCharge: (paymentId: string) => void,
  addressRule: AddressRule = "checkout",
): CheckoutSessionResponse {
  const cart = priceCart(core, params.product_cart, presentmentOf(params));
  const discountIds = resolveDiscountCodes(core, params);
  const oneClick = params.payment_method_id != null;
  const existingCustomerId = params.customer && "customer_id" in params.customer ? params.customer.customer_id : null;
  if (oneClick && !params.confirm) throw invalid("payment_method_id requires confirm: true");
  if (oneClick && !existingCustomerId) throw invalid("payment_method_id requires customer.customer_id");
  if (params.confirm && !params.customer) throw invalid("customer is required when confirm is true");
  if (existingCustomerId) getCustomer(core, existingCustomerId);
  const method = oneClick ? usableMethod(core, existingCustomerId!, params.payment_method_id!, cart.currency) : null;
  const billing = params.confirm && addressRule === "checkout"
    ? confirmedBilling(core, params.billing_address ?? null, method, params.minimal_address === true)
    : (params.billing_address ?? null);
  const newCustomer = params.customer && "email" in params.customer ? params.customer : null;
  // A confirmed session redeems its codes now; a hosted one when its page is paid (repriceSession).
  const discounted = applyDiscounts(core, cart, discountIds, existingCustomerId ?? reusedCustomerId(core, params), { redeeming: params.confirm === true });

  const now = core.now();
  const session: CheckoutRecord = {
    seq: core.nextSeq(),
    session_id: newId("cks"),
    kind: "purchase",
    created_at: now,
    expires_at: new Date(Date.parse(now) + (params.confirm ? CONFIRMED_SESSION_TTL_MS : SESSION_TTL_MS)).toISOString(),
    cart: discounted.lines,
    currency: cart.currency,
    customer_id: existingCustomerId,
    customer_email: newCustomer?.email ?? null,
    customer_name: newCustomer?.name ?? null,
    always_create_new_customer: params.feature_flags?.always_create_new_customer ?? false,
    minimal_address: params.minimal_address === true,
    billing,
    return_url: params.return_url ?? null,
    cancel_url: params.cancel_url ?? null,
    metadata: params.metadata ?? {},
    discount_ids: discountIds,
    subscription_id: null,
    payment_id: null,
    completed: false,
    force_3ds: params.force_3ds === true,
  };
  core.state.checkouts[session.session_id] = session;
  if (params.confirm && !session.customer_id) session.customer_id = resolveCustomer(core, session, newCustomer!.email, newCustomer!.name ?? null);
  core.changed();

  let payment: PaymentRecord | null = null;
  if (params.confirm) payment = startPurchase(core, session, method, true);
  if (payment && method) scheduleCharge(payment.payment_id);
  return {
    session_id: session.session_id,
    checkout_url: method ? null : hostedUrl(core, session.session_id),
    client_secret: payment?.client_secret ?? null,
    payment_id: payment?.payment_id ?? null,
    publishable_key: payment ? "pk_sandbox" : null,
  } satisfies Required<CheckoutSessionResponse>;
}

/** `checkout`: Dodo's rule for `POST /checkouts`; `legacy`: deprecated `POST /payments`, whose required `billing` is taken as given. */
export type AddressRule = "checkout" | "legacy";

const FULL_ADDRESS = ["country", "state", "city", "street", "zipcode"] as const;
const MINIMAL_ADDRESS = ["country", "zipcode"] as const;

/**
 * The address a `confirm: true` session is finalised with. Docs (developer-resources/checkout-session,
 * billing_address): "When confirm is set to true, all billing address fields become required"; SDK
 * `minimal_address`: "If true, only zipcode is required when confirm is true; other address fields
 * remain optional" (country is always required). Which error code a missing field gets is not
 * documented: `INVALID_REQUEST_BODY` (422) here, UNCONFIRMED. With the switch off (UNCONFIRMED kinder
 * reading) a missing address is filled from the saved card instead.
 */
function confirmedBilling(core: SandboxCore, billing: BillingAddress | null, method: PaymentMethodRecord | null, minimal: boolean): BillingAddress {
  const required = minimal ? MINIMAL_ADDRESS : FULL_ADDRESS;
  const missing = required.filter((field) => !billing?.[field]?.trim());
  if (billing && missing.length === 0) return billing;
  if (core.settings.require_billing_address_on_confirm) {
    const hint = minimal ? "" : " (or send minimal_address: true with country and zipcode)";
    throw invalid(`billing_address.${missing.join(", billing_address.")} required when confirm is true${hint}`, "INVALID_REQUEST_BODY");
  }
  return { ...billing, country: billing?.country ?? method?.card_issuing_country ?? "US", zipcode: billing?.zipcode ?? null };
}

/** The customer an email-only checkout would reuse, so customer-specific discount rules see the right buyer. */
function reusedCustomerId(core: SandboxCore, params: CheckoutSessionCreateParams): string | null {
  const byEmail = params.customer && "email" in params.customer ? params.customer.email : null;
  if (!byEmail || params.feature_flags?.always_create_new_customer) return null;
  return findCustomerByEmail(core, byEmail)?.customer_id ?? null;
}

/** Checkout reuses the newest customer with the email unless the session forbids it. */
export function resolveCustomer(core: SandboxCore, session: CheckoutRecord, email: string, name: string | null): string {
  const existing = session.always_create_new_customer ? undefined : findCustomerByEmail(core, email);
  return (existing ?? createCustomer(core, { email, name: name ?? email.split("@")[0]! })).customer_id;
}

/**
 * The hosted page is being paid: the buyer is known now, and the session's codes may have expired,
 * run out or been deleted since it was created, so they are checked and applied again.
 */
export function repriceSession(core: SandboxCore, session: CheckoutRecord): void {
  if (session.discount_ids.length === 0) return;
  session.cart = applyDiscounts(core, { lines: session.cart, currency: session.currency }, session.discount_ids, session.customer_id, { redeeming: true }).lines;
  core.changed();
}

/** Creates the session's payment (and pending subscription, if the cart has one). */
export function startPurchase(core: SandboxCore, session: CheckoutRecord, method: PaymentMethodRecord | null, offSession: boolean): PaymentRecord {
  const customerId = session.customer_id!;
  const billing = session.billing ?? { country: method?.card_issuing_country ?? "US" };
  const subscriptionLine = session.cart.find((l) => l.is_subscription);
  const oneTimeLines = session.cart.filter((l) => !l.is_subscription);
  let sub: SubscriptionRecord | null = null;
  if (subscriptionLine) {
    sub = createPendingSubscription(core, {
      customer_id: customerId,
      plan: { product_id: subscriptionLine.product_id, quantity: subscriptionLine.quantity, addons: subscriptionLine.addons },
      billing,
      metadata: session.metadata,
      payment_method_id: method?.payment_method_id ?? null,
    });
  }
  const payment = createPayment(core, {
    purpose: sub ? "subscription_start" : "one_time",
    customer_id: customerId,
    currency: session.currency,
    total_amount: session.cart.reduce((sum, l) => sum + l.amount - l.discount, 0),
    billing,
    metadata: session.metadata,
    method,
    off_session: offSession,
    product_cart: oneTimeLines.length > 0 ? oneTimeLines.map((l) => ({ product_id: l.product_id, quantity: l.quantity })) : null,
    subscription_id: sub?.subscription_id ?? null,
    checkout_session_id: session.session_id,
    payment_link: method ? null : hostedUrl(core, session.session_id),
    discount_ids: session.discount_ids,
    force_3ds: session.force_3ds,
  });
  session.payment_id = payment.payment_id;
  session.subscription_id = sub?.subscription_id ?? null;
  core.changed();
  return payment;
}

export function checkoutStatus(core: SandboxCore, sessionId: string): CheckoutSessionStatus {
  const session = getCheckout(core, sessionId);
  const customer = session.customer_id ? core.state.customers[session.customer_id]?.customer : undefined;
  const payment = session.payment_id ? core.state.payments[session.payment_id] : undefined;
  return {
    id: session.session_id,
    created_at: session.created_at,
    customer_email: customer?.email ?? session.customer_email,
    customer_name: customer?.name ?? session.customer_name,
    payment_id: payment?.payment_id ?? null,
    payment_status: payment?.status ?? null,
  } satisfies Required<CheckoutSessionStatus>;
}

export function previewCheckout(core: SandboxCore, params: CheckoutSessionCreateParams): CheckoutSessionPreviewResponse {
  const cart = priceCart(core, params.product_cart, presentmentOf(params));
  const discountIds = resolveDiscountCodes(core, params);
  const customerId = params.customer && "customer_id" in params.customer ? params.customer.customer_id : null;
  const discounted = applyDiscounts(core, cart, discountIds, customerId);
  const subscriptionLine = cart.subscriptionLine;
  const recurring = subscriptionLine ? subscriptionLine.amount : null;
  return {
    billing_country: params.billing_address?.country ?? "US",
    currency: cart.currency,
    current_breakup: { discount: discounted.discount_total, subtotal: cart.total, total_amount: discounted.total, tax: 0 },
    is_byop: false,
    payment_method_required: true,
    product_cart: discounted.lines.map((line) => {
      const product = getProduct(core, line.product_id);
      return {
        credit_entitlements: [],
        currency: cart.currency,
        discounted_price: line.amount - line.discount,
        is_subscription: line.is_subscription,
        is_usage_based: product.price.type === "usage_based_price",
        meters: [],
        og_currency: cart.currency,
        og_price: line.amount,
        product_id: line.product_id,
        quantity: line.quantity,
        tax_category: product.tax_category,
        tax_inclusive: false,
        tax_rate: 0,
        addons: line.addons.map((a) => {
          const addon = getAddon(core, a.addon_id);
          return {
            addon_id: addon.id, currency: addon.currency, discounted_price: addon.price * a.quantity, name: addon.name,
            og_currency: addon.currency, og_price: addon.price * a.quantity, quantity: a.quantity, single_quantity_price: addon.price,
            tax_category: addon.tax_category, tax_inclusive: false, tax_rate: 0, description: addon.description ?? null,
            discount_amount: 0, tax: 0,
          };
        }),
        description: product.description ?? null,
        discount_amount: previewRateBps(core, discountIds, line.product_id),
        discount_cycle: null,
        name: product.name ?? null,
        tax: 0,
      };
    }),
    total_price: discounted.total,
    next_billing_date: null,
    recurring_breakup: recurring === null ? null : { discount: 0, subtotal: recurring, total_amount: recurring, tax: 0 },
    subscriptions: subscriptionLine
      ? [{ amount_due_now: subscriptionLine.amount, product_id: subscriptionLine.product_id, recurring_amount: subscriptionLine.amount, next_billing_date: null, recurring_tax: 0, tax_due_now: 0, trial_period_days: 0 }]
      : null,
    tax_id_business_name: null,
    tax_id_err_msg: null,
    tax_id_format_name: null,
    total_tax: 0,
    trial_amount: null,
    trial_period_days: null,
  } satisfies Required<CheckoutSessionPreviewResponse>;
}
