// The merchant's save-offer forms: one offer per ladder and cancellation reason, and the ladder's
// holdout share. One schema per input, shared by the console's client form and the writers.
import { z } from "zod";
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
    reason: z.enum(CANCEL_REASONS, { message: "Choose a reason" }),
    kind: z.enum(["", ...SAVE_OFFER_KINDS], { message: "Choose what to offer" }),
    targetProductId: optionalId,
    pauseCycles: z.preprocess((v) => (v === "" || v === undefined ? null : v), z.coerce.number({ message: "Pause length must be a whole number" }).int("Pause length must be a whole number").min(1, "Pause for at least 1 cycle").max(MAX_PAUSE_CYCLES, `Pause for at most ${MAX_PAUSE_CYCLES} cycles`).nullable()),
    discountPercent: percentBps(0, 100, "Discount"),
    discountCycles: z.preprocess((v) => (v === "" || v === undefined ? null : v), z.coerce.number({ message: "The number of billing cycles must be a whole number" }).int("The number of billing cycles must be a whole number").min(1, "Discount at least 1 billing cycle").max(MAX_DISCOUNT_CYCLES, `Discount at most ${MAX_DISCOUNT_CYCLES} billing cycles`).nullable()),
    headline: z.preprocess((v) => (typeof v === "string" ? v.trim() : ""), z.string().max(120, "Keep the headline under 120 characters")),
  })
  .superRefine((v, ctx) => {
    if ((v.kind === "CHEAPER_PLAN" || v.kind === "INTERVAL_SWITCH") && !v.targetProductId) ctx.addIssue({ code: "custom", path: ["targetProductId"], message: "Choose the plan to offer" });
    if (v.kind === "PAUSE" && v.pauseCycles === null) ctx.addIssue({ code: "custom", path: ["pauseCycles"], message: "Say how many billing cycles the pause lasts" });
    if (v.kind === "DISCOUNTED_PLAN" && v.discountPercent === 0) ctx.addIssue({ code: "custom", path: ["discountPercent"], message: "Say how much off, e.g. 20" });
    if (v.kind === "DISCOUNTED_PLAN" && v.discountCycles === null) ctx.addIssue({ code: "custom", path: ["discountCycles"], message: "Say for how many billing cycles the discount lasts" });
  });

export type SaveOfferInput = z.output<typeof saveOfferSchema>;

export const holdoutSchema = z.object({ holdoutPercent: percentBps(0, 50, "Holdout") });
