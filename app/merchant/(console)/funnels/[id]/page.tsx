import type { Metadata } from "next";
import Link from "next/link";
import { notFound } from "next/navigation";
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

/** The tab names the funnel; a missing one (or a signed-out visitor) gets the 404's title. */
export async function generateMetadata({ params }: IdPageProps): Promise<Metadata> {
  const funnel = (await getMerchant()) ? await getFunnel((await params).id) : null;
  return { title: funnel ? `${funnel.name} · funnel` : "Page not found" };
}

export default async function FunnelPage({ params }: IdPageProps) {
  await requireMerchant();
  const { id } = await params;
  const [funnel, offers] = await Promise.all([getFunnel(id), listOffers()]);
  if (!funnel) notFound();
  const experiments = new Map(await Promise.all(funnel.steps.map(async (s) => [s.id, await stepExperiment(s.id)] as const)));
  const offerOptions = offers.map((o) => ({ id: o.id, name: o.name, active: o.active }));
  const stepOptions = funnel.steps.map((s) => ({ id: s.id, name: s.name, position: s.position }));
  const nameOf = (stepId: string | null) => (stepId ? `Step ${funnel.steps.find((s) => s.id === stepId)?.position}` : "End");
  return (
    <div className="space-y-6">
      <PageHeader
        title={funnel.name}
        description={`Offers stay open for ${Math.round(funnel.windowSecs / 60)} minutes after checkout.`}
        actions={<><span className="self-center">{funnel.active ? <Badge tone="green">Active</Badge> : <Badge>Paused</Badge>}</span><ToggleActive action={setFunnelActiveAction} id={funnel.id} active={funnel.active} noun={funnel.name} /></>}
      />
      {funnel.steps.length === 0 ? (
        <EmptyState title="This funnel has no steps">
          {offers.length ? "Add the first step below: it is where customers land after checkout." : <>Create an offer first, on the <Link className="text-brand-700 underline" href="/merchant/offers/new">offers page</Link>.</>}
        </EmptyState>
      ) : null}
      {funnel.steps.map((step) => (
        <Card key={step.id} className="space-y-5">
          <div data-testid="funnel-step" className="flex flex-wrap items-start justify-between gap-3">
            <div>
              <h2 className="text-base font-semibold">Step {step.position}: {step.name} {funnel.entryStepId === step.id ? <Badge tone="brand">Entry</Badge> : null}</h2>
              <p className="mt-1 text-sm text-slate-600">
                {step.variants.filter((v) => v.weightBps > 0).map((v) => `${v.label}: ${v.offer.name} (${v.weightBps / 100}%)`).join(" · ")}
                {step.holdoutBps ? ` · holdout ${step.holdoutBps / 100}%` : ""}
              </p>
              <p className="mt-1 text-xs text-slate-600">Accept → {nameOf(step.onAcceptStepId)} · Decline → {nameOf(step.onDeclineStepId)} · Payment failed → {nameOf(step.onFailStepId)}</p>
            </div>
            <ActionButton action={removeStepAction} fields={{ stepId: step.id }} label="Remove" accessibleLabel={`Remove step ${step.position}: ${step.name}`} pendingLabel="Removing…" tone="danger" />
          </div>
          <ExperimentPanel stepId={step.id} stepName={step.name} verdict={experiments.get(step.id)!} offerNames={experiments.get(step.id)!.offerNames} keepOnly={keepOnlyVariantAction} />
          <StepForm
            action={updateStepAction}
            placement={{ stepId: step.id, steps: stepOptions, isEntry: funnel.entryStepId === step.id }}
            offers={offerOptions}
            submitLabel="Save step"
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
      {offers.length ? <Card title="Add a step"><StepForm action={addStepAction} funnelId={funnel.id} offers={offerOptions} submitLabel="Add step" /></Card> : null}
      <Card title="Settings"><FunnelForm action={updateFunnelAction} funnelId={funnel.id} submitLabel="Save funnel" initialValues={{ name: funnel.name, windowMinutes: String(Math.round(funnel.windowSecs / 60)) }} /></Card>
    </div>
  );
}
