import "server-only";
import { db } from "@/lib/db/client";
import { z } from "../zod";

// Path parameters and pieces the operations share.

/** Customers are named by Dodo's customer id, which the merchant's app knows from Dodo. */
export const customerIdParam = z.string().min(1).max(64).regex(/^[A-Za-z0-9_-]+$/, "must be a Dodo customer id").openapi({ example: "cus_a1b2c3d4e5f6g7h8i9j0k", description: "Dodo's customer id." });
export const productIdParam = z.string().min(1).max(64).regex(/^[A-Za-z0-9_-]+$/, "must be a Dodo product id").openapi({ example: "pdt_a1b2c3d4e5f6g7h8i9j0k", description: "Dodo's product id." });
export const subscriptionIdParam = z.string().min(1).max(64).regex(/^[A-Za-z0-9_-]+$/, "must be a Dodo subscription id").openapi({ example: "sub_a1b2c3d4e5f6g7h8i9j0k", description: "Dodo's subscription id." });

export const moneySchema = z.object({ amount: z.number().int().openapi({ description: "Minor units (cents)." }), currency: z.string().length(3) }).openapi("Money");

export const bundleProductIdsSchema = z.array(z.string()).openapi({
  description: "A bundle (several one-time products sold together at one price, in one payment): every product of it, the offered product_id first, in the order the customer sees them. Empty for a single-product offer.",
});

export function findCustomer(dodoCustomerId: string) {
  return db.customer.findUnique({ where: { dodoCustomerId }, select: { id: true, dodoCustomerId: true, email: true } });
}

export const iso = (d: Date | null) => (d ? d.toISOString() : null);
