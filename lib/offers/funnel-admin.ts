import "server-only";
import { db } from "@/lib/db/client";
import { inTransaction } from "@/lib/db/tx";
import { findCycle } from "./funnel-graph";
import { funnelSchema, stepEditSchema, stepSchema, VARIANT_LABELS, type EdgesInput, type StepInput } from "./funnel-schema";
import { DEFAULT_LOCALE, type Locale } from "@/lib/i18n/locales";
import { translator } from "@/lib/i18n/translator";
import { fail, invalid, invalidFields, ok, type Result } from "@/lib/result";

// Refusals are worded in `locale` (the console's language), as in ladder-admin.ts.

export async function listFunnels() {
  return db.funnel.findMany({
    orderBy: [{ active: "desc" }, { createdAt: "desc" }],
    include: { _count: { select: { steps: true } }, entryStep: { select: { name: true } } },
  });
}

export async function getFunnel(id: string) {
  return db.funnel.findUnique({
    where: { id },
    include: {
      steps: {
        orderBy: { position: "asc" },
        include: { variants: { orderBy: { label: "asc" }, include: { offer: { select: { id: true, name: true, kind: true, active: true } } } } },
      },
    },
  });
}

/** The funnel form's values as the row's fields. */
function funnelFrom(raw: unknown): Result<{ funnel: { name: string; windowSecs: number } }> {
  const parsed = funnelSchema.safeParse(raw);
  if (!parsed.success) return invalid(parsed.error);
  return ok({ funnel: { name: parsed.data.name, windowSecs: parsed.data.windowMinutes * 60 } });
}

export async function createFunnel(raw: unknown): Promise<Result<{ id: string }>> {
  const parsed = funnelFrom(raw);
  if (!parsed.ok) return parsed;
  return ok(await db.funnel.create({ data: parsed.funnel, select: { id: true } }));
}

export async function updateFunnel(id: string, raw: unknown, { locale = DEFAULT_LOCALE }: { locale?: Locale } = {}): Promise<Result<{ id: string }>> {
  const parsed = funnelFrom(raw);
  if (!parsed.ok) return parsed;
  const { count } = await db.funnel.updateMany({ where: { id }, data: parsed.funnel });
  const t = translator(locale);
  return count ? ok({ id }) : fail("not_found", t("console.funnelPage.funnelGone"));
}

export async function setFunnelActive(id: string, active: boolean, { locale = DEFAULT_LOCALE }: { locale?: Locale } = {}): Promise<Result<{ id: string }>> {
  const { count } = await db.funnel.updateMany({ where: { id }, data: { active } });
  const t = translator(locale);
  return count ? ok({ id }) : fail("not_found", t("console.funnelPage.funnelGone"));
}

/** Every variant's offer still exists. */
async function offersExist(step: StepInput, locale: Locale): Promise<Result> {
  const found = await db.offer.count({ where: { id: { in: step.variants.map((v) => v.offerId) } } });
  const t = translator(locale);
  return found === step.variants.length ? ok() : invalidFields({ variantOffer: [t("console.funnelPage.offersGone")] });
}

/** The add-step form's values, checked against the schema and for offers that still exist. */
async function stepFrom(raw: unknown, locale: Locale): Promise<Result<{ step: StepInput }>> {
  const parsed = stepSchema.safeParse(raw);
  if (!parsed.success) return invalid(parsed.error);
  const exist = await offersExist(parsed.data, locale);
  return exist.ok ? ok({ step: parsed.data }) : exist;
}

/** Appends a step; the funnel's first step becomes its entry step. */
export async function addStep(funnelId: string, raw: unknown, { locale = DEFAULT_LOCALE }: { locale?: Locale } = {}): Promise<Result<{ id: string }>> {
  const parsed = await stepFrom(raw, locale);
  if (!parsed.ok) return parsed;
  return inTransaction(async (tx) => {
    // Serialises concurrent step additions to one funnel (positions are unique per funnel).
    const funnel = await tx.$queryRaw<{ entryStepId: string | null }[]>`SELECT "entryStepId" FROM "Funnel" WHERE id = ${funnelId} FOR UPDATE`;
    const t = translator(locale);
    if (!funnel[0]) return fail("not_found", t("console.funnelPage.funnelGone"));
    const last = await tx.funnelStep.findFirst({ where: { funnelId }, orderBy: { position: "desc" }, select: { position: true } });
    const step = await tx.funnelStep.create({
      data: {
        funnelId,
        position: (last?.position ?? 0) + 1,
        name: parsed.step.name,
        holdoutBps: parsed.step.holdoutBps,
        variants: { create: parsed.step.variants },
      },
      select: { id: true },
    });
    if (!funnel[0].entryStepId) await tx.funnel.update({ where: { id: funnelId }, data: { entryStepId: step.id } });
    return ok(step);
  });
}

