import type {
  AttachCreditEntitlement,
  CreditEntitlement,
  CreditEntitlementCartResponse,
  CreditEntitlementCreateParams,
  CreditEntitlementMappingResponse,
  CreditEntitlementUpdateParams,
  Product,
  SubscriptionUpdateParams,
} from "dodopayments/resources/index";
import type { SandboxCore } from "../core";
import { ApiError, invalid, notFound } from "../http/errors";
import { newestFirst } from "../http/input";
import { newId } from "../ids";
import type { CreditEntitlementRecord, SubscriptionRecord } from "../state/types";
import { fromUnits, toUnits } from "./credit-amounts";

/**
 * Credit entitlements (docs: features/credit-based-billing; SDK resources/credit-entitlements): a
 * reusable credit definition (unit, precision, expiry, rollover, overage), attached to products with
 * a per-cycle amount and a low-balance threshold. Validation follows the SDK comments; refusals are
 * 422 (`CREDIT_ENTITLEMENT_NAME_ALREADY_EXISTS` and `CREDIT_ENTITLEMENT_IS_DELETED` are documented
 * codes, the rest plain validation).
 */

/** Docs: "You can attach up to 3 credits per product." */
const MAX_CREDITS_PER_PRODUCT = 3;

export function getCreditEntitlementRecord(core: SandboxCore, id: string): CreditEntitlementRecord {
  const record = core.state.credit_entitlements[id];
  if (!record) throw notFound("Credit entitlement", id);
  return record;
}

/** SDK retrieve: "Deleted entitlements return a 404 error". */
export function getCreditEntitlement(core: SandboxCore, id: string): CreditEntitlement {
  const record = getCreditEntitlementRecord(core, id);
  if (record.deleted) throw notFound("Credit entitlement", id);
  return record.entitlement;
}

export function listCreditEntitlements(core: SandboxCore, deleted: boolean): CreditEntitlement[] {
  return newestFirst(Object.values(core.state.credit_entitlements)).filter((r) => r.deleted === deleted).map((r) => r.entitlement);
}

export function createCreditEntitlement(core: SandboxCore, params: CreditEntitlementCreateParams): CreditEntitlement {
  const now = core.now();
  const entitlement = {
    id: newId("cde"),
    business_id: core.state.business_id,
    created_at: now,
    name: params.name,
    overage_behavior: params.overage_behavior ?? "forgive_at_reset",
    overage_enabled: params.overage_enabled,
    precision: params.precision,
    rollover_enabled: params.rollover_enabled,
    unit: params.unit,
    updated_at: now,
    currency: params.currency ?? null,
    description: params.description ?? null,
    expires_after_days: params.expires_after_days ?? null,
    max_rollover_count: params.max_rollover_count ?? null,
    overage_limit: params.overage_limit ?? null,
    price_per_unit: params.price_per_unit ?? null,
    rollover_percentage: params.rollover_percentage ?? null,
    rollover_timeframe_count: params.rollover_timeframe_count ?? null,
    rollover_timeframe_interval: params.rollover_timeframe_interval ?? null,
  } satisfies Required<CreditEntitlement>;
  validateEntitlement(core, entitlement);
  core.state.credit_entitlements[entitlement.id] = { seq: core.nextSeq(), entitlement, deleted: false };
  core.changed();
  return entitlement;
}

/** PATCH: only the fields sent change; `null` clears (SDK "double option pattern"); `precision` cannot change. */
export function updateCreditEntitlement(core: SandboxCore, id: string, params: CreditEntitlementUpdateParams): void {
  const record = getCreditEntitlementRecord(core, id);
  if (record.deleted) throw notFound("Credit entitlement", id);
  if ("precision" in params) throw invalid("precision cannot be modified after creation");
  const next: CreditEntitlement = { ...record.entitlement, updated_at: core.now() };
  const target = next as unknown as Record<string, unknown>;
  const required = new Set(["name", "unit", "overage_enabled", "rollover_enabled", "overage_behavior"]);
  for (const [key, value] of Object.entries(params)) {
    if (value === undefined) continue;
    if (value === null && required.has(key)) throw invalid(`${key} cannot be cleared`);
    target[key] = value;
  }
  validateEntitlement(core, next);
  record.entitlement = next;
  core.changed();
}

