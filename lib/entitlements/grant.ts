import "server-only";
import type { EntitlementStatus } from "@/lib/generated/prisma/enums";
import type { Payment, Prisma, Subscription } from "@/lib/generated/prisma/client";
import { entitlementStateFor, paymentEntitlementStatus, type EntitlementState } from "./rules";

type Tx = Prisma.TransactionClient;

// Rows are unique on (sourceId, productId) and only ever upserted from the source's stored state,
// so replays and out-of-order events rewrite the same row instead of granting twice.

function cartProductIds(productCart: Prisma.JsonValue): string[] {
  if (!Array.isArray(productCart)) return [];
  return productCart.flatMap((line) =>
    line && typeof line === "object" && !Array.isArray(line) && typeof line.productId === "string" ? [line.productId] : [],
  );
}

/**
 * Converges the entitlements granted by a one-time payment on its stored state. Subscription
 * products in a cart are skipped: their access follows the subscription, not the payment.
 */
export async function convergePaymentEntitlements(tx: Tx, payment: Payment, at: Date): Promise<void> {
  const status = paymentEntitlementStatus(payment);
  const existing = await tx.entitlement.findMany({ where: { sourceId: payment.id } });
  if (status === null) {
    // Not (or no longer) a successful payment: nothing new, and anything granted is withdrawn.
    for (const row of existing.filter((r) => r.status !== "REVOKED")) {
      await tx.entitlement.update({ where: { id: row.id }, data: { status: "REVOKED", revokedAt: at } });
    }
    return;
  }
  const ids = [...new Set(cartProductIds(payment.productCart))];
  const oneTime = await tx.product.findMany({ where: { id: { in: ids }, kind: "ONE_TIME" }, select: { id: true } });
  for (const { id: productId } of oneTime) {
    const row = existing.find((r) => r.productId === productId);
    const revokedAt = status === "REVOKED" ? (row?.revokedAt ?? at) : null;
    if (!row) {
      await tx.entitlement.create({
        data: { customerId: payment.customerId, productId, source: "PAYMENT", sourceId: payment.id, status, grantedAt: at, revokedAt },
      });
    } else if (row.status !== status) {
      await tx.entitlement.update({ where: { id: row.id }, data: { status, revokedAt } });
    }
  }
}

const CLOSED: EntitlementStatus[] = ["ENDED", "REVOKED"];

/**
 * Converges a subscription's entitlements: the current product gets the state its status implies;
 * any other product it held (before a plan change, up or down) has ended.
 */
export async function convergeSubscriptionEntitlements(
  tx: Tx,
  sub: Subscription,
  opts: { now: Date; graceHours: number; at: Date },
): Promise<void> {
  const existing = await tx.entitlement.findMany({ where: { sourceId: sub.id } });
  for (const row of existing) {
    if (row.productId === sub.productId || CLOSED.includes(row.status)) continue;
    await tx.entitlement.update({ where: { id: row.id }, data: { status: "ENDED", endsAt: opts.at } });
  }
  const state: EntitlementState | null = entitlementStateFor(sub, opts.now, opts.graceHours);
  if (!state) return;
  const row = existing.find((r) => r.productId === sub.productId);
  if (!row) {
    await tx.entitlement.create({
      data: { customerId: sub.customerId, productId: sub.productId, source: "SUBSCRIPTION", sourceId: sub.id, grantedAt: opts.at, ...state },
    });
  } else if (row.status !== state.status || row.endsAt?.getTime() !== state.endsAt?.getTime()) {
    await tx.entitlement.update({ where: { id: row.id }, data: { ...state, revokedAt: null } });
  }
}
