import "server-only";
import type { Payment } from "dodopayments/resources/payments";
import { upsertCustomer } from "./apply-customer";
import type { Payment as PaymentRow } from "@/lib/generated/prisma/client";
import { upsertDispute } from "./apply-dispute";
import { upsertRefund } from "./apply-refund";
import { lock } from "@/lib/db/lock";
import { paymentRank, paymentStatusFrom, supersedes, versionOf } from "./rules";
import { settlePayment } from "./settle-payment";
import type { ApplyContext } from "./types";

/**
 * payment.* (and syncPayment): upsert the payment if this state is newer than ours, record the
 * refunds and disputes it lists, then re-derive attempt, decision, plan change and entitlements.
 * The version is Dodo's updated_at, falling back to when we observed the state.
 */
export async function applyPayment(ctx: ApplyContext, payment: Payment): Promise<void> {
  const { tx } = ctx;
  await lock(tx, "dodo-object", payment.payment_id);
  const customerId = await upsertCustomer(tx, payment.customer);
  const status = paymentStatusFrom(payment.status);
  const version = versionOf(payment.updated_at, ctx.observedAt);
  // Raw: on this path a Prisma model read costs ~3x the CPU of the same SQL.
  const [stored = null] = await tx.$queryRaw<PaymentRow[]>`SELECT * FROM "Payment" WHERE "id" = ${payment.payment_id}`;
  const newer = supersedes(
    { version, rank: paymentRank(status) },
    stored && { version: stored.sourceUpdatedAt, rank: paymentRank(stored.status) },
  );
  let row = stored;
  if (newer) {
    const fields = {
      customerId,
      subscriptionId: payment.subscription_id ?? null,
      checkoutSessionId: payment.checkout_session_id ?? null,
      status,
      totalAmount: payment.total_amount,
      currency: payment.currency,
      productCart: (payment.product_cart ?? []).map((line) => ({ productId: line.product_id, quantity: line.quantity })),
      metadata: payment.metadata ?? {},
      paymentMethodId: payment.payment_method_id ?? null,
      cardLast4: payment.card_last_four ?? null,
      cardNetwork: payment.card_network ?? null,
      errorCode: payment.error_code ?? null,
      errorMessage: payment.error_message ?? null,
      paymentLink: payment.payment_link ?? null,
      billingCountry: payment.billing?.country ?? null,
      sourceUpdatedAt: version,
    };
    row = await tx.payment.upsert({
      where: { id: payment.payment_id },
      create: { id: payment.payment_id, dodoCreatedAt: new Date(payment.created_at), ...fields },
      update: fields,
    });
    await ctx.checkpoint();
  }
  // Refund and dispute rows carry their own forward-only status, so even an older payment
  // payload may safely contribute ones we have not seen.
  const totals = { totalAmount: payment.total_amount, currency: payment.currency };
  for (const refund of payment.refunds ?? []) await upsertRefund(tx, refund, totals);
  for (const dispute of payment.disputes ?? []) await upsertDispute(tx, dispute);
  // Refund rows reference their payment, so one seen for the first time without refunds has none.
  const knownRefunds = !stored && !payment.refunds?.length ? [] : undefined;
  // Not newer means a stored row exists.
  if (row) await settlePayment(ctx, row, knownRefunds);
}