type Sibling = { id: string } & EdgesInput;

/** Where a step's edges may point: other steps of its funnel, without a loop. */
function checkEdges(stepId: string, siblings: Sibling[], edges: EdgesInput, locale: Locale): Result {
  const t = translator(locale);
  const fieldErrors: Record<string, string[]> = {};
  for (const [field, target] of Object.entries(edges)) {
    if (target === stepId) fieldErrors[field] = [t("console.funnelPage.leadsToItself")];
    else if (target && !siblings.some((s) => s.id === target)) fieldErrors[field] = [t("console.funnelPage.otherFunnelStep")];
  }
  if (Object.keys(fieldErrors).length) return invalidFields(fieldErrors);
  const next = siblings.map((s) => (s.id === stepId ? { ...s, ...edges } : s));
  if (findCycle(next)) return fail("cycle", t("console.funnelPage.pathsLoop"));
  return ok();
}

/**
 * Saves a step from its one form: name, holdout and variants, where each outcome leads next, and
 * (when ticked) makes it the entry step. Variants are matched by label so their history stays
 * attached: a variant that has been shown keeps its offer (changing it would mix two offers'
 * numbers) and, when dropped, is kept with weight 0 instead of being deleted.
 */
export async function updateStep(stepId: string, raw: unknown, { locale = DEFAULT_LOCALE }: { locale?: Locale } = {}): Promise<Result<{ id: string }>> {
  const t = translator(locale);
  const parsed = stepEditSchema.safeParse(raw);
  if (!parsed.success) return invalid(parsed.error);
  const input = parsed.data;
  const exist = await offersExist(input, locale);
  if (!exist.ok) return exist;
  const step = await db.funnelStep.findUnique({ where: { id: stepId }, select: { funnelId: true } });
  if (!step) return fail("not_found", t("console.funnelPage.stepGone"));
  const existing = await db.stepVariant.findMany({ where: { stepId }, select: { id: true, label: true, offerId: true, _count: { select: { impressions: true } } } });
  for (const variant of input.variants) {
    const old = existing.find((e) => e.label === variant.label);
    if (old && old._count.impressions > 0 && old.offerId !== variant.offerId) {
      // Rows sit at their label's position in the form (A, B, …).
      return invalidFields({ [`variantOffer.${VARIANT_LABELS.indexOf(variant.label as (typeof VARIANT_LABELS)[number])}`]: [t("console.funnelPage.variantShown", { label: variant.label })] });
    }
  }
  const siblings = await db.funnelStep.findMany({ where: { funnelId: step.funnelId }, select: { id: true, onAcceptStepId: true, onDeclineStepId: true, onFailStepId: true } });
  const edges = checkEdges(stepId, siblings, input.edges, locale);
  if (!edges.ok) return edges;
  return inTransaction(async (tx) => {
    const { count } = await tx.funnelStep.updateMany({ where: { id: stepId }, data: { name: input.name, holdoutBps: input.holdoutBps, ...input.edges } });
    if (!count) return fail("not_found", t("console.funnelPage.stepGone"));
    for (const old of existing) {
      if (input.variants.some((v) => v.label === old.label)) continue;
      if (old._count.impressions > 0) await tx.stepVariant.update({ where: { id: old.id }, data: { weightBps: 0 } });
      else await tx.stepVariant.delete({ where: { id: old.id } });
    }
    for (const v of input.variants) {
      await tx.stepVariant.upsert({
        where: { stepId_label: { stepId, label: v.label } },
        create: { stepId, ...v },
        update: { offerId: v.offerId, weightBps: v.weightBps },
      });
    }
    if (input.entry) await tx.funnel.update({ where: { id: step.funnelId }, data: { entryStepId: stepId } });
    return ok({ id: stepId });
  });
}

/** Removes a step that was never shown; shown steps keep their history (pause the funnel instead). */
export async function removeStep(stepId: string, { locale = DEFAULT_LOCALE }: { locale?: Locale } = {}): Promise<Result<{ id: string }>> {
  const t = translator(locale);
  const shown = await db.offerImpression.count({ where: { stepId } });
  if (shown > 0) return fail("has_history", t("console.funnelPage.stepHasHistory"));
  const { count } = await db.funnelStep.deleteMany({ where: { id: stepId } });
  return count ? ok({ id: stepId }) : fail("not_found", t("console.funnelPage.stepGone"));
}
