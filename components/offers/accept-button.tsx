"use client";
import { useRouter } from "next/navigation";
import { useActionState, useEffect, useState, type FormEvent } from "react";
import type { ChargeView } from "@/lib/checkout/outcome";
import type { AcceptState, OfferActions } from "./actions";
import { useOfferClock } from "./countdown";
import { handOffFocus } from "@/components/focus-handoff";
import { answeredTarget } from "@/components/focus-targets";

const POLL_MS = 800;

/**
 * The one-click button. Pressing it twice (or in two tabs) is safe: the server returns the first
 * charge's outcome. While Dodo settles it polls; once settled it refreshes the page, which then
 * shows the result and the funnel's next step, and focus moves to that result. Once the offer's
 * window has closed it can no longer be pressed.
 */
export function AcceptButton({ impressionId, label, initial, actions }: { impressionId: string; label: string; initial: ChargeView | null; actions: Pick<OfferActions, "accept" | "status"> }) {
  const [state, formAction, pending] = useActionState<AcceptState, FormData>(actions.accept, initial ? { ok: true, charge: initial } : null);
  const [polled, setPolled] = useState<ChargeView | null>(null);
  const router = useRouter();
  const { expired } = useOfferClock();
  const charge = polled ?? (state?.ok ? state.charge : null);

  useEffect(() => {
    if (!charge) return;
    if (charge.status !== "processing") {
      handOffFocus([answeredTarget(impressionId)]);
      router.refresh();
      return;
    }
    const timer = setTimeout(() => {
      void actions.status(impressionId).then((view) => setPolled(view ?? { status: "processing" }));
    }, POLL_MS);
    return () => clearTimeout(timer);
  }, [charge, impressionId, router, actions]);

  const busy = pending || charge?.status === "processing";
  const closed = expired && !charge;
  // aria-disabled, not disabled, while busy: a disabled button drops keyboard focus to <body>.
  const inert = busy || closed || charge?.status === "succeeded";
  const onSubmit = (event: FormEvent) => {
    if (inert) event.preventDefault();
  };
  return (
    <form action={formAction} onSubmit={onSubmit} className="space-y-2">
      <input type="hidden" name="impressionId" value={impressionId} />
      <button
        type="submit"
        aria-disabled={inert || undefined}
        disabled={closed}
        className="w-full rounded-lg bg-brand-700 px-5 py-3 font-semibold text-white hover:bg-brand-600 disabled:cursor-not-allowed disabled:bg-slate-400 aria-disabled:cursor-wait aria-disabled:opacity-80"
      >
        {busy ? "Processing…" : closed ? "Offer expired" : label}
      </button>
      <p role="status" aria-live="polite" className="text-sm" data-testid="offer-status">
        {charge?.status === "processing" ? "Processing your payment…" : null}
        {charge?.status === "succeeded" ? "Payment received." : null}
        {charge?.status === "failed" ? <span className="text-red-700">{charge.message}</span> : null}
        {state && !state.ok ? <span className="text-red-700">{state.message}</span> : null}
      </p>
    </form>
  );
}
