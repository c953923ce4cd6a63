// Typed outcomes of the plan services, and Dodo's refusals mapped onto them. Whether Dodo refused
// (nothing changed, nothing charged) or we cannot know is decided by the one classifier. Each is
// worded by the caller's translator: the customer reads it in their language (English by default).
import { refusalOf } from "@/lib/dodo/errors";
import type { Translator } from "@/lib/i18n/translator";
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

export const notFound = (t: Translator): PlanFailure => failure("not_found", t("plans.refused.notFound"));
export const pendingChange = (t: Translator): PlanFailure => failure("pending_change", t("plans.refused.pendingChange"));
export const unavailable = (t: Translator): PlanFailure => failure("unavailable", t("plans.refused.unavailable"));

/** Dodo's definite refusal as a failure, or null when the outcome is unknown (5xx, 408, timeout, network). */
export function refusalFrom(err: unknown, t: Translator): (PlanFailure & { dodoCode: string }) | null {
  const refusal = refusalOf(err);
  if (!refusal) return null;
  const { code, status } = refusal;
  if (status === 409) return { ...pendingChange(t), dodoCode: code };
  if (code === "NO_ELIGIBLE_PAYMENT_METHODS") return { ...failure("no_card", t("plans.refused.noCard")), dodoCode: code };
  if (status === 422 && /INACTIVE|EXPIRED|ON_DEMAND/.test(code)) return { ...failure("inactive", t("plans.refused.inactive")), dodoCode: code };
  if (status === 404) return { ...notFound(t), dodoCode: code };
  return { ...failure("rejected", t("plans.refused.rejected")), dodoCode: code };
}
