import "server-only";
import { db } from "@/lib/db/client";

// Offers are made in the currency the customer paid in (lib/offers/rules.ts). When a funnel had
// offers for this order but none in that currency, the thank-you page says so instead of saying
// nothing. (Offers priced in several currencies would make this note rarer, not different.)

/** Remembers that the funnel skipped an offer priced in `currency` for this order. */
export async function noteSkippedCurrency(sessionId: string, currency: string): Promise<void> {
  const code = currency.toUpperCase();
  await db.funnelSession.updateMany({ where: { id: sessionId, NOT: { skippedCurrencies: { has: code } } }, data: { skippedCurrencies: { push: code } } });
}

export type CurrencyNote = { orderCurrency: string; offerCurrencies: string[] };

/** Set when offers of this order's funnel exist only in other currencies and none could be shown. */
export async function currencyNote(sessionId: string): Promise<CurrencyNote | null> {
  const session = await db.funnelSession.findUnique({ where: { id: sessionId }, select: { currency: true, skippedCurrencies: true, _count: { select: { impressions: { where: { holdout: false } } } } } });
  if (!session || session.skippedCurrencies.length === 0 || session._count.impressions > 0) return null;
  return { orderCurrency: session.currency.toUpperCase(), offerCurrencies: [...session.skippedCurrencies].sort() };
}
