import "server-only";
import { db } from "@/lib/db/client";
import { listEntitlements } from "@/lib/entitlements/service";
import { defineOperation, failure } from "../endpoint";
import { z } from "../zod";
import { customerIdParam, findCustomer, iso, productIdParam } from "./shared";

const entitlementSchema = z
  .object({
    id: z.string(),
    status: z.enum(["active", "grace", "suspended", "revoked", "ended"]).openapi({ description: "As of now (a lapsed period reads ended)." }),
    source: z.enum(["payment", "subscription"]),
    source_id: z.string().openapi({ description: "The Dodo payment or subscription that grants it." }),
    quantity: z.number().int().openapi({ description: "Units it grants: the payment's quantity of the product, or the subscription's." }),
    granted_at: z.string(),
    ends_at: z.string().nullable(),
  })
  .openapi("Entitlement");

const accessSchema = z
  .object({
    customer_id: z.string(),
    product_id: z.string(),
    has_access: z.boolean().openapi({ description: "May this customer use this product right now?" }),
    units: z.number().int().openapi({ description: "Units the customer may use now: the quantities of the entitlements with access, added up." }),
    entitlements: z.array(entitlementSchema),
  })
  .openapi("Access");

export const accessOperation = defineOperation({
  operationId: "getAccess",
  method: "get",
  path: "/customers/{customer_id}/access/{product_id}",
  tag: "Entitlements",
  summary: "May this customer use this product now?",
  description: "Answers from verified Dodo state (webhooks and syncs), never from a return URL. A customer Encore has never seen has no access.",
  scope: "read",
  params: z.object({ customer_id: customerIdParam, product_id: productIdParam }),
  response: accessSchema,
  errors: [404],
  run: async ({ params }) => {
    const product = await db.product.findUnique({ where: { id: params.product_id }, select: { id: true } });
    if (!product) return failure(404, "product_not_found", `No product ${params.product_id} in Encore's catalogue (synced from Dodo).`);
    const customer = await findCustomer(params.customer_id);
    const rows = customer ? (await listEntitlements({ customerId: customer.id })).filter((e) => e.productId === product.id) : [];
    return {
      ok: true,
      body: {
        customer_id: params.customer_id,
        product_id: product.id,
        has_access: rows.some((e) => e.hasAccess),
        units: rows.filter((e) => e.hasAccess).reduce((n, e) => n + e.quantity, 0),
        entitlements: rows.map((e) => ({
          id: e.id,
          status: e.effective.toLowerCase() as z.infer<typeof entitlementSchema>["status"],
          source: e.source.toLowerCase() as "payment" | "subscription",
          source_id: e.sourceId,
          quantity: e.quantity,
          granted_at: e.grantedAt.toISOString(),
          ends_at: iso(e.endsAt),
        })),
      } satisfies z.infer<typeof accessSchema>,
    };
  },
});
