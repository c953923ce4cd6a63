// Dodo's cancellation reasons (worded by the catalogues' retention.reason.*; lib/retention/labels.ts
// names them for the console), and the schemas of the cancel flow's inputs. Client-safe (no server imports): the reason step's form and the server actions share them.
import { z } from "zod";
import type { CancelReason } from "@/lib/generated/prisma/enums";

/** Dodo's cancellation_feedback values (SDK `CancellationFeedback`), in the order the reason step lists them. */
export const CANCEL_REASONS = ["TOO_EXPENSIVE", "UNUSED", "MISSING_FEATURES", "TOO_COMPLEX", "LOW_QUALITY", "CUSTOMER_SERVICE", "SWITCHED_SERVICE", "OTHER"] as const satisfies readonly CancelReason[];

/** The longest pause a customer or a save offer may ask for, in billing cycles. */
export const MAX_PAUSE_CYCLES = 12;

/** The reason step: a reason (optional: cancelling never depends on answering) and a comment. */
export const reasonSchema = z.object({
  reason: z.preprocess((v) => (v === "" ? undefined : v), z.enum(CANCEL_REASONS, { message: "Choose a reason" }).optional()),
  comment: z.preprocess((v) => (typeof v === "string" ? v.trim() : v), z.string().max(1000, "Keep the comment under 1000 characters").optional()).transform((v) => (v ? v : undefined)),
});

export const pauseCyclesSchema = z.coerce.number({ message: "Choose how long to pause" }).int().min(1, "Pause for at least one billing cycle").max(MAX_PAUSE_CYCLES, `Pause for at most ${MAX_PAUSE_CYCLES} billing cycles`);
