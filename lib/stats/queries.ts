import "server-only";
import { db, Prisma } from "@/lib/db";

// SQL aggregations behind the offer-stats page. Every query reads impressions shown in
// [from, to) through the OfferImpression(shownAt) index and joins each impression's one decision,
// its one charge attempt and that attempt's payment by unique keys. Revenue is a payment's total
// minus its refunded amount (kept by the webhook handler from succeeded refunds), counted only
// when the offer was accepted and the payment succeeded, and always grouped by currency.

/** One row per impression in range, with its outcome and the net revenue it brought. */
function facts(from: Date, to: Date) {
  return Prisma.sql`
    SELECT i.id, i."offerId", i."variantId", i."stepId", i.holdout, i.currency, i."shownAt",
           COALESCE(i."funnelSessionId", i.id) AS unit, i."funnelSessionId",
           d.outcome::text AS outcome,
           (d.outcome IS NULL AND i."expiresAt" <= (now() AT TIME ZONE 'UTC')) AS lapsed,
           p.currency AS pay_currency,
           (p."totalAmount" - p."refundedAmount")::bigint AS net
    FROM "OfferImpression" i
    LEFT JOIN "OfferDecision" d ON d."impressionId" = i.id
    LEFT JOIN "ChargeAttempt" c ON c."impressionId" = i.id
    LEFT JOIN "Payment" p ON p.id = c."dodoPaymentId" AND p.status = 'SUCCEEDED' AND d.outcome = 'ACCEPTED'
    WHERE i."shownAt" >= ${from} AND i."shownAt" < ${to}`;
}

export type VariantCountsRow = {
  offerId: string; variantId: string | null; currency: string | null; byCurrency: boolean;
  impressions: number; accepts: number; declines: number; failures: number; expiries: number; revenue: number;
};

/**
 * Offer/variant counts (holdout excluded) and, in the same pass, revenue per payment currency
 * (rows with byCurrency = true). Expiries include impressions whose window closed undecided.
 */
export async function variantCounts(from: Date, to: Date): Promise<VariantCountsRow[]> {
  const rows = await db.$queryRaw<VariantCountsRow[]>`
    WITH f AS (${facts(from, to)})
    SELECT "offerId", "variantId", pay_currency AS currency, (GROUPING(pay_currency) = 0) AS "byCurrency",
           count(*)::int AS impressions,
           count(*) FILTER (WHERE outcome = 'ACCEPTED')::int AS accepts,
           count(*) FILTER (WHERE outcome = 'DECLINED')::int AS declines,
           count(*) FILTER (WHERE outcome = 'FAILED')::int AS failures,
           count(*) FILTER (WHERE outcome = 'EXPIRED' OR lapsed)::int AS expiries,
           COALESCE(sum(net), 0)::float8 AS revenue
    FROM f
    WHERE NOT holdout AND "offerId" IS NOT NULL
    GROUP BY GROUPING SETS (("offerId", "variantId"), ("offerId", "variantId", pay_currency))`;
  return rows.filter((r) => !r.byCurrency || r.currency !== null);
}

export type ExposureRow = {
  stepId: string | null; offerId: string | null; variantId: string | null; holdout: boolean; currency: string;
  n: number; sumAdded: number; sumSqAdded: number; converted: number;
  withN: number; withSum: number; withoutN: number; withoutSum: number;
};

/**
 * Per customer visit ("unit": the funnel session, or the impression itself outside a funnel):
 * the net revenue that all accepted offers added, and whether any was taken. Grouped by what the
 * visit was exposed to (offer variant, or a step's holdout), as additive sums (so days roll up):
 * the samples for lift and the order values (original order + added revenue) of visits that took
 * that offer and of those that did not. Added revenue counts in the visit's order currency only.
 */
export async function exposureSums(from: Date, to: Date): Promise<ExposureRow[]> {
  return db.$queryRaw<ExposureRow[]>`
    WITH f AS (${facts(from, to)}),
    units AS (
      SELECT f.unit, COALESCE(min(s.currency), min(f.currency)) AS currency, min(s."orderAmount") AS "orderAmount",
             COALESCE(sum(f.net) FILTER (WHERE f.pay_currency = COALESCE(s.currency, f.currency)), 0)::float8 AS added,
             bool_or(f.net IS NOT NULL) AS took
      FROM f LEFT JOIN "FunnelSession" s ON s.id = f."funnelSessionId"
      GROUP BY f.unit
    ),
    exposures AS (
      SELECT "stepId", "offerId", "variantId", holdout, unit, bool_or(net IS NOT NULL) AS took_here
      FROM f WHERE holdout OR "offerId" IS NOT NULL
      GROUP BY "stepId", "offerId", "variantId", holdout, unit
    )
    SELECT e."stepId", e."offerId", e."variantId", e.holdout, u.currency,
           count(*)::int AS n,
           sum(u.added)::float8 AS "sumAdded",
           sum(u.added * u.added)::float8 AS "sumSqAdded",
           count(*) FILTER (WHERE u.took)::int AS converted,
           count(u."orderAmount") FILTER (WHERE e.took_here)::int AS "withN",
           COALESCE(sum(u."orderAmount" + u.added) FILTER (WHERE e.took_here), 0)::float8 AS "withSum",
           count(u."orderAmount") FILTER (WHERE NOT e.took_here)::int AS "withoutN",
           COALESCE(sum(u."orderAmount" + u.added) FILTER (WHERE NOT e.took_here), 0)::float8 AS "withoutSum"
    FROM exposures e JOIN units u ON u.unit = e.unit
    GROUP BY e."stepId", e."offerId", e."variantId", e.holdout, u.currency`;
}

