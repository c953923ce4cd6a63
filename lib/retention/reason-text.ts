// A cancellation reason in words, with whichever translator the caller has: the cancel flow's
// (a client component's useTranslations) or the console's (lib/i18n/translator). Client-safe: it
// imports no catalogue, so the cancel flow's bundle does not carry every language.

type ReasonKey =
  | "retention.reason.tooExpensive"
  | "retention.reason.unused"
  | "retention.reason.missingFeatures"
  | "retention.reason.tooComplex"
  | "retention.reason.lowQuality"
  | "retention.reason.customerService"
  | "retention.reason.switchedService"
  | "retention.reason.other"
  | "console.retentionStats.noReason";

/** `reason` is Dodo's value (CancelReason); anything else reads as "no reason given". */
export function reasonText(reason: string, t: (key: ReasonKey) => string): string {
  switch (reason) {
    case "TOO_EXPENSIVE":
      return t("retention.reason.tooExpensive");
    case "UNUSED":
      return t("retention.reason.unused");
    case "MISSING_FEATURES":
      return t("retention.reason.missingFeatures");
    case "TOO_COMPLEX":
      return t("retention.reason.tooComplex");
    case "LOW_QUALITY":
      return t("retention.reason.lowQuality");
    case "CUSTOMER_SERVICE":
      return t("retention.reason.customerService");
    case "SWITCHED_SERVICE":
      return t("retention.reason.switchedService");
    case "OTHER":
      return t("retention.reason.other");
    default:
      return t("console.retentionStats.noReason");
  }
}
