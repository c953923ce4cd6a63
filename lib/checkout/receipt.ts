import "server-only";
import type { Tx } from "@/lib/db/tx";
import { queueEmail } from "@/lib/mail/outbox";

/**
 * Queues the customer's receipt for a one-click charge that just succeeded, in the transaction
 * that records the success. Keyed by the attempt: however often the payment is synced, one email.
 */
export async function queueOfferReceipt(tx: Tx, attemptId: string, customerId: string): Promise<void> {
  const customer = await tx.customer.findUnique({ where: { id: customerId }, select: { email: true } });
  if (!customer?.email) return;
  await queueEmail(tx, { key: `offer-charged:${attemptId}`, kind: "offer_charged", to: customer.email, data: { attemptId } });
}
