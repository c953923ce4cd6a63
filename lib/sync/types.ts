// Shapes of the convergence engine: a Dodo object state, from a webhook or a GET, and what an
// apply step gets to write it.
import type { Dispute } from "dodopayments/resources/disputes";
import type { Payment } from "dodopayments/resources/payments";
import type { Refund } from "dodopayments/resources/refunds";
import type { Subscription } from "dodopayments/resources/subscriptions";
import type { Tx } from "@/lib/db/tx";

/** One Dodo object state to converge on. */
export type ObjectState =
  | { family: "payment"; data: Payment }
  | { family: "subscription"; data: Subscription }
  | { family: "refund"; data: Refund }
  | { family: "dispute"; data: Dispute };

export type ApplyContext = {
  tx: Tx;
  /** When this state was observed: the envelope timestamp, or the fetch time for a sync. */
  observedAt: Date;
  /** Wall clock for time-dependent access rules (grace periods, period ends). */
  now: Date;
  graceHours: number;
  /**
   * The Dodo object whose "dodo-object" lock this transaction already holds (the webhook path
   * takes it in the statement that claims the event); the apply step then does not take it again.
   */
  lockedObjectId?: string;
  /** Called after each apply step's first write; a test seam for crash-consistency tests. */
  checkpoint: () => Promise<void>;
};
