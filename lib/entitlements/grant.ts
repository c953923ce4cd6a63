import "server-only";
import { randomUUID } from "node:crypto";
import { cartQuantities } from "@/lib/catalog/cart";
import type { Tx } from "@/lib/db/tx";
import { Prisma, type Entitlement, type Payment, type Subscription } from "@/lib/generated/prisma/client";
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
//
// The same statement records the access the merchant's app is told of (notifiedAccess) and
// returns each written row with what it was told before and whether any webhook endpoint listens,
// so entitlement.granted / .revoked cost no extra round trip when nothing changed or nobody listens.

/** A row the statement wrote, with the access announced before it and the number of listening endpoints. */
type WrittenRow = Entitlement & { wasNotified: boolean | null; listeners: number };

const before = (sourceId: string) => Prisma.sql`SELECT "id", "notifiedAccess" FROM "Entitlement" WHERE "sourceId" = ${sourceId}`;
const LISTENERS = Prisma.sql`(SELECT count(*)::int FROM "WebhookEndpoint" WHERE "active" AND "eventTypes" && ARRAY['entitlement.granted', 'entitlement.revoked']::text[])`;

/**
 * Converges the entitlements granted by a one-time payment on its stored state. Subscription
 * products in a cart are skipped: their access follows the subscription, not the payment.
 */
