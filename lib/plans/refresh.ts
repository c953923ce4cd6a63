import "server-only";
import type DodoPayments from "dodopayments";
import { syncPayment, syncSubscription } from "@/lib/sync/sync";
import { logger } from "@/lib/log";

const log = logger("plans");

/**
 * Pulls a subscription's state (and the payment a plan change opened) from Dodo now, rather than
 * wait for the webhooks; whichever arrives first wins, the other changes nothing. When Dodo does
 * not answer this is only logged: the webhooks (or a later sync) bring the same state.
 */
export async function refreshFromDodo(target: { subscriptionId: string; paymentId?: string | null }, client?: DodoPayments): Promise<void> {
  const options = client ? { dodo: client } : {};
  try {
    if (target.paymentId) await syncPayment(target.paymentId, options);
    await syncSubscription(target.subscriptionId, options);
  } catch (err) {
    log.error({ err, subscriptionId: target.subscriptionId }, "could not refresh the subscription from Dodo");
  }
}
