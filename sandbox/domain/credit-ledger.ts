import type {
  BalanceCreateLedgerEntryParams,
  BalanceCreateLedgerEntryResponse,
  BalanceListGrantsResponse,
  CreditLedgerEntry,
} from "dodopayments/resources/credit-entitlements/balances";
import type { Metadata, WebhookEventType } from "dodopayments/resources/index";
import type { SandboxCore } from "../core";
import { ApiError, conflict, invalid } from "../http/errors";
import { newId } from "../ids";
import type { CreditBalanceRecord, CreditGrantRecord, CreditLedgerRecord, SubscriptionRecord } from "../state/types";
import { fromUnits, percentOf, toUnits } from "./credit-amounts";
import { getCreditEntitlement, getCreditEntitlementRecord, subscriptionCreditTerms, type CreditTerms } from "./credits";
import { getCustomer } from "./customers";
import { emitCreditBalanceLow, emitCreditLedgerEntry } from "./events";

/**
 * Credit balances, grants and the ledger (docs: features/credit-based-billing, webhooks/intents/credit;
 * SDK resources/credit-entitlements/balances). A balance is the sum of a customer's live grants;
 * debits take from the oldest grants first ("FIFO (oldest first)", SDK); every change is a ledger entry
 * with balance and overage before/after and its `credit.*` webhook.
 *
 * This file holds the balance and its writes; cycles (grants per subscription period, rollover,
 * expiry, one-time purchases) are in ./credit-cycles.ts and the read endpoints in ./credit-reads.ts.
 *
 * Cycles: a subscription grants its product's `credits_amount` when it starts and at each renewal; at
 * the cycle's end its unused credits roll over (`rollover_percentage`, `max_rollover_count`,
 * `rollover_timeframe`) or expire, and overage is reset ("forgive_at_reset", the default) or kept
 * (`carry_deficit*`; `carry_deficit_auto_repay` repays it from the next grant). Not modelled: billing
 * overage at renewal (`invoice_at_billing` is reset like forgive), trial credits, credit proration on
 * plan changes, meters/usage events (usage is reported through ledger entries), checkout overrides.
 *
 * `credit.balance_low` (payload `CreditBalanceLow`) fires when a deduction leaves the balance below
 * `credits_amount × low_balance_threshold_percent / 100` of the subscription the credits come with
 * (strictly below, as the docs say "drops below"); once per dip by default (UNCONFIRMED switch).
 */

type TransactionType = CreditLedgerEntry["transaction_type"];

const EVENT_OF: Partial<Record<TransactionType, WebhookEventType>> = {
  credit_added: "credit.added",
  credit_deducted: "credit.deducted",
  credit_expired: "credit.expired",
  credit_rolled_over: "credit.rolled_over",
  rollover_forfeited: "credit.rollover_forfeited",
  overage_charged: "credit.overage_charged",
  overage_reset: "credit.overage_reset",
  manual_adjustment: "credit.manual_adjustment",
};

/** SDK: metadata "max 50 key-value pairs, key max 40 chars, value max 500 chars"; docs code MAXIMUM_KEYS_REACHED. */
function checkMetadata(metadata: Metadata | null | undefined): void {
  if (!metadata) return;
  const entries = Object.entries(metadata);
  if (entries.length > 50) throw invalid("Exceeds 50 key-value pairs", "MAXIMUM_KEYS_REACHED");
  if (entries.some(([key, value]) => key.length > 40 || String(value).length > 500)) throw invalid("metadata keys are at most 40 and values at most 500 characters");
}

export const balanceKey = (entitlementId: string, customerId: string) => `${entitlementId}:${customerId}`;

export function precisionOf(core: SandboxCore, entitlementId: string): number {
  return getCreditEntitlementRecord(core, entitlementId).entitlement.precision;
}

export function balanceRecord(core: SandboxCore, entitlementId: string, customerId: string): CreditBalanceRecord {
  const key = balanceKey(entitlementId, customerId);
  const existing = core.state.credit_balances[key];
  if (existing) return existing;
  const now = core.now();
  const created: CreditBalanceRecord = {
    seq: core.nextSeq(), id: newId("cbl"), credit_entitlement_id: entitlementId, customer_id: customerId, overage_units: "0",
    created_at: now, updated_at: now, last_transaction_at: null, low_alerted: false,
  };
  core.state.credit_balances[key] = created;
  return created;
}

