import "server-only";
import type DodoPayments from "dodopayments";
import { db } from "@/lib/db/client";
import { dodo } from "@/lib/dodo/client";
import { loadEnv } from "@/lib/env";
import type { Payment, Subscription } from "@/lib/generated/prisma/client";
import { applyObject, prepareObject } from "@/lib/webhooks/objects";
import { inTransaction } from "@/lib/db/tx";
import type { ObjectState } from "@/lib/webhooks/types";

export type SyncOptions = { dodo?: DodoPayments; now?: () => Date; graceHours?: number };

// GETs are safe to retry, but a thank-you page or a webhook waits on this: keep it short.
const READ_OPTIONS = { maxRetries: 1, timeout: 10_000 } as const;

/**
 * "Apply this object state": the same convergence as a webhook, versioned by the object's own
 * updated_at or, for subscriptions that have none, the time we fetched it (a GET returns state at
 * least as new as any event emitted before it). No WebhookEvent row is written.
 */
async function converge(state: ObjectState, observedAt: Date, options: SyncOptions): Promise<void> {
  await prepareObject(state, { dodo: options.dodo, syncPayment: (id, client) => syncPayment(id, { ...options, dodo: client }) });
  const graceHours = options.graceHours ?? loadEnv().ENTITLEMENT_GRACE_HOURS;
  await inTransaction((tx) =>
    applyObject({ tx, observedAt, now: options.now?.() ?? new Date(), graceHours, checkpoint: async () => {} }, state),
  );
}

/** Fetches a payment from Dodo and converges on it; the thank-you page calls this. */
export async function syncPayment(paymentId: string, options: SyncOptions = {}): Promise<Payment> {
  const observedAt = new Date();
  const payment = await (options.dodo ?? dodo()).payments.retrieve(paymentId, READ_OPTIONS);
  await converge({ family: "payment", data: payment }, observedAt, options);
  return db.payment.findUniqueOrThrow({ where: { id: paymentId } });
}

/** Fetches a subscription from Dodo and converges on it. */
export async function syncSubscription(subscriptionId: string, options: SyncOptions = {}): Promise<Subscription> {
  const observedAt = new Date();
  const subscription = await (options.dodo ?? dodo()).subscriptions.retrieve(subscriptionId, READ_OPTIONS);
  await converge({ family: "subscription", data: subscription }, observedAt, options);
  return db.subscription.findUniqueOrThrow({ where: { id: subscriptionId } });
}
