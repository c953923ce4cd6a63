// Dodo's refund and dispute statuses and our refund requests' states, as the console names them
// in its language (a status Dodo adds later is shown as Dodo spells it).
import { DEFAULT_LOCALE, type Locale } from "@/lib/i18n/locales";
import { translator } from "@/lib/i18n/translator";

export function refundStatusLabel(status: string, locale: Locale = DEFAULT_LOCALE): string {
  const t = translator(locale);
  switch (status) {
    case "succeeded":
      return t("console.refunds.refundSucceeded");
    case "pending":
      return t("console.refunds.refundPending");
    case "failed":
      return t("console.refunds.refundFailed");
    case "review":
      return t("console.refunds.refundReview");
    default:
      return status;
  }
}

export function disputeStatusLabel(status: string, locale: Locale = DEFAULT_LOCALE): string {
  const t = translator(locale);
  switch (status) {
    case "dispute_opened":
      return t("console.refunds.disputeOpened");
    case "dispute_expired":
      return t("console.refunds.disputeExpired");
    case "dispute_accepted":
      return t("console.refunds.disputeAccepted");
    case "dispute_cancelled":
      return t("console.refunds.disputeCancelled");
    case "dispute_challenged":
      return t("console.refunds.disputeChallenged");
    case "dispute_won":
      return t("console.refunds.disputeWon");
    case "dispute_lost":
      return t("console.refunds.disputeLost");
    default:
      return status.replace(/_/g, " ");
  }
}

export function refundRequestLabel(status: "SUBMITTED" | "MADE" | "REFUSED" | "UNKNOWN" | "NOT_MADE", locale: Locale = DEFAULT_LOCALE): string {
  const t = translator(locale);
  switch (status) {
    case "SUBMITTED":
      return t("console.refunds.requestSubmitted");
    case "MADE":
      return t("console.refunds.requestMade");
    case "REFUSED":
      return t("console.refunds.requestRefused");
    case "UNKNOWN":
      return t("console.refunds.requestUnknown");
    case "NOT_MADE":
      return t("console.refunds.requestNotMade");
  }
}
