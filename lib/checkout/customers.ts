import "server-only";
import { db } from "@/lib/db/client";

export async function customerExists(customerId: string): Promise<boolean> {
  return (await db.customer.count({ where: { id: customerId } })) === 1;
}

/** The newest customer with this email (magic links are minted for them). */
export function customerByEmail(email: string) {
  return db.customer.findFirst({ where: { email: { equals: email, mode: "insensitive" } }, orderBy: { createdAt: "desc" }, select: { id: true, email: true } });
}

/** What the account page lists: products the customer has access to and recent payments. */
export async function accountSummary(customerId: string) {
  const [entitlements, payments, subscriptions] = await Promise.all([
    db.entitlement.findMany({ where: { customerId }, include: { product: { select: { name: true } } }, orderBy: { grantedAt: "desc" } }),
    db.payment.findMany({ where: { customerId }, orderBy: { dodoCreatedAt: "desc" }, take: 10, select: { id: true, status: true, totalAmount: true, currency: true, dodoCreatedAt: true, cardLast4: true } }),
    db.subscription.count({ where: { customerId } }),
  ]);
  return { entitlements, payments, hasSubscriptions: subscriptions > 0 };
}
