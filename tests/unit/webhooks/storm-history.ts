// A deterministic, realistic history of Dodo events for the storm test: one-time purchases (some
// one-click, some failing, refunded in part or in full, disputed), subscriptions moving up and down
// a ladder, going on hold, recovering and cancelling, and events Encore ignores. The same seed
// yields the same history in any namespace, so two copies can be applied differently and compared.
import type { Dispute } from "dodopayments/resources/disputes";
import type { Payment } from "dodopayments/resources/payments";
import type { Refund } from "dodopayments/resources/refunds";
import type { Subscription } from "dodopayments/resources/subscriptions";
import { payment, refund, subscription, type CustomerRef } from "@/tests/support/dodo-objects";

/** `journey` groups the events of one customer journey; journeys share no Dodo objects. */
export type HistoryEvent = { webhookId: string; journey: number; type: string; at: Date; data: Record<string, unknown> };

export type Catalogue = { oneTime: string[]; ladder: [string, string, string] };

/** A journey's one-click charge attempt, seeded before the history is built. */
export type AttemptSeed = { impressionId: string; attemptId: string };

/** A small seeded PRNG (mulberry32): numbers in [0, 1), the same sequence for the same seed. */
export function mulberry32(seed: number): () => number {
  let a = seed;
  return () => {
    a = (a + 0x6d2b79f5) | 0;
    let t = Math.imul(a ^ (a >>> 15), 1 | a);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4_294_967_296;
  };
}

export type JourneyPlan = { kind: "one_time" | "subscription" | "noise"; customer: number; rolls: number[] };

/** The namespace-free part: which journeys, which customers, which random choices. */
export function planJourneys(seed: number, count: number, customers: number): JourneyPlan[] {
  const rand = mulberry32(seed);
  return Array.from({ length: count }, () => {
    const r = rand();
    const kind = r < 0.5 ? "one_time" : r < 0.9 ? "subscription" : "noise";
    return { kind, customer: Math.floor(rand() * customers), rolls: Array.from({ length: 8 }, rand) };
  });
}

export function customerRef(ns: string, n: number): CustomerRef {
  return { customer_id: `cus_${ns}_${n}`, email: `c${n}.${ns}@example.com`.toLowerCase(), name: `Customer ${n}` };
}

/** Journeys whose purchase is a one-click charge (an attempt must be seeded for them). */
export const isOneClick = (plan: JourneyPlan) => plan.kind === "one_time" && (plan.rolls[4] ?? 1) < 0.6;

