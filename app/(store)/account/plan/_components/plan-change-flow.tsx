"use client";
import { useActionState } from "react";
import { planFlowAction } from "../actions";
import type { SubscriptionPlanView } from "@/lib/plans/plan-views";
import type { FlowState } from "./flow-state";
import { QuotePanel } from "./quote-panel";

const IDLE: FlowState = { kind: "idle" };

/** The ladder of plans with Upgrade / Downgrade buttons, then Dodo's preview and the confirm. */
export function PlanChangeFlow({ view }: { view: SubscriptionPlanView }) {
  const [state, action, pending] = useActionState(planFlowAction, IDLE);
  const disabled = pending || view.locked !== null;
  return (
    <div>
      <ul className="mt-3 divide-y divide-slate-200 rounded-lg border border-slate-200 bg-white">
        {view.options.map((option) => (
          <li key={option.productId} data-testid="plan-option" data-product-id={option.productId}
            className={`flex items-center justify-between gap-4 px-4 py-3 ${option.highlighted ? "bg-brand-50" : ""}`}>
            <div>
              <p className="font-medium">{option.name} <span className="text-sm font-normal text-slate-600">{option.price}</span></p>
              <p className="text-sm text-slate-600" data-testid="plan-difference">{option.difference}</p>
              {option.note ? <p className="text-xs text-slate-500">{option.note}</p> : null}
              {option.unavailable ? <p className="text-xs text-slate-500">{option.unavailable}</p> : null}
            </div>
            <form action={action}>
              <input type="hidden" name="intent" value="preview" />
              <input type="hidden" name="subscriptionId" value={view.subscriptionId} />
              <input type="hidden" name="productId" value={option.productId} />
              <button type="submit" disabled={disabled || option.unavailable !== null}
                className={`rounded-lg px-3 py-1.5 text-sm font-semibold disabled:opacity-40 ${option.direction === "upgrade" ? "bg-brand-600 text-white hover:bg-brand-700" : "border border-slate-300 hover:bg-slate-50"}`}>
                {option.actionLabel} to {option.name}
              </button>
            </form>
          </li>
        ))}
      </ul>
      {state.kind === "quote" ? <QuotePanel quote={state.quote} notice={state.notice} pending={pending} action={action} /> : null}
      {state.kind === "done" ? <p role="status" data-testid="plan-flow-message" className="mt-4 rounded bg-green-50 p-3 text-green-900">{state.message}</p> : null}
      {state.kind === "confirming" ? <p role="status" data-testid="plan-flow-confirming" className="mt-4 rounded bg-amber-50 p-3 text-amber-900">{state.message}</p> : null}
      {state.kind === "error" ? <p role="alert" data-testid="plan-flow-error" className="mt-4 rounded bg-red-50 p-3 text-red-800">{state.message}</p> : null}
    </div>
  );
}
