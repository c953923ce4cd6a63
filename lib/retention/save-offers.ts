import "server-only";
import { db } from "@/lib/db/client";
import type { Product } from "@/lib/generated/prisma/client";
import { ladderPlanOf } from "@/lib/plans/context";
import { classifyMove } from "@/lib/plans/ladder";
import { fieldMessage } from "@/lib/forms/field-message";
import { DEFAULT_LOCALE, type Locale } from "@/lib/i18n/locales";
import { translator } from "@/lib/i18n/translator";
import { fail, invalid, invalidFields, ok, type Result } from "@/lib/result";
import { holdoutSchema, saveOfferSchema, type SaveOfferInput } from "./save-offer-schema";

// The merchant's writes of save offers (one per ladder and reason) and of the ladder's holdout.
// The customer side (offer.ts) reads what is stored here and checks it again at show time, since
// plans can be re-ranked or archived after an offer was saved.

/** Ladders with their plans and save offers, for the console. */
export function listRetentionSetup() {
  return db.planLadder.findMany({
    orderBy: { name: "asc" },
    include: { products: { where: { archived: false }, orderBy: { planRank: "asc" } }, saveOffers: true },
  });
}

/** Why `target` cannot be the offer of `kind` in this ladder (a field message), or null when it can. */
export function targetProblem(kind: SaveOfferInput["kind"], target: Product | null, ladderPlans: Product[]): string | null {
  // A discounted plan without a plan named is the subscriber's own plan.
  if (kind === "DISCOUNTED_PLAN" && !target) return null;
  if (kind !== "CHEAPER_PLAN" && kind !== "INTERVAL_SWITCH" && kind !== "DISCOUNTED_PLAN") return null;
  const to = target ? ladderPlanOf(target) : null;
  if (!target || !to || target.archived || !ladderPlans.some((p) => p.id === target.id)) return fieldMessage("console.fields.saveOffer.rankedPlan");
  if (kind === "CHEAPER_PLAN") {
    // Cheaper than at least one plan above it: it must not be the top of the ladder.
    const above = ladderPlans.map(ladderPlanOf).filter((p) => p && p.rank > to.rank);
    if (above.length === 0) return fieldMessage("console.fields.saveOffer.topPlan");
  }
  if (kind === "INTERVAL_SWITCH") {
    const others = ladderPlans.map(ladderPlanOf).filter((p) => p && p.productId !== to.productId && classifyMove(p, to)?.intervalChange !== "none");
    if (others.length === 0) return fieldMessage("console.fields.saveOffer.noOtherInterval");
  }
  return null;
}

/** Stores (or with kind "" removes) the save offer of one ladder and reason. Refusals are worded in `locale` (the console's language). */
export async function saveSaveOffer(ladderId: string, raw: unknown, { locale = DEFAULT_LOCALE }: { locale?: Locale } = {}): Promise<Result<{ removed: boolean }>> {
  const parsed = saveOfferSchema.safeParse(raw);
  if (!parsed.success) return invalid(parsed.error);
  const input = parsed.data;
  const ladder = await db.planLadder.findUnique({ where: { id: ladderId }, include: { products: true } });
  const t = translator(locale);
  if (!ladder) return fail("not_found", t("console.products.ladderGone"));
  if (input.kind === "") {
    await db.saveOffer.deleteMany({ where: { ladderId, reason: input.reason } });
    return ok({ removed: true });
  }
  const target = input.targetProductId ? ladder.products.find((p) => p.id === input.targetProductId) ?? null : null;
  const problem = targetProblem(input.kind, target, ladder.products);
  if (problem) return invalidFields({ targetProductId: [problem] });
  const discounted = input.kind === "DISCOUNTED_PLAN";
  const data = {
    kind: input.kind,
    targetProductId: input.kind === "PAUSE" ? null : input.targetProductId,
    pauseCycles: input.kind === "PAUSE" ? input.pauseCycles : null,
    discountBps: discounted ? input.discountPercent : null,
    discountCycles: discounted ? input.discountCycles : null,
    headline: input.headline,
    active: true,
  };
  await db.saveOffer.upsert({ where: { ladderId_reason: { ladderId, reason: input.reason } }, create: { ladderId, reason: input.reason, ...data }, update: data });
  return ok({ removed: false });
}

/** The share of cancel attempts of this ladder that see no save offer. */
export async function setRetentionHoldout(ladderId: string, raw: unknown, { locale = DEFAULT_LOCALE }: { locale?: Locale } = {}): Promise<Result<{ holdoutBps: number }>> {
  const parsed = holdoutSchema.safeParse(raw);
  if (!parsed.success) return invalid(parsed.error);
  const { count } = await db.planLadder.updateMany({ where: { id: ladderId }, data: { retentionHoldoutBps: parsed.data.holdoutPercent } });
  const t = translator(locale);
  return count ? ok({ holdoutBps: parsed.data.holdoutPercent }) : fail("not_found", t("console.products.ladderGone"));
}
