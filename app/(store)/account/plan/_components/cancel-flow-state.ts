// State of the cancel flow and the pause/resume/undo buttons, shared by the server actions and the
// client components.
import type { QuoteView } from "@/lib/plans/quote-view";
import type { SaveOfferView } from "@/lib/retention/offer";

export type CancelFlowState =
  | { kind: "idle" }
  /** Reason given: the save offer (null for the holdout, or no offer for the reason) and what cancelling does. */
  | { kind: "offer"; attemptId: string; offer: SaveOfferView | null; cancelTerms: string; error: string | null }
  /** A plan offer's preview from Dodo, to confirm in one click. */
  | { kind: "quote"; attemptId: string; quote: QuoteView; notice: string | null }
  | { kind: "done"; message: string; confirming: boolean }
  | { kind: "error"; message: string };

export type RetentionButtonState = { ok: boolean; message: string; confirming?: boolean } | null;
