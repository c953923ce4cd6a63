// What the customer sees of a one-click charge, derived from the stored attempt and the payment
// Dodo made for it. Pure.
import type { ChargeStatus, PaymentStatus } from "@/lib/generated/prisma/enums";
import { AUTHENTICATION_EXPIRED, customerFailure, type FailureKind } from "./failures";

export type ChargeView =
  | { status: "processing" }
  /**
   * The bank wants the customer (3-D Secure): `url` is Dodo's page to confirm it; null when Dodo
   * gave none, so the customer pays through secure checkout instead and the request lapses.
   */
  | { status: "authenticate"; url: string | null }
  /** Dodo never answered the charge: it may have gone through, and the worker is finding out. */
  | { status: "confirming" }
  | { status: "succeeded" }
  | { status: "failed"; kind: FailureKind; message: string; offerOtherCard: boolean };

/** The attempt's payment as stored from Dodo, when there is one. */
export type AttemptPayment = { status: PaymentStatus; paymentLink: string | null } | null;

/**
 * How long a one-click charge can wait on the customer's bank: a `confirm: true` session lives
 * 15 minutes (Dodo checkout-session docs), plus a margin for Dodo to report the lapse. Past it the
 * request can no longer be completed, whatever our last copy of the payment says.
 */
export const AUTHENTICATION_WINDOW_MS = 20 * 60_000;

export function chargeView(attempt: { status: ChargeStatus; errorCode: string | null; createdAt: Date }, payment: AttemptPayment = null, now = new Date()): ChargeView {
  switch (attempt.status) {
    case "PENDING":
      return { status: "processing" };
    case "SUBMITTED":
      if (payment?.status !== "REQUIRES_ACTION") return { status: "processing" };
      if (now.getTime() - attempt.createdAt.getTime() > AUTHENTICATION_WINDOW_MS) return { status: "failed", ...customerFailure(AUTHENTICATION_EXPIRED) };
      return { status: "authenticate", url: payment.paymentLink };
    case "SUCCEEDED":
      return { status: "succeeded" };
    case "FAILED":
      return { status: "failed", ...customerFailure(attempt.errorCode) };
    case "UNKNOWN":
      return { status: "confirming" };
  }
}

/**
 * Whether the offer may be bought through hosted checkout now: never while a one-click charge may
 * still take money (processing, confirming, waiting on an authentication link the customer has),
 * only once it failed or when Dodo gave no way to authenticate it.
 */
export function checkoutFallbackAllowed(view: ChargeView | null): boolean {
  if (!view) return true;
  if (view.status === "failed") return view.offerOtherCard;
  return view.status === "authenticate" && view.url === null;
}