export function deleteCreditEntitlement(core: SandboxCore, id: string): void {
  const record = getCreditEntitlementRecord(core, id);
  if (record.deleted) throw invalid("The credit entitlement has already been deleted", "CREDIT_ENTITLEMENT_IS_DELETED");
  record.deleted = true;
  core.changed();
}

/** SDK undelete: "If no rows are affected (… is not deleted), returns 500". */
export function undeleteCreditEntitlement(core: SandboxCore, id: string): void {
  const record = core.state.credit_entitlements[id];
  if (!record?.deleted) throw new ApiError(500, "INTERNAL_SERVER_ERROR", "Credit entitlement not found or not deleted");
  record.deleted = false;
  record.entitlement.updated_at = core.now();
  core.changed();
}

function validateEntitlement(core: SandboxCore, e: CreditEntitlement): void {
  if (!e.name || e.name.length > 255) throw invalid("name must be 1 to 255 characters");
  if ((e.description ?? "").length > 1000) throw invalid("description is at most 1000 characters");
  if (!e.unit || e.unit.length > 50) throw invalid("unit must be 1 to 50 characters");
  if (!Number.isInteger(e.precision) || e.precision < 0 || e.precision > 10) throw invalid("precision must be 0 to 10 decimal places");
  if (e.price_per_unit != null && !e.currency) throw invalid("currency is required when price_per_unit is set");
  if (e.overage_enabled && e.price_per_unit == null) throw invalid("price_per_unit is required when overage_enabled is true");
  if ((e.rollover_timeframe_count == null) !== (e.rollover_timeframe_interval == null)) {
    throw invalid("rollover_timeframe_count and rollover_timeframe_interval must both be set or both be null");
  }
  if (e.rollover_percentage != null && (e.rollover_percentage < 0 || e.rollover_percentage > 100)) throw invalid("rollover_percentage must be 0 to 100");
  if (e.expires_after_days != null && (!Number.isInteger(e.expires_after_days) || e.expires_after_days < 1)) throw invalid("expires_after_days must be >= 1");
  const clash = Object.values(core.state.credit_entitlements).find((r) => !r.deleted && r.entitlement.id !== e.id && r.entitlement.name === e.name);
  if (clash) throw invalid("A credit entitlement with this name already exists", "CREDIT_ENTITLEMENT_NAME_ALREADY_EXISTS");
}

/**
 * `credit_entitlements` on products.create/update: each attachment gets the entitlement's defaults
 * for what it does not set ("Import Default Credit Settings", docs). `proration_behavior` defaults to
 * `prorate` (UNCONFIRMED); plan-change proration of credits is not modelled.
 */
export function creditMappings(core: SandboxCore, attachments: AttachCreditEntitlement[]): CreditEntitlementMappingResponse[] {
  if (attachments.length > MAX_CREDITS_PER_PRODUCT) throw invalid(`A product can have at most ${MAX_CREDITS_PER_PRODUCT} credit entitlements`);
  if (new Set(attachments.map((a) => a.credit_entitlement_id)).size !== attachments.length) throw invalid("A credit entitlement can be attached once per product");
  return attachments.map((a) => {
    const record = getCreditEntitlementRecord(core, a.credit_entitlement_id);
    if (record.deleted) throw invalid("The credit entitlement has already been deleted", "CREDIT_ENTITLEMENT_IS_DELETED");
    const e = record.entitlement;
    const credits = toUnits(a.credits_amount, e.precision, "credits_amount");
    if (a.low_balance_threshold_percent != null && (a.low_balance_threshold_percent < 0 || a.low_balance_threshold_percent > 100)) {
      throw invalid("low_balance_threshold_percent must be 0 to 100");
    }
    return {
      id: newId("cem"),
      credit_entitlement_id: e.id,
      credit_entitlement_name: e.name,
      credit_entitlement_unit: e.unit,
      credits_amount: fromUnits(credits, e.precision),
      overage_behavior: a.overage_behavior ?? e.overage_behavior,
      overage_enabled: a.overage_enabled ?? e.overage_enabled,
      proration_behavior: a.proration_behavior ?? "prorate",
      rollover_enabled: a.rollover_enabled ?? e.rollover_enabled,
      trial_credits_expire_after_trial: a.trial_credits_expire_after_trial ?? false,
      currency: a.currency ?? e.currency ?? null,
      expires_after_days: a.expires_after_days ?? e.expires_after_days ?? null,
      low_balance_threshold_percent: a.low_balance_threshold_percent ?? null,
      max_rollover_count: a.max_rollover_count ?? e.max_rollover_count ?? null,
      overage_limit: a.overage_limit ?? (e.overage_limit != null ? String(e.overage_limit) : null),
      price_per_unit: a.price_per_unit ?? e.price_per_unit ?? null,
      rollover_percentage: a.rollover_percentage ?? e.rollover_percentage ?? null,
      rollover_timeframe_count: a.rollover_timeframe_count ?? e.rollover_timeframe_count ?? null,
      rollover_timeframe_interval: a.rollover_timeframe_interval ?? e.rollover_timeframe_interval ?? null,
      trial_credits: a.trial_credits ?? null,
    } satisfies Required<CreditEntitlementMappingResponse>;
  });
}

