import "server-only";
import type DodoPayments from "dodopayments";
import { ensureProducts } from "@/lib/catalog/sync";
import { db } from "@/lib/db/client";
import { inTransaction } from "@/lib/db/tx";
import { dodo, SAFE_CALL_OPTIONS } from "@/lib/dodo/client";
import { loadEnv } from "@/lib/env";
import type { Payment, Subscription } from "@/lib/generated/prisma/client";
import { applyObject } from "./objects";
import type { ObjectState } from "./types";

// The entry points of the convergence engine. Webhooks (lib/webhooks/process.ts) apply the object
// an event carries inside the transaction that stores the event; everything else — the thank-you
// page, one-click, plan changes, reconcile, and the background worker to come — fetches the
// object from Dodo and converges on it here. Either way the same apply steps run, so the order
// in which states arrive never matters.

export type SyncOptions = { dodo?: DodoPayments; now?: () => Date; graceHours?: number };


/**
 * Everything that needs the network, done before the transaction opens (never call Dodo while
 * holding locks): product mirrors for the entitlement/subscription foreign keys, and the payment a
 * refund or dispute belongs to when its own event has not arrived yet. A failure here is a
 * processing failure, so Dodo redelivers later.
 */
export async function prepareObject(state: ObjectState, options: SyncOptions = {}): Promise<void> {
  switch (state.family) {
    case "payment": {
      const ids = (state.data.product_cart ?? []).map((line) => line.product_id);
      if (ids.length) await ensureProducts(ids, options.dodo);
      return;
    }
    case "subscription":
      await ensureProducts([state.data.product_id], options.dodo);
      return;
    case "refund":
    case "dispute": {
      const paymentId = state.data.payment_id;
      const known = await db.payment.findUnique({ where: { id: paymentId }, select: { id: true } });
      if (!known) await syncPayment(paymentId, options);
      return;
    }
  }
}

/**
 * "Apply this object state": the same convergence as a webhook, versioned by the object's own
 * updated_at or, for subscriptions that have none, the time we fetched it (a GET returns state at
 * least as new as any event emitted before it). No WebhookEvent row is written.
 */
async function converge(state: ObjectState, observedAt: Date, options: SyncOptions): Promise<void> {
  await prepareObject(state, options);
  const graceHours = options.graceHours ?? loadEnv().ENTITLEMENT_GRACE_HOURS;
  await inTransaction((tx) =>
    applyObject({ tx, observedAt, now: options.now?.() ?? new Date(), graceHours, checkpoint: async () => {} }, state),
  );
}

/** Fetches a payment from Dodo and converges on it. */
export async function syncPayment(paymentId: string, options: SyncOptions = {}): Promise<Payment> {
  const observedAt = new Date();
  const payment = await (options.dodo ?? dodo()).payments.retrieve(paymentId, SAFE_CALL_OPTIONS);
  await converge({ family: "payment", data: payment }, observedAt, options);
  return db.payment.findUniqueOrThrow({ where: { id: paymentId } });
}

/** Fetches a subscription from Dodo and converges on it. */
export async function syncSubscription(subscriptionId: string, options: SyncOptions = {}): Promise<Subscription> {
  const observedAt = new Date();
  const subscription = await (options.dodo ?? dodo()).subscriptions.retrieve(subscriptionId, SAFE_CALL_OPTIONS);
  await converge({ family: "subscription", data: subscription }, observedAt, options);
  return db.subscription.findUniqueOrThrow({ where: { id: subscriptionId } });
}
