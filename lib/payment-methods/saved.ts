import "server-only";
import type DodoPayments from "dodopayments";
import { db } from "@/lib/db/client";
import type { Payment } from "@/lib/generated/prisma/client";
import { dodo, QUICK_READ_OPTIONS } from "@/lib/dodo/client";
import { brandName, chooseOneClickMethod, type CardSummary } from "./eligibility";
import { logger } from "@/lib/log";

const log = logger("offers");

/**
 * The saved card a one-click offer may charge, or null (then the offer shows hosted checkout).
 * Dodo lists only this customer's methods, so whatever we pick belongs to them.
 */
export async function oneClickCardFor(
  customer: { id: string; dodoCustomerId: string },
  opts: { currency: string; preferredMethodId: string | null; client?: DodoPayments; now?: Date },
): Promise<CardSummary | null> {
  let items;
  try {
    ({ items } = await (opts.client ?? dodo()).customers.retrievePaymentMethods(customer.dodoCustomerId, QUICK_READ_OPTIONS));
  } catch (err) {
    log.error({ err }, "could not list saved payment methods");
    return null;
  }
  const history = await db.payment.findMany({
    where: { customerId: customer.id, paymentMethodId: { in: items.map((i) => i.payment_method_id) }, status: "SUCCEEDED" },
    select: { paymentMethodId: true, currency: true },
    distinct: ["paymentMethodId", "currency"],
  });
  return chooseOneClickMethod(items, {
    now: opts.now ?? new Date(),
    currency: opts.currency,
    preferredMethodId: opts.preferredMethodId,
    knownCurrencies: (id) => history.filter((h) => h.paymentMethodId === id).map((h) => h.currency),
  });
}

/**
 * Brand and last four of a method we already chose: from our payment mirror when it has charged
 * before (no Dodo call), else from Dodo's list.
 */
export async function describeSavedCard(customer: { id: string; dodoCustomerId: string }, paymentMethodId: string): Promise<CardSummary> {
  // Raw: the thank-you page reads it on every render (its budget: bench/journey.ts), and a Prisma
  // model read costs ~3x the CPU of the same SQL.
  const [seen] = await db.$queryRaw<Pick<Payment, "cardLast4" | "cardNetwork">[]>`
    SELECT "cardLast4", "cardNetwork" FROM "Payment"
    WHERE "customerId" = ${customer.id} AND "paymentMethodId" = ${paymentMethodId} AND "cardLast4" IS NOT NULL
    ORDER BY "dodoCreatedAt" DESC LIMIT 1`;
  if (seen?.cardLast4) return { paymentMethodId, brand: brandName(seen.cardNetwork), last4: seen.cardLast4 };
  const item = await dodo()
    .customers.retrievePaymentMethods(customer.dodoCustomerId, QUICK_READ_OPTIONS)
    .then(({ items }) => items.find((i) => i.payment_method_id === paymentMethodId))
    .catch(() => undefined);
  return { paymentMethodId, brand: brandName(item?.card?.card_network), last4: item?.card?.last4_digits ?? "····" };
}
