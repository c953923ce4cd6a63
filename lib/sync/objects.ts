import "server-only";
import type { Dispute } from "dodopayments/resources/disputes";
import type { Payment } from "dodopayments/resources/payments";
import type { Refund } from "dodopayments/resources/refunds";
import type { Subscription } from "dodopayments/resources/subscriptions";
import { applyDispute } from "./apply-dispute";
import { applyPayment } from "./apply-payment";
import { applyRefund } from "./apply-refund";
import { applySubscription } from "./apply-subscription";
import { InvalidPayloadError, payloadProblem } from "./payload-shapes";
import type { ApplyContext, ObjectState } from "./types";

// The object families Encore acts on. Every other event type (payouts, credits, licence keys,
// dunning, abandoned checkouts, entitlement grants…) is stored and acknowledged but changes nothing.
const FAMILIES = ["payment", "subscription", "refund", "dispute"] as const;
type Family = (typeof FAMILIES)[number];

export function familyOf(type: string): Family | null {
  const prefix = type.split(".")[0];
  return (FAMILIES as readonly string[]).includes(prefix ?? "") ? (prefix as Family) : null;
}

/**
 * The object an event of `type` carries, or null for a type we don't act on. Throws
 * InvalidPayloadError when the object lacks what the apply steps read (payload-shapes.ts).
 */
export function objectStateOf(event: { type: string; data: Record<string, unknown> }): ObjectState | null {
  // A live delivery always has one (lib/webhooks/verify.ts); a stored payload being replayed may
  // not (a row written by hand or by an older version): unusable, so REJECTED, not a retry loop.
  if (!event || typeof event !== "object" || typeof event.type !== "string") throw new InvalidPayloadError("the event has no type");
  const family = familyOf(event.type);
  if (!family) return null;
  const data = event.data;
  const problem = payloadProblem(family, data);
  if (problem) throw new InvalidPayloadError(`${event.type} payload is unusable: ${problem}`);
  // Past this point the payload has every field we read, in Dodo's documented types.
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

/** Writes one object state inside the caller's transaction (the caller did prepareObject first). */
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
