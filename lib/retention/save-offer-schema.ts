// The merchant's save-offer forms: one offer per ladder and cancellation reason, and the ladder's
// holdout share. One schema per input, shared by the console's client form and the writers.
import { z } from "zod";
import { fieldMessage } from "@/lib/forms/field-message";
import { optionalId, percentBps } from "@/lib/forms/fields";
import { CANCEL_REASONS, MAX_PAUSE_CYCLES } from "./reasons";

export const SAVE_OFFER_KINDS = ["CHEAPER_PLAN", "PAUSE", "INTERVAL_SWITCH", "DISCOUNTED_PLAN"] as const;

/** The longest a discounted save offer lasts, in billing cycles. */
export const MAX_DISCOUNT_CYCLES = 36;

/**
 * `kind` "" removes the reason's offer. A plan offer names its plan; a pause its length; a
 * discounted plan its percentage off and cycles, on the plan named or (no plan) the subscriber's own.
 */
export const saveOfferSchema = z
  .object({
    reason: z.enum(CANCEL_REASONS, { message: fieldMessage("console.fields.saveOffer.reason") }),
    kind: z.enum(["", ...SAVE_OFFER_KINDS], { message: fieldMessage("console.fields.saveOffer.kind") }),
    targetProductId: optionalId,
    pauseCycles: z.preprocess((v) => (v === "" || v === undefined ? null : v), z.coerce.number({ message: fieldMessage("console.fields.saveOffer.pauseWhole") }).int(fieldMessage("console.fields.saveOffer.pauseWhole")).min(1, fieldMessage("console.fields.saveOffer.pauseMin")).max(MAX_PAUSE_CYCLES, fieldMessage("console.fields.saveOffer.pauseMax", { max: MAX_PAUSE_CYCLES })).nullable()),
    discountPercent: percentBps(0, 100, fieldMessage("console.fields.labels.discount")),
    discountCycles: z.preprocess((v) => (v === "" || v === undefined ? null : v), z.coerce.number({ message: fieldMessage("console.fields.saveOffer.cyclesWhole") }).int(fieldMessage("console.fields.saveOffer.cyclesWhole")).min(1, fieldMessage("console.fields.saveOffer.cyclesMin")).max(MAX_DISCOUNT_CYCLES, fieldMessage("console.fields.saveOffer.cyclesMax", { max: MAX_DISCOUNT_CYCLES })).nullable()),
    headline: z.preprocess((v) => (typeof v === "string" ? v.trim() : ""), z.string().max(120, fieldMessage("console.fields.headlineLength", { max: 120 }))),
  })
  .superRefine((v, ctx) => {
    if ((v.kind === "CHEAPER_PLAN" || v.kind === "INTERVAL_SWITCH") && !v.targetProductId) ctx.addIssue({ code: "custom", path: ["targetProductId"], message: fieldMessage("console.fields.saveOffer.plan") });
    if (v.kind === "PAUSE" && v.pauseCycles === null) ctx.addIssue({ code: "custom", path: ["pauseCycles"], message: fieldMessage("console.fields.saveOffer.pauseCycles") });
    if (v.kind === "DISCOUNTED_PLAN" && v.discountPercent === 0) ctx.addIssue({ code: "custom", path: ["discountPercent"], message: fieldMessage("console.fields.saveOffer.discount") });
    if (v.kind === "DISCOUNTED_PLAN" && v.discountCycles === null) ctx.addIssue({ code: "custom", path: ["discountCycles"], message: fieldMessage("console.fields.saveOffer.discountCycles") });
  });

export type SaveOfferInput = z.output<typeof saveOfferSchema>;

export const holdoutSchema = z.object({ holdoutPercent: percentBps(0, 50, fieldMessage("console.fields.labels.holdout")) });
