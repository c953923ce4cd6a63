"use server";
import { redirect } from "next/navigation";
import { z } from "zod";
import { merchantFormAction, merchantFormPost } from "@/lib/actions/form";
import { formText } from "@/lib/forms/fields";
import { createOffer, setOfferActive, updateOffer } from "@/lib/offers/offer-admin";

const record = z.object({ id: formText });

export const createOfferAction = merchantFormAction("create offer", z.unknown(), (_input, { values }) => createOffer(values), (offer) => redirect(`/merchant/offers/${offer.id}?saved=created`));

export const updateOfferAction = merchantFormAction("update offer", record, ({ id }, { values }) => updateOffer(id, values), () => "Offer saved.");

/** Pause or resume (form fields: id, active = "true" | "false"). */
export const setOfferActiveAction = merchantFormPost("pause or resume offer", record.extend({ active: formText }), ({ id, active }) => setOfferActive(id, active === "true"));
