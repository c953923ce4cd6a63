import type { Metadata } from "next";
import Link from "next/link";
import { notFound } from "next/navigation";
import { getLocale, getTranslations } from "next-intl/server";
import { ActionButton } from "@/components/merchant/action-button";
import { FunnelForm, StepForm } from "@/components/merchant/funnel-forms";
import { ToggleActive } from "@/components/merchant/toggle-active";
import { Badge, Card, EmptyState, PageHeader } from "@/components/merchant/ui";
import { VARIANT_LABELS } from "@/lib/offers/funnel-schema";
import { getFunnel } from "@/lib/offers/funnel-admin";
import { listOffers } from "@/lib/offers/offer-admin";
import type { IdPageProps } from "@/lib/http/page-props";
import { getMerchant, requireMerchant } from "@/lib/auth/merchant-session";
import { addStepAction, keepOnlyVariantAction, removeStepAction, setFunnelActiveAction, updateFunnelAction, updateStepAction } from "../actions";
import { ExperimentPanel } from "@/components/merchant/experiment-panel";
import { stepExperiment } from "@/lib/experiments/step-experiment";
import type { Locale } from "@/lib/i18n/locales";

/** The tab names the funnel; a missing one (or a signed-out visitor) gets the 404's title. */
export async function generateMetadata({ params }: IdPageProps): Promise<Metadata> {
  const funnel = (await getMerchant()) ? await getFunnel((await params).id) : null;
  const t = await getTranslations();
  return { title: funnel ? t("console.funnelPage.metaTitle", { name: funnel.name }) : t("console.funnelPage.notFoundTitle") };
}

export default async function FunnelPage({ params }: IdPageProps) {
  await requireMerchant();
  const { id } = await params;
  const [funnel, offers, t, locale] = await Promise.all([getFunnel(id), listOffers(), getTranslations(), getLocale() as Promise<Locale>]);
  if (!funnel) notFound();
  const experiments = new Map(await Promise.all(funnel.steps.map(async (s) => [s.id, await stepExperiment(s.id, { locale })] as const)));
  const offerOptions = offers.map((o) => ({ id: o.id, name: o.name, active: o.active }));
  const stepOptions = funnel.steps.map((s) => ({ id: s.id, name: s.name, position: s.position }));
  const nameOf = (stepId: string | null) => (stepId ? t("console.funnelPage.step", { position: funnel.steps.find((s) => s.id === stepId)?.position ?? "?" }) : t("console.funnelPage.end"));
  return (
    <div className="space-y-6">
      <PageHeader
        title={funnel.name}
        titleIsMerchantCopy
        description={t("console.funnelPage.window", { minutes: Math.round(funnel.windowSecs / 60) })}
        actions={<><span className="self-center">{funnel.active ? <Badge tone="green">{t("console.funnelPage.active")}</Badge> : <Badge>{t("console.funnelPage.paused")}</Badge>}</span><ToggleActive action={setFunnelActiveAction} id={funnel.id} active={funnel.active} noun={funnel.name} /></>}
      />
      {funnel.steps.length === 0 ? (
        <EmptyState title={t("console.funnelPage.noStepsTitle")}>
          {offers.length ? t("console.funnelPage.noStepsText") : t.rich("console.funnelPage.noOffers", { link: (chunks) => <Link className="text-brand-700 underline" href="/merchant/offers/new">{chunks}</Link> })}
        </EmptyState>
      ) : null}
      {funnel.steps.map((step) => (
        <Card key={step.id} className="space-y-5">
          <div data-testid="funnel-step" className="flex flex-wrap items-start justify-between gap-3">
            <div>
              <h2 className="text-base font-semibold">{t("console.funnelPage.stepNumber", { position: step.position })} <span data-merchant-copy>{step.name}</span> {funnel.entryStepId === step.id ? <Badge tone="brand">{t("console.funnelPage.entry")}</Badge> : null}</h2>
              <p className="mt-1 text-sm text-slate-600">
                {step.variants.filter((v) => v.weightBps > 0).map((v, i) => <span key={v.id}>{i ? " · " : ""}{v.label}: <span data-merchant-copy>{v.offer.name}</span> ({v.weightBps / 100}%)</span>)}
                {step.holdoutBps ? ` · ${t("console.funnelPage.holdout", { percent: step.holdoutBps / 100 })}` : ""}
              </p>
              <p className="mt-1 text-xs text-slate-600">{t("console.funnelPage.paths", { accept: nameOf(step.onAcceptStepId), decline: nameOf(step.onDeclineStepId), fail: nameOf(step.onFailStepId) })}</p>
            </div>
            <ActionButton action={removeStepAction} fields={{ stepId: step.id }} label={t("console.funnelPage.remove")} accessibleLabel={`${t("console.funnelPage.removeStep", { position: step.position })} ${step.name}`} pendingLabel={t("console.funnelPage.removing")} tone="danger" />
          </div>
          <ExperimentPanel stepId={step.id} verdict={experiments.get(step.id)!} offerNames={experiments.get(step.id)!.offerNames} keepOnly={keepOnlyVariantAction} />
          <StepForm
            action={updateStepAction}
            placement={{ stepId: step.id, steps: stepOptions, isEntry: funnel.entryStepId === step.id }}
            offers={offerOptions}
            submitLabel={t("console.funnelPage.saveStep")}
            initialValues={{
              name: step.name,
              holdoutBps: String(step.holdoutBps / 100),
              // Rows sit at their label's position (A, B, …) so a retired variant keeps its row.
              variantOffer: VARIANT_LABELS.map((l) => step.variants.find((v) => v.label === l)?.offerId ?? ""),
              variantWeight: VARIANT_LABELS.map((l) => { const v = step.variants.find((x) => x.label === l); return v ? String(v.weightBps / 100) : ""; }),
              onAcceptStepId: step.onAcceptStepId ?? "",
              onDeclineStepId: step.onDeclineStepId ?? "",
              onFailStepId: step.onFailStepId ?? "",
            }}
          />
        </Card>
      ))}
      {offers.length ? <Card title={t("console.funnelPage.addStepTitle")}><StepForm action={addStepAction} funnelId={funnel.id} offers={offerOptions} submitLabel={t("console.funnelPage.addStep")} /></Card> : null}
      <Card title={t("console.funnelPage.settings")}><FunnelForm action={updateFunnelAction} funnelId={funnel.id} submitLabel={t("console.funnelPage.saveFunnel")} initialValues={{ name: funnel.name, windowMinutes: String(Math.round(funnel.windowSecs / 60)) }} /></Card>
    </div>
  );
}
