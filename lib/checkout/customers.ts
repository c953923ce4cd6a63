import "server-only";
import { cartProductIds } from "@/lib/catalog/cart";
import { db } from "@/lib/db/client";
import { DEFAULT_LOCALE, type Locale } from "@/lib/i18n/locales";
import { translator } from "@/lib/i18n/translator";
import { paymentStatusLabel } from "./payment-label";

export async function customerExists(customerId: string): Promise<boolean> {
  return (await db.customer.count({ where: { id: customerId } })) === 1;
}

/** The newest customer with this email (magic links are minted for them). */
export function customerByEmail(email: string) {
  return db.customer.findFirst({ where: { email: { equals: email, mode: "insensitive" } }, orderBy: { createdAt: "desc" }, select: { id: true, email: true } });
}

/** What the account page lists: products the customer has access to and recent payments, each with what it paid for. */
export async function accountSummary(customerId: string, locale: Locale = DEFAULT_LOCALE) {
  const [entitlements, rows, subscriptions] = await Promise.all([
    db.entitlement.findMany({ where: { customerId }, include: { product: { select: { name: true } } }, orderBy: { grantedAt: "desc" } }),
    db.payment.findMany({
      where: { customerId },
      orderBy: { dodoCreatedAt: "desc" },
      take: 10,
      select: { id: true, status: true, totalAmount: true, currency: true, refundState: true, refundedAmount: true, dodoCreatedAt: true, cardLast4: true, productCart: true, subscriptionId: true },
    }),
    db.subscription.findMany({ where: { customerId }, select: { id: true, product: { select: { name: true } } } }),
  ]);
  const productIds = [...new Set(rows.flatMap((p) => cartProductIds(p.productCart)))];
  const products = new Map((await db.product.findMany({ where: { id: { in: productIds } }, select: { id: true, name: true } })).map((p) => [p.id, p.name]));
  const plans = new Map(subscriptions.map((s) => [s.id, s.product.name]));
  const payments = rows.map(({ productCart, ...p }) => {
    const t = translator(locale);
    const names = cartProductIds(productCart).map((id) => products.get(id) ?? t("account.payment.productGone"));
    if (p.subscriptionId) names.push(plans.get(p.subscriptionId) ?? t("account.payment.yourSubscription"));
    return { ...p, description: names.join(", ") || t("account.payment.payment"), statusLabel: paymentStatusLabel(p, locale) };
  });
  return { entitlements, payments, hasSubscriptions: subscriptions.length > 0 };
}
