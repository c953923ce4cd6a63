"use server";
import { revalidatePath } from "next/cache";
import { getTranslations } from "next-intl/server";
import { z } from "zod";
import { customerAction } from "@/lib/actions/define";
import { acceptOffer, chargeStatus, type AcceptResult } from "@/lib/checkout/one-click";
import type { ChargeView } from "@/lib/checkout/outcome";
import { rememberCustomerLocale } from "@/lib/i18n/customer-locale";
import { requestLocale } from "@/lib/i18n/request";
import { translator } from "@/lib/i18n/translator";
import { acceptRefusalText } from "@/lib/offers/answer-text";
import { declineOffer } from "@/lib/offers/decide";
import { offerQuantityField } from "@/lib/offers/offer-schema";
import { logger } from "@/lib/log";

const log = logger("decline");

const impression = z.object({ impressionId: z.string().min(1).max(64) });
/** Accept's form: the impression and, when the offer has a quantity selector, the units chosen. */
const acceptance = impression.extend({ quantity: offerQuantityField });

export type AcceptState = AcceptResult | null;

type Refusal = Extract<AcceptResult, { ok: false }>;

/** A refused accept, worded in the request's language (the service words it in English for logs and the API). */
async function inRequestLanguage(refusal: Refusal): Promise<Refusal> {
  return { ...refusal, message: acceptRefusalText(refusal.code, translator(await requestLocale())) };
}

/** "Accept — one click": charges the card frozen on the impression, at most once. */
export const acceptOfferAction = customerAction(acceptance, {
  name: "accept offer",
  onFailure: async (failure): Promise<AcceptState> => {
    const t = await getTranslations();
    return failure.code === "unexpected"
      ? { ok: false, code: "unavailable", message: t("offers.acceptUnexpected") }
      : { ok: false, code: "not_found", message: t("offers.notAvailable") };
  },
  run: async ({ impressionId, quantity }, { customer }): Promise<AcceptState> => {
    // The language the customer bought in is the one their receipt email is written in.
    await rememberCustomerLocale(customer.id, await requestLocale());
    const result = await acceptOffer({ impressionId, customerId: customer.id, quantity });
    return result.ok ? result : inRequestLanguage(result);
  },
});

/** Polled while a charge is processing, with the impression id. */
export const offerStatusAction = customerAction(impression.shape.impressionId, {
  name: "offer status",
  onFailure: (): ChargeView | null => null,
  run: (impressionId, { customer }) => chargeStatus({ impressionId, customerId: customer.id }),
});

/** "No thanks": works without JavaScript (a plain form post). */
export const declineOfferAction = customerAction(impression, {
  name: "decline offer",
  onFailure: () => undefined,
  run: async ({ impressionId }, { customer }) => {
    const result = await declineOffer({ impressionId, customerId: customer.id });
    if (!result.ok) log.warn({ code: result.code, impressionId }, "decline refused");
    revalidatePath("/thank-you");
    revalidatePath("/account");
  },
});
