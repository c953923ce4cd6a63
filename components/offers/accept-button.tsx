"use client";
import { useRouter } from "next/navigation";
import { useTranslations } from "next-intl";
import { useActionState, useEffect, useRef, useState, type FormEvent } from "react";
import type { ChargeView } from "@/lib/checkout/outcome";
import type { AcceptState, OfferActions } from "./actions";
import { ChargeNotice } from "./charge-notice";
import { DeclineButton } from "./decline-button";
import { useOfferClock } from "./countdown";
import { QuantityField, usePriceText } from "./quantity";
import { handOffFocus } from "@/components/focus-handoff";
import { answeredTarget } from "@/components/focus-targets";

/** First poll soon (one-click usually settles in a second), then slower while it waits on Dodo, the bank or the worker. */
const POLL_MS = [800, 800, 1_500, 2_500, 4_000];

const inFlight = (charge: ChargeView | null) => charge !== null && (charge.status === "processing" || charge.status === "confirming" || charge.status === "authenticate");

/**
 * The one-click button ("<label> · <price of the units chosen>"). Pressing it twice (or in two tabs) is safe: the server returns the first
 * charge's outcome. While the outcome is open — processing, being confirmed with Dodo after an
 * unanswered call, or waiting on the customer's bank (3-D Secure) — it polls; once settled it
 * refreshes the page, which then shows the result and the funnel's next step, and focus moves to
 * that result. Once the offer's window has closed it can no longer be pressed.
 */
export function AcceptButton({ impressionId, label, initial, actions, fallbackFocusId }: { impressionId: string; label: string; initial: ChargeView | null; actions: Pick<OfferActions, "accept" | "status" | "checkout" | "decline">; fallbackFocusId: string }) {
  const [state, formAction, pending] = useActionState<AcceptState, FormData>(actions.accept, initial ? { ok: true, charge: initial } : null);
  const [polled, setPolled] = useState<ChargeView | null>(null);
  const polls = useRef(0);
  const router = useRouter();
  const { expired } = useOfferClock();
  const t = useTranslations();
  const charge = polled ?? (state?.ok ? state.charge : null);
  const priceText = usePriceText();

  useEffect(() => {
    if (!charge) return;
    if (!inFlight(charge)) {
      handOffFocus([answeredTarget(impressionId)]);
      router.refresh();
      return;
    }
    const delay = POLL_MS[Math.min(polls.current, POLL_MS.length - 1)];
    const timer = setTimeout(() => {
      polls.current += 1;
      void actions.status(impressionId).then((view) => setPolled(view ?? charge));
    }, delay);
    return () => clearTimeout(timer);
  }, [charge, impressionId, router, actions]);

  const busy = pending || inFlight(charge);
  const closed = expired && !charge;
  // aria-disabled, not disabled, while busy: a disabled button drops keyboard focus to <body>.
  const inert = busy || closed || charge?.status === "succeeded";
  const onSubmit = (event: FormEvent) => {
    if (inert) event.preventDefault();
  };
  // While the bank or the payment provider has the last word, the button gives way to what to do.
  const waiting = charge?.status === "authenticate" || charge?.status === "confirming";
  return (
    <div className="space-y-2">
      {waiting ? null : (
        <form action={formAction} onSubmit={onSubmit}>
          <input type="hidden" name="impressionId" value={impressionId} />
          <QuantityField />
          <button
            type="submit"
            aria-disabled={inert || undefined}
            disabled={closed}
            className="w-full rounded-lg bg-brand-700 px-5 py-3 font-semibold text-white hover:bg-brand-600 disabled:cursor-not-allowed disabled:bg-slate-400 aria-disabled:cursor-wait aria-disabled:opacity-80"
          >
            {busy ? t("offers.processing") : closed ? t("offers.expiredButton") : `${label} · ${priceText}`}
          </button>
        </form>
      )}
      <div role="status" aria-live="polite" className="text-sm" data-testid="offer-status" data-charge={charge?.status ?? ""}>
        {charge ? <ChargeNotice charge={charge} impressionId={impressionId} checkout={actions.checkout} /> : null}
        {state && !state.ok ? <span className="text-red-700">{state.message}</span> : null}
      </div>
      {/* Once a charge is under way its outcome decides the offer: declining is no longer on offer. */}
      {charge || pending ? null : <DeclineButton impressionId={impressionId} decline={actions.decline} fallbackFocusId={fallbackFocusId} />}
    </div>
  );
}
