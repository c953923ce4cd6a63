import "server-only";
import type DodoPayments from "dodopayments";
import { db } from "@/lib/db/client";
import { dodo } from "@/lib/dodo/client";
import { loadEnv } from "@/lib/env";
import type { PlanChangeStatus } from "@/lib/generated/prisma/enums";
import { findOurPayment } from "@/lib/reconcile/find-payment";
import { syncPayment, syncSubscription } from "@/lib/sync/sync";
import { concludeNotApplied } from "./plan-change";

// Resolves a plan change whose change-plan call got no answer (PlanChange UNKNOWN). It never sends
// the change again: it reads the subscription (on the new plan → APPLIED; holding it as its
// scheduled change → SCHEDULED, both through the sync engine) and looks for the payment the change
// would have opened (the customer's payments since the call, matched on our plan-change id in
// their metadata). Only when the subscription is unchanged and no such payment exists once
// PLAN_CHANGE_SETTLE_SECONDS have passed since the call (wall time, our clock) is the change
// concluded not applied, and the customer may choose a plan again.

export type ResolveDeps = { client?: DodoPayments; now?: () => Date; settleMs?: number };

export type PlanChangeResolution =
  | { kind: "settled"; status: PlanChangeStatus; by: "earlier" | "subscription" | "payment" }
  | { kind: "not_applied" }
  | { kind: "waiting"; until: Date }
  | { kind: "gone" };

export async function resolvePlanChange(planChangeId: string, deps: ResolveDeps = {}): Promise<PlanChangeResolution> {
  const client = deps.client ?? dodo();
  const now = deps.now?.() ?? new Date();
  const settleMs = deps.settleMs ?? loadEnv().PLAN_CHANGE_SETTLE_SECONDS * 1000;
  const change = await db.planChange.findUnique({ where: { id: planChangeId }, include: { subscription: { select: { customer: { select: { dodoCustomerId: true } } } } } });
  if (!change) return { kind: "gone" };
  if (change.status !== "UNKNOWN") return { kind: "settled", status: change.status, by: "earlier" };
  const statusNow = async () => (await db.planChange.findUniqueOrThrow({ where: { id: change.id }, select: { status: true } })).status;

  await syncSubscription(change.subscriptionId, { dodo: client });
  const afterSubscription = await statusNow();
  if (afterSubscription !== "UNKNOWN") return { kind: "settled", status: afterSubscription, by: "subscription" };

  const calledAt = change.submittedAt ?? change.updatedAt;
  const found = await findOurPayment(
    client,
    { customerId: change.subscription.customer.dodoCustomerId, subscriptionId: change.subscriptionId, calledAt },
    (ids) => ids.planChangeId === change.id,
  );
  const until = new Date(calledAt.getTime() + settleMs);
  if (found) {
    await syncPayment(found.payment_id, { dodo: client });
    const status = await statusNow();
    // A payment exists, so Dodo did act on the change: never concluded "not applied"; look again later.
    return status === "UNKNOWN" ? { kind: "waiting", until } : { kind: "settled", status, by: "payment" };
  }
  if (now < until) return { kind: "waiting", until };
  if (await concludeNotApplied(change.id)) return { kind: "not_applied" };
  return { kind: "settled", status: await statusNow(), by: "earlier" };
}
