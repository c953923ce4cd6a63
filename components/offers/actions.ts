// The server actions an offer panel needs, handed in by the page that shows it (components never
// import from app/). Types only: the actions themselves live in app/(store).
import type { AcceptResult } from "@/lib/checkout/one-click";
import type { ChargeView } from "@/lib/checkout/outcome";

export type AcceptState = AcceptResult | null;

export type OfferActions = {
  /** One click: charges the card frozen on the impression (form field impressionId). */
  accept: (previous: AcceptState, form: FormData) => Promise<AcceptState>;
  /** The charge's state while it is processing. */
  status: (impressionId: string) => Promise<ChargeView | null>;
  /** "No thanks" (form field impressionId). */
  decline: (form: FormData) => Promise<void>;
  /** Hosted checkout for the offer (form field impressionId). */
  checkout: (form: FormData) => Promise<void>;
};
