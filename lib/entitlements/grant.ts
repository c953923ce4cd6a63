import "server-only";
import { randomUUID } from "node:crypto";
import { cartProductIds } from "@/lib/catalog/cart";
import type { Tx } from "@/lib/db/tx";
import { Prisma, type Payment, type Subscription } from "@/lib/generated/prisma/client";
import { enqueue } from "@/lib/jobs/queue";
import { emitAccessChange } from "@/lib/outbound/payloads";
import { entitlementStateFor, hasAccessAt, paymentEntitlementStatus } from "./rules";

// Rows are unique on (sourceId, productId) and only ever upserted from the source's stored state,
// so replays and out-of-order events rewrite the same row instead of granting twice.
//
// Each convergence is one SQL statement: an INSERT … ON CONFLICT DO UPDATE whose WHERE skips rows
// already in the wanted state, so a repeated event writes nothing. The caller holds the source's
// advisory lock, so the row lock ON CONFLICT takes costs no extra waiting. Ids of rows created
// here are random UUIDs (ids are opaque strings; Prisma would have made cuids).

/**
 * Converges the entitlements granted by a one-time payment on its stored state. Subscription
 * products in a cart are skipped: their access follows the subscription, not the payment.
 */
export async function convergePaymentEntitlements(tx: Tx, payment: Payment, at: Date): Promise<void> {
  const status = paymentEntitlementStatus(payment);
  if (status === null) {
    // Not (or no longer) a successful payment: nothing new, and anything granted is withdrawn.
    await tx.entitlement.updateMany({ where: { sourceId: payment.id, status: { not: "REVOKED" } }, data: { status: "REVOKED", revokedAt: at } });
    await notifyAccessChanges(tx, payment.id, new Date());
    return;
  }
  const productIds = [...new Set(cartProductIds(payment.productCart))];
  if (productIds.length === 0) return;
  const rowIds = productIds.map(() => randomUUID());
  const revokedAt = status === "REVOKED" ? at : null;
  // A row revoked earlier keeps its original revokedAt.
  await tx.$executeRaw`
    INSERT INTO "Entitlement" ("id", "customerId", "productId", "source", "sourceId", "status", "grantedAt", "revokedAt", "updatedAt")
    SELECT cart."rowId", ${payment.customerId}, p."id", 'PAYMENT'::"EntitlementSource", ${payment.id}, ${status}::"EntitlementStatus",
      ${at}::timestamp(3), ${revokedAt}::timestamp(3), ${new Date()}::timestamp(3)
    FROM unnest(${productIds}::text[], ${rowIds}::text[]) AS cart("productId", "rowId")
    JOIN "Product" p ON p."id" = cart."productId" AND p."kind" = 'ONE_TIME'
    ON CONFLICT ("sourceId", "productId") DO UPDATE SET
      "status" = EXCLUDED."status",
      "revokedAt" = CASE WHEN EXCLUDED."status" = 'REVOKED' THEN COALESCE("Entitlement"."revokedAt", EXCLUDED."revokedAt") END,
      "updatedAt" = EXCLUDED."updatedAt"
    WHERE "Entitlement"."status" <> EXCLUDED."status"`;
  await notifyAccessChanges(tx, payment.id, new Date());
}

/**
 * Converges a subscription's entitlements: the current product gets the state its status implies;
 * any other product it held (before a plan change, up or down) has ended.
 */
export async function convergeSubscriptionEntitlements(
  tx: Tx,
  sub: Subscription,
  opts: { now: Date; graceHours: number; at: Date },
): Promise<void> {
  const updatedAt = new Date();
  const endOthers = Prisma.sql`
    UPDATE "Entitlement" SET "status" = 'ENDED', "endsAt" = ${opts.at}::timestamp(3), "updatedAt" = ${updatedAt}::timestamp(3)
    WHERE "sourceId" = ${sub.id} AND "productId" <> ${sub.productId} AND "status" NOT IN ('ENDED', 'REVOKED')`;
  const state = entitlementStateFor(sub, opts.now, opts.graceHours);
  if (!state) {
    await tx.$executeRaw(endOthers);
    await notifyAccessChanges(tx, sub.id, opts.now);
    return;
  }
  // A data-modifying CTE always runs, so both halves happen in one statement.
  await tx.$executeRaw`
    WITH ended AS (${endOthers})
    INSERT INTO "Entitlement" ("id", "customerId", "productId", "source", "sourceId", "status", "grantedAt", "endsAt", "updatedAt")
    VALUES (${randomUUID()}, ${sub.customerId}, ${sub.productId}, 'SUBSCRIPTION', ${sub.id}, ${state.status}::"EntitlementStatus",
      ${opts.at}::timestamp(3), ${state.endsAt}::timestamp(3), ${updatedAt}::timestamp(3))
    ON CONFLICT ("sourceId", "productId") DO UPDATE SET
      "status" = EXCLUDED."status", "endsAt" = EXCLUDED."endsAt", "revokedAt" = NULL, "updatedAt" = EXCLUDED."updatedAt"
    WHERE ("Entitlement"."status", "Entitlement"."endsAt") IS DISTINCT FROM (EXCLUDED."status", EXCLUDED."endsAt")`;
  await notifyAccessChanges(tx, sub.id, opts.now);
}

/** A little after an access's end, so the check runs once it has lapsed. */
const LAPSE_CHECK_DELAY_MS = 1_000;

/**
 * Tells the merchant's app (entitlement.granted / .revoked) about every entitlement of this
 * source whose access now differs from what it was last told, inside the transaction that changed
 * it. Access that ends by itself later (a cancelled period's end, a hold's grace) is checked again
 * by a job queued for that moment. Callers hold the source's dodo-object lock.
 */
export async function notifyAccessChanges(tx: Tx, sourceId: string, now: Date): Promise<void> {
  const rows = await tx.entitlement.findMany({ where: { sourceId } });
  let nextEnd: Date | null = null;
  for (const row of rows) {
    const access = hasAccessAt(row, now);
    if (access && row.endsAt && (!nextEnd || row.endsAt < nextEnd)) nextEnd = row.endsAt;
    if (access === row.notifiedAccess) continue;
    await tx.entitlement.update({ where: { id: row.id }, data: { notifiedAccess: access } });
    await emitAccessChange(tx, { ...row, notifiedAccess: access }, access, now);
  }
  if (nextEnd) {
    await enqueue(tx, "entitlements.notify-lapse", { sourceId }, { jobKey: `entitlement-lapse:${sourceId}`, runAt: new Date(nextEnd.getTime() + LAPSE_CHECK_DELAY_MS) });
  }
}
