"use server";
import { revalidatePath } from "next/cache";
import { z } from "zod";
import { currentCustomer } from "@/lib/auth/customer-session";
import { acceptOffer, chargeStatus, type AcceptResult } from "@/lib/checkout/one-click";
import type { ChargeView } from "@/lib/checkout/outcome";
import { declineOffer } from "@/lib/offers/decide";

const impressionId = z.string().min(1).max(64);
const NOT_FOUND = { ok: false, code: "not_found", message: "This offer is not available." } as const;

export type AcceptState = AcceptResult | null;

/** "Accept — one click": charges the card frozen on the impression, at most once. */
export async function acceptOfferAction(_previous: AcceptState, form: FormData): Promise<AcceptState> {
  const parsed = impressionId.safeParse(form.get("impressionId"));
  const customer = await currentCustomer();
  if (!parsed.success || !customer) return NOT_FOUND;
  try {
    return await acceptOffer({ impressionId: parsed.data, customerId: customer.id });
  } catch (err) {
    console.error("[accept] unexpected failure", err);
    return { ok: false, code: "unavailable", message: "Something went wrong on our side. Nothing was charged twice; please reload the page." };
  }
}

/** Polled while a charge is processing. */
export async function offerStatusAction(id: string): Promise<ChargeView | null> {
  const parsed = impressionId.safeParse(id);
  const customer = await currentCustomer();
  if (!parsed.success || !customer) return null;
  return chargeStatus({ impressionId: parsed.data, customerId: customer.id });
}

/** "No thanks": works without JavaScript (a plain form post). */
export async function declineOfferAction(form: FormData): Promise<void> {
  const parsed = impressionId.safeParse(form.get("impressionId"));
  const customer = await currentCustomer();
  if (!parsed.success || !customer) return;
  const result = await declineOffer({ impressionId: parsed.data, customerId: customer.id });
  if (!result.ok) console.warn(`[decline] ${result.code} for ${parsed.data}`);
  revalidatePath("/thank-you");
  revalidatePath("/account");
}
