import { addInterval } from "../clock";
import type { SandboxCore } from "../core";
import type { CreditGrantRecord, PaymentRecord, SubscriptionRecord } from "../state/types";
import { percentOf, toUnits } from "./credit-amounts";
import { balanceKey, balanceRecord, balanceUnits, grant, liveGrants, precisionOf, writeLedger } from "./credit-ledger";
import { getCreditEntitlementRecord, subscriptionCreditTerms, type CreditTerms } from "./credits";

// Credit cycles (docs: features/credit-based-billing): what a subscription period, a one-time
// purchase and the passing of time do to a customer's grants. The rules are described at the top of
// ./credit-ledger.ts, which owns the balance and every ledger write.

function expiryFrom(now: string, days: number | null | undefined): string | null {
  return days ? new Date(Date.parse(now) + days * 86_400_000).toISOString() : null;
}

/** Ends one grant: what is left expires (`credit_expired`), or is forfeited when rollover is exhausted. */
function endGrant(core: SandboxCore, g: CreditGrantRecord, type: "credit_expired" | "rollover_forfeited", units: bigint): void {
  const balanceBefore = balanceUnits(core, g.grant.credit_entitlement_id, g.grant.customer_id);
  const overageBefore = BigInt(balanceRecord(core, g.grant.credit_entitlement_id, g.grant.customer_id).overage_units);
  g.remaining_units = String(BigInt(g.remaining_units) - units);
  g.grant.updated_at = core.now();
  if (BigInt(g.remaining_units) === 0n && type === "credit_expired") g.grant.is_expired = true;
  writeLedger(core, {
    entitlementId: g.grant.credit_entitlement_id, customerId: g.grant.customer_id, type, units, isCredit: false, grantId: g.grant.id, balanceBefore, overageBefore,
    description: type === "credit_expired" ? "Unused credits expired" : "Credits forfeited: maximum rollover count reached", reference: null, metadata: g.grant.metadata ?? {},
  });
}

/** Grants past their `expires_at` expire (checked as sandbox time moves). */
export function expireDueGrants(core: SandboxCore): number {
  const now = Date.parse(core.now());
  const due = Object.values(core.state.credit_grants).filter(
    (g) => !g.grant.is_expired && g.grant.expires_at != null && Date.parse(g.grant.expires_at) <= now && BigInt(g.remaining_units) > 0n,
  );
  for (const g of due) endGrant(core, g, "credit_expired", BigInt(g.remaining_units));
  return due.length;
}

/**
 * A subscription cycle starts (activation, renewal, reactivation): the previous cycle's grants of
 * this subscription roll over or expire, overage is reset unless carried, then the cycle's credits
 * are granted (`credits_amount`, per the subscription's overrides).
 */
export function startCreditCycle(core: SandboxCore, sub: SubscriptionRecord): void {
  for (const terms of subscriptionCreditTerms(core, sub)) {
    const entitlementId = terms.credit_entitlement_id;
    if (getCreditEntitlementRecord(core, entitlementId).deleted) continue;
    endCycle(core, sub, terms);
    const precision = precisionOf(core, entitlementId);
    grant(core, {
      entitlementId, customerId: sub.customer_id, units: toUnits(terms.credits_amount, precision, "credits_amount"), source: "subscription",
      sourceId: sub.subscription_id, subscriptionId: sub.subscription_id, expiresAt: expiryFrom(core.now(), terms.expires_after_days),
      metadata: sub.metadata, ledgerType: "credit_added", description: "Credits granted from subscription", reference: { type: "subscription", id: sub.subscription_id },
    });
  }
}

function endCycle(core: SandboxCore, sub: SubscriptionRecord, terms: CreditTerms): void {
  const entitlementId = terms.credit_entitlement_id;
  const cycleGrants = liveGrants(core, entitlementId, sub.customer_id).filter((g) => g.subscription_id === sub.subscription_id);
  for (const g of cycleGrants) {
    const remaining = BigInt(g.remaining_units);
    const maxRollovers = terms.max_rollover_count ?? Number.POSITIVE_INFINITY;
    if (!terms.rollover_enabled) {
      endGrant(core, g, "credit_expired", remaining);
      continue;
    }
    if (g.grant.rollover_count >= maxRollovers) {
      endGrant(core, g, "rollover_forfeited", remaining);
      g.grant.is_expired = true;
      continue;
    }
    // Docs: "the rollover percentage is applied before expiration, and only the remainder expires".
    const rolled = percentOf(remaining, terms.rollover_percentage ?? 100);
    if (remaining - rolled > 0n) endGrant(core, g, "credit_expired", remaining - rolled);
    if (rolled === 0n) continue;
    g.remaining_units = "0";
    g.grant.is_rolled_over = true;
    g.grant.is_expired = true;
    const timeframe = terms.rollover_timeframe_count && terms.rollover_timeframe_interval
      ? addInterval(core.now(), terms.rollover_timeframe_interval, terms.rollover_timeframe_count)
      : null;
    grant(core, {
      entitlementId, customerId: sub.customer_id, units: rolled, source: "rollover", sourceId: g.grant.id, subscriptionId: sub.subscription_id, expiresAt: timeframe,
      metadata: g.grant.metadata ?? null, ledgerType: "credit_rolled_over", description: "Unused credits rolled over", reference: { type: "subscription", id: sub.subscription_id },
      parentGrantId: g.grant.id, rolloverCount: g.grant.rollover_count + 1,
    });
  }
  const balance = core.state.credit_balances[balanceKey(entitlementId, sub.customer_id)];
  const overage = BigInt(balance?.overage_units ?? "0");
  if (!balance || overage === 0n || terms.overage_behavior === "carry_deficit" || terms.overage_behavior === "carry_deficit_auto_repay") return;
  const balanceBefore = balanceUnits(core, entitlementId, sub.customer_id);
  balance.overage_units = "0";
  writeLedger(core, {
    entitlementId, customerId: sub.customer_id, type: "overage_reset", units: overage, isCredit: true, grantId: null, balanceBefore, overageBefore: overage,
    description: "Overage reset at the end of the billing cycle", reference: { type: "subscription", id: sub.subscription_id }, metadata: sub.metadata,
  });
}

/** A one-time purchase grants its products' credits once (docs: "credits are issued once at the time of purchase"). */
export function grantOneTimeCredits(core: SandboxCore, payment: PaymentRecord): void {
  for (const line of payment.product_cart ?? []) {
    const product = core.state.products[line.product_id]?.product;
    for (const mapping of product?.credit_entitlements ?? []) {
      if (getCreditEntitlementRecord(core, mapping.credit_entitlement_id).deleted) continue;
      const precision = precisionOf(core, mapping.credit_entitlement_id);
      grant(core, {
        entitlementId: mapping.credit_entitlement_id, customerId: payment.customer_id, units: toUnits(mapping.credits_amount, precision) * BigInt(line.quantity),
        source: "one_time", sourceId: payment.payment_id, subscriptionId: null, expiresAt: expiryFrom(core.now(), mapping.expires_after_days), metadata: payment.metadata,
        ledgerType: "credit_added", description: "Credits granted from a one-time purchase", reference: { type: "payment", id: payment.payment_id },
      });
    }
  }
}