/** Live grants (not expired, something left), oldest first. */
export function liveGrants(core: SandboxCore, entitlementId: string, customerId: string): CreditGrantRecord[] {
  return Object.values(core.state.credit_grants)
    .filter((g) => g.grant.credit_entitlement_id === entitlementId && g.grant.customer_id === customerId && !g.grant.is_expired && BigInt(g.remaining_units) > 0n)
    .sort((a, b) => a.seq - b.seq);
}

export function balanceUnits(core: SandboxCore, entitlementId: string, customerId: string): bigint {
  return liveGrants(core, entitlementId, customerId).reduce((sum, g) => sum + BigInt(g.remaining_units), 0n);
}

/** The balance and overage as the API writes them (decimal strings); zero for a customer with no credits yet. */
export function balanceView(core: SandboxCore, entitlementId: string, customerId: string): { balance: string; overage: string } {
  const precision = precisionOf(core, entitlementId);
  const record = core.state.credit_balances[balanceKey(entitlementId, customerId)];
  return { balance: fromUnits(balanceUnits(core, entitlementId, customerId), precision), overage: fromUnits(BigInt(record?.overage_units ?? "0"), precision) };
}

/** The subscription whose product brings these credits to the customer (newest one still running). */
function creditSubscription(core: SandboxCore, entitlementId: string, customerId: string): { sub: SubscriptionRecord; terms: CreditTerms } | null {
  const subs = Object.values(core.state.subscriptions)
    .filter((s) => s.customer_id === customerId && ["active", "on_hold", "paused", "past_due"].includes(s.status))
    .sort((a, b) => b.seq - a.seq);
  for (const sub of subs) {
    const terms = subscriptionCreditTerms(core, sub).find((t) => t.credit_entitlement_id === entitlementId);
    if (terms) return { sub, terms };
  }
  return null;
}

export interface LedgerInput {
  entitlementId: string;
  customerId: string;
  type: TransactionType;
  units: bigint;
  isCredit: boolean;
  grantId: string | null;
  balanceBefore: bigint;
  overageBefore: bigint;
  description: string | null;
  reference: { type: string; id: string } | null;
  metadata: Metadata;
  api?: { entry_type: "credit" | "debit"; reason: string | null; idempotency_key: string | null };
}

export function writeLedger(core: SandboxCore, input: LedgerInput): CreditLedgerRecord {
  const precision = precisionOf(core, input.entitlementId);
  const balance = balanceRecord(core, input.entitlementId, input.customerId);
  const now = core.now();
  const entry = {
    id: newId("cle"),
    amount: fromUnits(input.units, precision),
    balance_after: fromUnits(balanceUnits(core, input.entitlementId, input.customerId), precision),
    balance_before: fromUnits(input.balanceBefore, precision),
    brand_id: core.state.brand_id,
    business_id: core.state.business_id,
    created_at: now,
    credit_entitlement_id: input.entitlementId,
    customer_id: input.customerId,
    is_credit: input.isCredit,
    metadata: input.metadata,
    overage_after: fromUnits(BigInt(balance.overage_units), precision),
    overage_before: fromUnits(input.overageBefore, precision),
    transaction_type: input.type,
    description: input.description,
    grant_id: input.grantId,
    reference_id: input.reference?.id ?? null,
    reference_type: input.reference?.type ?? null,
  } satisfies Required<CreditLedgerEntry>;
  const record: CreditLedgerRecord = {
    seq: core.nextSeq(), entry, entry_type: input.api?.entry_type ?? null, reason: input.api?.reason ?? null, idempotency_key: input.api?.idempotency_key ?? null,
  };
  core.state.credit_ledger[entry.id] = record;
  balance.updated_at = now;
  balance.last_transaction_at = now;
  core.changed();
  const event = EVENT_OF[input.type];
  if (event) emitCreditLedgerEntry(core, event, entry);
  return record;
}

export interface GrantInput {
  entitlementId: string;
  customerId: string;
  units: bigint;
  source: BalanceListGrantsResponse["source_type"];
  sourceId: string | null;
  subscriptionId: string | null;
  expiresAt: string | null;
  metadata: Metadata | null;
  ledgerType: TransactionType;
  description: string;
  reference: { type: string; id: string } | null;
  parentGrantId?: string | null;
  rolloverCount?: number;
  api?: LedgerInput["api"];
}

