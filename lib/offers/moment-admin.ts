import "server-only";
import { db, type Prisma } from "@/lib/db/client";
import { DEFAULT_LOCALE, type Locale } from "@/lib/i18n/locales";
import { translator } from "@/lib/i18n/translator";
import { fail, invalid, ok, type Result } from "@/lib/result";
import { conditionLines, momentTargetSchema, storedConditions } from "./moment-targeting";
import { offerGone } from "./offer-admin";

// The merchant's moment targets of an offer (OfferMoment): which moments in their app show it.

export async function momentTargets(offerId: string): Promise<{ id: string; name: string; lines: string[] }[]> {
  const rows = await db.offerMoment.findMany({ where: { offerId }, orderBy: { createdAt: "asc" } });
  return rows.map((r) => ({ id: r.id, name: r.name, lines: conditionLines(storedConditions(r.conditions) ?? {}) }));
}

/** Adds (or replaces, for the same moment name) a target of the offer. */
export async function setMomentTarget(offerId: string, raw: unknown, { locale = DEFAULT_LOCALE }: { locale?: Locale } = {}): Promise<Result<{ name: string }>> {
  const parsed = momentTargetSchema.safeParse(raw);
  if (!parsed.success) return invalid(parsed.error);
  const offer = await db.offer.findUnique({ where: { id: offerId }, select: { id: true } });
  if (!offer) return offerGone(locale);
  const conditions = parsed.data.conditions as Prisma.InputJsonValue;
  await db.offerMoment.upsert({ where: { offerId_name: { offerId, name: parsed.data.name } }, create: { offerId, name: parsed.data.name, conditions }, update: { conditions } });
  return ok({ name: parsed.data.name });
}

export async function removeMomentTarget(offerId: string, targetId: string, { locale = DEFAULT_LOCALE }: { locale?: Locale } = {}): Promise<Result> {
  const { count } = await db.offerMoment.deleteMany({ where: { id: targetId, offerId } });
  if (count === 1) return ok({});
  const t = translator(locale);
  return fail("not_found", t("console.offerPage.momentGone"));
}
