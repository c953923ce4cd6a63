// Pure rules of the cancel flow: Dodo's cancellation reasons, the CancelAttempt state machine, who
// is held out, when a pause ends and what Dodo's subscription must show for an action to have
// happened. No database, so every rule is unit-tested on its own.
//
//   start(reason) ─▶ OPEN ─ accept the save offer (sent to Dodo) ─▶ SAVED
//                     │ └─ "Cancel anyway" (cancel_at_next_billing_date sent) ─▶ CANCELLED ─ undo before the date ─▶ KEPT
//                     └─ "Keep my subscription" without an offer ─▶ KEPT
//   SAVED ─ the save's plan change or pause did not happen ─▶ OPEN (the customer chooses again)
//
// The holdout is decided at start and frozen on the attempt: held-out attempts are OPEN with no
// offer, and end CANCELLED or KEPT like any other.
import type { CancellationFeedback } from "dodopayments/resources/subscriptions";
import { hashPoints } from "@/lib/experiments/bucket";
import type { CancelAttemptStatus, CancelReason, SubscriptionActionKind, SubscriptionStatus } from "@/lib/generated/prisma/enums";
import { shiftByCycles, type BillingCycle } from "@/lib/plans/credit";

const DODO_FEEDBACK: Record<CancelReason, CancellationFeedback> = {
  TOO_EXPENSIVE: "too_expensive",
  UNUSED: "unused",
  MISSING_FEATURES: "missing_features",
  TOO_COMPLEX: "too_complex",
  LOW_QUALITY: "low_quality",
  CUSTOMER_SERVICE: "customer_service",
  SWITCHED_SERVICE: "switched_service",
  OTHER: "other",
};

export const dodoFeedback = (reason: CancelReason): CancellationFeedback => DODO_FEEDBACK[reason];

const MOVES: Record<CancelAttemptStatus, CancelAttemptStatus[]> = {
  OPEN: ["SAVED", "CANCELLED", "KEPT"],
  SAVED: ["OPEN"],
  CANCELLED: ["KEPT"],
  KEPT: [],
};

/** Whether a CancelAttempt may move from `from` to `to`. */
export function canMove(from: CancelAttemptStatus, to: CancelAttemptStatus): boolean {
  return MOVES[from].includes(to);
}

/** The statuses an attempt may leave for `to` (the compare-and-set's WHERE). */
export function movesInto(to: CancelAttemptStatus): CancelAttemptStatus[] {
  return (Object.keys(MOVES) as CancelAttemptStatus[]).filter((from) => MOVES[from].includes(to));
}

/**
 * In the holdout? A deterministic draw per customer and ladder, so a customer who starts the flow
 * twice (two tabs, two instances, next month) is always in the same group.
 */
export function inHoldout(customerId: string, ladderId: string, holdoutBps: number): boolean {
  if (holdoutBps <= 0) return false;
  const [point] = hashPoints(customerId, `retention:${ladderId}`);
  return point * 10_000 < holdoutBps;
}

/** When a pause of `cycles` billing cycles that starts at `pausedAt` ends. */
export function pauseEndsAt(pausedAt: Date, cycle: BillingCycle, cycles: number): Date {
  return shiftByCycles(pausedAt, cycle, cycles);
}

/**
 * Dodo's resume rule (docs features/subscription, "The billing clock freezes"): the next billing
 * date moves forward by exactly the pause's length. What the customer is told to expect.
 */
export function nextBillingAfterResume(nextBillingAtPause: Date, pausedAt: Date, resumedAt: Date): Date {
  return new Date(nextBillingAtPause.getTime() + Math.max(0, resumedAt.getTime() - pausedAt.getTime()));
}

export type SubscriptionFacts = { status: SubscriptionStatus; cancelAtNextBillingDate: boolean };

/** Whether the subscription's state at Dodo shows that `kind` took effect. */
export function actionHolds(kind: SubscriptionActionKind, sub: SubscriptionFacts): boolean {
  switch (kind) {
    case "PAUSE":
      return sub.status === "PAUSED";
    case "RESUME":
      return sub.status === "ACTIVE";
    case "CANCEL":
      // A scheduled cancellation that has already taken effect holds too.
      return sub.cancelAtNextBillingDate || sub.status === "CANCELLED";
    case "UNDO_CANCEL":
      return !sub.cancelAtNextBillingDate && sub.status === "ACTIVE";
  }
}
