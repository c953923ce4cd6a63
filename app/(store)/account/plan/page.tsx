import type { Metadata } from "next";
import { PlanChangeFlow } from "./_components/plan-change-flow";
import { RetentionSection } from "./_components/retention-section";
import { FixCardButton, KeepPlanButton } from "./_components/small-forms";
import { RefreshWhileProcessing } from "@/components/refresh-while-processing";
import { FocusTarget } from "@/components/focus-handoff";
import { PLAN_NOTICE_TARGET } from "@/components/focus-targets";
import { SignInLinkForm } from "@/components/store/sign-in-link-form";
import { currentCustomer } from "@/lib/auth/customer-session";
import { planViews } from "@/lib/plans/plan-views";
import { requestSignInLinkAction } from "../../_session-actions";
import { UPGRADE_OFFER_ORIGIN } from "@/lib/plans/upgrade-offer";
import { retentionViews } from "@/lib/retention/views";

export const metadata: Metadata = { title: "Your plan", robots: { index: false } };
export const dynamic = "force-dynamic";

const NOTICE_STYLE = { error: "bg-red-50 text-red-800", warning: "bg-amber-50 text-amber-900", info: "bg-slate-100 text-slate-800" } as const;

export default async function PlanPage({ searchParams }: { searchParams: Promise<{ to?: string | string[]; kept?: string | string[]; origin?: string | string[]; impression?: string | string[] }> }) {
  const customer = await currentCustomer();
  if (!customer) {
    return (
      <div className="mx-auto max-w-xl space-y-6" data-testid="plan-signed-out">
        <div>
          <h1 className="text-3xl font-bold tracking-tight">Your plan</h1>
          <p className="mt-2 text-slate-700">Sign in to see and change your plan.</p>
        </div>
        <SignInLinkForm action={requestSignInLinkAction} next="/account/plan" />
      </div>
    );
  }
  const { to, kept, origin, impression } = await searchParams;
  // An upgrade offer links here with ?to=<plan>&origin=upgrade_offer: that move counts as started by the offer
  // (and, from a hosted offer link, &impression=<id>: the move answers that offer; checked on preview).
  const offered = origin === UPGRADE_OFFER_ORIGIN ? "UPGRADE_OFFER" : undefined;
  const offerImpressionId = offered && typeof impression === "string" && impression.length <= 64 ? impression : undefined;
  const views = await planViews(customer.id, { highlight: typeof to === "string" ? to : undefined });
  const retention = await retentionViews(views.map((v) => v.subscriptionId));
  return (
    <div className="mx-auto max-w-2xl space-y-8">
      <h1 className="text-3xl font-bold tracking-tight">Your plan</h1>
      {views.length === 0 ? <p className="text-slate-700" data-testid="plan-none">You have no subscription whose plan can be changed here.</p> : null}
      {views.map((view) => (
        <section key={view.subscriptionId} aria-label={`Subscription ${view.current.name}`} className="space-y-3" data-testid="plan-subscription">
          <div className="rounded-lg border border-slate-200 bg-white p-4" data-testid="plan-current">
            <p className="text-xs font-semibold uppercase tracking-wide text-slate-500">Current plan</p>
            <p className="text-xl font-semibold" data-testid="plan-current-name">{view.current.name}</p>
            <p className="text-slate-700">{view.current.price} · {view.current.status} · next billing {view.current.nextBilling}</p>
            {view.credit ? <p className="mt-2 text-sm text-green-800" data-testid="plan-credit">{view.credit}</p> : null}
          </div>
          {kept === view.subscriptionId && !view.scheduled ? (
            <FocusTarget id={PLAN_NOTICE_TARGET} className="rounded bg-green-50 p-3 text-green-900" data-testid="plan-kept">
              <p role="status">Done: your scheduled change is cancelled. You stay on {view.current.name}.</p>
            </FocusTarget>
          ) : null}
          {view.processing ? (
            <FocusTarget id={PLAN_NOTICE_TARGET} className="rounded bg-slate-100 p-3" data-testid="plan-processing">
              <p role="status">Processing your change to {view.processing.toName}… This page updates as soon as the payment provider confirms it.</p>
              <RefreshWhileProcessing />
            </FocusTarget>
          ) : null}
          {view.confirming ? (
            <FocusTarget id={PLAN_NOTICE_TARGET} className="rounded bg-amber-50 p-3 text-amber-900" data-testid="plan-confirming">
              <p role="status">We are checking with the payment provider whether your change to {view.confirming.toName} went through. This page updates as soon as we know; you do not need to do anything.</p>
              <RefreshWhileProcessing />
            </FocusTarget>
          ) : null}
          {view.authenticate ? (
            <div role="status" data-testid="plan-authenticate" className="rounded bg-amber-50 p-3 text-amber-900">
              {view.authenticate.url ? (
                <>
                  <p>Your bank wants you to confirm the payment for your change to {view.authenticate.toName}. Nothing changes until you do.</p>
                  <a href={view.authenticate.url} target="_blank" rel="noopener noreferrer" className="mt-2 inline-block rounded-lg bg-slate-900 px-3 py-1.5 text-sm font-semibold text-white hover:bg-slate-700">
                    Confirm with your bank
                  </a>
                  <p className="mt-2 text-sm">It opens in a new tab; this page updates once your bank has answered.</p>
                </>
              ) : (
                <p>Your bank wants to confirm the payment for your change to {view.authenticate.toName}, which can&apos;t be done from this page. Nothing has been charged; if it is not confirmed, the change does not go through and you can try again.</p>
              )}
              <RefreshWhileProcessing />
            </div>
          ) : null}
          {view.notice ? (
            <FocusTarget id={PLAN_NOTICE_TARGET} className={`rounded p-3 ${NOTICE_STYLE[view.notice.tone]}`} data-testid="plan-notice">
              <p role="alert">{view.notice.text}</p>
              {view.notice.fixCard ? <FixCardButton subscriptionId={view.subscriptionId} /> : null}
            </FocusTarget>
          ) : null}
          {view.scheduled ? (
            <div data-testid="plan-scheduled" className="rounded border border-amber-300 bg-amber-50 p-3">
              <p>Your plan changes to <strong>{view.scheduled.toName}</strong> on {view.scheduled.on}. Until then you keep {view.current.name}.</p>
              <KeepPlanButton subscriptionId={view.subscriptionId} currentName={view.current.name} />
            </div>
          ) : null}
          <div>
            <h2 className="text-lg font-semibold">Change plan</h2>
            {view.locked ? <p className="text-sm text-slate-700" data-testid="plan-locked">{view.locked}</p> : null}
            <PlanChangeFlow view={view} highlightedOrigin={offered} offerImpressionId={offerImpressionId} />
          </div>
          {retention.get(view.subscriptionId) ? <RetentionSection view={retention.get(view.subscriptionId)!} /> : null}
        </section>
      ))}
    </div>
  );
}