export async function convergePaymentEntitlements(tx: Tx, payment: Payment, at: Date): Promise<void> {
  const status = paymentEntitlementStatus(payment);
  if (status === null) {
    // Not (or no longer) a successful payment: nothing new, and anything granted is withdrawn.
    const written = await tx.$queryRaw<WrittenRow[]>`
      WITH before AS (${before(payment.id)}),
      changed AS (
        UPDATE "Entitlement" SET "status" = 'REVOKED', "revokedAt" = ${at}::timestamp(3), "notifiedAccess" = false, "updatedAt" = ${new Date()}::timestamp(3)
        WHERE "sourceId" = ${payment.id} AND "status" <> 'REVOKED' RETURNING *)
      SELECT changed.*, before."notifiedAccess" AS "wasNotified", ${LISTENERS} AS "listeners" FROM changed LEFT JOIN before USING ("id")`;
    await announce(tx, written, new Date());
    return;
  }
  // One row per product, granting as many units as the cart bought.
  const units = cartQuantities(payment.productCart);
  const productIds = [...units.keys()];
  const quantities = productIds.map((id) => units.get(id)!);
  if (productIds.length === 0) return;
  const rowIds = productIds.map(() => randomUUID());
  const revokedAt = status === "REVOKED" ? at : null;
  // A row revoked earlier keeps its original revokedAt.
  const written = await tx.$queryRaw<WrittenRow[]>`
    WITH before AS (${before(payment.id)}),
    up AS (
      INSERT INTO "Entitlement" ("id", "customerId", "productId", "source", "sourceId", "status", "quantity", "grantedAt", "revokedAt", "notifiedAccess", "updatedAt")
      SELECT cart."rowId", ${payment.customerId}, p."id", 'PAYMENT'::"EntitlementSource", ${payment.id}, ${status}::"EntitlementStatus", cart."quantity",
        ${at}::timestamp(3), ${revokedAt}::timestamp(3), ${status === "ACTIVE"}, ${new Date()}::timestamp(3)
      FROM unnest(${productIds}::text[], ${rowIds}::text[], ${quantities}::int[]) AS cart("productId", "rowId", "quantity")
      JOIN "Product" p ON p."id" = cart."productId" AND p."kind" = 'ONE_TIME'
      ON CONFLICT ("sourceId", "productId") DO UPDATE SET
        "status" = EXCLUDED."status",
        "quantity" = EXCLUDED."quantity",
        "revokedAt" = CASE WHEN EXCLUDED."status" = 'REVOKED' THEN COALESCE("Entitlement"."revokedAt", EXCLUDED."revokedAt") END,
        "notifiedAccess" = EXCLUDED."notifiedAccess",
        "updatedAt" = EXCLUDED."updatedAt"
      WHERE ("Entitlement"."status", "Entitlement"."quantity") IS DISTINCT FROM (EXCLUDED."status", EXCLUDED."quantity")
      RETURNING *)
    SELECT up.*, before."notifiedAccess" AS "wasNotified", ${LISTENERS} AS "listeners" FROM up LEFT JOIN before USING ("id")`;
  await announce(tx, written, new Date());
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
    UPDATE "Entitlement" SET "status" = 'ENDED', "endsAt" = ${opts.at}::timestamp(3), "notifiedAccess" = false, "updatedAt" = ${updatedAt}::timestamp(3)
    WHERE "sourceId" = ${sub.id} AND "productId" <> ${sub.productId} AND "status" NOT IN ('ENDED', 'REVOKED')
    RETURNING *`;
  const state = entitlementStateFor(sub, opts.now, opts.graceHours);
  if (!state) {
    const written = await tx.$queryRaw<WrittenRow[]>`
      WITH before AS (${before(sub.id)}), ended AS (${endOthers})
      SELECT ended.*, before."notifiedAccess" AS "wasNotified", ${LISTENERS} AS "listeners" FROM ended LEFT JOIN before USING ("id")`;
    await announce(tx, written, opts.now);
    return;
  }
  // Data-modifying CTEs always run, so both halves happen in one statement.
  const written = await tx.$queryRaw<WrittenRow[]>`
    WITH before AS (${before(sub.id)}), ended AS (${endOthers}),
    up AS (
      INSERT INTO "Entitlement" ("id", "customerId", "productId", "source", "sourceId", "status", "quantity", "grantedAt", "endsAt", "notifiedAccess", "updatedAt")
      VALUES (${randomUUID()}, ${sub.customerId}, ${sub.productId}, 'SUBSCRIPTION', ${sub.id}, ${state.status}::"EntitlementStatus", ${Math.max(1, sub.quantity)},
        ${opts.at}::timestamp(3), ${state.endsAt}::timestamp(3), ${hasAccessAt(state, opts.now)}, ${updatedAt}::timestamp(3))
      ON CONFLICT ("sourceId", "productId") DO UPDATE SET
        "status" = EXCLUDED."status", "quantity" = EXCLUDED."quantity", "endsAt" = EXCLUDED."endsAt", "revokedAt" = NULL, "notifiedAccess" = EXCLUDED."notifiedAccess", "updatedAt" = EXCLUDED."updatedAt"
      WHERE ("Entitlement"."status", "Entitlement"."endsAt", "Entitlement"."quantity") IS DISTINCT FROM (EXCLUDED."status", EXCLUDED."endsAt", EXCLUDED."quantity")
      RETURNING *)
    SELECT w.*, before."notifiedAccess" AS "wasNotified", ${LISTENERS} AS "listeners"
    FROM (SELECT * FROM ended UNION ALL SELECT * FROM up) w LEFT JOIN before USING ("id")`;
  await announce(tx, written, opts.now);
}

/** A little after an access's end, so the check runs once it has lapsed. */
const LAPSE_CHECK_DELAY_MS = 1_000;

function lapseJob(tx: Tx, sourceId: string, endsAt: Date): Promise<void> {
  return enqueue(tx, "entitlements.notify-lapse", { sourceId }, { jobKey: `entitlement-lapse:${sourceId}`, runAt: new Date(endsAt.getTime() + LAPSE_CHECK_DELAY_MS) });
}

/**
 * The webhooks of rows a convergence wrote: granted or revoked where the access differs from what
 * was announced before (a new row had announced nothing). Access that will end by itself (a
 * cancelled period, a hold's grace) is announced by a job queued for that moment.
 */
async function announce(tx: Tx, written: WrittenRow[], now: Date): Promise<void> {
  for (const row of written) {
    if (row.listeners > 0 && row.notifiedAccess !== (row.wasNotified ?? false)) await emitAccessChange(tx, row, row.notifiedAccess, now);
  }
  const ending = written.filter((row) => row.listeners > 0 && row.notifiedAccess && row.endsAt && row.endsAt > now).map((row) => row.endsAt!);
  if (ending.length) await lapseJob(tx, written[0]!.sourceId, new Date(Math.min(...ending.map((d) => d.getTime()))));
}

/**
 * Tells the merchant's app about every entitlement of this source whose access now differs from
 * what it was last told (the lapse job: access that ended by itself changed no row). Callers hold
 * the source's dodo-object lock, as the sync engine does.
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
  if (nextEnd) await lapseJob(tx, sourceId, nextEnd);
}
