"use server";
import { revalidatePath } from "next/cache";
import { redirect } from "next/navigation";
import { z } from "zod";
import { merchantAction } from "@/lib/actions/define";
import { merchantFormAction } from "@/lib/actions/form";
import { formText } from "@/lib/forms/fields";
import { createOffer, setOfferActive, updateOffer } from "@/lib/offers/offer-admin";

const record = z.object({ id: formText });

export const createOfferAction = merchantFormAction("create offer", z.unknown(), (_input, { values }) => createOffer(values), (offer) => redirect(`/merchant/offers/${offer.id}?saved=created`));

export const updateOfferAction = merchantFormAction("update offer", record, ({ id }, { values }) => updateOffer(id, values), () => "Offer saved.");

/** Pause or resume (form fields: id, active = "true" | "false"). */
export const setOfferActiveAction = merchantAction(record.extend({ active: formText }), {
  name: "pause or resume offer",
  onFailure: () => undefined,
  run: async ({ id, active }) => {
    const result = await setOfferActive(id, active === "true");
    if (!result.ok) console.warn(`[merchant] pause/resume offer: ${result.message}`);
    revalidatePath("/merchant", "layout");
  },
});
