"use server";
import { redirect } from "next/navigation";
import { z } from "zod";
import { currentCustomer } from "@/lib/auth/customer-session";
import { startHostedCheckout, startOfferCheckout } from "@/lib/checkout/intents";

const id = z.string().min(1).max(64);

/** "Buy": opens Dodo's hosted checkout for one product (one-time or subscription). */
export async function buyProductAction(form: FormData): Promise<void> {
  const productId = id.safeParse(form.get("productId"));
  if (!productId.success) redirect("/");
  const result = await startHostedCheckout({ productId: productId.data, customer: await currentCustomer() });
  if (!result.ok) redirect(`/products/${encodeURIComponent(productId.data)}?error=${result.code}`);
  redirect(result.url);
}

/**
 * Hosted checkout for an offer: the fallback when one-click can't be used (no eligible saved
 * card) or failed. Only the customer who was shown the offer may use it.
 */
export async function buyOfferWithCheckoutAction(form: FormData): Promise<void> {
  const impressionId = id.safeParse(form.get("impressionId"));
  const customer = await currentCustomer();
  if (!impressionId.success || !customer) redirect("/account");
  const result = await startOfferCheckout(impressionId.data, customer);
  if (!result.ok) redirect(`/account?error=${result.code}`);
  redirect(result.url);
}