/** Adds credits as a new grant (repaying carried overage first under `carry_deficit_auto_repay`). */
export function grant(core: SandboxCore, input: GrantInput): CreditLedgerRecord {
  const balance = balanceRecord(core, input.entitlementId, input.customerId);
  const balanceBefore = balanceUnits(core, input.entitlementId, input.customerId);
  const overageBefore = BigInt(balance.overage_units);
  const behaviour = creditSubscription(core, input.entitlementId, input.customerId)?.terms.overage_behavior
    ?? getCreditEntitlementRecord(core, input.entitlementId).entitlement.overage_behavior;
  const repaid = behaviour === "carry_deficit_auto_repay" ? (overageBefore < input.units ? overageBefore : input.units) : 0n;
  balance.overage_units = String(overageBefore - repaid);
  const now = core.now();
  const record: CreditGrantRecord = {
    seq: core.nextSeq(),
    grant: {
      id: newId("cgr"), created_at: now, credit_entitlement_id: input.entitlementId, customer_id: input.customerId, is_expired: false, is_rolled_over: false,
      rollover_count: input.rolloverCount ?? 0, source_type: input.source, updated_at: now, expires_at: input.expiresAt, metadata: input.metadata,
      parent_grant_id: input.parentGrantId ?? null, source_id: input.sourceId,
    },
    initial_units: String(input.units),
    remaining_units: String(input.units - repaid),
    subscription_id: input.subscriptionId,
  };
  core.state.credit_grants[record.grant.id] = record;
  const entry = writeLedger(core, {
    entitlementId: input.entitlementId, customerId: input.customerId, type: input.ledgerType, units: input.units, isCredit: true, grantId: record.grant.id,
    balanceBefore, overageBefore, description: input.description, reference: input.reference, metadata: input.metadata ?? {}, api: input.api,
  });
  rearmLowBalance(core, input.entitlementId, input.customerId);
  return entry;
}

/** Takes credits FIFO; what the balance lacks becomes overage when allowed (up to `overage_limit`), else nothing is taken. */
function deduct(core: SandboxCore, input: { entitlementId: string; customerId: string; units: bigint; ledgerType: TransactionType; description: string | null; metadata: Metadata; api?: LedgerInput["api"] }): CreditLedgerRecord {
  const balance = balanceRecord(core, input.entitlementId, input.customerId);
  const grants = liveGrants(core, input.entitlementId, input.customerId);
  const balanceBefore = grants.reduce((sum, g) => sum + BigInt(g.remaining_units), 0n);
  const overageBefore = BigInt(balance.overage_units);
  const shortfall = input.units > balanceBefore ? input.units - balanceBefore : 0n;
  if (shortfall > 0n) {
    const entitlement = getCreditEntitlementRecord(core, input.entitlementId).entitlement;
    const terms = creditSubscription(core, input.entitlementId, input.customerId)?.terms;
    const overageEnabled = terms?.overage_enabled ?? entitlement.overage_enabled;
    // SDK: "400 Bad Request - Invalid request (e.g., debit with insufficient balance)"; the code is UNCONFIRMED.
    if (!overageEnabled) throw new ApiError(400, "INSUFFICIENT_CREDIT_BALANCE", "The credit balance is lower than the debit and overage is not enabled");
    const limit = terms?.overage_limit ?? (entitlement.overage_limit != null ? String(entitlement.overage_limit) : null);
    if (limit !== null && overageBefore + shortfall > toUnits(limit, entitlement.precision, "overage_limit")) {
      throw invalid("Overage limit exceeded", "OVERAGE_LIMIT_EXCEEDED");
    }
  }
  let left = input.units;
  let firstGrant: string | null = null;
  for (const g of grants) {
    if (left === 0n) break;
    const remaining = BigInt(g.remaining_units);
    const take = remaining < left ? remaining : left;
    g.remaining_units = String(remaining - take);
    g.grant.updated_at = core.now();
    firstGrant ??= g.grant.id;
    left -= take;
  }
  balance.overage_units = String(overageBefore + shortfall);
  const entry = writeLedger(core, {
    entitlementId: input.entitlementId, customerId: input.customerId, type: input.ledgerType, units: input.units, isCredit: false, grantId: firstGrant,
    balanceBefore, overageBefore, description: input.description, reference: null, metadata: input.metadata, api: input.api,
  });
  checkLowBalance(core, input.entitlementId, input.customerId);
  return entry;
}

function thresholdOf(core: SandboxCore, entitlementId: string, customerId: string) {
  const found = creditSubscription(core, entitlementId, customerId);
  const percent = found?.terms.low_balance_threshold_percent;
  if (!found || percent == null) return null;
  const precision = precisionOf(core, entitlementId);
  const credits = toUnits(found.terms.credits_amount, precision, "credits_amount");
  return { ...found, percent, credits, threshold: percentOf(credits, percent), precision };
}

