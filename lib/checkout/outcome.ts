// What the customer sees of a one-click charge, derived from the stored attempt. Pure.
import type { ChargeStatus } from "@/lib/generated/prisma/enums";
import { customerFailure, PROVIDER_UNAVAILABLE, type FailureKind } from "./failures";

export type ChargeView =
  | { status: "processing" }
  | { status: "succeeded" }
  | { status: "failed"; kind: FailureKind; message: string; offerOtherCard: boolean };

export function chargeView(attempt: { status: ChargeStatus; errorCode: string | null }): ChargeView {
  switch (attempt.status) {
    case "PENDING":
    case "SUBMITTED":
      return { status: "processing" };
    case "SUCCEEDED":
      return { status: "succeeded" };
    case "FAILED":
      return { status: "failed", ...customerFailure(attempt.errorCode) };
    case "UNKNOWN":
      // Dodo never answered: we don't retry, and say plainly that we could not charge.
      return { status: "failed", ...customerFailure(PROVIDER_UNAVAILABLE) };
  }
}
