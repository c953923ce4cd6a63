import type { Metadata } from "next";
import { getLocale, getTranslations } from "next-intl/server";
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

export async function generateMetadata(): Promise<Metadata> {
  const t = await getTranslations();
  return { title: t("plans.page.metaTitle"), robots: { index: false } };
}
export const dynamic = "force-dynamic";

const NOTICE_STYLE = { error: "bg-red-50 text-red-800", warning: "bg-amber-50 text-amber-900", info: "bg-slate-100 text-slate-800" } as const;

export default async function PlanPage({ searchParams }: { searchParams: Promise<{ to?: string | string[]; kept?: string | string[]; origin?: string | string[]; impression?: string | string[] }> }) {
  const [customer, t, locale] = await Promise.all([currentCustomer(), getTranslations(), getLocale()]);
  if (!customer) {
    return (
      <div className="mx-auto max-w-xl space-y-6" data-testid="plan-signed-out">
        <div>
          <h1 className="text-3xl font-bold tracking-tight">{t("plans.page.title")}</h1>
          <p className="mt-2 text-slate-700">{t("plans.page.signInToChange")}</p>
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
  const views = await planViews(customer.id, { highlight: typeof to === "string" ? to : undefined, locale });
  const retention = await retentionViews(views.map((v) => v.subscriptionId), new Date(), locale);
  return (
    <div className="mx-auto max-w-2xl space-y-8">
      <h1 className="text-3xl font-bold tracking-tight">{t("plans.page.title")}</h1>
      {views.length === 0 ? <p className="text-slate-700" data-testid="plan-none">{t("plans.page.none")}</p> : null}
      {views.map((view) => (
        <section key={view.subscriptionId} aria-label={t("plans.page.subscriptionLabel", { plan: view.current.name })} className="space-y-3" data-testid="plan-subscription">
          <div className="rounded-lg border border-slate-200 bg-white p-4" data-testid="plan-current">
            <p className="text-xs font-semibold uppercase tracking-wide text-slate-500">{t("plans.page.currentPlan")}</p>
            <p className="text-xl font-semibold" data-testid="plan-current-name" data-merchant-copy>{view.current.name}</p>
            <p className="text-slate-700">{view.current.price} · {view.current.status} · {t("plans.page.nextBilling", { date: view.current.nextBilling })}</p>
            {view.credit ? <p className="mt-2 text-sm text-green-800" data-testid="plan-credit">{view.credit}</p> : null}
          </div>
          {kept === view.subscriptionId && !view.scheduled ? (
            <FocusTarget id={PLAN_NOTICE_TARGET} className="rounded bg-green-50 p-3 text-green-900" data-testid="plan-kept">
              <p role="status">{t("plans.page.kept", { plan: view.current.name })}</p>
            </FocusTarget>
          ) : null}
          {view.processing ? (
            <FocusTarget id={PLAN_NOTICE_TARGET} className="rounded bg-slate-100 p-3" data-testid="plan-processing">
              <p role="status">{t("plans.page.processing", { plan: view.processing.toName })}</p>
              <RefreshWhileProcessing />
            </FocusTarget>
          ) : null}
          {view.confirming ? (
            <FocusTarget id={PLAN_NOTICE_TARGET} className="rounded bg-amber-50 p-3 text-amber-900" data-testid="plan-confirming">
              <p role="status">{t("plans.page.confirming", { plan: view.confirming.toName })}</p>
              <RefreshWhileProcessing />
            </FocusTarget>
          ) : null}
          {view.authenticate ? (
            <div role="status" data-testid="plan-authenticate" className="rounded bg-amber-50 p-3 text-amber-900">
              {view.authenticate.url ? (
                <>
                  <p>{t("plans.page.authenticate", { plan: view.authenticate.toName })}</p>
                  <a href={view.authenticate.url} target="_blank" rel="noopener noreferrer" className="mt-2 inline-block rounded-lg bg-slate-900 px-3 py-1.5 text-sm font-semibold text-white hover:bg-slate-700">
                    {t("offers.charge.confirmWithBank")}
                  </a>
                  <p className="mt-2 text-sm">{t("plans.page.newTab")}</p>
                </>
              ) : (
                <p>{t("plans.page.authenticateNoLink", { plan: view.authenticate.toName })}</p>
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
              <p>{t.rich("plans.page.scheduled", { plan: view.scheduled.toName, date: view.scheduled.on, current: view.current.name, strong: (chunks) => <strong>{chunks}</strong> })}</p>
              <KeepPlanButton subscriptionId={view.subscriptionId} currentName={view.current.name} />
            </div>
          ) : null}
          <div>
            <h2 className="text-lg font-semibold">{t("plans.page.changePlan")}</h2>
            {view.locked ? <p className="text-sm text-slate-700" data-testid="plan-locked">{view.locked}</p> : null}
            <PlanChangeFlow view={view} highlightedOrigin={offered} offerImpressionId={offerImpressionId} />
          </div>
          {retention.get(view.subscriptionId) ? <RetentionSection view={retention.get(view.subscriptionId)!} /> : null}
        </section>
      ))}
    </div>
  );
}
