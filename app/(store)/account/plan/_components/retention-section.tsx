"use client";
import { useLocale, useTranslations } from "next-intl";
import { useActionState } from "react";
import { intervalLabel } from "@/lib/catalog/format";
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
  const t = useTranslations();
  const locale = useLocale();
  // "1 month", "2 months" ("1 mês", "2 meses"); "1 billing cycle" when the plan has no interval.
  const length = (n: number) => {
    if (!view.billingInterval) return t("retention.cycles", { count: n });
    return n === 1 ? `1 ${intervalLabel(view.billingInterval, 1, locale)}` : intervalLabel(view.billingInterval, n, locale);
  };
  return (
    <form action={action} className="space-y-2" data-testid="pause-form">
      <input type="hidden" name="subscriptionId" value={view.subscriptionId} />
      <h3 className="font-semibold">{t("retention.pause")}</h3>
      <p className="text-sm text-slate-700">{view.pauseTerms}</p>
      <div className="flex flex-wrap items-end gap-3">
        <div>
          <label htmlFor={`pause-cycles-${view.subscriptionId}`} className="block text-sm text-slate-700">{t("retention.pauseFor")}</label>
          <select id={`pause-cycles-${view.subscriptionId}`} name="cycles" defaultValue="1" className="mt-1 rounded-md border border-slate-400 bg-white p-2 text-sm">
            {[1, 2, 3].map((n) => <option key={n} value={n}>{length(n)}</option>)}
            <option value="open">{t("retention.untilResume")}</option>
          </select>
        </div>
        <button type="submit" disabled={pending} className={`${BUTTON} border border-slate-400 bg-white hover:bg-slate-50`} data-testid="pause-submit">{pending ? t("plans.page.working") : t("retention.pauseSubmit")}</button>
      </div>
    </form>
  );
}

function OneButton({ action, pending, subscriptionId, label, testId }: { action: Dispatch; pending: boolean; subscriptionId: string; label: string; testId: string }) {
  const t = useTranslations();
  return (
    <form action={action} className="mt-2">
      <input type="hidden" name="subscriptionId" value={subscriptionId} />
      <button type="submit" disabled={pending} className={`${BUTTON} bg-brand-600 text-white hover:bg-brand-700`} data-testid={testId}>{pending ? t("plans.page.working") : label}</button>
    </form>
  );
}

/** "Pause or cancel" for one subscription: its state, the choices it has, and what each does. */
export function RetentionSection({ view }: { view: RetentionView }) {
  const t = useTranslations();
  const headingId = `retention-${view.subscriptionId}`;
  const available = view.state === "active" && !view.confirming;
  // Held here, not in the buttons: a button goes when the subscription changes state, its outcome stays.
  const [paused, pause, pausing] = useActionState(pauseAction, null);
  const [resumed, resume, resuming] = useActionState(resumeAction, null);
  const [kept, keep, keeping] = useActionState(undoCancelAction, null);
  const a = (dispatch: unknown) => dispatch as Dispatch;
  return (
    <section aria-labelledby={headingId} className="space-y-4 rounded-lg border border-slate-200 bg-slate-50 p-4" data-testid="retention" data-state={view.state}>
      <h2 id={headingId} className="text-lg font-semibold">{t("retention.title")}</h2>
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
            <strong>{t("retention.pausedSince", { date: view.paused.since })}</strong> {t("retention.pausedAccess", { plan: view.planName })}{" "}
            {view.paused.resumesOn ? t("retention.resumesOn", { date: view.paused.resumesOn }) : t("retention.staysPaused")}
          </p>
          <p className="mt-1 text-sm text-slate-700">{view.paused.resumeNowTerms}</p>
          <OneButton action={a(resume)} pending={resuming} subscriptionId={view.subscriptionId} label={t("retention.resumeNow")} testId="resume-now" />
        </div>
      ) : null}
      {view.cancelling ? (
        <div data-testid="retention-cancelling">
          <p><strong>{t("retention.endsOn", { date: view.cancelling.endsOn })}</strong></p>
          <p className="mt-1 text-sm text-slate-700">{view.cancelling.terms}</p>
          <OneButton action={a(keep)} pending={keeping} subscriptionId={view.subscriptionId} label={t("retention.keep")} testId="undo-cancel" />
        </div>
      ) : null}
      {/* Each outcome belongs to the state it led to; a stale one never sits beside the current state. */}
      {view.state === "paused" ? <Outcome state={paused} testId="pause-message" /> : null}
      {view.state === "active" ? <Outcome state={resumed} testId="resume-now-message" /> : null}
      {view.state === "active" ? <Outcome state={kept} testId="undo-cancel-message" /> : null}
      {available ? <PauseForm view={view} action={a(pause)} pending={pausing} /> : null}
      <div className="space-y-2">
        {available ? <h3 className="font-semibold">{t("retention.cancel")}</h3> : null}
        {/* Stays mounted when the subscription leaves "active", so the flow's outcome stays on screen. */}
        <CancelFlow subscriptionId={view.subscriptionId} planName={view.planName} cancelTerms={view.cancelTerms} available={available} viewState={view.state} />
      </div>
      {view.state === "unavailable" ? <p className="text-sm text-slate-700">{t("retention.unavailable")}</p> : null}
    </section>
  );
}
