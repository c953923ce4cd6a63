import type { AddonResponse, Currency, Metadata, Price, Product, TimeInterval } from "dodopayments/resources/index";
import { addInterval } from "./clock";
import { emptyState } from "./state/store";
import type { PaymentRecord, SandboxState, SubscriptionRecord } from "./state/types";

/** Fixed ids so the app's seed script, tests and demos can name seeded objects. */
export const SEED_BUSINESS_ID = "bus_Jga0U0OkSf8ix30HkBwPT";
export const SEED_BRAND_ID = "brnd_vJnq4ezkpgF32aUPlyA6s";

export const SEED_ADDONS = {
  extra_seat: "adn_DUKyKLClD7P4atWV7rV2X",
  priority_support: "adn_AyaezwjksgcFq97Mxv82W",
} as const;

export const SEED_PRODUCTS = {
  course: "pdt_ihalbzjqp6qnm2LvLcWvk",
  template_pack: "pdt_Uhc7tkEauhAflYqRcaTAj",
  workbook: "pdt_5zHQ0dH8YbF6V90RMazfO",
  coaching_call: "pdt_fsJ1e5sxIO6U4Zf5dQLZY",
  course_eur: "pdt_H3e9PI9kB0W9r5gLUAV5T",
  starter_monthly: "pdt_914f8BPSrSUX0AMT8NYZV",
  basic_monthly: "pdt_w3a8IrjvShLqC6khSg0n6",
  pro_monthly: "pdt_BBzgYJraw8D2knLDt1Y3K",
  team_monthly: "pdt_tgemtuYQqtGDevplmgQ1V",
  starter_yearly: "pdt_jRJHwYSMJaFk4jYigCxca",
  basic_yearly: "pdt_rKZxt7SAnvQbkv4iRO5Aw",
  pro_yearly: "pdt_QRjEf1YfxZhmhFUFq5KBk",
  team_yearly: "pdt_L19Eiy2w8zexlesCFiw1s",
} as const;

export const SEED_CUSTOMERS = {
  /** Saved 4242 card, active Basic monthly subscription. */
  demo: "cus_v9JjQMfjnloDVQCsB5IVp",
  /** Saved 0341 card (fails off-session), active Starter monthly subscription. */
  failing: "cus_2jt5CHlg85XizUAv8PWWl",
  /** No saved card and no subscription: for hosted checkout demos. */
  fresh: "cus_K17QmtonpVc7p1eTgPiJF",
} as const;

export const SEED_PAYMENT_METHODS = {
  demo_visa: "pm_g4AKkcxjRwBZx4dEwFFxA",
  failing_card: "pm_KDNRnOUEOzZNum3NqEKDj",
} as const;

export const SEED_SUBSCRIPTIONS = {
  demo_basic: "sub_GdoSRAula9OINKv8KWSca",
  failing_starter: "sub_PLA59JebWChjBCfCV48lK",
} as const;

/** A credit entitlement to attach to products (none is attached in the seed). */
export const SEED_CREDIT_ENTITLEMENTS = {
  api_credits: "cde_R4x8mKq2Vt7NwYpL3sJ0d",
} as const;

export const SEED_PAYMENTS = {
  demo_course: "pay_U0Vf7MWUAKSCKsPh0qC8V",
  demo_basic_first: "pay_0m2K4DThHffJPtNm17uuU",
  failing_starter_first: "pay_O6Qx6tpfLgFk1icDloLQQ",
} as const;

const DAY_MS = 86_400_000;
const USD: Currency = "USD";

const oneTime = (price: number, currency: Currency = USD): Price => ({ type: "one_time_price", currency, price, discount_bps: null, tax_inclusive: false });
const recurring = (price: number, interval: TimeInterval): Price => ({
  type: "recurring_price", currency: USD, price, payment_frequency_count: 1, payment_frequency_interval: interval,
  subscription_period_count: 10, subscription_period_interval: "Year", trial_period_days: 0, tax_inclusive: false,
});

