import "server-only";
import { db } from "@/lib/db/client";
import type { OfferMeta, VariantMeta } from "./report";

// The names the stats page shows beside its numbers, as raw SQL: each Prisma model query costs
// ~3 ms of CPU to compile, which was most of a warm year's report once its roll-ups were coarse.

const list = (ids: string[]) => ids.join(",");

/**
 * The offers of the given ids and every active offer (a new one shows up at zero), by name; the
 * given variants with their step and funnel names; the given ladders. One statement.
 */
export async function reportNames(ids: { offers: string[]; variants: string[]; ladders: string[] }): Promise<{
  offers: OfferMeta[]; variants: VariantMeta[]; ladders: { id: string; name: string }[];
}> {
  // Ids never contain commas (cuid / Dodo ids), so they travel as one text parameter each.
  const [row] = await db.$queryRaw<{ offers: string; variants: string; ladders: string }[]>`
    SELECT
      (SELECT COALESCE(json_agg(o ORDER BY o.name, o.id), '[]') FROM (
        SELECT id, name, kind::text AS kind, active FROM "Offer" WHERE id = ANY(string_to_array(${list(ids.offers)}, ',')) OR active
      ) o)::text AS offers,
      (SELECT COALESCE(json_agg(v), '[]') FROM (
        SELECT v.id, v.label, v."stepId", s.name AS "stepName", f.name AS "funnelName"
        FROM "StepVariant" v JOIN "FunnelStep" s ON s.id = v."stepId" JOIN "Funnel" f ON f.id = s."funnelId"
        WHERE v.id = ANY(string_to_array(${list(ids.variants)}, ','))
      ) v)::text AS variants,
      (SELECT COALESCE(json_agg(l), '[]') FROM (
        SELECT id, name FROM "PlanLadder" WHERE id = ANY(string_to_array(${list(ids.ladders)}, ','))
      ) l)::text AS ladders`;
  return { offers: JSON.parse(row!.offers), variants: JSON.parse(row!.variants), ladders: JSON.parse(row!.ladders) };
}

/** A funnel's name and its steps in position order, or null when it does not exist. */
export async function funnelSteps(funnelId: string): Promise<{ id: string; name: string; steps: { id: string; name: string; position: number }[] } | null> {
  const [row] = await db.$queryRaw<{ funnel: string }[]>`
    SELECT json_build_object('id', f.id, 'name', f.name, 'steps', COALESCE(
      (SELECT json_agg(json_build_object('id', s.id, 'name', s.name, 'position', s.position) ORDER BY s.position) FROM "FunnelStep" s WHERE s."funnelId" = f.id), '[]'
    ))::text AS funnel
    FROM "Funnel" f WHERE f.id = ${funnelId}`;
  return row ? JSON.parse(row.funnel) : null;
}
