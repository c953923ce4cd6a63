import "server-only";
import type DodoPayments from "dodopayments";
import { db } from "@/lib/db/client";
import { CHARGE_OPTIONS, dodo } from "@/lib/dodo/client";
import type { Result } from "@/lib/result";
import { DEFAULT_LOCALE, type Locale } from "@/lib/i18n/locales";
import { translator } from "@/lib/i18n/translator";
import { notFound, refusalFrom, unavailable, failure, type PlanFailure } from "./results";

/**
 * A Dodo-hosted page where the customer replaces the card of a subscription. Dodo charges what is
 * due (a failed plan-change charge) as soon as the new card is saved, which lifts the hold.
 */
export async function cardUpdateLink(
  input: { customerId: string; subscriptionId: string; returnUrl: string },
  deps: { client?: DodoPayments; locale?: Locale } = {},
): Promise<Result<{ url: string }, PlanFailure["code"]>> {
  const t = translator(deps.locale ?? DEFAULT_LOCALE);
  const sub = await db.subscription.findUnique({ where: { id: input.subscriptionId }, select: { customerId: true } });
  if (!sub || sub.customerId !== input.customerId) return notFound(t);
  try {
    const session = await (deps.client ?? dodo()).subscriptions.updatePaymentMethod(
      input.subscriptionId,
      { payment_method: { type: "new", return_url: input.returnUrl } },
      { ...CHARGE_OPTIONS, timeout: 10_000 },
    );
    return session.payment_link ? { ok: true, url: session.payment_link } : unavailable(t);
  } catch (err) {
    const refusal = refusalFrom(err, t);
    return refusal ? failure(refusal.code, refusal.message) : unavailable(t);
  }
}
