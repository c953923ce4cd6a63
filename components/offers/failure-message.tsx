import { useTranslations } from "next-intl";
import type { FailureKind } from "@/lib/checkout/failures";
import { failureText } from "@/lib/offers/failure-text";

/** Why a one-click charge failed, in the customer's language (only soft reasons are named; lib/checkout/failures.ts). */
export function FailureMessage({ kind }: { kind: FailureKind }) {
  return failureText(kind, useTranslations());
}
