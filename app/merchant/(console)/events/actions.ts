"use server";
import { replayEvent } from "@/lib/merchant/events";
import { handleForm } from "@/lib/merchant/form-action";
import type { FormState } from "@/lib/merchant/result";
import { requireMerchant } from "@/lib/merchant/session";

export async function replayEventAction(prev: FormState, form: FormData): Promise<FormState> {
  await requireMerchant();
  return handleForm(prev, form, () => replayEvent(String(form.get("id") ?? "")), (message) => message);
}
