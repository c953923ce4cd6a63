import "server-only";
import { z } from "zod";
import { db } from "@/lib/db/client";
import type { LadderPolicy } from "./terms";

// The merchant's plan-change policy for one ladder. The console (app/merchant) renders the form;
// this module owns the rules and the write. Defaults follow Dodo's recommendation
// (difference_immediately, prevent_change for upgrades, downgrades at the next billing date).

const PRORATION = ["PRORATED_IMMEDIATELY", "DIFFERENCE_IMMEDIATELY", "FULL_IMMEDIATELY", "DO_NOT_BILL"] as const;

export const ladderPolicySchema = z.object({
  upgradeProration: z.enum(PRORATION, { message: "Choose how upgrades are billed" }).default("DIFFERENCE_IMMEDIATELY"),
  upgradeOnPaymentFailure: z.enum(["PREVENT_CHANGE", "APPLY_CHANGE"], { message: "Choose what happens when an upgrade payment fails" }).default("PREVENT_CHANGE"),
  downgradeTiming: z.enum(["IMMEDIATELY", "NEXT_BILLING_DATE"], { message: "Choose when downgrades take effect" }).default("NEXT_BILLING_DATE"),
  // full_immediately would charge the whole new price and restart the cycle for moving *down*.
  downgradeProration: z
    .enum(PRORATION, { message: "Choose how immediate downgrades are credited" })
    .refine((mode) => mode !== "FULL_IMMEDIATELY", "Downgrades cannot charge the full new price: choose prorated, difference or no credit")
    .default("DIFFERENCE_IMMEDIATELY"),
  // Form checkboxes arrive as "on" or not at all.
  allowIntervalChange: z.preprocess((v) => v === true || v === "on" || v === "true", z.boolean()),
});

export type LadderPolicyInput = z.input<typeof ladderPolicySchema>;

export type PolicyResult =
  | { ok: true; policy: LadderPolicy }
  | { ok: false; code: "invalid_input" | "not_found"; message: string; fieldErrors?: Record<string, string[]> };

/** Validates and stores a ladder's policy; the next preview uses it (quotes already shown keep theirs). */
export async function updateLadderPolicy(ladderId: string, input: unknown): Promise<PolicyResult> {
  const parsed = ladderPolicySchema.safeParse(input);
  if (!parsed.success) {
    const fieldErrors: Record<string, string[]> = {};
    for (const issue of parsed.error.issues) (fieldErrors[String(issue.path[0] ?? "_form")] ??= []).push(issue.message);
    return { ok: false, code: "invalid_input", message: "Please fix the highlighted fields.", fieldErrors };
  }
  const { count } = await db.planLadder.updateMany({ where: { id: ladderId }, data: parsed.data });
  if (!count) return { ok: false, code: "not_found", message: "This plan ladder no longer exists." };
  return { ok: true, policy: parsed.data };
}
