// Pure access rules. Stored entitlement rows say what Dodo's latest state granted; whether that
// still holds "now" is decided at read time (effectiveStatus), so a grace period or the end of a
// cancelled period takes effect without a background job.
import type { EntitlementStatus, PaymentStatus, RefundState, SubscriptionStatus } from "@/lib/generated/prisma/enums";

export type EntitlementState = { status: EntitlementStatus; endsAt: Date | null };

export type SubscriptionAccessInput = {
  status: SubscriptionStatus;
  nextBillingDate: Date;
  cancelAtNextBillingDate: boolean;
  onHoldSince: Date | null;
};

const HOUR_MS = 3_600_000;

/**
 * What a subscription in this state grants. null = nothing to grant yet (pending: never paid).
 * On hold / past due: access for `graceHours` from when the hold began, then suspended.
 * Cancelled / expired: access to the end of the paid period, then ended.
 */
export function entitlementStateFor(sub: SubscriptionAccessInput, now: Date, graceHours: number): EntitlementState | null {
  switch (sub.status) {
    case "PENDING":
      return null;
    case "ACTIVE":
      return { status: "ACTIVE", endsAt: sub.cancelAtNextBillingDate ? sub.nextBillingDate : null };
    case "ON_HOLD":
    case "PAST_DUE": {
      const graceEnd = new Date((sub.onHoldSince ?? now).getTime() + graceHours * HOUR_MS);
      return { status: now < graceEnd ? "GRACE" : "SUSPENDED", endsAt: graceEnd };
    }
    case "PAUSED":
      return { status: "SUSPENDED", endsAt: null };
    case "CANCELLED":
    case "EXPIRED":
      return { status: now < sub.nextBillingDate ? "ACTIVE" : "ENDED", endsAt: sub.nextBillingDate };
    case "FAILED":
      return { status: "ENDED", endsAt: null };
  }
}

/** What a one-time payment grants: access once it succeeded, revoked by a full refund. */
export function paymentEntitlementStatus(payment: { status: PaymentStatus; refundState: RefundState }): EntitlementStatus | null {
  if (payment.status !== "SUCCEEDED") return null;
  return payment.refundState === "FULL" ? "REVOKED" : "ACTIVE";
}

/** The status a stored row has at `now`: a lapsed active row has ended, a lapsed grace is suspended. */
export function effectiveStatus(row: { status: EntitlementStatus; endsAt: Date | null }, now: Date): EntitlementStatus {
  const lapsed = row.endsAt !== null && row.endsAt <= now;
  if (row.status === "ACTIVE" && lapsed) return "ENDED";
  if (row.status === "GRACE" && lapsed) return "SUSPENDED";
  return row.status;
}

export function grantsAccess(status: EntitlementStatus): boolean {
  return status === "ACTIVE" || status === "GRACE";
}

/** Does this stored row give access at `now`? */
export function hasAccessAt(row: { status: EntitlementStatus; endsAt: Date | null }, now: Date): boolean {
  return grantsAccess(effectiveStatus(row, now));
}
