import "server-only";
import type DodoPayments from "dodopayments";
import type { CheckoutSessionCreateParams, CheckoutSessionResponse } from "dodopayments/resources/checkout-sessions";
import { ensureProducts } from "@/lib/catalog/sync";
import { db } from "@/lib/db/client";
import { dodo, SAFE_CALL_OPTIONS } from "@/lib/dodo/client";
import { classifyDodoError } from "@/lib/dodo/errors";
import { encoreMetadata } from "@/lib/dodo/metadata";
import { fail, type Result } from "@/lib/result";
import { attachDodoSession, openCheckoutIntent } from "./intents";
import { logger } from "@/lib/log";

const log = logger("checkout");

// A checkout session the merchant's own server asks for (POST /api/v1/checkout-sessions): Dodo's
// own body, already validated by the API's schema, passed through with Encore's return_url and
// an id of ours in the metadata. The customer pays on Dodo's hosted page and comes back to
// /thank-you/confirm exactly like a storefront buyer, so the funnel opens after payment.

export type ApiCheckoutFailure = "unknown_product" | "dodo_refused" | "dodo_unavailable";
export type ApiCheckoutResult = Result<{ session: CheckoutSessionResponse; checkoutId: string }, ApiCheckoutFailure>;

export async function startApiCheckout(body: CheckoutSessionCreateParams, client: DodoPayments = dodo()): Promise<ApiCheckoutResult> {
  const productIds = body.product_cart.map((line) => line.product_id);
  try {
    // The thank-you page shows the product, and the funnel's triggers are our mirror's products.
    await ensureProducts(productIds, client);
  } catch (err) {
    const failure = classifyDodoError(err);
    if (failure.kind === "refused") return fail("unknown_product", `Dodo does not know every product in product_cart (${productIds.join(", ")}).`);
    throw err;
  }
  const dodoCustomerId = body.customer && "customer_id" in body.customer ? body.customer.customer_id : null;
  const known = dodoCustomerId ? await db.customer.findUnique({ where: { dodoCustomerId }, select: { id: true } }) : null;
  const { intentId, returnUrl } = await openCheckoutIntent({ productId: productIds[0]!, customerId: known?.id ?? null, origin: "API" });
  let session: CheckoutSessionResponse;
  try {
    session = await client.checkoutSessions.create(
      {
        ...body,
        return_url: returnUrl,
        // Straight back to Encore unless the merchant asked for Dodo's own success page first.
        feature_flags: { redirect_immediately: true, ...body.feature_flags },
        metadata: { ...body.metadata, ...encoreMetadata({ checkoutIntentId: intentId }) },
      },
      SAFE_CALL_OPTIONS,
    );
  } catch (err) {
    const failure = classifyDodoError(err);
    // Creating a session charges nothing, so an unanswered call is simply not done: retry it.
    if (failure.kind === "refused") return fail("dodo_refused", `Dodo refused the checkout session (${failure.code}): ${failure.message}`);
    log.error({ err }, "api checkout: Dodo did not answer");
    return fail("dodo_unavailable", "Dodo did not answer; no checkout session was made. Please retry.");
  }
  await attachDodoSession(intentId, session.session_id);
  return { ok: true, session, checkoutId: intentId };
}
