import type { BalanceListGrantsResponse, CreditLedgerEntry, CustomerCreditBalance } from "dodopayments/resources/credit-entitlements/balances";
import type { SandboxCore } from "../core";
import { notFound } from "../http/errors";
import { newestFirst } from "../http/input";
import type { CreditBalanceRecord, CreditGrantRecord } from "../state/types";
import { fromUnits } from "./credit-amounts";
import { balanceKey, balanceView, precisionOf } from "./credit-ledger";
import { getCreditEntitlement } from "./credits";

// The read endpoints of credit balances (SDK resources/credit-entitlements/balances): balances,
// grants and the ledger, as the API writes them.

function customerBalance(core: SandboxCore, record: CreditBalanceRecord): CustomerCreditBalance {
  const view = balanceView(core, record.credit_entitlement_id, record.customer_id);
  return {
    id: record.id, balance: view.balance, created_at: record.created_at, credit_entitlement_id: record.credit_entitlement_id, customer_id: record.customer_id,
    overage: view.overage, updated_at: record.updated_at, last_transaction_at: record.last_transaction_at,
  } satisfies Required<CustomerCreditBalance>;
}

export function listBalances(core: SandboxCore, entitlementId: string, customerId: string | null): CustomerCreditBalance[] {
  getCreditEntitlement(core, entitlementId);
  return newestFirst(Object.values(core.state.credit_balances))
    .filter((b) => b.credit_entitlement_id === entitlementId && (!customerId || b.customer_id === customerId))
    .map((b) => customerBalance(core, b));
}

export function retrieveBalance(core: SandboxCore, entitlementId: string, customerId: string): CustomerCreditBalance {
  getCreditEntitlement(core, entitlementId);
  const record = core.state.credit_balances[balanceKey(entitlementId, customerId)];
  if (!record) throw notFound("Credit balance for customer", customerId);
  return customerBalance(core, record);
}

export function listGrants(core: SandboxCore, entitlementId: string, customerId: string, status: string | null): BalanceListGrantsResponse[] {
  getCreditEntitlement(core, entitlementId);
  const precision = precisionOf(core, entitlementId);
  const statusOf = (g: CreditGrantRecord) => (g.grant.is_expired ? "expired" : BigInt(g.remaining_units) === 0n ? "depleted" : "active");
  return newestFirst(Object.values(core.state.credit_grants))
    .filter((g) => g.grant.credit_entitlement_id === entitlementId && g.grant.customer_id === customerId)
    .filter((g) => !status || statusOf(g) === status)
    .map((g) => ({
      ...g.grant,
      expires_at: g.grant.expires_at ?? null,
      metadata: g.grant.metadata ?? null,
      parent_grant_id: g.grant.parent_grant_id ?? null,
      source_id: g.grant.source_id ?? null,
      initial_amount: fromUnits(BigInt(g.initial_units), precision),
      remaining_amount: fromUnits(BigInt(g.remaining_units), precision),
    }) satisfies Required<BalanceListGrantsResponse>);
}

export function listLedger(core: SandboxCore, entitlementId: string, customerId: string, query: URLSearchParams): CreditLedgerEntry[] {
  getCreditEntitlement(core, entitlementId);
  const type = query.get("transaction_type");
  const start = query.get("start_date");
  const end = query.get("end_date");
  return newestFirst(Object.values(core.state.credit_ledger))
    .map((r) => r.entry)
    .filter((e) => e.credit_entitlement_id === entitlementId && e.customer_id === customerId)
    .filter((e) => !type || e.transaction_type === type)
    .filter((e) => (!start || Date.parse(e.created_at) >= Date.parse(start)) && (!end || Date.parse(e.created_at) <= Date.parse(end)));
}
