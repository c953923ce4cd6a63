"use server";
import { redirect } from "next/navigation";
import { getTranslations } from "next-intl/server";
import { z } from "zod";
import { merchantFormAction, merchantFormPost } from "@/lib/actions/form";
import { formText } from "@/lib/forms/fields";
import { removeMomentTarget, setMomentTarget } from "@/lib/offers/moment-admin";
import { createOffer, setOfferActive, updateOffer } from "@/lib/offers/offer-admin";

const record = z.object({ id: formText });

export const createOfferAction = merchantFormAction("create offer", z.unknown(), (_input, { values, locale }) => createOffer(values, { locale }), (offer) => redirect(`/merchant/offers/${offer.id}?saved=created`));

export const updateOfferAction = merchantFormAction("update offer", record, ({ id }, { values, locale }) => updateOffer(id, values, { locale }), async () => {
  const t = await getTranslations();
  return t("console.offerPage.saved");
});

/** Pause or resume (form fields: id, active = "true" | "false"). */
export const setOfferActiveAction = merchantFormPost("pause or resume offer", record.extend({ active: formText }), ({ id, active }) => setOfferActive(id, active === "true"));

/** Adds or replaces a moment target (fields: id, name, conditions as lines). */
export const setMomentTargetAction = merchantFormAction("set moment target", record, ({ id }, { values, locale }) => setMomentTarget(id, values, { locale }), async (r) => {
  const t = await getTranslations();
  return t("console.offerPage.shownAt", { name: r.name });
});

/** Removes a moment target (fields: id, targetId). */
export const removeMomentTargetAction = merchantFormPost("remove moment target", record.extend({ targetId: formText }), ({ id, targetId }) => removeMomentTarget(id, targetId));
