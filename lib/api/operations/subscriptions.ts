import "server-only";
import { db } from "@/lib/db/client";
import { ladderPlanOf } from "@/lib/plans/context";
import { byRank, classifyMove, type LadderPlan } from "@/lib/plans/ladder";
import { defineOperation, failure } from "../endpoint";
import { z } from "../zod";
import { customerIdParam, findCustomer, moneySchema } from "./shared";

const planSchema = z
  .object({
    product_id: z.string(),
    name: z.string(),
    rank: z.number().int().openapi({ description: "The merchant's ranking in the ladder; higher is more capable." }),
    price: moneySchema,
    interval: z.enum(["day", "week", "month", "year"]),
    interval_count: z.number().int(),
    current: z.boolean(),
    move: z.enum(["upgrade", "downgrade"]).nullable().openapi({ description: "What moving there from the current plan is; null for the current plan." }),
  })
  .openapi("LadderPlan");

const subscriptionSchema = z
  .object({
    subscription_id: z.string(),
    status: z.enum(["pending", "active", "on_hold", "past_due", "paused", "cancelled", "failed", "expired"]),
    product_id: z.string(),
    product_name: z.string(),
    quantity: z.number().int(),
    recurring: moneySchema,
    next_billing_date: z.string(),
    cancel_at_next_billing_date: z.boolean(),
    scheduled_change: z.object({ product_id: z.string().nullable(), effective_at: z.string().nullable() }).nullable(),
    ladder: z.object({ id: z.string(), name: z.string(), plans: z.array(planSchema) }).nullable().openapi({ description: "The plan ladder the subscription's product is ranked in, lowest first; null if none." }),
  })
  .openapi("Subscription");

const listSchema = z.object({ customer_id: z.string(), items: z.array(subscriptionSchema) }).openapi("SubscriptionList");

export const subscriptionsOperation = defineOperation({
  operationId: "listSubscriptions",
  method: "get",
  path: "/customers/{customer_id}/subscriptions",
  tag: "Subscriptions",
  summary: "A customer's subscriptions and their plan ladders",
  scope: "read",
  params: z.object({ customer_id: customerIdParam }),
  response: listSchema,
  errors: [404],
  run: async ({ params }) => {
    const customer = await findCustomer(params.customer_id);
    if (!customer) return failure(404, "customer_not_found", `Encore has no customer ${params.customer_id} (customers appear with their first Dodo purchase).`);
    const subs = await db.subscription.findMany({
      where: { customerId: customer.id },
      include: { product: { include: { ladder: { include: { products: { where: { archived: false } } } } } } },
      orderBy: { dodoCreatedAt: "asc" },
    });
    const items = subs.map((sub) => {
      const from = ladderPlanOf(sub.product);
      const ladder = sub.product.ladder;
      const plans = ladder && from
        ? byRank(ladder.products.map(ladderPlanOf).filter((p): p is LadderPlan => p !== null && p.currency === sub.currency)).map((plan) => ({
            product_id: plan.productId,
            name: plan.name,
            rank: plan.rank,
            price: { amount: plan.priceAmount, currency: plan.currency },
            interval: plan.interval.toLowerCase() as "day" | "week" | "month" | "year",
            interval_count: plan.intervalCount,
            current: plan.productId === sub.productId,
            move: classifyMove(from, plan!)?.direction ?? null,
          }))
        : [];
      const scheduled = sub.scheduledChange as { productId?: string; effectiveAt?: string } | null;
      return {
        subscription_id: sub.id,
        status: sub.status.toLowerCase() as z.infer<typeof subscriptionSchema>["status"],
        product_id: sub.productId,
        product_name: sub.product.name,
        quantity: sub.quantity,
        recurring: { amount: sub.recurringAmount, currency: sub.currency },
        next_billing_date: sub.nextBillingDate.toISOString(),
        cancel_at_next_billing_date: sub.cancelAtNextBillingDate,
        scheduled_change: scheduled ? { product_id: scheduled.productId ?? null, effective_at: scheduled.effectiveAt ?? null } : null,
        ladder: ladder && from ? { id: ladder.id, name: ladder.name, plans } : null,
      };
    });
    return { ok: true, body: { customer_id: params.customer_id, items } satisfies z.infer<typeof listSchema> };
  },
});
