import "server-only";
import { db, Prisma } from "@/lib/db/client";
import { DEFAULT_LOCALE, type Locale } from "@/lib/i18n/locales";
import type { DateRange } from "@/lib/stats/range";
import { offerLabel } from "./labels";
export { reasonLabel } from "./labels";
import { buildRetentionReport, type GroupRow, type OfferRow, type ReasonDayRow, type RetentionReport } from "./stats-report";

// SQL behind the retention section: cancel attempts started in [from, to), each with whether it
// was saved (its save's plan change or pause did happen), cancelled or kept, and the net revenue
// its subscription brought in the 30 and 90 days after it (successful payments minus refunds, in
// the attempt's currency). Holdout and offered groups are compared by assignment (everyone drawn
// into the holdout counts, whatever they did next), so the lift is not biased by who clicked.

function facts(range: DateRange) {
  return Prisma.sql`
    SELECT ca.id, ca."saveOfferId", ca.reason::text AS reason, ca."offerKind"::text AS kind, ca.holdout, ca.currency, ca."startedAt",
      (ca.status = 'SAVED' AND (pc.id IS NULL OR pc.status NOT IN ('FAILED', 'CANCELLED')) AND (sa.id IS NULL OR sa.status NOT IN ('REFUSED', 'NOT_APPLIED'))) AS saved,
      (ca.status = 'CANCELLED') AS cancelled,
      COALESCE(r.rev30, 0)::bigint AS rev30, COALESCE(r.rev90, 0)::bigint AS rev90
    FROM "CancelAttempt" ca
    LEFT JOIN "PlanChange" pc ON pc.id = ca."planChangeId"
    LEFT JOIN "SubscriptionAction" sa ON sa.id = ca."actionId"
    LEFT JOIN LATERAL (
      SELECT SUM(p."totalAmount" - p."refundedAmount") FILTER (WHERE p."dodoCreatedAt" <= ca."startedAt" + interval '30 days') AS rev30,
             SUM(p."totalAmount" - p."refundedAmount") AS rev90
      FROM "Payment" p
      WHERE p."subscriptionId" = ca."subscriptionId" AND p.status = 'SUCCEEDED' AND p.currency = ca.currency
        AND p."dodoCreatedAt" > ca."startedAt" AND p."dodoCreatedAt" <= ca."startedAt" + interval '90 days'
    ) r ON true
    WHERE ca."startedAt" >= ${range.from} AND ca."startedAt" < ${range.to}`;
}

async function groups(range: DateRange): Promise<GroupRow[]> {
  return db.$queryRaw<GroupRow[]>`
    WITH f AS (${facts(range)})
    SELECT currency,
      CASE WHEN holdout THEN 'holdout' WHEN "saveOfferId" IS NOT NULL THEN 'offered' ELSE 'no_offer' END AS "group",
      COUNT(*)::int AS attempts, COUNT(*) FILTER (WHERE saved)::int AS saves, COUNT(*) FILTER (WHERE cancelled)::int AS cancels,
      COUNT(*) FILTER (WHERE NOT cancelled)::int AS retained,
      SUM(rev30)::float8 AS rev30, SUM(rev30::float8 * rev30::float8)::float8 AS "rev30Sq", SUM(rev90)::float8 AS rev90
    FROM f GROUP BY 1, 2 ORDER BY 1, 2`;
}

async function offers(range: DateRange): Promise<OfferRow[]> {
  return db.$queryRaw<OfferRow[]>`
    WITH f AS (${facts(range)})
    SELECT "saveOfferId", reason, kind, currency, COUNT(*)::int AS shown, COUNT(*) FILTER (WHERE saved)::int AS saves,
      COALESCE(SUM(rev30) FILTER (WHERE saved), 0)::float8 AS "savedRev30", COALESCE(SUM(rev90) FILTER (WHERE saved), 0)::float8 AS "savedRev90"
    FROM f WHERE "saveOfferId" IS NOT NULL AND NOT holdout
    GROUP BY 1, 2, 3, 4`;
}

async function reasonDays(range: DateRange): Promise<ReasonDayRow[]> {
  return db.$queryRaw<ReasonDayRow[]>`
    SELECT to_char(ca."startedAt", 'YYYY-MM-DD') AS day, COALESCE(ca.reason::text, 'NONE') AS reason, COUNT(*)::int AS attempts
    FROM "CancelAttempt" ca WHERE ca."startedAt" >= ${range.from} AND ca."startedAt" < ${range.to}
    GROUP BY 1, 2`;
}

function daysOf(range: DateRange): string[] {
  const days: string[] = [];
  for (let t = range.from.getTime(); t < range.to.getTime(); t += 86_400_000) days.push(new Date(t).toISOString().slice(0, 10));
  return days;
}

/** Everything the retention section and its CSV show for a date range (offer labels in `locale`; the CSV's are English). */
export async function getRetentionReport(range: DateRange, { locale = DEFAULT_LOCALE }: { locale?: Locale } = {}): Promise<RetentionReport> {
  const [groupRows, offerRows, reasonRows] = await Promise.all([groups(range), offers(range), reasonDays(range)]);
  const meta = await db.saveOffer.findMany({ where: { id: { in: [...new Set(offerRows.map((o) => o.saveOfferId))] } }, include: { ladder: { select: { name: true } }, targetProduct: { select: { name: true } } } });
  return buildRetentionReport({
    groups: groupRows,
    offers: offerRows,
    reasonDays: reasonRows,
    days: daysOf(range),
    offerMeta: meta.map((m) => ({
      id: m.id,
      ladderName: m.ladder.name,
      reason: m.reason,
      kind: m.kind,
      label: offerLabel(m, locale),
    })),
  });
}