/** Catalogue: one-time products with their cross-sell / add-on partners, and the subscription ladder. */
const CATALOGUE: Array<{ id: string; name: string; description: string; price: Price; addons?: string[]; metadata?: Metadata }> = [
  { id: SEED_PRODUCTS.course, name: "Launch Your Course", description: "Video course, 12 modules", price: oneTime(4900), metadata: { role: "core" } },
  { id: SEED_PRODUCTS.template_pack, name: "Template Pack", description: "Notion + Figma templates for the course", price: oneTime(1900), metadata: { role: "add_on", pairs_with: SEED_PRODUCTS.course } },
  { id: SEED_PRODUCTS.workbook, name: "Course Workbook", description: "Every exercise from the course, printable", price: oneTime(2900), metadata: { role: "downsell", pairs_with: SEED_PRODUCTS.course } },
  { id: SEED_PRODUCTS.coaching_call, name: "1:1 Coaching Call", description: "A 60-minute video call with the author", price: oneTime(9900), metadata: { role: "cross_sell", pairs_with: SEED_PRODUCTS.course } },
  { id: SEED_PRODUCTS.course_eur, name: "Launch Your Course (EUR)", description: "Same course priced in euros", price: oneTime(4500, "EUR") },
  ...([
    ["starter", "Starter", 2000, 20000, []],
    ["basic", "Basic", 3000, 30000, [SEED_ADDONS.extra_seat]],
    ["pro", "Pro", 8000, 80000, [SEED_ADDONS.extra_seat, SEED_ADDONS.priority_support]],
    ["team", "Team", 20000, 200000, [SEED_ADDONS.extra_seat, SEED_ADDONS.priority_support]],
  ] as const).flatMap(([key, name, monthly, yearly, addons]) => [
    { id: SEED_PRODUCTS[`${key}_monthly`], name: `${name} (monthly)`, description: `${name} plan billed monthly`, price: recurring(monthly, "Month"), addons: [...addons], metadata: { tier: key } },
    { id: SEED_PRODUCTS[`${key}_yearly`], name: `${name} (yearly)`, description: `${name} plan billed yearly`, price: recurring(yearly, "Year"), addons: [...addons], metadata: { tier: key } },
  ]),
];

