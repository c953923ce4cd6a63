import "server-only";
import crypto from "node:crypto";
import type DodoPayments from "dodopayments";
import { signToken, verifyToken } from "@/lib/auth/signed-token";
import { db } from "@/lib/db/client";
import { dodo, SAFE_CALL_OPTIONS } from "@/lib/dodo/client";
import { encoreMetadata } from "@/lib/dodo/metadata";
import { loadEnv } from "@/lib/env";
import type { Result } from "@/lib/result";
import { offerQuantity } from "@/lib/offers/rules";
import { localCurrency, offerCart } from "./one-click";
import { orderOfImpression } from "./order";
import { offerCheckoutAllowed } from "./attempt-view";
import { logger } from "@/lib/log";

const log = logger("checkout");

// A hosted checkout we started: the CheckoutIntent row remembers what was bought and by whom, and
// the return_url carries a signed token naming it, spent once when the customer comes back.
const HOSTED_SESSION_SECONDS = 24 * 60 * 60;

export type ReturnTokenData = { i: string; imp?: string };

export type StartResult = Result<{ url: string }, "not_found" | "expired" | "unavailable" | "in_progress" | "invalid_quantity">;

/**
 * Records a checkout Encore is about to create and signs the return_url that names it: Dodo sends
 * the customer there after paying, and /thank-you/confirm spends it once the payment is verified.
 * The caller creates the Dodo session and stores its id on the intent (attachDodoSession).
 */
export async function openCheckoutIntent(input: { productId: string; customerId: string | null; impressionId?: string; origin: "STORE" | "API" }): Promise<{ intentId: string; returnUrl: string }> {
  const env = loadEnv();
  const intentId = crypto.randomBytes(18).toString("base64url");
  const token = signToken<ReturnTokenData>(env.SESSION_SECRET, "checkout-return", { i: intentId, ...(input.impressionId ? { imp: input.impressionId } : {}) }, HOSTED_SESSION_SECONDS);
  await db.checkoutIntent.create({
    data: { id: intentId, productId: input.productId, customerId: input.customerId, origin: input.origin, expiresAt: new Date(Date.now() + HOSTED_SESSION_SECONDS * 1000) },
  });
  return { intentId, returnUrl: `${env.APP_URL}/thank-you/confirm?token=${encodeURIComponent(token)}` };
}

export async function attachDodoSession(intentId: string, sessionId: string): Promise<void> {
  await db.checkoutIntent.update({ where: { id: intentId }, data: { dodoSessionId: sessionId } });
}

export async function startHostedCheckout(
  input: { productId: string; customer: { id: string; dodoCustomerId: string } | null; impressionId?: string; discountCode?: string | null; cancelPath?: string; quantity?: number; currency?: string; bundleProductIds?: readonly string[] },
  client: DodoPayments = dodo(),
): Promise<StartResult> {
  const product = await db.product.findFirst({ where: { id: input.productId, archived: false }, select: { id: true, currency: true } });
  const extras = input.bundleProductIds ?? [];
  const bundled = extras.length ? await db.product.count({ where: { id: { in: [...extras] }, archived: false } }) : 0;
  if (!product || bundled !== extras.length) return { ok: false, code: "not_found", message: "This product is not available." };
  const { intentId, returnUrl } = await openCheckoutIntent({ productId: product.id, customerId: input.customer?.id ?? null, impressionId: input.impressionId, origin: "STORE" });
  try {
    const session = await client.checkoutSessions.create(
      {
        product_cart: offerCart(product.id, extras, input.quantity ?? 1),
        ...(input.discountCode ? { discount_codes: [input.discountCode] } : {}),
        ...(input.currency ? localCurrency(input.currency, product.currency) : {}),
        ...(input.customer ? { customer: { customer_id: input.customer.dodoCustomerId }, show_saved_payment_methods: true } : {}),
        return_url: returnUrl,
        // Dodo's page links back here ("back" without paying): the product, or the order the offer is for.
        cancel_url: `${loadEnv().APP_URL}${input.cancelPath ?? `/products/${encodeURIComponent(product.id)}`}`,
        // Encore applies offer codes itself; a customer typing a code seen on an offer page would
        // otherwise reuse an offer's discount on a normal purchase.
        feature_flags: { redirect_immediately: true, allow_discount_code: false },
        metadata: encoreMetadata({ checkoutIntentId: intentId, impressionId: input.impressionId }),
      },
      SAFE_CALL_OPTIONS,
    );
    if (!session.checkout_url) throw new Error(`checkout session ${session.session_id} has no checkout_url`);
    await attachDodoSession(intentId, session.session_id);
    return { ok: true, url: session.checkout_url };
  } catch (err) {
    log.error({ err }, "could not start hosted checkout");
    return { ok: false, code: "unavailable", message: "Checkout is unavailable right now. Please try again in a moment." };
  }
}

export type ReturnTokenCheck = { ok: true; intentId: string; impressionId: string | null } | { ok: false };

export function readReturnToken(token: string | null): ReturnTokenCheck {
  const result = verifyToken<ReturnTokenData>(loadEnv().SESSION_SECRET, "checkout-return", token);
  if (!result.ok || typeof result.data.i !== "string") return { ok: false };
  return { ok: true, intentId: result.data.i, impressionId: typeof result.data.imp === "string" ? result.data.imp : null };
}

/** Hosted checkout for an offer the customer was shown (the one-click fallback); theirs only. */
export async function startOfferCheckout(impressionId: string, customer: { id: string; dodoCustomerId: string }, client: DodoPayments = dodo(), requestedQuantity?: number): Promise<StartResult> {
  const impression = await db.offerImpression.findUnique({
    where: { id: impressionId },
    select: { customerId: true, currency: true, priceAmount: true, listPriceAmount: true, discountCode: true, expiresAt: true, bundleProductIds: true, offer: { select: { offeredProductId: true, maxQuantity: true, offeredProduct: { select: { kind: true } } } } },
  });
  if (!impression?.offer || impression.customerId !== customer.id) return { ok: false, code: "not_found", message: "This offer is not available." };
  const quantity = offerQuantity(requestedQuantity, { maxQuantity: impression.bundleProductIds.length ? 1 : impression.offer.maxQuantity, product: impression.offer.offeredProduct });
  if (quantity === null) return { ok: false, code: "invalid_quantity", message: "Choose how many you want from the list." };
  // The offer's window holds for checkout too: its price was only promised until then.
  if (impression.expiresAt <= new Date()) return { ok: false, code: "expired", message: "This offer has expired." };
  // A discounted price without its Dodo code would be charged at list price: never offer that page.
  if (impression.priceAmount !== impression.listPriceAmount && !impression.discountCode) return { ok: false, code: "not_found", message: "This offer is not available." };
  // A one-click charge that may still take money (processing, being confirmed, awaiting the bank) rules out paying twice.
  if (!(await offerCheckoutAllowed(impressionId))) return { ok: false, code: "in_progress", message: "This offer is already being paid for. Please wait for that payment's outcome." };
  // The impression's code makes the hosted page charge the price shown, as one click would.
  const order = await orderOfImpression(impressionId, customer.id);
  const cancelPath = order ? `/thank-you?order=${encodeURIComponent(order)}` : "/account";
  return startHostedCheckout({ productId: impression.offer.offeredProductId, customer, impressionId, discountCode: impression.discountCode, cancelPath, quantity, currency: impression.currency, bundleProductIds: impression.bundleProductIds }, client);
}
