// A hosted offer link's refusals worded for the customer, in their language. openOfferLink words
// them in English for logs; the link's page shows these (as answer-text.ts does for offers).
import type { Translator } from "@/lib/i18n/translator";
import type { openOfferLink } from "./links";

export type OfferLinkRefusal = Extract<Awaited<ReturnType<typeof openOfferLink>>, { ok: false }>;

/** Why the link can't be used. */
export function offerLinkRefusalText(code: OfferLinkRefusal["code"], t: Translator): string {
  switch (code) {
    case "invalid":
      return t("offers.link.invalid");
    case "expired":
      return t("offers.link.expired");
    case "used":
      return t("offers.link.used");
    case "rate_limited":
      return t("offers.link.rateLimited");
    case "other_customer":
      return t("offers.link.otherCustomer");
    case "unavailable":
      return t("offers.link.unavailable");
  }
}