export function buildHistory(opts: {
  ns: string;
  plans: JourneyPlan[];
  catalogue: Catalogue;
  attempts: Map<number, AttemptSeed>;
  start: Date;
  limit: number;
}): HistoryEvent[] {
  const { ns, catalogue } = opts;
  const events: HistoryEvent[] = [];
  let clock = opts.start.getTime();
  let journey = 0;
  const emit = (type: string, data: object) => {
    clock += 1000;
    events.push({ webhookId: `msg_${ns}_${events.length}`, journey, type, at: new Date(clock), data: data as Record<string, unknown> });
  };
  const now = () => new Date(clock + 1000).toISOString();

  opts.plans.forEach((plan, j) => {
    journey = j;
    const cus = customerRef(ns, plan.customer);
    const [r0 = 0, r1 = 0, r2 = 0, r3 = 0] = plan.rolls;
    if (plan.kind === "noise") {
      emit(r0 < 0.5 ? "payout.created" : "credit.added", { payload_type: "Payout", payout_id: `po_${ns}_${j}` });
      return;
    }
    if (plan.kind === "one_time") {
      const attempt = opts.attempts.get(j);
      const p: Payment = payment({
        customer: cus,
        payment_id: `pay_${ns}_${j}`,
        created_at: now(),
        total_amount: 5000,
        product_cart: [{ product_id: catalogue.oneTime[Math.floor(r0 * catalogue.oneTime.length)]!, quantity: 1 }],
        metadata: attempt ? { encore_impression_id: attempt.impressionId, encore_charge_attempt_id: attempt.attemptId } : {},
      });
      emit("payment.processing", { ...p, status: "processing", updated_at: now() });
      if (r1 < 0.2) {
        emit("payment.failed", { ...p, status: "failed", error_code: "CARD_DECLINED", error_message: "Declined", updated_at: now() });
        return;
      }
      emit("payment.succeeded", { ...p, status: "succeeded", updated_at: now() });
      const refunds: Refund[] = [];
      const refundOf = (k: number, partial: boolean, amount: number) =>
        refund({ refund_id: `ref_${ns}_${j}_${k}`, payment_id: p.payment_id, customer: cus, is_partial: partial, amount, created_at: now() });
      if (r2 < 0.35) refunds.push(refundOf(0, true, 1500));
      if (r2 >= 0.2 && r2 < 0.5) refunds.push(refundOf(1, false, refunds.length ? 3500 : 5000));
      for (const r of refunds) emit("refund.succeeded", r);
      if (r3 < 0.15) {
        const d: Dispute = { dispute_id: `dsp_${ns}_${j}`, payment_id: p.payment_id, business_id: "bus_test", created_at: now(), amount: "5000", currency: "USD", dispute_stage: "dispute", dispute_status: "dispute_opened" };
        emit("dispute.opened", { payload_type: "Dispute", ...d });
        emit("dispute.challenged", { payload_type: "Dispute", ...d, dispute_status: "dispute_challenged" });
        emit(r3 < 0.07 ? "dispute.won" : "dispute.lost", { payload_type: "Dispute", ...d, dispute_status: r3 < 0.07 ? "dispute_won" : "dispute_lost" });
      }
      return;
    }
    const [basic, pro, max] = catalogue.ladder;
    const periodEnd = new Date(opts.start.getTime() + 30 * 86_400_000).toISOString();
    const s: Subscription = subscription({ customer: cus, subscription_id: `sub_${ns}_${j}`, product_id: basic, created_at: now(), next_billing_date: periodEnd });
    const steps: [string, Partial<Subscription>][] = [
      ["subscription.active", {}],
      ["subscription.renewed", {}],
      ["subscription.plan_changed", { product_id: r0 < 0.5 ? pro : max }],
      ["subscription.on_hold", { status: "on_hold" }],
      ["subscription.updated", { status: "on_hold" }],
      ["subscription.active", { status: "active" }],
      ["subscription.plan_changed", { product_id: basic, status: "active" }],
      [r1 < 0.5 ? "subscription.cancelled" : "subscription.paused", { status: r1 < 0.5 ? "cancelled" : "paused" }],
    ];
    const length = 1 + Math.floor(r2 * steps.length);
    let state: Subscription = s;
    steps.slice(0, length).forEach(([type, change], k) => {
      state = { ...state, ...change };
      emit(type, state);
      if (type === "subscription.renewed") {
        emit("payment.succeeded", payment({ customer: cus, payment_id: `pay_${ns}_${j}_r${k}`, subscription_id: s.subscription_id, created_at: now(), updated_at: now() }));
      }
    });
  });
  return events.slice(0, opts.limit);
}

/** What Dodo's GET /payments/:id returns after the whole history: the last state, with refunds and disputes. */
export function finalPayments(events: HistoryEvent[]): Map<string, Payment> {
  const out = new Map<string, Payment>();
  for (const e of events) {
    if (e.type.startsWith("payment.")) {
      const p = e.data as unknown as Payment;
      const prior = out.get(p.payment_id);
      out.set(p.payment_id, { ...p, refunds: prior?.refunds ?? [], disputes: prior?.disputes ?? [] });
    } else if (e.type.startsWith("refund.") || e.type.startsWith("dispute.")) {
      const paymentId = String(e.data.payment_id);
      const p = out.get(paymentId);
      if (!p) continue;
      if (e.type.startsWith("refund.")) {
        const r = e.data as unknown as Refund;
        p.refunds = [...p.refunds.filter((x) => x.refund_id !== r.refund_id), r];
      } else {
        const d = e.data as unknown as Dispute;
        p.disputes = [...p.disputes.filter((x) => x.dispute_id !== d.dispute_id), d];
      }
    }
  }
  return out;
}