/** The credit settings in force for a subscription: its product's attachment with the subscription's own overrides. */
export type CreditTerms = CreditEntitlementMappingResponse & { product_id: string };

export function subscriptionCreditTerms(core: SandboxCore, sub: SubscriptionRecord): CreditTerms[] {
  const product: Product | undefined = core.state.products[sub.plan.product_id]?.product;
  return (product?.credit_entitlements ?? []).map((mapping) => {
    const override = sub.credit_overrides[mapping.credit_entitlement_id] ?? {};
    const merged: CreditTerms = { ...mapping, product_id: sub.plan.product_id };
    for (const [key, value] of Object.entries(override)) if (value !== undefined) (merged as unknown as Record<string, unknown>)[key] = value;
    return merged;
  });
}

/** `SubscriptionUpdateParams.credit_entitlement_cart`: settings for this subscription only, on entitlements its product has. */
export function overrideCreditCart(core: SandboxCore, sub: SubscriptionRecord, cart: NonNullable<SubscriptionUpdateParams["credit_entitlement_cart"]>): void {
  const attached = new Set(subscriptionCreditTerms(core, sub).map((t) => t.credit_entitlement_id));
  for (const { credit_entitlement_id, ...settings } of cart) {
    if (!attached.has(credit_entitlement_id)) throw invalid(`Credit entitlement ${credit_entitlement_id} is not part of this subscription's product`);
    const precision = getCreditEntitlementRecord(core, credit_entitlement_id).entitlement.precision;
    if (settings.credits_amount != null) settings.credits_amount = fromUnits(toUnits(settings.credits_amount, precision, "credits_amount"), precision);
    sub.credit_overrides[credit_entitlement_id] = { ...sub.credit_overrides[credit_entitlement_id], ...settings };
  }
  core.changed();
}

/** `Subscription.credit_entitlement_cart`: the settings plus the customer's balance and overage now. */
export function creditCart(core: SandboxCore, sub: SubscriptionRecord, balanceOf: (entitlementId: string) => { balance: string; overage: string }): CreditEntitlementCartResponse[] {
  return subscriptionCreditTerms(core, sub).map((terms) => {
    const { balance, overage } = balanceOf(terms.credit_entitlement_id);
    return {
      credit_entitlement_id: terms.credit_entitlement_id,
      credit_entitlement_name: terms.credit_entitlement_name,
      credits_amount: terms.credits_amount,
      overage_balance: overage,
      overage_behavior: terms.overage_behavior,
      overage_enabled: terms.overage_enabled,
      product_id: terms.product_id,
      remaining_balance: balance,
      rollover_enabled: terms.rollover_enabled,
      unit: terms.credit_entitlement_unit,
      expires_after_days: terms.expires_after_days ?? null,
      low_balance_threshold_percent: terms.low_balance_threshold_percent ?? null,
      max_rollover_count: terms.max_rollover_count ?? null,
      overage_limit: terms.overage_limit ?? null,
      rollover_percentage: terms.rollover_percentage ?? null,
      rollover_timeframe_count: terms.rollover_timeframe_count ?? null,
      rollover_timeframe_interval: terms.rollover_timeframe_interval ?? null,
    } satisfies Required<CreditEntitlementCartResponse>;
  });
}
