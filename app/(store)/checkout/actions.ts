"use server";
import { redirect } from "next/navigation";
import { z } from "zod";
import { customerAction, publicAction } from "@/lib/actions/define";
import { currentCustomer } from "@/lib/auth/customer-session";
import { startHostedCheckout, startOfferCheckout } from "@/lib/checkout/intents";
import { orderOfImpression } from "@/lib/checkout/order";
import { offerQuantityField } from "@/lib/offers/offer-schema";

const id = z.string().min(1).max(64);

/** "Buy": opens Dodo's hosted checkout for one product (one-time or subscription), signed in or not. */
export const buyProductAction = publicAction(z.object({ productId: id }), {
  name: "buy product",
  onFailure: (_failure, { input }) => redirect(input ? `/products/${encodeURIComponent(input.productId)}?error=unavailable` : "/"),
  run: async ({ productId }) => {
    const result = await startHostedCheckout({ productId, customer: await currentCustomer() });
    if (!result.ok) redirect(`/products/${encodeURIComponent(productId)}?error=${result.code}`);
    redirect(result.url);
  },
});

/**
 * Hosted checkout for an offer: the fallback when one-click can't be used (no eligible saved
 * card) or failed. Only the customer who was shown the offer may use it. A refusal goes back to
 * the page the offer was on (its order, or the account page) with the reason.
 */
export const buyOfferWithCheckoutAction = customerAction(z.object({ impressionId: id, quantity: offerQuantityField }), {
  name: "buy offer with checkout",
  onFailure: (failure) => redirect(failure.code === "unexpected" ? "/account?error=unavailable" : "/account"),
  run: async ({ impressionId, quantity }, { customer }) => {
    const result = await startOfferCheckout(impressionId, customer, undefined, quantity);
    if (!result.ok) {
      const order = await orderOfImpression(impressionId, customer.id);
      redirect(order ? `/thank-you?order=${encodeURIComponent(order)}&error=${result.code}` : `/account?error=${result.code}`);
    }
    redirect(result.url);
  },
});
