"use client";
import { useTranslations } from "next-intl";
import { useActionState, useState } from "react";
import { FocusTarget, handOffFocus } from "@/components/focus-handoff";
import type { CancelReason } from "@/lib/generated/prisma/enums";
import { CANCEL_REASONS } from "@/lib/retention/reasons";
import { reasonText } from "@/lib/retention/reason-text";
import { cancelFlowAction } from "../retention-actions";
import type { CancelFlowState } from "./cancel-flow-state";
import { QuotePanel } from "./quote-panel";

const IDLE: CancelFlowState = { kind: "idle" };

const BUTTON = "rounded-lg px-4 py-2 text-sm font-semibold disabled:opacity-50";
const PRIMARY = `${BUTTON} bg-brand-600 text-white hover:bg-brand-700`;
const OUTLINE = `${BUTTON} border border-slate-400 bg-white text-slate-900 hover:bg-slate-50`;

function ReasonLabel({ reason }: { reason: CancelReason }) {
  const t = useTranslations();
  return reasonText(reason, t);
}

/** A one-click form: hidden fields plus one button. */
function Intent({ action, intent, fields, label, className, pending, testId, focusTo }: {
  action: (form: FormData) => void; intent: string; fields: Record<string, string>; label: string; className: string; pending: boolean; testId: string; focusTo: string;
}) {
  const t = useTranslations();
  // The button goes away with the step: focus moves to the outcome, not to <body>.
  return (
    <form action={action} onSubmit={() => handOffFocus([focusTo])}>
      <input type="hidden" name="intent" value={intent} />
      {Object.entries(fields).map(([name, value]) => <input key={name} type="hidden" name={name} value={value} />)}
      <button type="submit" disabled={pending} className={className} data-testid={testId}>{pending ? t("plans.page.working") : label}</button>
    </form>
  );
}

/**
 * Cancel: a short reason step, then the merchant's save offer for that reason (none for the
 * holdout), with "Cancel anyway" always beside it. Every step says what cancelling does.
 */
