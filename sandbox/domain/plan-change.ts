import type {
  SubscriptionChangePlanParams,
  SubscriptionChangePlanResponse,
  SubscriptionPreviewChangePlanResponse,
} from "dodopayments/resources/index";
import { addInterval } from "../clock";
import type { SandboxCore } from "../core";
import { ApiError, conflict, invalid } from "../http/errors";
import { newId } from "../ids";
import type { PaymentRecord, PlanSelection, SubscriptionDiscount, SubscriptionRecord } from "../state/types";
import { getAddon, getProduct, planLines, recurringPrice, validateAddons } from "./catalog";
import { createPayment, recordZeroPayment } from "./payments";
import { quotePlanChange, remainingFraction, type PlanChangeQuote } from "./proration";
import { subscription as serializeSubscription } from "./serialize";
import { emitSubscription } from "./events";
import { getSubscriptionRecord, putOnHold } from "./subscriptions";
import { discountedLines, discountsAfterChange } from "./subscription-discounts";

type ChangeParams = SubscriptionChangePlanParams;

interface ChangePlanContext {
  record: SubscriptionRecord;
  target: PlanSelection;
  scheduled: boolean;
  effectiveAt: string;
  quote: PlanChangeQuote;
  /** The subscription's discounts after the change (`discount_codes`, see subscription-discounts.ts). */
  discounts: SubscriptionDiscount[];
}

/**
 * Validation and the money quote shared by change-plan and its preview, so both always agree (the SDK
 * says the preview "shares this request body", including the scheduled-change 409). Sources: docs
 * api-reference/error-codes (Subscriptions), SDK `SubscriptionChangePlanParams`; the OAS for
 * change-plan lists 409 (pending change) and 422 (inactive / on-demand).
 */
function prepareChange(core: SandboxCore, subscriptionId: string, params: ChangeParams): ChangePlanContext {
  const record = getSubscriptionRecord(core, subscriptionId);
  const scheduled = params.effective_at === "next_billing_date";
  // Error codes: "A proration mode other than full_immediately used with effective_at: next_billing_date".
  if (scheduled && params.proration_billing_mode !== "full_immediately") {
    throw invalid("Only full_immediately proration mode is allowed with effective_at: next_billing_date", "INVALID_PRORATION_MODE_WITH_NEXT_BILLING_DATE");
  }
  if (!Number.isInteger(params.quantity) || params.quantity < 1) throw invalid("quantity must be an integer >= 1");
  if (record.status !== "active") {
    throw invalid(`Subscription ${subscriptionId} is ${record.status}`, "INACTIVE_SUBSCRIPTION_PLAN_CHANGE_NOT_SUPPORTED");
  }
  // Error codes: "Plan change attempted on subscription scheduled for cancellation". Its status is not
  // documented (UNCONFIRMED); 422 like the other state refusals the change-plan OAS lists.
  if (record.cancel_at_next_billing_date) {
    throw invalid("Subscription scheduled for cancellation", "PLAN_CHANGE_NOT_ALLOWED_FOR_SCHEDULED_CANCELLATION");
  }
  // SDK: "A pending plan change still gets a 409" whatever cancel_scheduled_change_plan says.
  if (record.pending_change || record.charging_payment_id) {
    throw conflict("A pending plan change already exists for this subscription. Please wait for the current payment to complete.", "PENDING_PLAN_CHANGE_EXISTS");
  }
  if (record.scheduled_change && !params.cancel_scheduled_change_plan) {
    throw conflict(
      "A scheduled plan change already exists for this subscription. Please cancel the existing scheduled change before creating a new one.",
      "SCHEDULED_PLAN_CHANGE_EXISTS",
    );
  }
  const product = getProduct(core, params.product_id);
  const price = recurringPrice(product);
  if (price.currency !== record.currency) throw invalid(`Product ${product.product_id} is priced in ${price.currency}, not ${record.currency}`, "UNSUPPORTED_CURRENCY");
  // Omitted or empty addons remove the current ones (documented Dodo behaviour).
  const addons = params.addons ?? [];
  validateAddons(core, product, addons);
  const target: PlanSelection = { product_id: product.product_id, quantity: params.quantity, addons };
  const discounts = discountsAfterChange(core, record, target, params);
  if (core.settings.same_plan_discount_change === "reject" && samePlan(record.plan, target)) {
    // UNCONFIRMED (settings.ts): the docs name same-product changes for quantity and addons only.
    throw invalid("The new plan is the subscription's current plan, quantity and addons", "INVALID_REQUEST_BODY");
  }

  const now = core.now();
  const credits = core.settings.downgrade_credits === "subscription" ? record.credit_balance : 0;
  // A scheduled full_immediately change charges nothing now: the new plan is billed in full by the
  // renewal it takes effect at (docs: error codes; integrators report the same from the live API).
  const quote = scheduled
    ? quotePlanChange({ mode: "do_not_bill", oldLines: [], newLines: [], remaining: 0, creditBalance: 0 })
    : quotePlanChange({
        mode: params.proration_billing_mode,
        // What the customer pays per cycle: the plans with their discounts (old: those on the
        // subscription now; new: those the change leaves), so a discount lowers the charge now.
        oldLines: discountedLines(core, record.plan, record.currency, record.discounts),
        newLines: discountedLines(core, target, record.currency, discounts),
        remaining: remainingFraction(record.previous_billing_date, record.next_billing_date, now),
        creditBalance: credits,
      });
  return { record, target, scheduled, effectiveAt: scheduled ? record.next_billing_date : now, quote, discounts };
}

