"use server";
import { revalidatePath } from "next/cache";
import { redirect } from "next/navigation";
import { handleForm } from "@/lib/merchant/form-action";
import { createOffer, setOfferActive, updateOffer } from "@/lib/merchant/offers";
import type { FormState } from "@/lib/merchant/result";
import { requireMerchant } from "@/lib/merchant/session";

const idOf = (form: FormData) => String(form.get("id") ?? "");

export async function createOfferAction(prev: FormState, form: FormData): Promise<FormState> {
  await requireMerchant();
  return handleForm(prev, form, createOffer, (offer) => redirect(`/merchant/offers/${offer.id}?saved=created`));
}

export async function updateOfferAction(prev: FormState, form: FormData): Promise<FormState> {
  await requireMerchant();
  return handleForm(prev, form, (values) => updateOffer(idOf(form), values), () => "Offer saved.");
}

/** Pause or resume (form fields: id, active = "true" | "false"). */
export async function setOfferActiveAction(form: FormData): Promise<void> {
  await requireMerchant();
  const result = await setOfferActive(idOf(form), form.get("active") === "true");
  if (!result.ok) console.warn(`[merchant] pause/resume offer: ${result.message}`);
  revalidatePath("/merchant", "layout");
}
