import "server-only";
import type DodoPayments from "dodopayments";
import { db } from "@/lib/db/client";
import { dodo } from "@/lib/dodo/client";
import { loadEnv } from "@/lib/env";
import type { ChargeStatus } from "@/lib/generated/prisma/enums";
import { findOurPayment } from "@/lib/reconcile/find-payment";
import { syncPayment } from "@/lib/sync/sync";
import { concludeNotCharged } from "./charge-attempt";

// Resolves a one-click charge whose answer never came (ChargeAttempt UNKNOWN). It never charges:
// it looks for the payment Dodo may have made — the customer's payments since the call, matched
// on our attempt id in their metadata — and converges on it through the sync engine, exactly as a
// webhook would. Only when Dodo still holds no such payment once CHARGE_SETTLE_SECONDS have passed
// since the call (wall time, our clock) does it conclude that nothing was charged.

export type ResolveDeps = { client?: DodoPayments; now?: () => Date; settleMs?: number };

export type ChargeResolution =
  | { kind: "settled"; status: ChargeStatus }
  | { kind: "found"; paymentId: string; status: ChargeStatus }
  | { kind: "not_charged" }
  | { kind: "waiting"; until: Date }
  | { kind: "gone" };

export async function resolveChargeAttempt(attemptId: string, deps: ResolveDeps = {}): Promise<ChargeResolution> {
  const client = deps.client ?? dodo();
  const now = deps.now?.() ?? new Date();
  const settleMs = deps.settleMs ?? loadEnv().CHARGE_SETTLE_SECONDS * 1000;
  const attempt = await db.chargeAttempt.findUnique({ where: { id: attemptId }, include: { impression: { select: { customer: { select: { dodoCustomerId: true } } } } } });
  if (!attempt) return { kind: "gone" };
  // A webhook, the page's own sync or an earlier run got there first.
  if (attempt.status !== "UNKNOWN") return { kind: "settled", status: attempt.status };

  const found = await findOurPayment(
    client,
    { customerId: attempt.impression.customer.dodoCustomerId, calledAt: attempt.createdAt },
    (ids) => ids.chargeAttemptId === attempt.id,
  );
  if (found) {
    await syncPayment(found.payment_id, { dodo: client });
    const settled = await db.chargeAttempt.findUniqueOrThrow({ where: { id: attempt.id }, select: { status: true } });
    return { kind: "found", paymentId: found.payment_id, status: settled.status };
  }
  const until = new Date(attempt.createdAt.getTime() + settleMs);
  if (now < until) return { kind: "waiting", until };
  if (await concludeNotCharged(attempt, now)) return { kind: "not_charged" };
  const latest = await db.chargeAttempt.findUniqueOrThrow({ where: { id: attempt.id }, select: { status: true } });
  return { kind: "settled", status: latest.status };
}
