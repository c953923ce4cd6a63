// Funnel and step forms' schemas, shared by the client forms and the server actions.
import { z } from "zod";
import { fieldMessage } from "@/lib/forms/field-message";
import { checkbox, optionalId, percentBps } from "@/lib/forms/fields";

export const MAX_VARIANTS = 4;
export const VARIANT_LABELS = ["A", "B", "C", "D"] as const;

export const funnelSchema = z.object({
  name: z.string().trim().min(1, fieldMessage("console.fields.funnel.name")).max(80, fieldMessage("console.fields.nameLength", { max: 80 })),
  windowMinutes: z.coerce
    .number({ message: fieldMessage("console.fields.funnel.windowNumber") })
    .int(fieldMessage("console.fields.funnel.windowWhole"))
    .min(1, fieldMessage("console.fields.funnel.windowMin"))
    .max(1440, fieldMessage("console.fields.funnel.windowMax")),
});

const listOf = (v: unknown) => (v === undefined ? [] : Array.isArray(v) ? v : [v]);

/** The variant rows that have an offer chosen, with their position in the form. */
function usedRows(offers: unknown, weights: unknown): { index: number; offerId: string; weight: string }[] {
  const o = Array.isArray(offers) ? offers : [];
  const w = Array.isArray(weights) ? weights : [];
  return o.flatMap((offerId, index) => (typeof offerId === "string" && offerId ? [{ index, offerId, weight: String(w[index] ?? "").trim() || "0" }] : []));
}

const WEIGHT = /^\d{1,3}(\.\d{1,2})?$/;

const stepFields = {
  name: z.string().trim().min(1, fieldMessage("console.fields.step.name")).max(80, fieldMessage("console.fields.nameLength", { max: 80 })),
  holdoutBps: percentBps(0, 50, fieldMessage("console.fields.labels.holdout")),
  variantOffer: z.preprocess(listOf, z.array(z.string()).max(MAX_VARIANTS, fieldMessage("console.fields.step.variantsMax", { max: MAX_VARIANTS }))),
  variantWeight: z.preprocess(listOf, z.array(z.string())),
};

type VariantRows = { variantOffer: string[]; variantWeight: string[] };

function checkVariants(step: VariantRows, ctx: z.RefinementCtx): void {
  const rows = usedRows(step.variantOffer, step.variantWeight);
  if (rows.length === 0) ctx.addIssue({ code: "custom", path: ["variantOffer.0"], message: fieldMessage("console.fields.step.offer") });
  const bad = rows.filter((r) => !WEIGHT.test(r.weight) || Number(r.weight) > 100);
  bad.forEach((r) => ctx.addIssue({ code: "custom", path: [`variantWeight.${r.index}`], message: fieldMessage("console.fields.step.weight") }));
  const total = rows.reduce((sum, r) => sum + Math.round(Number(r.weight) * 100), 0);
  if (rows.length > 0 && bad.length === 0 && total !== 10_000) {
    ctx.addIssue({ code: "custom", path: ["variantWeight"], message: fieldMessage("console.fields.step.weightsTotal", { total: total / 100 }) });
  }
  if (new Set(rows.map((r) => r.offerId)).size !== rows.length) ctx.addIssue({ code: "custom", path: ["variantOffer"], message: fieldMessage("console.fields.step.distinctOffers") });
}

const stepOf = (step: VariantRows & { name: string; holdoutBps: number }) => ({
  name: step.name,
  holdoutBps: step.holdoutBps,
  variants: usedRows(step.variantOffer, step.variantWeight).map((r) => ({ label: VARIANT_LABELS[r.index]!, offerId: r.offerId, weightBps: Math.round(Number(r.weight) * 100) })),
});

// `when`: run even when the name or holdout is invalid, so the form shows every problem at once.
const always = { when: () => true };

/**
 * A step with its experiment: up to four variants (an offer each, weights in % of the traffic that
 * is not held out, summing to 100) and a holdout share that sees no offer. The form posts the
 * variant rows as parallel lists `variantOffer` / `variantWeight`; rows without an offer are unused.
 */
export const stepSchema = z.object(stepFields).superRefine(checkVariants, always).transform(stepOf);

export type StepInput = z.output<typeof stepSchema>;

/**
 * The one form of an existing step: what it shows (as stepSchema), where the customer goes next on
 * accept, decline (the downsell) and a failed payment (another step, or "" to end the funnel), and
 * `entry` (a checkbox) to make it the step customers start at.
 */
export const stepEditSchema = z
  .object({ ...stepFields, onAcceptStepId: optionalId, onDeclineStepId: optionalId, onFailStepId: optionalId, entry: checkbox })
  .superRefine(checkVariants, always)
  .transform((s) => ({ ...stepOf(s), edges: { onAcceptStepId: s.onAcceptStepId, onDeclineStepId: s.onDeclineStepId, onFailStepId: s.onFailStepId }, entry: s.entry }));

export type StepEditInput = z.output<typeof stepEditSchema>;
export type EdgesInput = StepEditInput["edges"];
