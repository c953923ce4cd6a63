import "server-only";
import type { Tx } from "@/lib/db/tx";
import type { Entitlement, PlanChange } from "@/lib/generated/prisma/client";
import type { DecisionOutcome } from "@/lib/generated/prisma/enums";
import { effectiveStatus } from "@/lib/entitlements/rules";
import { emitEvent } from "./emit";

// What each event says, built from our stored rows inside the transition's transaction. Field
// names are snake_case like Dodo's own; customers are named by Dodo's customer id, which the
// merchant's app already knows from Dodo.

async function customerOf(tx: Tx, customerId: string) {
  const c = await tx.customer.findUnique({ where: { id: customerId }, select: { dodoCustomerId: true, email: true } });
  return c ? { customer_id: c.dodoCustomerId, email: c.email } : { customer_id: null, email: null };
}

/** entitlement.granted / entitlement.revoked for one row whose access changed. */
export async function emitAccessChange(tx: Tx, row: Entitlement, granted: boolean, now: Date): Promise<void> {
  await emitEvent(tx, granted ? "entitlement.granted" : "entitlement.revoked", {
    entitlement_id: row.id,
    customer: await customerOf(tx, row.customerId),
    product_id: row.productId,
    source: row.source.toLowerCase(),
    source_id: row.sourceId,
    status: effectiveStatus(row, now).toLowerCase(),
    granted_at: row.grantedAt.toISOString(),
    ends_at: row.endsAt?.toISOString() ?? null,
  }, now);
}

/** offer.accepted / offer.declined when an impression's decision becomes one of those. */
export async function emitOfferDecision(tx: Tx, impressionId: string, outcome: DecisionOutcome, reason: string | null, now: Date): Promise<void> {
  if (outcome !== "ACCEPTED" && outcome !== "DECLINED") return;
  const imp = await tx.offerImpression.findUnique({
    where: { id: impressionId },
    select: { id: true, customerId: true, placement: true, priceAmount: true, currency: true, funnelSessionId: true, offer: { select: { id: true, kind: true, offeredProductId: true } } },
  });
  if (!imp) return;
  await emitEvent(tx, outcome === "ACCEPTED" ? "offer.accepted" : "offer.declined", {
    impression_id: imp.id,
    offer_id: imp.offer?.id ?? null,
    offer_kind: imp.offer?.kind.toLowerCase() ?? null,
    product_id: imp.offer?.offeredProductId ?? null,
    placement: imp.placement.toLowerCase(),
    funnel_session_id: imp.funnelSessionId,
    customer: await customerOf(tx, imp.customerId),
    price: { amount: imp.priceAmount, currency: imp.currency },
    reason,
    decided_at: now.toISOString(),
  }, now);
}

/** plan_change.applied / plan_change.scheduled when a PlanChange enters that status. */
export async function emitPlanChange(tx: Tx, change: Pick<PlanChange, "id">, status: "APPLIED" | "SCHEDULED", now: Date): Promise<void> {
  const row = await tx.planChange.findUnique({ where: { id: change.id }, include: { subscription: { select: { customerId: true } } } });
  if (!row) return;
  const quote = row.quote as { effectiveAt?: string } | null;
  await emitEvent(tx, status === "APPLIED" ? "plan_change.applied" : "plan_change.scheduled", {
    plan_change_id: row.id,
    subscription_id: row.subscriptionId,
    customer: await customerOf(tx, row.subscription.customerId),
    from_product_id: row.fromProductId,
    to_product_id: row.toProductId,
    proration_mode: row.prorationMode.toLowerCase(),
    charged_now: { amount: row.quotedAmount, currency: row.currency },
    effective_at: quote?.effectiveAt ?? null,
    payment_id: row.dodoPaymentId,
  }, now);
}
