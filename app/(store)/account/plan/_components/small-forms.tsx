"use client";
import { useTranslations } from "next-intl";
import { useActionState } from "react";
import { handOffFocus } from "@/components/focus-handoff";
import { PLAN_NOTICE_TARGET } from "@/components/focus-targets";
import { RefreshWhileProcessing } from "@/components/refresh-while-processing";
import { fixCardAction, keepPlanAction } from "../actions";

/** One click cancels the scheduled change. */
export function KeepPlanButton({ subscriptionId, currentName }: { subscriptionId: string; currentName: string }) {
  const [state, action, pending] = useActionState(keepPlanAction, null);
  const t = useTranslations();
  return (
    <form action={action} onSubmit={() => handOffFocus([PLAN_NOTICE_TARGET])} className="mt-2">
      <input type="hidden" name="subscriptionId" value={subscriptionId} />
      <button type="submit" disabled={pending} data-testid="keep-plan" className="rounded-lg border border-slate-300 bg-white px-3 py-1.5 text-sm font-semibold hover:bg-slate-50 disabled:opacity-50">
        {pending ? t("plans.page.working") : t("plans.page.keepPlan", { plan: currentName })}
      </button>
      {state ? (
        <p role={state.ok ? "status" : "alert"} data-testid="keep-plan-message" className={`mt-2 text-sm ${state.confirming ? "text-amber-900" : state.ok ? "text-green-800" : "text-red-700"}`}>
          {state.message}
          {state.confirming ? <RefreshWhileProcessing /> : null}
        </p>
      ) : null}
    </form>
  );
}

/** Sends the customer to Dodo's page to replace the card; Dodo then charges what is due. */
export function FixCardButton({ subscriptionId }: { subscriptionId: string }) {
  const [state, action, pending] = useActionState(fixCardAction, null);
  const t = useTranslations();
  return (
    <form action={action} className="mt-2">
      <input type="hidden" name="subscriptionId" value={subscriptionId} />
      <button type="submit" disabled={pending} data-testid="fix-card" className="rounded-lg bg-slate-900 px-3 py-1.5 text-sm font-semibold text-white hover:bg-slate-700 disabled:opacity-50">
        {pending ? t("plans.page.opening") : t("plans.page.updateCard")}
      </button>
      {state && !state.ok ? <p role="alert" className="mt-2 text-sm text-red-700">{state.message}</p> : null}
    </form>
  );
}

