// The merchant's save-offer forms: one offer per ladder and cancellation reason, and the ladder's
// holdout share. One schema per input, shared by the console's client form and the writers.
import { z } from "zod";
import { optionalId, percentBps } from "@/lib/forms/fields";
import { CANCEL_REASONS, MAX_PAUSE_CYCLES } from "./reasons";

export const SAVE_OFFER_KINDS = ["CHEAPER_PLAN", "PAUSE", "INTERVAL_SWITCH"] as const;

export const SAVE_OFFER_LABELS: Record<(typeof SAVE_OFFER_KINDS)[number] | "", string> = {
  "": "No save offer",
  CHEAPER_PLAN: "A cheaper plan",
  PAUSE: "A pause",
  INTERVAL_SWITCH: "Another billing interval",
};

/** `kind` "" removes the reason's offer. A plan offer names its plan; a pause its length. */
export const saveOfferSchema = z
  .object({
    reason: z.enum(CANCEL_REASONS, { message: "Choose a reason" }),
    kind: z.enum(["", ...SAVE_OFFER_KINDS], { message: "Choose what to offer" }),
    targetProductId: optionalId,
    pauseCycles: z.preprocess((v) => (v === "" || v === undefined ? null : v), z.coerce.number({ message: "Pause length must be a whole number" }).int("Pause length must be a whole number").min(1, "Pause for at least 1 cycle").max(MAX_PAUSE_CYCLES, `Pause for at most ${MAX_PAUSE_CYCLES} cycles`).nullable()),
    headline: z.preprocess((v) => (typeof v === "string" ? v.trim() : ""), z.string().max(120, "Keep the headline under 120 characters")),
  })
  .superRefine((v, ctx) => {
    if ((v.kind === "CHEAPER_PLAN" || v.kind === "INTERVAL_SWITCH") && !v.targetProductId) ctx.addIssue({ code: "custom", path: ["targetProductId"], message: "Choose the plan to offer" });
    if (v.kind === "PAUSE" && v.pauseCycles === null) ctx.addIssue({ code: "custom", path: ["pauseCycles"], message: "Say how many billing cycles the pause lasts" });
  });

export type SaveOfferInput = z.output<typeof saveOfferSchema>;

export const holdoutSchema = z.object({ holdoutPercent: percentBps(0, 50, "Holdout") });