function checkLowBalance(core: SandboxCore, entitlementId: string, customerId: string): void {
  const low = thresholdOf(core, entitlementId, customerId);
  if (!low) return;
  const record = balanceRecord(core, entitlementId, customerId);
  const available = balanceUnits(core, entitlementId, customerId);
  if (available >= low.threshold) {
    record.low_alerted = false;
    return;
  }
  if (record.low_alerted && core.settings.credit_low_balance_alert === "on_crossing") return;
  record.low_alerted = true;
  core.changed();
  emitCreditBalanceLow(core, {
    available_balance: fromUnits(available, low.precision),
    brand_id: core.state.brand_id,
    credit_entitlement_id: entitlementId,
    credit_entitlement_name: getCreditEntitlementRecord(core, entitlementId).entitlement.name,
    customer_id: customerId,
    subscription_credits_amount: fromUnits(low.credits, low.precision),
    subscription_id: low.sub.subscription_id,
    threshold_amount: fromUnits(low.threshold, low.precision),
    threshold_percent: low.percent,
  });
}

/** A grant that lifts the balance back to the threshold or above arms the next alert. */
function rearmLowBalance(core: SandboxCore, entitlementId: string, customerId: string): void {
  const low = thresholdOf(core, entitlementId, customerId);
  const record = balanceRecord(core, entitlementId, customerId);
  if (low && balanceUnits(core, entitlementId, customerId) >= low.threshold) record.low_alerted = false;
}

/**
 * `POST /credit-entitlements/{id}/balances/{customer_id}/ledger-entries` (SDK): a credit creates a
 * new grant, a debit takes from the oldest grants; `idempotency_key` already used → 409. The
 * transaction type these get is a switch (the docs say both manual_adjustment and added/deducted).
 */
export function createLedgerEntry(core: SandboxCore, entitlementId: string, customerId: string, params: Omit<BalanceCreateLedgerEntryParams, "credit_entitlement_id">): BalanceCreateLedgerEntryResponse {
  const entitlement = getCreditEntitlement(core, entitlementId);
  getCustomer(core, customerId);
  checkMetadata(params.metadata);
  if (params.idempotency_key) {
    const used = Object.values(core.state.credit_ledger).some(
      (r) => r.idempotency_key === params.idempotency_key && r.entry.credit_entitlement_id === entitlementId && r.entry.customer_id === customerId,
    );
    if (used) throw conflict("Idempotency key already exists", "IDEMPOTENCY_KEY_ALREADY_EXISTS");
  }
  const units = toUnits(params.amount, entitlement.precision);
  if (units === 0n) throw invalid("amount must be greater than zero");
  if (params.entry_type === "debit" && params.expires_at != null) throw invalid("expires_at is only for credit entries");
  if (params.expires_at != null && Number.isNaN(Date.parse(params.expires_at))) throw invalid("expires_at must be an ISO date-time");
  const manual = core.settings.api_ledger_entry_type === "manual_adjustment";
  const api = { entry_type: params.entry_type, reason: params.reason ?? null, idempotency_key: params.idempotency_key ?? null };
  const record = params.entry_type === "credit"
    ? grant(core, {
        entitlementId, customerId, units, source: "api", sourceId: null, subscriptionId: null, expiresAt: params.expires_at ?? null, metadata: params.metadata ?? null,
        ledgerType: manual ? "manual_adjustment" : "credit_added", description: params.reason ?? "Credits granted through the API", reference: null, api,
      })
    : deduct(core, { entitlementId, customerId, units, ledgerType: manual ? "manual_adjustment" : "credit_deducted", description: params.reason ?? null, metadata: params.metadata ?? {}, api });
  return ledgerEntryResponse(record);
}

function ledgerEntryResponse(record: CreditLedgerRecord): BalanceCreateLedgerEntryResponse {
  const e = record.entry;
  return {
    id: e.id, amount: e.amount, balance_after: e.balance_after, balance_before: e.balance_before, created_at: e.created_at, credit_entitlement_id: e.credit_entitlement_id,
    customer_id: e.customer_id, entry_type: record.entry_type ?? (e.is_credit ? "credit" : "debit"), is_credit: e.is_credit, metadata: e.metadata,
    overage_after: e.overage_after, overage_before: e.overage_before, grant_id: e.grant_id ?? null, reason: record.reason,
  } satisfies Required<BalanceCreateLedgerEntryResponse>;
}
