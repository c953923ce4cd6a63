import "server-only";
import { db } from "@/lib/db/client";
import { inTransaction } from "@/lib/db/tx";
import { DEFAULT_LOCALE, type Locale } from "@/lib/i18n/locales";
import { translator } from "@/lib/i18n/translator";
import { fail, invalid, invalidFields, ok, type Result } from "@/lib/result";
import { ladderPolicySchema, ladderSchema, rankingSchema } from "./ladder-schema";
import type { LadderPolicy } from "./terms";

// The merchant's writes of plan ladders: name and plan-change policy, and which plans rank where.
// The customer side (context.ts, quote.ts, plan-views) reads what is stored here.

export async function getLadder(id: string) {
  return db.planLadder.findUnique({ where: { id }, include: { products: { orderBy: { planRank: "asc" } } } });
}

/** Refusals are worded in `locale` (the console's language). */
export async function createLadder(raw: unknown, { locale = DEFAULT_LOCALE }: { locale?: Locale } = {}): Promise<Result<{ id: string }>> {
  const t = translator(locale);
  const parsed = ladderSchema.safeParse(raw);
  if (!parsed.success) return invalid(parsed.error);
  const clash = await db.planLadder.findUnique({ where: { name: parsed.data.name }, select: { id: true } });
  if (clash) return invalidFields({ name: [t("console.products.ladderNameTaken")] });
  return ok(await db.planLadder.create({ data: parsed.data, select: { id: true } }));
}

export async function updateLadder(id: string, raw: unknown, { locale = DEFAULT_LOCALE }: { locale?: Locale } = {}): Promise<Result<{ id: string }>> {
  const t = translator(locale);
  const parsed = ladderSchema.safeParse(raw);
  if (!parsed.success) return invalid(parsed.error);
  const clash = await db.planLadder.findFirst({ where: { name: parsed.data.name, id: { not: id } }, select: { id: true } });
  if (clash) return invalidFields({ name: [t("console.products.ladderNameTaken")] });
  const { count } = await db.planLadder.updateMany({ where: { id }, data: parsed.data });
  return count ? ok({ id }) : fail("not_found", t("console.products.ladderGone"));
}

/**
 * Sets which subscription products belong to a ladder and their rank. Products ranked here leave
 * any other ladder; a blank rank only removes a product from this ladder. Ranks are cleared first so swapping two plans' ranks never hits the unique key.
 */
export async function setLadderRanking(ladderId: string, raw: unknown, { locale = DEFAULT_LOCALE }: { locale?: Locale } = {}): Promise<Result<{ id: string }>> {
  const t = translator(locale);
  const parsed = rankingSchema.safeParse(raw);
  if (!parsed.success) return invalid(parsed.error);
  const ids = parsed.data.map((r) => r.productId);
  const products = await db.product.findMany({ where: { id: { in: ids } }, select: { id: true, kind: true, ladderId: true } });
  const notPlans = products.filter((p) => p.kind !== "SUBSCRIPTION");
  if (products.length !== ids.length || notPlans.length) return fail("invalid_input", t("console.products.onlyPlans"));
  return inTransaction(async (tx) => {
    const ladder = await tx.planLadder.findUnique({ where: { id: ladderId }, select: { id: true } });
    if (!ladder) return fail("not_found", t("console.products.ladderGone"));
    const ranked = parsed.data.filter((r) => r.rank !== null).map((r) => r.productId);
    await tx.product.updateMany({ where: { OR: [{ ladderId }, { id: { in: ranked } }] }, data: { ladderId: null, planRank: null } });
    for (const r of parsed.data) {
      if (r.rank === null) continue;
      await tx.product.update({ where: { id: r.productId }, data: { ladderId, planRank: r.rank } });
    }
    return ok({ id: ladderId });
  });
}

/** Validates and stores a ladder's policy alone; the next preview uses it (quotes already shown keep theirs). */
export async function updateLadderPolicy(ladderId: string, input: unknown): Promise<Result<{ policy: LadderPolicy }, "invalid_input" | "not_found">> {
  const parsed = ladderPolicySchema.safeParse(input);
  if (!parsed.success) return invalid(parsed.error);
  const { count } = await db.planLadder.updateMany({ where: { id: ladderId }, data: parsed.data });
  if (!count) return fail("not_found", "This plan ladder no longer exists.");
  return ok({ policy: parsed.data });
}