function samePlan(a: PlanSelection, b: PlanSelection): boolean {
  const addons = (p: PlanSelection) => JSON.stringify([...p.addons].sort((x, y) => x.addon_id.localeCompare(y.addon_id)).map((x) => [x.addon_id, x.quantity]));
  return a.product_id === b.product_id && a.quantity === b.quantity && addons(a) === addons(b);
}

export function previewChangePlan(core: SandboxCore, subscriptionId: string, params: ChangeParams): SubscriptionPreviewChangePlanResponse {
  const context = prepareChange(core, subscriptionId, params);
  const { record, target, quote } = context;
  const afterChange: SubscriptionRecord = structuredClone(record);
  setPlan(core, afterChange, target);
  afterChange.scheduled_change = null;
  // new_plan is the subscription "as it would look after the change", scheduled or not.
  afterChange.discounts = context.discounts;
  if (quote.resets_cycle) resetCycle(afterChange, core.now());

  const lineItems = planLines(core, target).map((line) => {
    if (line.type === "subscription") {
      const product = getProduct(core, line.id);
      return {
        type: "subscription" as const, id: line.id, product_id: line.id, quantity: line.quantity, unit_price: line.unit_price,
        proration_factor: quote.proration_factor, currency: record.currency, tax_inclusive: false, tax: 0, tax_rate: 0,
        name: product.name ?? null, description: product.description ?? null,
      };
    }
    const addon = getAddon(core, line.id);
    return {
      type: "addon" as const, id: line.id, name: addon.name, quantity: line.quantity, unit_price: line.unit_price,
      proration_factor: quote.proration_factor, currency: record.currency, tax_category: addon.tax_category,
      tax_inclusive: false, tax_rate: 0, tax: 0, description: addon.description ?? null,
    };
  });
  return {
    immediate_charge: {
      effective_at: context.effectiveAt,
      line_items: lineItems,
      summary: {
        currency: record.currency,
        customer_credits: quote.customer_credits,
        settlement_amount: quote.total_amount,
        settlement_currency: record.currency,
        total_amount: quote.total_amount,
        settlement_tax: 0,
        tax: 0,
      },
    },
    new_plan: serializeSubscription(core, afterChange),
  } satisfies SubscriptionPreviewChangePlanResponse;
}

const NO_CHECKOUT: Required<SubscriptionChangePlanResponse> = { client_secret: null, expires_on: null, payment_id: null, payment_link: null };

