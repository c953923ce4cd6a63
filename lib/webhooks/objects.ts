import "server-only";
import type DodoPayments from "dodopayments";
import type { Dispute } from "dodopayments/resources/disputes";
import type { Payment } from "dodopayments/resources/payments";
import type { Refund } from "dodopayments/resources/refunds";
import type { Subscription } from "dodopayments/resources/subscriptions";
import { ensureProducts } from "@/lib/catalog/sync";
import { db } from "@/lib/db/client";
import { applyDispute } from "./apply-dispute";
import { applyPayment } from "./apply-payment";
import { applyRefund } from "./apply-refund";
import { applySubscription } from "./apply-subscription";
import type { ApplyContext, DodoEnvelope, ObjectState } from "./types";

// The event families Encore acts on. Every other type (payouts, credits, licence keys, dunning,
// abandoned checkouts, entitlement grants…) is stored and acknowledged but changes nothing.
const FAMILIES = ["payment", "subscription", "refund", "dispute"] as const;
type Family = (typeof FAMILIES)[number];

const REQUIRED_ID: Record<Family, string> = {
  payment: "payment_id",
  subscription: "subscription_id",
  refund: "refund_id",
  dispute: "dispute_id",
};

export function familyOf(type: string): Family | null {
  const prefix = type.split(".")[0];
  return (FAMILIES as readonly string[]).includes(prefix ?? "") ? (prefix as Family) : null;
}

/** The object an event carries, or null for a type we don't act on. Throws on a malformed payload. */
export function objectStateOf(envelope: DodoEnvelope): ObjectState | null {
  const family = familyOf(envelope.type);
  if (!family) return null;
  const data = envelope.data;
  if (typeof data[REQUIRED_ID[family]] !== "string") {
    throw new Error(`${envelope.type} payload has no ${REQUIRED_ID[family]}`);
  }
  // Past this point the payload is trusted to be Dodo's documented shape (it is signed by Dodo).
  switch (family) {
    case "payment":
      return { family, data: data as unknown as Payment };
    case "subscription":
      return { family, data: data as unknown as Subscription };
    case "refund":
      return { family, data: data as unknown as Refund };
    case "dispute":
      return { family, data: data as unknown as Dispute };
  }
}

export type PrepareDeps = {
  dodo?: DodoPayments;
  /** Fetches and applies a payment we have never seen (reconcile's syncPayment). */
  syncPayment: (paymentId: string, dodo?: DodoPayments) => Promise<unknown>;
};

/**
 * Everything that needs the network, done before the transaction opens (never call Dodo while
 * holding locks): product mirrors for the entitlement/subscription foreign keys, and the payment a
 * refund or dispute belongs to when its own event has not arrived yet. A failure here is a
 * processing failure, so Dodo redelivers later.
 */
export async function prepareObject(state: ObjectState, deps: PrepareDeps): Promise<void> {
  switch (state.family) {
    case "payment": {
      const ids = (state.data.product_cart ?? []).map((line) => line.product_id);
      if (ids.length) await ensureProducts(ids);
      return;
    }
    case "subscription":
      await ensureProducts([state.data.product_id]);
      return;
    case "refund":
    case "dispute": {
      const paymentId = state.data.payment_id;
      const known = await db.payment.findUnique({ where: { id: paymentId }, select: { id: true } });
      if (!known) await deps.syncPayment(paymentId, deps.dodo);
      return;
    }
  }
}

export async function applyObject(ctx: ApplyContext, state: ObjectState): Promise<void> {
  switch (state.family) {
    case "payment":
      return applyPayment(ctx, state.data);
    case "subscription":
      return applySubscription(ctx, state.data);
    case "refund":
      return applyRefund(ctx, state.data);
    case "dispute":
      return applyDispute(ctx, state.data);
  }
}
