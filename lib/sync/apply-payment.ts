import "server-only";
import type { Payment } from "dodopayments/resources/payments";
import { upsertCustomer } from "./apply-customer";
import type { Payment as PaymentRow } from "@/lib/generated/prisma/client";
import { upsertDispute } from "./apply-dispute";
import { upsertRefund } from "./apply-refund";
import { lockObject } from "./object-lock";
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
  await lockObject(ctx, payment.payment_id);
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
    const cart = (payment.product_cart ?? []).map((line) => ({ productId: line.product_id, quantity: line.quantity }));
    // One statement (a Prisma upsert is several, and ~3x the CPU): Dodo's fields only, so the
    // refund totals and the impression we derived stay as they are.
    const [written] = await tx.$queryRaw<PaymentRow[]>`
      INSERT INTO "Payment" ("id", "dodoCreatedAt", "customerId", "subscriptionId", "checkoutSessionId", "status", "totalAmount", "currency",
        "productCart", "metadata", "paymentMethodId", "cardLast4", "cardNetwork", "errorCode", "errorMessage", "paymentLink", "billingCountry", "sourceUpdatedAt", "updatedAt")
      VALUES (${payment.payment_id}, ${new Date(payment.created_at)}::timestamp(3), ${customerId}, ${payment.subscription_id ?? null},
        ${payment.checkout_session_id ?? null}, ${status}::"PaymentStatus", ${payment.total_amount}, ${payment.currency},
        ${JSON.stringify(cart)}::jsonb, ${JSON.stringify(payment.metadata ?? {})}::jsonb, ${payment.payment_method_id ?? null},
        ${payment.card_last_four ?? null}, ${payment.card_network ?? null}, ${payment.error_code ?? null}, ${payment.error_message ?? null},
        ${payment.payment_link ?? null}, ${payment.billing?.country ?? null}, ${version}::timestamp(3), ${new Date()}::timestamp(3))
      ON CONFLICT ("id") DO UPDATE SET
        "customerId" = EXCLUDED."customerId", "subscriptionId" = EXCLUDED."subscriptionId", "checkoutSessionId" = EXCLUDED."checkoutSessionId",
        "status" = EXCLUDED."status", "totalAmount" = EXCLUDED."totalAmount", "currency" = EXCLUDED."currency", "productCart" = EXCLUDED."productCart",
        "metadata" = EXCLUDED."metadata", "paymentMethodId" = EXCLUDED."paymentMethodId", "cardLast4" = EXCLUDED."cardLast4",
        "cardNetwork" = EXCLUDED."cardNetwork", "errorCode" = EXCLUDED."errorCode", "errorMessage" = EXCLUDED."errorMessage",
        "paymentLink" = EXCLUDED."paymentLink", "billingCountry" = EXCLUDED."billingCountry", "sourceUpdatedAt" = EXCLUDED."sourceUpdatedAt", "updatedAt" = EXCLUDED."updatedAt"
      RETURNING *`;
    row = written!;
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