export function CancelFlow({ subscriptionId, planName, cancelTerms: terms, available, viewState }: { subscriptionId: string; planName: string; cancelTerms: string; available: boolean; viewState: string }) {
  const [state, action, pending] = useActionState(cancelFlowAction, IDLE);
  const [asking, setAsking] = useState(false);
  const t = useTranslations();
  // The outcome stays on screen in the state it led to (cancelling, paused…) and goes once the
  // subscription moves on (undone, resumed), when the flow can start afresh.
  const [doneIn, setDoneIn] = useState<{ state: CancelFlowState; view: string } | null>(null);
  if (state.kind === "done" && doneIn?.state !== state) {
    // Adjusting state while rendering (React's pattern for state derived from a new value).
    setDoneIn({ state, view: viewState });
    setAsking(false);
  }
  const headingId = `cancel-${subscriptionId}`;
  const outcomeId = `cancel-flow:${subscriptionId}`;
  const showDone = state.kind === "done" && (doneIn?.state !== state || doneIn.view === viewState);

  if (state.kind === "done" && showDone) {
    return (
      <FocusTarget id={outcomeId}>
        <p role="status" data-testid="cancel-flow-message" className={`rounded p-3 ${state.confirming ? "bg-amber-50 text-amber-900" : "bg-green-50 text-green-900"}`}>{state.message}</p>
      </FocusTarget>
    );
  }
  // Paused, set to end or being confirmed: the section above says what the customer can do instead.
  if (!available) return null;

  if (state.kind === "offer" || state.kind === "quote") {
    const attempt = { attemptId: state.attemptId };
    // The quote panel's own forms know nothing of the attempt: it is added to what they post.
    const dispatch = action as (form: FormData) => void;
    const withAttempt = (form: FormData) => {
      form.set("attemptId", state.attemptId);
      dispatch(form);
    };
    const cancelTerms = state.kind === "offer" ? state.cancelTerms : null;
    return (
      <div className="space-y-4" aria-labelledby={headingId}>
        <h3 id={headingId} className="sr-only">{t("retention.cancelPlan", { plan: planName })}</h3>
        {state.kind === "offer" && state.error ? <p role="alert" data-testid="cancel-flow-error" className="rounded bg-red-50 p-3 text-red-800">{state.error}</p> : null}
        {state.kind === "offer" && state.offer ? (
          <section data-testid="save-offer" data-kind={state.offer.kind} aria-labelledby={`${headingId}-offer`} className="rounded-xl border-2 border-brand-500 bg-white p-4">
            <h4 id={`${headingId}-offer`} className="text-lg font-semibold">{state.offer.headline}</h4>
            <p className="mt-1 text-sm text-slate-700">{state.offer.body}</p>
            <div className="mt-3">
              <Intent action={action} intent="accept" fields={attempt} label={state.offer.actionLabel} className={PRIMARY} pending={pending} testId="save-offer-accept" focusTo={outcomeId} />
            </div>
          </section>
        ) : null}
        {state.kind === "quote" ? <QuotePanel quote={state.quote} notice={state.notice} pending={pending} action={withAttempt} onConfirm={() => handOffFocus([outcomeId])} /> : null}
        <section data-testid="cancel-confirm" aria-label={t("retention.cancelAnyway")} className="rounded-xl border border-slate-300 bg-white p-4">
          {cancelTerms ? <p className="text-sm text-slate-700" data-testid="cancel-terms">{cancelTerms}</p> : null}
          <div className="mt-3 flex flex-wrap items-center gap-3">
            <Intent action={action} intent="cancel" fields={attempt} label={state.kind === "offer" && !state.offer ? t("retention.cancelMine") : t("retention.cancelAnyway")} className={OUTLINE} pending={pending} testId="cancel-anyway" focusTo={outcomeId} />
            <Intent action={action} intent="keep" fields={attempt} label={t("retention.keep")} className={`${BUTTON} text-slate-700 underline hover:text-slate-900`} pending={pending} testId="cancel-keep" focusTo={outcomeId} />
          </div>
        </section>
      </div>
    );
  }

  if (!asking && (state.kind === "idle" || state.kind === "done")) {
    return (
      <div className="space-y-2">
        <p className="text-sm text-slate-700">{terms}</p>
        <button type="button" onClick={() => setAsking(true)} className={OUTLINE} data-testid="cancel-start">{t("retention.cancelSubscription")}</button>
      </div>
    );
  }

  return (
    <form action={action} className="space-y-4 rounded-xl border border-slate-300 bg-white p-4" aria-labelledby={headingId} data-testid="cancel-reason-step">
      <h3 id={headingId} className="font-semibold">{t("retention.why")}</h3>
      <p className="text-sm text-slate-700">{terms}</p>
      {state.kind === "error" ? <p role="alert" data-testid="cancel-flow-error" className="rounded bg-red-50 p-3 text-red-800">{state.message}</p> : null}
      <input type="hidden" name="subscriptionId" value={subscriptionId} />
      <fieldset>
        <legend className="text-sm text-slate-700">{t("retention.whyHelps")}</legend>
        <div className="mt-2 grid gap-2 sm:grid-cols-2">
          {CANCEL_REASONS.map((reason) => (
            <label key={reason} className="flex items-center gap-2 text-sm">
              <input type="radio" name="reason" value={reason} /> <ReasonLabel reason={reason} />
            </label>
          ))}
        </div>
      </fieldset>
      <div>
        <label htmlFor={`${headingId}-comment`} className="block text-sm text-slate-700">{t("retention.comment")}</label>
        <textarea id={`${headingId}-comment`} name="comment" rows={2} maxLength={1000} className="mt-1 w-full rounded-md border border-slate-400 p-2 text-sm" />
      </div>
      <div className="flex flex-wrap items-center gap-3">
        <button type="submit" name="intent" value="start" disabled={pending} className={PRIMARY} data-testid="cancel-continue">{pending ? t("plans.page.working") : t("retention.continue")}</button>
        <button type="submit" name="intent" value="cancel_now" disabled={pending} className={OUTLINE} data-testid="cancel-now">{t("retention.cancelNow")}</button>
        <button type="button" onClick={() => setAsking(false)} className={`${BUTTON} text-slate-700 underline`}>{t("retention.neverMind")}</button>
      </div>
    </form>
  );
}
