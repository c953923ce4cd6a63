// State of one subscription's change-plan flow, shared by the server actions and the client form.
import type { QuoteView } from "@/lib/plans/quote-view";

export type FlowState =
  | { kind: "idle" }
  | { kind: "quote"; quote: QuoteView; notice: string | null }
  /** Sent and accepted: applied, scheduled, or still being charged (submitted). */
  | { kind: "done"; message: string; status: "APPLIED" | "SCHEDULED" | "SUBMITTED"; toProductId: string }
  /** Sent, but the payment provider never answered: we are finding out whether it happened. */
  | { kind: "confirming"; message: string; toProductId: string }
  | { kind: "error"; code: string; message: string };

/** `confirming`: the payment provider did not answer; the outcome is being checked. */
export type SimpleState = { ok: boolean; message: string; confirming?: boolean } | null;
