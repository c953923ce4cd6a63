import "server-only";
import { db } from "@/lib/db/client";
import type { Tx } from "@/lib/db/tx";
import type { CancelAttempt, CancelAttemptStatus, Prisma, SubscriptionAction } from "@/lib/generated/prisma/client";
import { movesInto } from "./rules";

// CancelAttempt writes. Every status change is a compare-and-set on the statuses rules.ts allows
// into the target, so the customer's second tab, the worker and a retried request can race
// without undoing one another (the state machine itself is drawn in rules.ts).

type Client = Tx | typeof db;

export function createAttempt(data: Omit<Prisma.CancelAttemptUncheckedCreateInput, "status" | "id">): Promise<CancelAttempt> {
  return db.cancelAttempt.create({ data: { ...data, status: "OPEN" } });
}

/** Moves the attempt to `to` if its current status allows it; true when this call moved it. */
export async function moveAttempt(client: Client, id: string, to: CancelAttemptStatus, data: Prisma.CancelAttemptUncheckedUpdateManyInput = {}): Promise<boolean> {
  const decided = to === "OPEN" ? { decidedAt: null } : { decidedAt: new Date() };
  const { count } = await client.cancelAttempt.updateMany({ where: { id, status: { in: movesInto(to) } }, data: { ...data, ...decided, status: to } });
  return count === 1;
}

/** The customer's attempt, or null when it is not theirs. */
export function attemptOf(customerId: string, id: string) {
  return db.cancelAttempt.findFirst({ where: { id, customerId }, include: { saveOffer: { include: { targetProduct: true } } } });
}

/** A confirmed action decides the attempt it belongs to: a pause saved it, a cancellation ended it, an undo kept it. */
export async function settleAttemptFromAction(tx: Tx, action: SubscriptionAction): Promise<void> {
  if (action.kind === "UNDO_CANCEL") {
    const cancelled = await tx.cancelAttempt.findFirst({ where: { subscriptionId: action.subscriptionId, status: "CANCELLED" }, orderBy: { startedAt: "desc" } });
    if (cancelled) await moveAttempt(tx, cancelled.id, "KEPT");
    return;
  }
  if (!action.cancelAttemptId) return;
  if (action.kind === "PAUSE") await moveAttempt(tx, action.cancelAttemptId, "SAVED", { actionId: action.id });
  if (action.kind === "CANCEL") await moveAttempt(tx, action.cancelAttemptId, "CANCELLED", { actionId: action.id });
}

/** The save an attempt rode on did not happen: the attempt is open again, so the customer chooses anew. */
export async function reopenSavedAttempt(tx: Tx, actionId: string): Promise<void> {
  const saved = await tx.cancelAttempt.findMany({ where: { actionId, status: "SAVED" }, select: { id: true } });
  for (const a of saved) await moveAttempt(tx, a.id, "OPEN");
}
