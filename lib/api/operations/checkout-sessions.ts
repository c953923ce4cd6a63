import "server-only";
import type { CheckoutSessionCreateParams } from "dodopayments/resources/checkout-sessions";
import { startApiCheckout } from "@/lib/checkout/api-checkout";
import { defineOperation, failure } from "../endpoint";
import { z } from "../zod";

// Dodo's own checkout-session body (SDK CheckoutSessionCreateParams), checked here field by field
// for what Encore relies on and passed through to Dodo, which validates the rest (unknown fields
// are kept, so newer Dodo options work). Encore sets return_url itself: that is the point.

const id = z.string().min(1).max(100);
const productLine = z.looseObject({
  product_id: id.openapi({ example: "pdt_a1b2c3d4e5f6g7h8i9j0k" }),
  quantity: z.number().int().min(1).max(10_000),
  addons: z.array(z.object({ addon_id: id, quantity: z.number().int().min(1) })).nullish(),
  amount: z.number().int().min(0).nullish().openapi({ description: "Pay-what-you-want amount (one-time products)." }),
});

const customer = z.union([
  z.looseObject({ customer_id: id }),
  z.looseObject({ email: z.email().max(254), name: z.string().max(200).nullish(), phone_number: z.string().max(40).nullish() }),
]);

const billingAddress = z.looseObject({
  country: z.string().regex(/^[A-Z]{2}$/, "must be an ISO 3166-1 alpha-2 code"),
  city: z.string().max(200).nullish(),
  state: z.string().max(200).nullish(),
  street: z.string().max(500).nullish(),
  zipcode: z.string().max(40).nullish(),
});

export const checkoutSessionBody = z
  .looseObject({
    product_cart: z.array(productLine).min(1, "at least one product is required").max(20, "at most 20 lines"),
    customer: customer.nullish(),
    billing_address: billingAddress.nullish(),
    discount_codes: z.array(z.string().min(1).max(100)).max(20).nullish(),
    metadata: z.record(z.string().max(100), z.string().max(500)).nullish().openapi({ description: "Copied onto the payment; keys starting encore_ are Encore's." }),
    feature_flags: z.record(z.string(), z.boolean()).optional().openapi({ description: "Dodo's checkout feature flags; redirect_immediately defaults to true here." }),
    cancel_url: z.url().max(2000).nullish(),
    confirm: z.boolean().optional(),
  })
  .superRefine((body, ctx) => {
    if ("return_url" in body) ctx.addIssue({ code: "custom", path: ["return_url"], message: "Encore sets return_url to its thank-you page; leave it out." });
    if ("payment_method_id" in body) ctx.addIssue({ code: "custom", path: ["payment_method_id"], message: "saved-card charges have no hosted page to return from (Encore's one-click offers do that after checkout); leave it out." });
    if (body.metadata && Object.keys(body.metadata).some((k) => k.startsWith("encore_"))) ctx.addIssue({ code: "custom", path: ["metadata"], message: "keys starting with encore_ are reserved" });
  })
  .openapi("CheckoutSessionRequest", { description: "Dodo's checkout-session body (see Dodo's API reference), without return_url and payment_id." });

const sessionResponse = z
  .looseObject({
    session_id: z.string().openapi({ example: "cks_a1b2c3d4e5f6g7h8i9j0k" }),
    checkout_url: z.string().nullable().openapi({ description: "Send the customer here." }),
    encore_checkout_id: z.string().openapi({ description: "Encore's id of this checkout (in the payment's metadata as encore_checkout_intent_id)." }),
  })
  .openapi("CheckoutSession");

export const checkoutSessionsOperation = defineOperation({
  operationId: "createCheckoutSession",
  method: "post",
  path: "/checkout-sessions",
  tag: "Checkout",
  summary: "Create a Dodo checkout session that returns to Encore's thank-you page",
  description: "The body is Dodo's own checkout-session body, validated and passed to Dodo with Encore's return_url, so the customer lands on Encore's thank-you page and its post-purchase funnel after paying.",
  scope: "write",
  body: checkoutSessionBody,
  response: sessionResponse,
  successStatus: 201,
  errors: [422, 502],
  run: async ({ body }) => {
    const result = await startApiCheckout(body as unknown as CheckoutSessionCreateParams);
    if (!result.ok) return failure(result.code === "dodo_unavailable" ? 502 : 422, result.code, result.message);
    return { ok: true, status: 201, body: { ...result.session, checkout_url: result.session.checkout_url ?? null, encore_checkout_id: result.checkoutId } };
  },
});
