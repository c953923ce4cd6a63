import "server-only";
import { lock } from "@/lib/db/lock";
import type { ApplyContext, ObjectState } from "./types";

/**
 * The Dodo object whose "dodo-object" lock applying a state takes: the payment a refund or dispute
 * belongs to, so every state of one payment is applied one at a time.
 */
export function lockedObjectOf(state: ObjectState): string {
  switch (state.family) {
    case "payment":
      return state.data.payment_id;
    case "subscription":
      return state.data.subscription_id;
    case "refund":
    case "dispute":
      return state.data.payment_id;
  }
}

/** Takes the object's lock unless the caller already took it in an earlier statement (ctx.lockedObjectId). */
export async function lockObject(ctx: ApplyContext, objectId: string): Promise<void> {
  if (ctx.lockedObjectId === objectId) return;
  await lock(ctx.tx, "dodo-object", objectId);
}
