"use client";
import { useActionState } from "react";
import type { RetentionView } from "@/lib/retention/views";
import { pauseAction, resumeAction, undoCancelAction } from "../retention-actions";
import type { RetentionButtonState } from "./cancel-flow-state";
import { CancelFlow } from "./cancel-flow";
import { RefreshWhileProcessing } from "@/components/refresh-while-processing";

const BUTTON = "rounded-lg px-4 py-2 text-sm font-semibold disabled:opacity-50";

function Outcome({ state, testId }: { state: RetentionButtonState; testId: string }) {
  if (!state) return null;
  const tone = !state.ok ? "bg-red-50 text-red-800" : state.confirming ? "bg-amber-50 text-amber-900" : "bg-green-50 text-green-900";
  return <p role={state.ok ? "status" : "alert"} data-testid={testId} className={`mt-2 rounded p-2 text-sm ${tone}`}>{state.message}</p>;
}

type Dispatch = (form: FormData) => void;

function PauseForm({ view, action, pending }: { view: RetentionView; action: Dispatch; pending: boolean }) {
  const unit = view.billingInterval ?? "billing cycle";
  return (
    <form action={action} className="space-y-2" data-testid="pause-form">
      <input type="hidden" name="subscriptionId" value={view.subscriptionId} />
      <h3 className="font-semibold">Pause</h3>
      <p className="text-sm text-slate-700">{view.pauseTerms}</p>
      <div className="flex flex-wrap items-end gap-3">
        <div>
          <label htmlFor={`pause-cycles-${view.subscriptionId}`} className="block text-sm text-slate-700">Pause for</label>
          <select id={`pause-cycles-${view.subscriptionId}`} name="cycles" defaultValue="1" className="mt-1 rounded-md border border-slate-400 bg-white p-2 text-sm">
            {[1, 2, 3].map((n) => <option key={n} value={n}>{n} {unit}{n > 1 ? "s" : ""}</option>)}
            <option value="open">Until I resume</option>
          </select>
        </div>
        <button type="submit" disabled={pending} className={`${BUTTON} border border-slate-400 bg-white hover:bg-slate-50`} data-testid="pause-submit">{pending ? "Working…" : "Pause subscription"}</button>
      </div>
    </form>
  );
}

function OneButton({ action, pending, subscriptionId, label, testId }: { action: Dispatch; pending: boolean; subscriptionId: string; label: string; testId: string }) {
  return (
    <form action={action} className="mt-2">
      <input type="hidden" name="subscriptionId" value={subscriptionId} />
      <button type="submit" disabled={pending} className={`${BUTTON} bg-brand-600 text-white hover:bg-brand-700`} data-testid={testId}>{pending ? "Working…" : label}</button>
    </form>
  );
}

/** "Pause or cancel" for one subscription: its state, the choices it has, and what each does. */
export function RetentionSection({ view }: { view: RetentionView }) {
  const headingId = `retention-${view.subscriptionId}`;
  const available = view.state === "active" && !view.confirming;
  // Held here, not in the buttons: a button goes when the subscription changes state, its outcome stays.
  const [paused, pause, pausing] = useActionState(pauseAction, null);
  const [resumed, resume, resuming] = useActionState(resumeAction, null);
  const [kept, keep, keeping] = useActionState(undoCancelAction, null);
  const a = (dispatch: unknown) => dispatch as Dispatch;
  return (
    <section aria-labelledby={headingId} className="space-y-4 rounded-lg border border-slate-200 bg-slate-50 p-4" data-testid="retention" data-state={view.state}>
      <h2 id={headingId} className="text-lg font-semibold">Pause or cancel</h2>
      {view.confirming ? (
        <p role="status" data-testid="retention-confirming" className="rounded bg-amber-50 p-3 text-amber-900">
          {view.confirming}
          <RefreshWhileProcessing />
        </p>
      ) : null}
      {view.problem ? <p role="alert" data-testid="retention-problem" className="rounded bg-red-50 p-3 text-red-800">{view.problem}</p> : null}
      {view.paused ? (
        <div data-testid="retention-paused">
          <p>
            <strong>Paused since {view.paused.since}.</strong> You are not being charged and your access to {view.planName} is suspended.
            {view.paused.resumesOn ? ` It resumes automatically on ${view.paused.resumesOn}.` : " It stays paused until you resume it."}
          </p>
          <p className="mt-1 text-sm text-slate-700">{view.paused.resumeNowTerms}</p>
          <OneButton action={a(resume)} pending={resuming} subscriptionId={view.subscriptionId} label="Resume now" testId="resume-now" />
        </div>
      ) : null}
      {view.cancelling ? (
        <div data-testid="retention-cancelling">
          <p><strong>Your subscription ends on {view.cancelling.endsOn}.</strong></p>
          <p className="mt-1 text-sm text-slate-700">{view.cancelling.terms}</p>
          <OneButton action={a(keep)} pending={keeping} subscriptionId={view.subscriptionId} label="Keep my subscription" testId="undo-cancel" />
        </div>
      ) : null}
      {/* Each outcome belongs to the state it led to; a stale one never sits beside the current state. */}
      {view.state === "paused" ? <Outcome state={paused} testId="pause-message" /> : null}
      {view.state === "active" ? <Outcome state={resumed} testId="resume-now-message" /> : null}
      {view.state === "active" ? <Outcome state={kept} testId="undo-cancel-message" /> : null}
      {available ? <PauseForm view={view} action={a(pause)} pending={pausing} /> : null}
      <div className="space-y-2">
        {available ? <h3 className="font-semibold">Cancel</h3> : null}
        {/* Stays mounted when the subscription leaves "active", so the flow's outcome stays on screen. */}
        <CancelFlow subscriptionId={view.subscriptionId} planName={view.planName} cancelTerms={view.cancelTerms} available={available} viewState={view.state} />
      </div>
      {view.state === "unavailable" ? <p className="text-sm text-slate-700">Pausing and cancelling are available while your subscription is active. If it is on hold, update your card first.</p> : null}
    </section>
  );
}
