// A refusal as a person reads it, in their language. The proxy and the route wrapper answer people
// with a page; the precise (English) reason stays in the plain-text answer for developers.
import type { Translator } from "@/lib/i18n/translator";
import type { RefusalReason } from "./action-request";

/** next-intl needs literal keys, so each reason names its own. */
export function refusalText(t: Translator, reason: RefusalReason): string {
  switch (reason) {
    case "address":
      return t("errors.refusal.address");
    case "parameter":
      return t("errors.refusal.parameter");
    case "unreadable":
      return t("errors.refusal.unreadable");
    case "other_site":
      return t("errors.refusal.otherSite");
    case "too_large":
      return t("errors.refusal.tooLarge");
  }
}