export type OrderValueRow = { currency: string; withN: number; withSum: number; withoutN: number; withoutSum: number };

/** Store-wide order values of funnel visits: with an accepted offer (order + added) vs without. */
export async function orderValueSums(from: Date, to: Date): Promise<OrderValueRow[]> {
  return db.$queryRaw<OrderValueRow[]>`
    WITH f AS (${facts(from, to)}),
    units AS (
      SELECT s.currency, s."orderAmount",
             COALESCE(sum(f.net) FILTER (WHERE f.pay_currency = s.currency), 0)::float8 AS added,
             bool_or(f.net IS NOT NULL) AS took
      FROM f JOIN "FunnelSession" s ON s.id = f."funnelSessionId"
      GROUP BY f."funnelSessionId", s.currency, s."orderAmount"
    )
    SELECT currency,
           count(*) FILTER (WHERE took)::int AS "withN",
           COALESCE(sum("orderAmount" + added) FILTER (WHERE took), 0)::float8 AS "withSum",
           count(*) FILTER (WHERE NOT took)::int AS "withoutN",
           COALESCE(sum("orderAmount") FILTER (WHERE NOT took), 0)::float8 AS "withoutSum"
    FROM units GROUP BY currency ORDER BY currency`;
}

export type RevenuePointRow = { day: string; currency: string; revenue: number };

/** Net revenue added per UTC day of the offer being shown, per currency. */
export async function revenueByDay(from: Date, to: Date): Promise<RevenuePointRow[]> {
  return db.$queryRaw<RevenuePointRow[]>`
    WITH f AS (${facts(from, to)})
    SELECT to_char("shownAt", 'YYYY-MM-DD') AS day, pay_currency AS currency, sum(net)::float8 AS revenue
    FROM f WHERE net IS NOT NULL
    GROUP BY 1, 2 ORDER BY 1, 2`;
}

export type FunnelStepRow = {
  stepId: string; reached: number; holdout: number; accepted: number; declined: number; failed: number; unanswered: number; continued: number;
};

export type FunnelStartRow = { funnelId: string; started: number };

/** For every funnel step: visits that reached it, what they did there and how many went on; and visits started per funnel. */
export async function funnelFlows(from: Date, to: Date): Promise<{ starts: FunnelStartRow[]; steps: FunnelStepRow[] }> {
  const [starts, steps] = await Promise.all([
    db.$queryRaw<FunnelStartRow[]>`
      SELECT "funnelId", count(*)::int AS started FROM "FunnelSession" WHERE "startedAt" >= ${from} AND "startedAt" < ${to} GROUP BY "funnelId"`,
    db.$queryRaw<FunnelStepRow[]>`
      WITH f AS (
        SELECT i."stepId", i.holdout, d.outcome::text AS outcome,
               lead(i.id) OVER (PARTITION BY COALESCE(i."funnelSessionId", i.id) ORDER BY i."shownAt", i.id) IS NOT NULL AS continued
        FROM "OfferImpression" i
        LEFT JOIN "OfferDecision" d ON d."impressionId" = i.id
        WHERE i."shownAt" >= ${from} AND i."shownAt" < ${to} AND i."stepId" IS NOT NULL
      )
      SELECT "stepId", count(*)::int AS reached, count(*) FILTER (WHERE holdout)::int AS holdout,
             count(*) FILTER (WHERE outcome = 'ACCEPTED')::int AS accepted,
             count(*) FILTER (WHERE outcome = 'DECLINED')::int AS declined,
             count(*) FILTER (WHERE outcome = 'FAILED')::int AS failed,
             count(*) FILTER (WHERE outcome = 'EXPIRED' OR (outcome IS NULL AND NOT holdout))::int AS unanswered,
             count(*) FILTER (WHERE continued)::int AS continued
      FROM f GROUP BY "stepId"`,
  ]);
  return { starts, steps };
}
