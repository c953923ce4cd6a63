import "server-only";
import type { Subscription } from "dodopayments/resources/subscriptions";
import { upsertCustomer } from "./apply-customer";
import { convergeSubscriptionEntitlements } from "@/lib/entitlements/grant";
import { Prisma, type Subscription as SubscriptionRow } from "@/lib/generated/prisma/client";
import type { SubscriptionStatus } from "@/lib/generated/prisma/enums";
import { settlePlanChangesFromSubscription } from "@/lib/plans/plan-change";
import { lockObject } from "./object-lock";
import { subscriptionRank, subscriptionStatusFrom, supersedes } from "./rules";
import type { ApplyContext } from "./types";

const HELD: SubscriptionStatus[] = ["ON_HOLD", "PAST_DUE"];

const isHeld = (status: SubscriptionStatus) => HELD.includes(status);

/**
 * When the current hold began, whatever order the observations arrive in. A hold starts at the
 * earliest held observation after the newest non-held one (holdClearedAt), so an older on_hold
 * arriving late moves the start back, and a late active from before the current hold rules out
 * earlier hold observations. Without any held observation after it, the held state's own version
 * is the best bound we have.
 */
function holdState(
  observed: { status: SubscriptionStatus; at: Date },
  stored: SubscriptionRow | null,
  current: { status: SubscriptionStatus; version: Date },
): { onHoldSince: Date | null; holdClearedAt: Date | null } {
  const previousClear = stored?.holdClearedAt ?? null;
  const holdClearedAt = !isHeld(observed.status) && (!previousClear || observed.at > previousClear) ? observed.at : previousClear;
  if (!isHeld(current.status)) return { onHoldSince: null, holdClearedAt };
  const afterClear = (d: Date) => !holdClearedAt || d > holdClearedAt;
  const starts = [
    ...(stored?.onHoldSince && afterClear(stored.onHoldSince) ? [stored.onHoldSince] : []),
    ...(isHeld(observed.status) && afterClear(observed.at) ? [observed.at] : []),
  ];
  const onHoldSince = starts.length ? new Date(Math.min(...starts.map((d) => d.getTime()))) : current.version;
  return { onHoldSince, holdClearedAt };
}

/** SDK Subscription.discounts ("All stacked discounts applied, ordered by position"); discount_id is its deprecated first entry. */
function discountIdsOf(sub: Subscription): string[] {
  if (sub.discounts) return [...sub.discounts].sort((a, b) => a.position - b.position).map((d) => d.discount_id);
  return sub.discount_id ? [sub.discount_id] : [];
}

function scheduledChangeOf(sub: Subscription): Prisma.InputJsonValue | undefined {
  const change = sub.scheduled_change;
  if (!change) return undefined;
  return { id: change.id, productId: change.product_id, quantity: change.quantity, effectiveAt: change.effective_at };
}

/**
 * subscription.* (and syncSubscription). Subscriptions carry no updated_at, so the version is the
 * envelope timestamp (or the fetch time of a sync). Entitlements follow the stored copy: a
 * plan_changed to a cheaper plan ends the pricier entitlement just as an upgrade ends the cheaper.
 */
export async function applySubscription(ctx: ApplyContext, sub: Subscription): Promise<void> {
  const { tx } = ctx;
  await lockObject(ctx, sub.subscription_id);
  const customerId = await upsertCustomer(tx, sub.customer);
  const status = subscriptionStatusFrom(sub.status);
  // Raw: on this path a Prisma model read costs ~3x the CPU of the same SQL.
  const [stored = null] = await tx.$queryRaw<SubscriptionRow[]>`SELECT * FROM "Subscription" WHERE "id" = ${sub.subscription_id}`;
  const newer = supersedes(
    { version: ctx.observedAt, rank: subscriptionRank(status) },
    stored && { version: stored.sourceUpdatedAt, rank: subscriptionRank(stored.status) },
  );
  const current = newer || !stored ? { status, version: ctx.observedAt } : { status: stored.status, version: stored.sourceUpdatedAt };
  const hold = holdState({ status, at: ctx.observedAt }, stored, current);
  let row = stored;
  if (newer) {
    const scheduled = scheduledChangeOf(sub);
    // One statement (a Prisma upsert is several, and ~3x the CPU).
    const [written] = await tx.$queryRaw<SubscriptionRow[]>`
      INSERT INTO "Subscription" ("id", "dodoCreatedAt", "customerId", "productId", "quantity", "status", "recurringAmount", "currency",
        "nextBillingDate", "previousBillingDate", "cancelAtNextBillingDate", "paymentMethodId", "scheduledChange", "discountIds",
        "onHoldSince", "holdClearedAt", "sourceUpdatedAt", "updatedAt")
      VALUES (${sub.subscription_id}, ${new Date(sub.created_at)}::timestamp(3), ${customerId}, ${sub.product_id}, ${sub.quantity},
        ${status}::"SubscriptionStatus", ${sub.recurring_pre_tax_amount}, ${sub.currency}, ${new Date(sub.next_billing_date)}::timestamp(3),
        ${new Date(sub.previous_billing_date)}::timestamp(3), ${sub.cancel_at_next_billing_date}, ${sub.payment_method_id ?? null},
        ${scheduled === undefined ? null : JSON.stringify(scheduled)}::jsonb, ${discountIdsOf(sub)}::text[],
        ${hold.onHoldSince}::timestamp(3), ${hold.holdClearedAt}::timestamp(3), ${ctx.observedAt}::timestamp(3), ${new Date()}::timestamp(3))
      ON CONFLICT ("id") DO UPDATE SET
        "customerId" = EXCLUDED."customerId", "productId" = EXCLUDED."productId", "quantity" = EXCLUDED."quantity", "status" = EXCLUDED."status",
        "recurringAmount" = EXCLUDED."recurringAmount", "currency" = EXCLUDED."currency", "nextBillingDate" = EXCLUDED."nextBillingDate",
        "previousBillingDate" = EXCLUDED."previousBillingDate", "cancelAtNextBillingDate" = EXCLUDED."cancelAtNextBillingDate",
        "paymentMethodId" = EXCLUDED."paymentMethodId", "scheduledChange" = EXCLUDED."scheduledChange", "discountIds" = EXCLUDED."discountIds",
        "onHoldSince" = EXCLUDED."onHoldSince", "holdClearedAt" = EXCLUDED."holdClearedAt", "sourceUpdatedAt" = EXCLUDED."sourceUpdatedAt",
        "updatedAt" = EXCLUDED."updatedAt"
      RETURNING *`;
    row = written!;
    await ctx.checkpoint();
  } else if (stored && (hold.onHoldSince?.getTime() !== stored.onHoldSince?.getTime() || hold.holdClearedAt?.getTime() !== stored.holdClearedAt?.getTime())) {
    // An older state still tells us when the current hold began or that an earlier one ended.
    row = await tx.subscription.update({ where: { id: stored.id }, data: hold });
    await ctx.checkpoint();
  }
  if (!row) return;
  await convergeSubscriptionEntitlements(tx, row, { now: ctx.now, graceHours: ctx.graceHours, at: ctx.observedAt });
  await settlePlanChangesFromSubscription(tx, row);
}
