"use client";
import { useRouter } from "next/navigation";
import { useActionState, useEffect, useState } from "react";
import type { ChargeView } from "@/lib/checkout/outcome";
import type { AcceptState, OfferActions } from "./actions";

const POLL_MS = 800;

/**
 * The one-click button. Pressing it twice (or in two tabs) is safe: the server returns the first
 * charge's outcome. While Dodo settles it polls; once settled it refreshes the page, which then
 * shows the result and the funnel's next step.
 */
export function AcceptButton({ impressionId, label, initial, actions }: { impressionId: string; label: string; initial: ChargeView | null; actions: Pick<OfferActions, "accept" | "status"> }) {
  const [state, formAction, pending] = useActionState<AcceptState, FormData>(actions.accept, initial ? { ok: true, charge: initial } : null);
  const [polled, setPolled] = useState<ChargeView | null>(null);
  const router = useRouter();
  const charge = polled ?? (state?.ok ? state.charge : null);

  useEffect(() => {
    if (!charge) return;
    if (charge.status !== "processing") {
      router.refresh();
      return;
    }
    const timer = setTimeout(() => {
      void actions.status(impressionId).then((view) => setPolled(view ?? { status: "processing" }));
    }, POLL_MS);
    return () => clearTimeout(timer);
  }, [charge, impressionId, router, actions]);

  const busy = pending || charge?.status === "processing";
  return (
    <form action={formAction} className="space-y-2">
      <input type="hidden" name="impressionId" value={impressionId} />
      <button
        type="submit"
        disabled={busy || charge?.status === "succeeded"}
        className="w-full rounded-lg bg-brand-600 px-5 py-3 font-semibold text-white hover:bg-brand-700 disabled:cursor-wait disabled:opacity-70"
      >
        {busy ? "Processing…" : label}
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
