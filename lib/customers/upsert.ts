import "server-only";
import type { CustomerLimitedDetails } from "dodopayments/resources/payments";
import type { Prisma } from "@/lib/generated/prisma/client";

/**
 * Returns our Customer id for a Dodo customer, creating or refreshing the row. Inserts with
 * ON CONFLICT DO NOTHING and updates only on a real change, so concurrent events for one customer
 * don't queue on a row lock they don't need.
 */
export async function upsertCustomer(tx: Prisma.TransactionClient, customer: CustomerLimitedDetails): Promise<string> {
  const existing = await tx.customer.findUnique({ where: { dodoCustomerId: customer.customer_id } });
  if (!existing) {
    await tx.customer.createMany({
      data: [{ dodoCustomerId: customer.customer_id, email: customer.email, name: customer.name || null }],
      skipDuplicates: true,
    });
    const row = await tx.customer.findUniqueOrThrow({ where: { dodoCustomerId: customer.customer_id }, select: { id: true } });
    return row.id;
  }
  const name = customer.name || null;
  if (existing.email !== customer.email || existing.name !== name) {
    await tx.customer.update({ where: { id: existing.id }, data: { email: customer.email, name } });
  }
  return existing.id;
}
