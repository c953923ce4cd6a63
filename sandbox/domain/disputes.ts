import type { Dispute, DisputeListResponse, DisputeStage, DisputeStatus, GetDispute } from "dodopayments/resources/index";
import type { SandboxCore } from "../core";
import { invalid, notFound } from "../http/errors";
import { createdWithin, newestFirst } from "../http/input";
import { newId } from "../ids";
import type { DisputeRecord } from "../state/types";
import { emitDispute } from "./events";
import { getPaymentRecord } from "./payments";
import { customerDetails } from "./serialize";

/**
 * Disputes. Dodo's API only reads them (SDK `disputes.list` / `disputes.retrieve`): a customer's
 * bank opens one and Dodo runs it, so the sandbox opens and moves them from the control plane
 * (`POST /_sandbox/disputes`, `POST /_sandbox/disputes/{id}`), emitting the `dispute.*` webhook of
 * each status (SDK WebhookEventType; payload `GetDispute` + `payload_type: "Dispute"`). The amount is
 * a string (SDK) in minor units, like every other Dodo amount; that unit is UNCONFIRMED.
 */

const EVENT_OF: Record<DisputeStatus, "dispute.opened" | "dispute.expired" | "dispute.accepted" | "dispute.cancelled" | "dispute.challenged" | "dispute.won" | "dispute.lost"> = {
  dispute_opened: "dispute.opened",
  dispute_expired: "dispute.expired",
  dispute_accepted: "dispute.accepted",
  dispute_cancelled: "dispute.cancelled",
  dispute_challenged: "dispute.challenged",
  dispute_won: "dispute.won",
  dispute_lost: "dispute.lost",
};

/** Statuses a dispute ends in; from them it does not move again. */
const FINAL: ReadonlySet<DisputeStatus> = new Set(["dispute_expired", "dispute_accepted", "dispute_cancelled", "dispute_won", "dispute_lost"]);

export function getDisputeRecord(core: SandboxCore, disputeId: string): DisputeRecord {
  const record = core.state.disputes[disputeId];
  if (!record) throw notFound("Dispute", disputeId);
  return record;
}

export function getDispute(core: SandboxCore, record: DisputeRecord): GetDispute {
  const payment = getPaymentRecord(core, record.payment_id);
  return {
    amount: String(record.amount),
    brand_id: core.state.brand_id,
    business_id: core.state.business_id,
    created_at: record.created_at,
    currency: payment.currency,
    customer: customerDetails(core, payment.customer_id),
    dispute_id: record.dispute_id,
    dispute_stage: record.stage,
    dispute_status: record.status,
    payment_id: record.payment_id,
    payment_provider: "dodo",
    is_resolved_by_rdr: false,
    reason: record.reason,
    remarks: record.remarks,
  } satisfies Required<GetDispute>;
}

/** The shape a Payment lists its disputes in (`Payment.disputes`). */
export function disputeOfPayment(core: SandboxCore, record: DisputeRecord): Dispute {
  const full = getDispute(core, record);
  return {
    amount: full.amount, business_id: full.business_id, created_at: full.created_at, currency: full.currency, dispute_id: full.dispute_id,
    dispute_stage: full.dispute_stage, dispute_status: full.dispute_status, payment_id: full.payment_id,
    is_resolved_by_rdr: full.is_resolved_by_rdr ?? null, remarks: full.remarks ?? null,
  } satisfies Required<Dispute>;
}

export function openDispute(core: SandboxCore, input: { payment_id: string; amount?: number; reason?: string | null; stage?: DisputeStage }): GetDispute {
  const payment = getPaymentRecord(core, input.payment_id);
  if (payment.status !== "succeeded") throw invalid(`Payment ${payment.payment_id} is ${payment.status}; only a succeeded payment can be disputed`);
  const amount = input.amount ?? payment.total_amount;
  if (!Number.isInteger(amount) || amount < 1 || amount > payment.total_amount) throw invalid(`amount must be between 1 and ${payment.total_amount}`);
  const record: DisputeRecord = {
    seq: core.nextSeq(),
    dispute_id: newId("dsp"),
    payment_id: payment.payment_id,
    amount,
    created_at: core.now(),
    stage: input.stage ?? "dispute",
    status: "dispute_opened",
    reason: input.reason ?? null,
    remarks: null,
  };
  core.state.disputes[record.dispute_id] = record;
  core.changed();
  emitDispute(core, "dispute.opened", record);
  return getDispute(core, record);
}

export function moveDispute(core: SandboxCore, disputeId: string, input: { status: DisputeStatus; stage?: DisputeStage; remarks?: string | null }): GetDispute {
  const record = getDisputeRecord(core, disputeId);
  if (FINAL.has(record.status)) throw invalid(`Dispute ${disputeId} already ended (${record.status})`);
  if (input.status === "dispute_opened") throw invalid("A dispute is opened once; choose where it goes next");
  record.status = input.status;
  if (input.stage) record.stage = input.stage;
  if (input.remarks !== undefined) record.remarks = input.remarks;
  core.changed();
  emitDispute(core, EVENT_OF[record.status], record);
  return getDispute(core, record);
}

export function disputesOfPayment(core: SandboxCore, paymentId: string): DisputeRecord[] {
  return Object.values(core.state.disputes).filter((d) => d.payment_id === paymentId).sort((a, b) => a.seq - b.seq);
}

export function listDisputes(core: SandboxCore, query: URLSearchParams): DisputeListResponse[] {
  const customerId = query.get("customer_id");
  const stage = query.get("dispute_stage");
  const status = query.get("dispute_status");
  return newestFirst(Object.values(core.state.disputes))
    .filter((d) => !customerId || core.state.payments[d.payment_id]?.customer_id === customerId)
    .filter((d) => !stage || d.stage === stage)
    .filter((d) => !status || d.status === status)
    .filter((d) => createdWithin(query, d.created_at))
    .map((d) => {
      const full = getDispute(core, d);
      return {
        amount: full.amount, business_id: full.business_id, created_at: full.created_at, currency: full.currency, dispute_id: full.dispute_id,
        dispute_stage: full.dispute_stage, dispute_status: full.dispute_status, payment_id: full.payment_id, payment_provider: full.payment_provider,
        is_resolved_by_rdr: full.is_resolved_by_rdr ?? null,
      } satisfies Required<DisputeListResponse>;
    });
}
