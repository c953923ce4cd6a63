// Plan-ladder forms: the merchant's plan-change policy and the explicit ranking of plans. One
// schema per input, used by the console's client form and by the writers in ladder-admin.ts.
// Defaults follow Dodo's recommendation (difference_immediately, prevent_change for upgrades,
// downgrades at the next billing date).
import { z } from "zod";
import { fieldMessage } from "@/lib/forms/field-message";
import { checkbox } from "@/lib/forms/fields";

export const PRORATION_MODES = ["PRORATED_IMMEDIATELY", "DIFFERENCE_IMMEDIATELY", "FULL_IMMEDIATELY", "DO_NOT_BILL"] as const;
/** Immediate downgrades may be billed any way but in full: that would charge the whole new price, and restart the cycle, for moving down. */
export const DOWNGRADE_PRORATION_MODES = PRORATION_MODES.filter((m) => m !== "FULL_IMMEDIATELY");

export const ladderPolicySchema = z.object({
  upgradeProration: z.enum(PRORATION_MODES, { message: fieldMessage("console.fields.ladder.upgradeProration") }).default("DIFFERENCE_IMMEDIATELY"),
  upgradeOnPaymentFailure: z.enum(["PREVENT_CHANGE", "APPLY_CHANGE"], { message: fieldMessage("console.fields.ladder.upgradeOnPaymentFailure") }).default("PREVENT_CHANGE"),
  downgradeTiming: z.enum(["IMMEDIATELY", "NEXT_BILLING_DATE"], { message: fieldMessage("console.fields.ladder.downgradeTiming") }).default("NEXT_BILLING_DATE"),
  downgradeProration: z
    .enum(PRORATION_MODES, { message: fieldMessage("console.fields.ladder.downgradeProration") })
    .refine((mode) => mode !== "FULL_IMMEDIATELY", fieldMessage("console.fields.ladder.downgradeFull"))
    .default("DIFFERENCE_IMMEDIATELY"),
  allowIntervalChange: checkbox,
});

/** A ladder: its name and its plan-change policy. */
export const ladderSchema = ladderPolicySchema.extend({
  name: z.string().trim().min(1, fieldMessage("console.fields.ladder.name")).max(60, fieldMessage("console.fields.nameLength", { max: 60 })),
});

export type LadderInput = z.output<typeof ladderSchema>;

/**
 * Ranking form: for each subscription product, `rank.<productId>` = "" (not in this ladder) or a
 * whole number; higher means more capable. Ranks within a ladder must be distinct.
 */
export const rankingSchema = z
  .record(z.string(), z.string())
  .transform((fields, ctx) => {
    const ranks: { productId: string; rank: number | null }[] = [];
    for (const [key, value] of Object.entries(fields)) {
      if (!key.startsWith("rank.")) continue;
      const text = value.trim();
      if (text !== "" && !/^\d{1,3}$/.test(text)) {
        ctx.addIssue({ code: "custom", path: [key], message: fieldMessage("console.fields.ladder.rank") });
        continue;
      }
      ranks.push({ productId: key.slice(5), rank: text === "" ? null : Number(text) });
    }
    const used = new Map<number, string>();
    for (const r of ranks) {
      if (r.rank === null) continue;
      if (used.has(r.rank)) ctx.addIssue({ code: "custom", path: [`rank.${r.productId}`], message: fieldMessage("console.fields.ladder.rankTaken", { rank: r.rank }) });
      used.set(r.rank, r.productId);
    }
    return ranks;
  });
