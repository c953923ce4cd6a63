import "server-only";
import type { Tx } from "@/lib/db/tx";
import { momentFromCreditBalanceLow } from "@/lib/offers/moment-targeting";
import { recordMoment } from "./report";

/** Dodo events that are moments: `credit.balance_low` counts as `plan_limit_near`. */
export function isMomentEvent(type: string): boolean {
  return type === "credit.balance_low";
}

/**
 * Records the moment a Dodo event means, in the webhook's own transaction, keyed by its
 * webhook-id (a redelivery records nothing new). A customer Encore has never seen is skipped:
 * credits come with a subscription, whose webhooks introduce the customer. The moment is dated
 * when Encore learns of it (our clock, which decides how long it stays current), not Dodo's.
 */
export async function recordMomentFromDodo(tx: Tx, event: { webhookId: string; type: string; data: Record<string, unknown> }, now: Date): Promise<void> {
  if (!isMomentEvent(event.type)) return;
  const moment = momentFromCreditBalanceLow(event.data);
  const dodoCustomerId = typeof event.data.customer_id === "string" ? event.data.customer_id : null;
  if (!moment || !dodoCustomerId) return;
  const customer = await tx.customer.findUnique({ where: { dodoCustomerId }, select: { id: true } });
  if (!customer) return;
  await recordMoment(tx, { customerId: customer.id, ...moment, source: "DODO_WEBHOOK", idempotencyKey: `dodo:${event.webhookId}`, occurredAt: now });
}
