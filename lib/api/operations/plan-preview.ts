import "server-only";
import { db } from "@/lib/db/client";
import { previewPlanChange } from "@/lib/plans/quote";
import type { ApiErrorStatus } from "../errors";
import { defineOperation, failure } from "../endpoint";
import { z } from "../zod";
import { moneySchema, productIdParam, subscriptionIdParam } from "./shared";

const previewSchema = z
  .object({
    subscription_id: z.string(),
    to_product_id: z.string(),
    direction: z.enum(["upgrade", "downgrade"]),
    charge_now: moneySchema.openapi({ description: "What Dodo would charge now (tax included)." }),
    tax: z.number().int().nullable(),
    customer_credits: z.number().int().openapi({ description: "Dodo's credit movement in minor units: > 0 credited (downgrade), < 0 used (upgrade)." }),
    scheduled: z.boolean().openapi({ description: "True when the change waits for the next billing date." }),
    effective_at: z.string(),
    new_plan: z.object({ product_id: z.string(), recurring: moneySchema, next_billing_date: z.string() }),
    lines: z.array(z.object({ kind: z.enum(["subscription", "addon", "meter"]), id: z.string(), name: z.string(), quantity: z.number().int(), unit_price: z.number().int(), proration_factor: z.number(), tax: z.number().int().nullable() })),
    summary: z.string().openapi({ description: "The explanation the customer's plan page shows." }),
  })
  .openapi("PlanChangePreview");

// The plan services' failure codes as HTTP statuses.
const STATUS: Record<string, ApiErrorStatus> = {
  not_found: 404,
  same_plan: 422,
  not_in_ladder: 422,
  interval_change_not_allowed: 422,
  inactive: 409,
  pending_change: 409,
  no_card: 422,
  rejected: 422,
  unavailable: 502,
};

export const planPreviewOperation = defineOperation({
  operationId: "previewPlanChange",
  method: "post",
  path: "/subscriptions/{subscription_id}/plan-change-preview",
  tag: "Subscriptions",
  summary: "What a plan change would cost now (Dodo's preview)",
  description: "Asks Dodo to preview moving the subscription to another plan of its ladder, with the merchant's plan-change policy. Nothing is charged or changed.",
  scope: "read",
  params: z.object({ subscription_id: subscriptionIdParam }),
  body: z.object({ product_id: productIdParam }).openapi("PlanChangePreviewRequest"),
  response: previewSchema,
  errors: [404, 409, 422, 502],
  run: async ({ params, body }) => {
    const sub = await db.subscription.findUnique({ where: { id: params.subscription_id }, select: { customerId: true } });
    if (!sub) return failure(404, "subscription_not_found", `Encore has no subscription ${params.subscription_id}.`);
    const result = await previewPlanChange({ customerId: sub.customerId, subscriptionId: params.subscription_id, productId: body.product_id });
    if (!result.ok) return failure(STATUS[result.code] ?? 422, result.code, result.message);
    const { amounts, quote } = result;
    return {
      ok: true,
      body: {
        subscription_id: params.subscription_id,
        to_product_id: amounts.newPlan.productId,
        direction: quote.direction,
        charge_now: { amount: amounts.totalAmount, currency: amounts.currency },
        tax: amounts.tax,
        customer_credits: amounts.customerCredits,
        scheduled: amounts.scheduled,
        effective_at: amounts.effectiveAt,
        new_plan: { product_id: amounts.newPlan.productId, recurring: { amount: amounts.newPlan.recurringAmount, currency: amounts.currency }, next_billing_date: amounts.newPlan.nextBillingDate },
        lines: amounts.lines.map((l) => ({ kind: l.kind, id: l.id, name: l.name, quantity: l.quantity, unit_price: l.unitPrice, proration_factor: l.prorationFactor, tax: l.tax })),
        summary: quote.explanation,
      } satisfies z.infer<typeof previewSchema>,
    };
  },
});
