// Back from a Dodo checkout and it did not work: what the problem page says, in the customer's
// language. The services (complete-return.ts, external-return.ts) word their refusals in English
// for logs; the return routes show these instead. One home for every checkout-return answer.
import type { Translator } from "@/lib/i18n/translator";
import type { ReturnResult } from "./complete-return";
import type { ExternalReturnResult } from "./external-return";
import type { FailureKind } from "./failures";

type Refusal<R> = Extract<R, { ok: false }>;

/** A declined hosted checkout: soft reasons named (another card may work), hard ones plain. */
export function checkoutDeclineText(kind: FailureKind | undefined, t: Translator): string {
  switch (kind) {
    case "insufficient_funds":
      return t("thankYou.checkoutReturn.insufficientFunds");
    case "expired_card":
      return t("thankYou.checkoutReturn.expiredCard");
    case "authentication":
      return t("thankYou.checkoutReturn.authentication");
    default:
      return t("thankYou.checkoutReturn.declined");
  }
}

/** Encore's own checkout came back refused (/thank-you/confirm). */
export function checkoutReturnText(refusal: Pick<Refusal<ReturnResult>, "code" | "declineKind">, t: Translator): string {
  switch (refusal.code) {
    case "forbidden":
      return t("thankYou.checkoutReturn.invalidLink");
    case "not_found":
      return t("thankYou.checkoutReturn.notFound");
    case "not_paid":
      return t("thankYou.checkoutReturn.notCompleted");
    case "unverified":
      return t("thankYou.checkoutReturn.unverified");
    case "declined":
      return checkoutDeclineText(refusal.declineKind, t);
  }
}

/** A checkout Encore did not create came back refused (/checkout/return). */
export function externalReturnText(code: Refusal<ExternalReturnResult>["code"], t: Translator): string {
  switch (code) {
    case "forbidden":
      return t("thankYou.checkoutReturn.claimed");
    case "wrong_return":
      return t("thankYou.checkoutReturn.notThisPurchase");
    case "not_found":
      return t("thankYou.checkoutReturn.purchaseNotFound");
    case "not_paid":
      return t("thankYou.checkoutReturn.notConfirmed");
    case "declined":
      return t("thankYou.checkoutReturn.declinedPlain");
    case "expired":
      return t("thankYou.checkoutReturn.tooOld");
    case "unverified":
      return t("thankYou.checkoutReturn.unverified");
  }
}
