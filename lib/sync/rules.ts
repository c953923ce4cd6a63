// Pure convergence rules for Dodo objects: status mapping, version ordering and refund totals.
// Dodo does not guarantee delivery order, so every write decides "is this state newer than what
// we hold?" here, and derived values are recomputed from stored rows rather than accumulated.
import type { IntentStatus } from "dodopayments/resources/payments";
import type { SubscriptionStatus as DodoSubscriptionStatus } from "dodopayments/resources/subscriptions";
import type { PaymentStatus, RefundState, SubscriptionStatus } from "@/lib/generated/prisma/enums";

export function paymentStatusFrom(status: IntentStatus | null | undefined): PaymentStatus {
  switch (status) {
    case "succeeded":
      return "SUCCEEDED";
    case "failed":
      return "FAILED";
    case "cancelled":
      return "CANCELLED";
    case "requires_customer_action":
    case "requires_merchant_action":
    case "requires_payment_method":
    case "requires_confirmation":
    case "requires_capture":
      return "REQUIRES_ACTION";
    default:
      // processing, partial captures and a missing status are all "not settled yet".
      return "PROCESSING";
  }
}

/** What a payment's status says once Dodo settled it (paid, or failed/cancelled), or null while it is open. */
export function settledOutcome(status: PaymentStatus): "paid" | "unpaid" | null {
  if (status === "SUCCEEDED") return "paid";
  if (status === "FAILED" || status === "CANCELLED") return "unpaid";
  return null;
}

/** Payment statuses that may still change (processing, or waiting on the customer, e.g. 3-D Secure). */
export const OPEN_PAYMENT_STATUSES: PaymentStatus[] = ["PROCESSING", "REQUIRES_ACTION"];

/** Subscription statuses that are over: nothing will bill or change again. */
export const ENDED_SUBSCRIPTION_STATUSES: SubscriptionStatus[] = ["CANCELLED", "EXPIRED", "FAILED"];

export function subscriptionStatusFrom(status: DodoSubscriptionStatus): SubscriptionStatus {
  const map: Record<DodoSubscriptionStatus, SubscriptionStatus> = {
    pending: "PENDING",
    active: "ACTIVE",
    on_hold: "ON_HOLD",
    past_due: "PAST_DUE",
    paused: "PAUSED",
    cancelled: "CANCELLED",
    failed: "FAILED",
    expired: "EXPIRED",
  };
  const mapped = map[status];
  if (!mapped) throw new Error(`unknown subscription status "${String(status)}"`);
  return mapped;
}

// Ranks break ties between states carrying the same version: a settled state beats an unsettled
// one, so two payloads stamped in the same millisecond converge whatever order they arrive in.
const PAYMENT_RANK: Record<PaymentStatus, number> = {
  PROCESSING: 0,
  REQUIRES_ACTION: 0,
  SUCCEEDED: 1,
  FAILED: 1,
  CANCELLED: 1,
};

const SUBSCRIPTION_RANK: Record<SubscriptionStatus, number> = {
  PENDING: 0,
  ACTIVE: 1,
  ON_HOLD: 1,
  PAST_DUE: 1,
  PAUSED: 1,
  CANCELLED: 2,
  FAILED: 2,
  EXPIRED: 3,
};

export const paymentRank = (status: PaymentStatus) => PAYMENT_RANK[status];
export const subscriptionRank = (status: SubscriptionStatus) => SUBSCRIPTION_RANK[status];

// Refunds and disputes carry no updated_at and our rows no version, but their lifecycles only move
// forward, so a lower-ranked status never replaces a higher one.
export function refundStatusRank(status: string): number {
  return status === "succeeded" || status === "failed" ? 1 : 0;
}

export function disputeStatusRank(status: string): number {
  if (status === "dispute_opened") return 0;
  if (status === "dispute_challenged") return 1;
  return 2;
}

export type Versioned = { version: Date; rank: number };

/** True when the incoming state should replace the stored one (ties go to the higher rank). */
export function supersedes(incoming: Versioned, stored: Versioned | null): boolean {
  if (!stored) return true;
  const diff = incoming.version.getTime() - stored.version.getTime();
  if (diff !== 0) return diff > 0;
  return incoming.rank >= stored.rank;
}

/** A state's version: Dodo's own updated_at when it sends one, else when we observed it. */
export function versionOf(updatedAt: string | null | undefined, observedAt: Date): Date {
  if (updatedAt) {
    const parsed = new Date(updatedAt);
    if (!Number.isNaN(parsed.getTime())) return parsed;
  }
  return observedAt;
}

export type RefundRow = { amount: number; isPartial: boolean; status: string };

/** Payment-level refund totals, always recomputed from the refund rows (never accumulated). */
export function refundTotals(totalAmount: number, refunds: RefundRow[]): { refundedAmount: number; refundState: RefundState } {
  const settled = refunds.filter((r) => r.status === "succeeded");
  const refundedAmount = settled.reduce((sum, r) => sum + r.amount, 0);
  if (settled.length === 0) return { refundedAmount: 0, refundState: "NONE" };
  const full = settled.some((r) => !r.isPartial) || refundedAmount >= totalAmount;
  return { refundedAmount: Math.min(refundedAmount, totalAmount), refundState: full ? "FULL" : "PARTIAL" };
}

/**
 * Dispute amounts arrive as strings. Integer strings are minor units like every other Dodo amount;
 * a decimal string is read as major units of a two-decimal currency (the format is undocumented).
 */
export function parseMinorAmount(amount: string): number {
  const trimmed = amount.trim();
  if (/^-?\d+$/.test(trimmed)) return Number.parseInt(trimmed, 10);
  const value = Number(trimmed);
  if (!Number.isFinite(value)) throw new Error(`unparseable amount "${amount}"`);
  return Math.round(value * 100);
}