export function buildSeedState(now: Date): SandboxState {
  const state = emptyState(SEED_BUSINESS_ID, SEED_BRAND_ID);
  const seq = () => state.next_seq++;
  const at = (daysAgo: number) => new Date(now.getTime() - daysAgo * DAY_MS).toISOString();
  const created = at(30);

  state.credit_entitlements[SEED_CREDIT_ENTITLEMENTS.api_credits] = {
    seq: seq(),
    deleted: false,
    entitlement: {
      id: SEED_CREDIT_ENTITLEMENTS.api_credits, business_id: SEED_BUSINESS_ID, created_at: created, updated_at: created, name: "API credits",
      unit: "API calls", precision: 0, overage_enabled: false, overage_behavior: "forgive_at_reset", rollover_enabled: false, currency: null,
      description: "Calls to the merchant's API", expires_after_days: null, max_rollover_count: null, overage_limit: null, price_per_unit: null,
      rollover_percentage: null, rollover_timeframe_count: null, rollover_timeframe_interval: null,
    },
  };

  const addons: AddonResponse[] = [
    { id: SEED_ADDONS.extra_seat, business_id: SEED_BUSINESS_ID, created_at: created, updated_at: created, currency: USD, name: "Extra seat", price: 1000, tax_category: "saas", description: "One more team member", image: null },
    { id: SEED_ADDONS.priority_support, business_id: SEED_BUSINESS_ID, created_at: created, updated_at: created, currency: USD, name: "Priority support", price: 1500, tax_category: "saas", description: "Answers within 4 hours", image: null },
  ];
  for (const addon of addons) state.addons[addon.id] = { seq: seq(), addon };

  for (const item of CATALOGUE) {
    const product = {
      brand_id: SEED_BRAND_ID, business_id: SEED_BUSINESS_ID, created_at: created, updated_at: created,
      credit_entitlements: [], entitlements: [], is_recurring: item.price.type !== "one_time_price", license_key_enabled: false,
      metadata: item.metadata ?? {}, price: item.price, product_id: item.id,
      tax_category: item.price.type === "one_time_price" ? "edtech" : "saas", addons: item.addons ?? [],
      description: item.description, digital_product_delivery: null, image: null, license_key_activation_message: null,
      license_key_activations_limit: null, license_key_duration: null, name: item.name, pricing_mode: null, product_collection_id: null,
    } satisfies Required<Product>;
    state.products[item.id] = { seq: seq(), product, archived: false };
  }

  const people = [
    [SEED_CUSTOMERS.demo, "Dana Demo", "demo@example.com"],
    [SEED_CUSTOMERS.failing, "Frank Failing", "failing@example.com"],
    [SEED_CUSTOMERS.fresh, "Fiona Fresh", "fresh@example.com"],
  ] as const;
  for (const [customer_id, name, email] of people) {
    state.customers[customer_id] = {
      seq: seq(),
      customer: { business_id: SEED_BUSINESS_ID, created_at: created, customer_id, email, name, blocked_at: null, blocklist_entry_id: null, metadata: {}, phone_number: null },
    };
  }

  const cards = [
    [SEED_PAYMENT_METHODS.demo_visa, SEED_CUSTOMERS.demo, "4242424242424242", "Dana Demo"],
    [SEED_PAYMENT_METHODS.failing_card, SEED_CUSTOMERS.failing, "4000000000000341", "Frank Failing"],
  ] as const;
  for (const [payment_method_id, customer_id, card_number, holder] of cards) {
    state.payment_methods[payment_method_id] = {
      seq: seq(), payment_method_id, customer_id, card_number, expiry_month: "12", expiry_year: "2034", card_holder_name: holder,
      card_issuing_country: "US", currency: USD, created_at: created, last_used_at: at(10),
    };
  }

  // Both subscriptions started 10 days ago, so a plan change now is about two thirds into the cycle.
  const start = at(10);
  const subs: Array<[string, string, string, string, string]> = [
    [SEED_SUBSCRIPTIONS.demo_basic, SEED_CUSTOMERS.demo, SEED_PRODUCTS.basic_monthly, SEED_PAYMENT_METHODS.demo_visa, SEED_PAYMENTS.demo_basic_first],
    [SEED_SUBSCRIPTIONS.failing_starter, SEED_CUSTOMERS.failing, SEED_PRODUCTS.starter_monthly, SEED_PAYMENT_METHODS.failing_card, SEED_PAYMENTS.failing_starter_first],
  ];
  for (const [subscription_id, customer_id, product_id, payment_method_id, payment_id] of subs) {
    const sub: SubscriptionRecord = {
      seq: seq(), subscription_id, customer_id, plan: { product_id, quantity: 1, addons: [] }, status: "active", currency: USD,
      payment_frequency_count: 1, payment_frequency_interval: "Month", subscription_period_count: 10, subscription_period_interval: "Year",
      trial_period_days: 0, created_at: start, previous_billing_date: start, next_billing_date: addInterval(start, "Month", 1),
      cancel_at_next_billing_date: false, cancelled_at: null, billing: { country: "US", zipcode: "94107" }, metadata: {},
      payment_method_id, tax_id: null, customer_business_name: null, cancellation_feedback: null, cancellation_comment: null, paused_at: null,
      scheduled_change: null, pending_change: null, credit_balance: 0, discounts: [], dues: 0, charging_payment_id: null, credit_overrides: {},
    };
    state.subscriptions[subscription_id] = sub;
    const price = state.products[product_id]!.product.price;
    state.payments[payment_id] = seededPayment(seq(), payment_id, sub, payment_method_id, price.type === "recurring_price" ? price.price : 0, start);
  }
  state.payments[SEED_PAYMENTS.demo_course] = {
    ...seededPayment(seq(), SEED_PAYMENTS.demo_course, state.subscriptions[SEED_SUBSCRIPTIONS.demo_basic]!, SEED_PAYMENT_METHODS.demo_visa, 4900, at(20)),
    purpose: "one_time",
    subscription_id: null,
    product_cart: [{ product_id: SEED_PRODUCTS.course, quantity: 1 }],
  };
  return state;
}

function seededPayment(seq: number, payment_id: string, sub: SubscriptionRecord, methodId: string, amount: number, at: string): PaymentRecord {
  const failing = methodId === SEED_PAYMENT_METHODS.failing_card;
  return {
    seq, payment_id, purpose: "subscription_start", created_at: at, updated_at: at, status: "succeeded", customer_id: sub.customer_id,
    billing: sub.billing, currency: USD, total_amount: amount, product_cart: null, subscription_id: sub.subscription_id,
    checkout_session_id: null, payment_method_id: methodId,
    card: { last4: failing ? "0341" : "4242", network: "visa", type: "credit", holder: null, country: "US" },
    off_session: false, error_code: null, error_message: null, metadata: {}, refund_ids: [], discount_ids: [], payment_link: null, client_secret: null,
    is_update_payment_method: false, force_3ds: false, authentication_expires_at: null, pending_card: null,
  };
}
