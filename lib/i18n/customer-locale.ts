import "server-only";
import { db } from "@/lib/db/client";
import { isLocale, type Locale } from "./locales";

/** Remembers the language a customer uses in the store, for what is written to them later (emails). */
export async function rememberCustomerLocale(customerId: string, locale: Locale): Promise<void> {
  await db.customer.updateMany({ where: { id: customerId, OR: [{ locale: null }, { locale: { not: locale } }] }, data: { locale } });
}

/** The customer's remembered language, or null when they never used the store in one we know. */
export function storedLocale(value: string | null | undefined): Locale | null {
  return isLocale(value) ? value : null;
}
