import "server-only";
import { db, type Prisma } from "@/lib/db/client";
import { fail, invalid, ok, type Result } from "@/lib/result";
import { conditionLines, momentTargetSchema, storedConditions } from "./moment-targeting";

// The merchant's moment targets of an offer (OfferMoment): which moments in their app show it.

export async function momentTargets(offerId: string): Promise<{ id: string; name: string; lines: string[] }[]> {
  const rows = await db.offerMoment.findMany({ where: { offerId }, orderBy: { createdAt: "asc" } });
  return rows.map((r) => ({ id: r.id, name: r.name, lines: conditionLines(storedConditions(r.conditions) ?? {}) }));
}

/** Adds (or replaces, for the same moment name) a target of the offer. */
export async function setMomentTarget(offerId: string, raw: unknown): Promise<Result<{ name: string }>> {
  const parsed = momentTargetSchema.safeParse(raw);
  if (!parsed.success) return invalid(parsed.error);
  const offer = await db.offer.findUnique({ where: { id: offerId }, select: { id: true } });
  if (!offer) return fail("not_found", "This offer no longer exists.");
  const conditions = parsed.data.conditions as Prisma.InputJsonValue;
  await db.offerMoment.upsert({ where: { offerId_name: { offerId, name: parsed.data.name } }, create: { offerId, name: parsed.data.name, conditions }, update: { conditions } });
  return ok({ name: parsed.data.name });
}

export async function removeMomentTarget(offerId: string, targetId: string): Promise<Result> {
  const { count } = await db.offerMoment.deleteMany({ where: { id: targetId, offerId } });
  return count === 1 ? ok({}) : fail("not_found", "This moment was already removed.");
}