export function changePlan(
  core: SandboxCore,
  subscriptionId: string,
  params: ChangeParams,
  scheduleCharge: (paymentId: string) => void,
): SubscriptionChangePlanResponse {
  const { record, target, scheduled, quote, discounts } = prepareChange(core, subscriptionId, params);
  if (scheduled) {
    // With cancel_scheduled_change_plan "the new schedule then replaces the old one in the request transaction" (SDK).
    // Its discounts are attached when it takes effect (the SDK's scheduled_change shows none: UNCONFIRMED).
    record.scheduled_change = { ...target, discounts, id: newId("spc"), created_at: core.now(), effective_at: record.next_billing_date };
    core.changed();
    emitSubscription(core, "subscription.updated", record);
    return NO_CHECKOUT;
  }
  // SDK: "The scheduled change is cancelled by the transaction that applies this change. A change
  // that never applies leaves the schedule in place." So a prevent_change charge keeps it until paid.
  const cancelsScheduled = params.cancel_scheduled_change_plan === true && record.scheduled_change !== null;
  if (quote.total_amount === 0) {
    if (cancelsScheduled) record.scheduled_change = null;
    if (core.settings.zero_amount_payments) recordZeroPayment(core, record, "plan_change", params.metadata ?? record.metadata);
    record.credit_balance += keptCredit(core, quote) - quote.credit_used;
    record.discounts = discounts;
    applyPlan(core, record, target, quote.resets_cycle);
    return NO_CHECKOUT;
  }

  const method = record.payment_method_id ? core.state.payment_methods[record.payment_method_id] : undefined;
  if (!method) throw new ApiError(422, "NO_ELIGIBLE_PAYMENT_METHODS", `Subscription ${subscriptionId} has no saved payment method`);
  const payment = createPayment(core, {
    purpose: "plan_change",
    customer_id: record.customer_id,
    currency: record.currency,
    total_amount: quote.total_amount,
    billing: record.billing,
    metadata: params.metadata ?? record.metadata,
    method,
    off_session: true,
    subscription_id: record.subscription_id,
    discount_ids: discounts.map((d) => d.discount_id),
  });
  const onFailure = params.on_payment_failure ?? core.settings.default_on_payment_failure;
  if (onFailure === "prevent_change") {
    // Stays on the old plan until the charge succeeds; another change meanwhile is a 409.
    record.pending_change = {
      ...target, payment_id: payment.payment_id, credit_used: quote.credit_used, resets_cycle: quote.resets_cycle, cancels_scheduled: cancelsScheduled, discounts,
    };
    core.changed();
  } else {
    if (cancelsScheduled) record.scheduled_change = null;
    record.credit_balance -= quote.credit_used;
    record.charging_payment_id = payment.payment_id;
    record.discounts = discounts;
    applyPlan(core, record, target, quote.resets_cycle);
  }
  scheduleCharge(payment.payment_id);
  return { ...NO_CHECKOUT, payment_id: payment.payment_id };
}

/** Called when a plan-change charge settles. */
export function planChangeSettled(core: SandboxCore, record: SubscriptionRecord, payment: PaymentRecord, ok: boolean): void {
  const pending = record.pending_change;
  if (pending && pending.payment_id === payment.payment_id) {
    record.pending_change = null;
    core.changed();
    if (!ok) return;
    if (pending.cancels_scheduled) record.scheduled_change = null;
    record.credit_balance -= pending.credit_used;
    record.discounts = pending.discounts;
    applyPlan(core, record, { product_id: pending.product_id, quantity: pending.quantity, addons: pending.addons }, pending.resets_cycle);
    return;
  }
  if (record.charging_payment_id === payment.payment_id) {
    record.charging_payment_id = null;
    core.changed();
    if (!ok) putOnHold(core, record, payment.total_amount);
  }
}

/** `DELETE …/change-plan/scheduled`; nothing scheduled is `SCHEDULED_PLAN_CHANGE_NOT_FOUND` (docs: error codes; status UNCONFIRMED, a switch). */
export function cancelScheduledChange(core: SandboxCore, subscriptionId: string): void {
  const record = getSubscriptionRecord(core, subscriptionId);
  if (!record.scheduled_change) {
    throw new ApiError(core.settings.scheduled_change_not_found_status, "SCHEDULED_PLAN_CHANGE_NOT_FOUND", "No scheduled plan change found for this subscription.");
  }
  record.scheduled_change = null;
  core.changed();
  emitSubscription(core, "subscription.updated", record);
}

export function applyPlan(core: SandboxCore, record: SubscriptionRecord, target: PlanSelection, resetsCycle: boolean): void {
  setPlan(core, record, target);
  if (resetsCycle) resetCycle(record, core.now());
  core.changed();
  emitSubscription(core, "subscription.plan_changed", record);
  emitSubscription(core, "subscription.updated", record);
}

/** The plan's billing frequency comes with it (e.g. monthly → yearly). */
function setPlan(core: SandboxCore, record: SubscriptionRecord, target: PlanSelection): void {
  const price = recurringPrice(getProduct(core, target.product_id));
  record.plan = target;
  record.payment_frequency_count = price.payment_frequency_count;
  record.payment_frequency_interval = price.payment_frequency_interval;
  record.subscription_period_count = price.subscription_period_count;
  record.subscription_period_interval = price.subscription_period_interval;
}

function resetCycle(record: SubscriptionRecord, now: string): void {
  record.previous_billing_date = now;
  record.next_billing_date = addInterval(now, record.payment_frequency_interval, record.payment_frequency_count);
}

function keptCredit(core: SandboxCore, quote: PlanChangeQuote): number {
  return core.settings.downgrade_credits === "subscription" ? quote.credit_added : 0;
}
