"use client";
import { useTranslations } from "next-intl";
import type { Translator } from "@/lib/i18n/translator";
import { useActionState } from "react";
import { FocusTarget, handOffFocus } from "@/components/focus-handoff";
import { PLAN_NOTICE_TARGET } from "@/components/focus-targets";
import { planFlowAction } from "../actions";
import type { SubscriptionPlanView } from "@/lib/plans/plan-views";
import type { FlowState } from "./flow-state";
import { QuotePanel } from "./quote-panel";
import { RefreshWhileProcessing } from "@/components/refresh-while-processing";
import { PlanValueLists } from "@/components/store/plan-value";

const IDLE: FlowState = { kind: "idle" };

/**
 * What the flow says after a confirm, given the plan as the server shows it now: a change still
 * being charged is shown by the page's own processing banner (which refreshes the page), and once
 * it is through the message says so instead of "processing" forever. A change that failed says
 * nothing here: the page's notice explains it.
 */
function outcomeOf(state: FlowState, view: SubscriptionPlanView, t: Translator): { text: string; tone: "done" | "confirming"; catchingUp: boolean } | null {
  if (state.kind !== "done" && state.kind !== "confirming") return null;
  // Applied at Dodo; our copy of the subscription follows within seconds (webhook or the refresh).
  if (state.kind === "done" && state.status !== "SUBMITTED") return { text: state.message, tone: "done", catchingUp: state.status === "APPLIED" && view.current.productId !== state.toProductId };
  // Waiting on the customer's bank: the page's own banner says what to do.
  if (view.authenticate) return null;
  if (view.processing || view.confirming) return state.kind === "confirming" && view.confirming ? { text: state.message, tone: "confirming", catchingUp: false } : null;
  if (view.current.productId === state.toProductId) return { text: t("plans.outcome.applied", { plan: view.current.name }), tone: "done", catchingUp: false };
  // Settled but our copy of the subscription has not caught up yet: keep refreshing until it has
  // (or until the page's notice says the change did not go through).
  if (view.notice) return null;
  return { text: t("plans.page.finishing"), tone: "done", catchingUp: true };
}

/**
 * The ladder of plans with Upgrade / Downgrade / Switch buttons. Dodo's preview opens right under
 * the chosen plan (and takes focus, so it is scrolled into view on a phone), then the confirm.
 */
export function PlanChangeFlow({ view, highlightedOrigin, offerImpressionId }: { view: SubscriptionPlanView; highlightedOrigin?: "UPGRADE_OFFER"; offerImpressionId?: string }) {
  const [state, action, pending] = useActionState(planFlowAction, IDLE);
  const disabled = pending || view.locked !== null;
  const t = useTranslations();
  const outcome = outcomeOf(state, view, t as unknown as Translator);
  return (
    <div>
      <ul className="mt-3 divide-y divide-slate-200 rounded-lg border border-slate-200 bg-white">
        {view.options.map((option) => (
          <li key={option.productId} data-testid="plan-option" data-product-id={option.productId} className={option.highlighted ? "bg-brand-50" : ""}>
            {/* On a phone the button goes under the plan, full width, instead of squeezing both. */}
            <div className="flex flex-col gap-3 px-4 py-3 sm:flex-row sm:items-center sm:justify-between sm:gap-4">
              <div>
                <p className="font-medium">
                  <span data-merchant-copy>{option.name}</span> <span className="text-sm font-normal text-slate-700" data-testid="plan-price">{option.price}</span>
                  {option.badge ? <span className="ml-2 rounded-full bg-amber-100 px-2 py-0.5 text-xs font-semibold text-amber-900" data-testid="plan-badge">{option.badge}</span> : null}
                </p>
                <p className="text-sm text-slate-700" data-testid="plan-difference">{option.difference}</p>
                <PlanValueLists gains={option.gains} losses={option.losses} />
                {option.note ? <p className="text-xs text-slate-600">{option.note}</p> : null}
                {option.unavailable ? <p className="text-xs text-slate-600">{option.unavailable}</p> : null}
              </div>
              <form action={action} onSubmit={() => handOffFocus([PLAN_NOTICE_TARGET])}>
                <input type="hidden" name="intent" value="preview" />
                <input type="hidden" name="subscriptionId" value={view.subscriptionId} />
                <input type="hidden" name="productId" value={option.productId} />
                {option.highlighted && highlightedOrigin ? <input type="hidden" name="origin" value={highlightedOrigin} /> : null}
                {option.highlighted && highlightedOrigin && offerImpressionId ? <input type="hidden" name="impressionId" value={offerImpressionId} /> : null}
                <button type="submit" disabled={disabled || option.unavailable !== null}
                  className={`w-full shrink-0 rounded-lg px-3 py-1.5 sm:w-auto text-sm font-semibold disabled:opacity-40 ${option.verb === "upgrade" ? "bg-brand-700 text-white hover:bg-brand-600" : "border border-slate-400 hover:bg-slate-50"}`}>
                  {t("plans.quote.title", { verb: option.verb, plan: option.name })}
                </button>
              </form>
            </div>
            {state.kind === "quote" && state.quote.toProductId === option.productId ? (
              <div className="px-4 pb-4">
                <QuotePanel quote={state.quote} notice={state.notice} pending={pending} action={action} onConfirm={() => handOffFocus([PLAN_NOTICE_TARGET])} />
              </div>
            ) : null}
          </li>
        ))}
      </ul>
      {outcome ? (
        <FocusTarget id={PLAN_NOTICE_TARGET} className={`mt-4 rounded p-3 ${outcome.tone === "done" ? "bg-green-50 text-green-900" : "bg-amber-50 text-amber-900"}`} data-testid={outcome.tone === "done" ? "plan-flow-message" : "plan-flow-confirming"}>
          <p role="status">{outcome.text}</p>
          {outcome.catchingUp ? <RefreshWhileProcessing everyMs={1000} fastTimes={30} /> : null}
        </FocusTarget>
      ) : null}
      {state.kind === "error" ? (
        <FocusTarget id={PLAN_NOTICE_TARGET} className="mt-4 rounded bg-red-50 p-3 text-red-800" data-testid="plan-flow-error">
          <p role="alert">{state.message}</p>
        </FocusTarget>
      ) : null}
    </div>
  );
}
