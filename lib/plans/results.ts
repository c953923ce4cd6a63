// Typed outcomes of the plan services, and Dodo's refusals mapped onto them. Whether Dodo refused
// (nothing changed, nothing charged) or we cannot know is decided by the one classifier.
import { refusalOf } from "@/lib/dodo/errors";
import { fail, type Failure } from "@/lib/result";

export type PlanErrorCode =
  | "not_found"
  | "same_plan"
  | "not_in_ladder"
  | "interval_change_not_allowed"
  | "inactive"
  | "pending_change"
  | "no_card"
  | "quote_expired"
  | "quote_used"
  | "quote_changed"
  | "nothing_scheduled"
  | "rejected"
  | "unavailable";

export type PlanFailure = Failure<PlanErrorCode>;

export const failure = (code: PlanErrorCode, message: string): PlanFailure => fail(code, message);

export const NOT_FOUND = failure("not_found", "This subscription or plan is not available.");
export const PENDING_CHANGE = failure(
  "pending_change",
  "Another plan change is still in progress or scheduled. Wait for it to finish, or keep your current plan to cancel the scheduled one, before choosing another plan.",
);
export const UNAVAILABLE = failure("unavailable", "We could not reach the payment provider. Nothing was changed or charged; please try again in a moment.");

/** Dodo's definite refusal as a failure, or null when the outcome is unknown (5xx, 408, timeout, network). */
export function refusalFrom(err: unknown): (PlanFailure & { dodoCode: string }) | null {
  const refusal = refusalOf(err);
  if (!refusal) return null;
  const { code, status } = refusal;
  if (status === 409) return { ...PENDING_CHANGE, dodoCode: code };
  if (code === "NO_ELIGIBLE_PAYMENT_METHODS") {
    return { ...failure("no_card", "Your subscription has no saved card to charge. Add a card, then try again."), dodoCode: code };
  }
  if (status === 422 && /INACTIVE|EXPIRED|ON_DEMAND/.test(code)) {
    return { ...failure("inactive", "Your subscription is not active, so its plan cannot change right now."), dodoCode: code };
  }
  if (status === 404) return { ...NOT_FOUND, dodoCode: code };
  return { ...failure("rejected", "The payment provider refused this change. Nothing was changed or charged."), dodoCode: code };
}
