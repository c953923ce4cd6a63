import "server-only";
import { db, Prisma } from "@/lib/db/client";

// SQL aggregations behind the offer-stats page. Every query reads impressions shown in
// [from, to) through the OfferImpression(shownAt) index and joins each impression's one decision
// and the payments made for it (Payment.impressionId, set by the sync engine: the one-click charge
// and any hosted checkout bought instead, such as the "use another card" fallback after a failed
// charge). Revenue is a payment's total minus its refunded amount (kept by the webhook handler
// from succeeded refunds), counted only when the offer was accepted and the payment succeeded,
// and always grouped by currency.
// A Scope with `days` splits every aggregate per UTC day (column `bucket`, partitions included), so
// one statement gives exactly what one query per day would: that is how missing roll-ups are built.

/**
 * Impressions shown in [from, to); with `days` (YYYY-MM-DD) only those days, aggregated per day.
 * `maturedBefore`: only payments Dodo created before it count as revenue (the merchant's "count
 * revenue after N days", lib/stats/settings.ts); younger ones are `pending`. Absent = all count.
 */
export type Scope = { from: Date; to: Date; days?: string[]; maturedBefore?: Date | null };

/** Whether a payment (alias p) is old enough to count as revenue in the scope. */
const matured = (s: Scope) => (s.maturedBefore ? Prisma.sql`p."dodoCreatedAt" < ${s.maturedBefore}` : Prisma.sql`true`);

/** The rows of a query, each tagged with its UTC day ('' when the scope is not split). */
export type Bucketed<T> = T & { bucket: string };

/** The split key of a timestamp column: its UTC day, or one constant bucket for a plain range. */
const bucketOf = (column: Prisma.Sql, s: Scope) => (s.days ? Prisma.sql`to_char(${column}, 'YYYY-MM-DD')` : Prisma.sql`''`);

/**
 * A timestamp column within the scope; the range keeps the index, the day list skips clean days.
 * Days are matched as text: string_to_array folds to a constant (one hashed lookup per row, sane
 * row estimates), whereas a cast to date[] is stable and was re-evaluated for every row.
 */
function inScope(column: Prisma.Sql, s: Scope) {
  const range = Prisma.sql`${column} >= ${s.from} AND ${column} < ${s.to}`;
  return s.days ? Prisma.sql`${range} AND ${bucketOf(column, s)} = ANY(string_to_array(${s.days.join(",")}, ','))` : range;
}

const SHOWN_AT = Prisma.raw(`i."shownAt"`);

/** One row per impression in range, with its outcome and the net revenue it brought. */
function facts(s: Scope) {
  return Prisma.sql`
    SELECT ${bucketOf(SHOWN_AT, s)} AS bucket, i.id, i."offerId", i."variantId", i."stepId", i.holdout, i.currency, i."shownAt",
           COALESCE(i."funnelSessionId", i.id) AS unit, i."funnelSessionId",
           d.outcome::text AS outcome,
           (d.outcome IS NULL AND i."expiresAt" <= (now() AT TIME ZONE 'UTC')) AS lapsed,
           p.currency AS pay_currency, p.net, p.refunded, p.disputed, p.pending
    FROM "OfferImpression" i
    LEFT JOIN "OfferDecision" d ON d."impressionId" = i.id
    -- Every succeeded payment for the impression: usually one (the charge, or the checkout that
    -- replaced a failed one). They share the impression's currency: both charge its frozen price.
    -- Net of refunds and of disputes the merchant lost or accepted (that money went back). A
    -- payment younger than the merchant's wait is pending: not revenue (net stays NULL, as if
    -- unpaid, so lift and order value leave it out too) until it matures.
    LEFT JOIN LATERAL (
      SELECT min(p.currency) AS currency,
             sum(p."totalAmount" - p."refundedAmount" - COALESCE(x.lost, 0)) FILTER (WHERE ${matured(s)})::bigint AS net,
             sum(p."refundedAmount") FILTER (WHERE ${matured(s)})::bigint AS refunded,
             sum(COALESCE(x.lost, 0)) FILTER (WHERE ${matured(s)})::bigint AS disputed,
             sum(p."totalAmount" - p."refundedAmount" - COALESCE(x.lost, 0)) FILTER (WHERE NOT (${matured(s)}))::bigint AS pending
      FROM "Payment" p
      LEFT JOIN LATERAL (
        SELECT sum(x.amount) AS lost FROM "Dispute" x WHERE x."paymentId" = p.id AND x.status IN ('dispute_lost', 'dispute_accepted')
      ) x ON true
      WHERE p."impressionId" = i.id AND p.status = 'SUCCEEDED'
    ) p ON d.outcome = 'ACCEPTED'
    WHERE ${inScope(SHOWN_AT, s)}`;
}

export type VariantCountsRow = {
  offerId: string; variantId: string | null; currency: string | null; byCurrency: boolean;
  impressions: number; accepts: number; declines: number; failures: number; expiries: number; revenue: number;
  /** Refunded, and lost or accepted in disputes, of the accepted offers' payments (already taken off revenue). Absent in roll-ups stored before they were counted. */
  refunded?: number; disputed?: number;
  /** Net of accepted offers' payments younger than the merchant's wait: not in revenue yet. Absent in older roll-ups. */
  pending?: number;
};

/**
 * Offer/variant counts (holdout excluded) and, in the same pass, revenue per payment currency
 * (rows with byCurrency = true). Expiries include impressions whose window closed undecided.
 */
export async function variantCounts(s: Scope): Promise<Bucketed<VariantCountsRow>[]> {
  const rows = await db.$queryRaw<Bucketed<VariantCountsRow>[]>`
    WITH f AS (${facts(s)})
    SELECT bucket, "offerId", "variantId", pay_currency AS currency, (GROUPING(pay_currency) = 0) AS "byCurrency",
           count(*)::int AS impressions,
           count(*) FILTER (WHERE outcome = 'ACCEPTED')::int AS accepts,
           count(*) FILTER (WHERE outcome = 'DECLINED')::int AS declines,
           count(*) FILTER (WHERE outcome = 'FAILED')::int AS failures,
           count(*) FILTER (WHERE outcome = 'EXPIRED' OR lapsed)::int AS expiries,
           COALESCE(sum(net), 0)::float8 AS revenue,
           COALESCE(sum(refunded), 0)::float8 AS refunded,
           COALESCE(sum(disputed), 0)::float8 AS disputed,
           COALESCE(sum(pending), 0)::float8 AS pending
    FROM f
    WHERE NOT holdout AND "offerId" IS NOT NULL
    GROUP BY GROUPING SETS ((bucket, "offerId", "variantId"), (bucket, "offerId", "variantId", pay_currency))`;
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
export async function exposureSums(s: Scope): Promise<Bucketed<ExposureRow>[]> {
  return db.$queryRaw<Bucketed<ExposureRow>[]>`
    WITH f AS (${facts(s)}),
    units AS (
      SELECT f.bucket, f.unit, COALESCE(min(s.currency), min(f.currency)) AS currency, min(s."orderAmount") AS "orderAmount",
             COALESCE(sum(f.net) FILTER (WHERE f.pay_currency = COALESCE(s.currency, f.currency)), 0)::float8 AS added,
             bool_or(f.net IS NOT NULL) AS took
      FROM f LEFT JOIN "FunnelSession" s ON s.id = f."funnelSessionId"
      GROUP BY f.bucket, f.unit
    ),
    exposures AS (
      SELECT bucket, "stepId", "offerId", "variantId", holdout, unit, bool_or(net IS NOT NULL) AS took_here
      FROM f WHERE holdout OR "offerId" IS NOT NULL
      GROUP BY bucket, "stepId", "offerId", "variantId", holdout, unit
    )
    SELECT e.bucket, e."stepId", e."offerId", e."variantId", e.holdout, u.currency,
           count(*)::int AS n,
           sum(u.added)::float8 AS "sumAdded",
           sum(u.added * u.added)::float8 AS "sumSqAdded",
           count(*) FILTER (WHERE u.took)::int AS converted,
           count(u."orderAmount") FILTER (WHERE e.took_here)::int AS "withN",
           COALESCE(sum(u."orderAmount" + u.added) FILTER (WHERE e.took_here), 0)::float8 AS "withSum",
           count(u."orderAmount") FILTER (WHERE NOT e.took_here)::int AS "withoutN",
           COALESCE(sum(u."orderAmount" + u.added) FILTER (WHERE NOT e.took_here), 0)::float8 AS "withoutSum"
    FROM exposures e JOIN units u ON u.bucket = e.bucket AND u.unit = e.unit
    GROUP BY e.bucket, e."stepId", e."offerId", e."variantId", e.holdout, u.currency`;
}

export type OrderValueRow = { currency: string; withN: number; withSum: number; withoutN: number; withoutSum: number };

/** Store-wide order values of funnel visits: with an accepted offer (order + added) vs without. */
export async function orderValueSums(s: Scope): Promise<Bucketed<OrderValueRow>[]> {
  return db.$queryRaw<Bucketed<OrderValueRow>[]>`
    WITH f AS (${facts(s)}),
    units AS (
      SELECT f.bucket, s.currency, s."orderAmount",
             COALESCE(sum(f.net) FILTER (WHERE f.pay_currency = s.currency), 0)::float8 AS added,
             bool_or(f.net IS NOT NULL) AS took
      FROM f JOIN "FunnelSession" s ON s.id = f."funnelSessionId"
      GROUP BY f.bucket, f."funnelSessionId", s.currency, s."orderAmount"
    )
    SELECT bucket, currency,
           count(*) FILTER (WHERE took)::int AS "withN",
           COALESCE(sum("orderAmount" + added) FILTER (WHERE took), 0)::float8 AS "withSum",
           count(*) FILTER (WHERE NOT took)::int AS "withoutN",
           COALESCE(sum("orderAmount") FILTER (WHERE NOT took), 0)::float8 AS "withoutSum"
    FROM units GROUP BY bucket, currency ORDER BY bucket, currency`;
}

export type RevenuePointRow = { day: string; currency: string; revenue: number };

/** Net revenue added per UTC day of the offer being shown, per currency. */
export async function revenueByDay(s: Scope): Promise<Bucketed<RevenuePointRow>[]> {
  return db.$queryRaw<Bucketed<RevenuePointRow>[]>`
    WITH f AS (${facts(s)})
    SELECT bucket, to_char("shownAt", 'YYYY-MM-DD') AS day, pay_currency AS currency, sum(net)::float8 AS revenue
    FROM f WHERE net IS NOT NULL
    GROUP BY 1, 2, 3 ORDER BY 1, 2, 3`;
}

export type FunnelStepRow = {
  stepId: string; reached: number; holdout: number; accepted: number; declined: number; failed: number; unanswered: number; continued: number;
};

export type FunnelStartRow = { funnelId: string; started: number };

/** For every funnel step: visits that reached it, what they did there and how many went on; and visits started per funnel. */
export async function funnelFlows(s: Scope): Promise<{ starts: Bucketed<FunnelStartRow>[]; steps: Bucketed<FunnelStepRow>[] }> {
  const startedAt = Prisma.raw(`"startedAt"`);
  const [starts, steps] = await Promise.all([
    db.$queryRaw<Bucketed<FunnelStartRow>[]>`
      SELECT ${bucketOf(startedAt, s)} AS bucket, "funnelId", count(*)::int AS started FROM "FunnelSession" WHERE ${inScope(startedAt, s)} GROUP BY 1, 2`,
    db.$queryRaw<Bucketed<FunnelStepRow>[]>`
      WITH f AS (
        SELECT ${bucketOf(SHOWN_AT, s)} AS bucket, i."stepId", i.holdout, d.outcome::text AS outcome,
               lead(i.id) OVER (PARTITION BY ${bucketOf(SHOWN_AT, s)}, COALESCE(i."funnelSessionId", i.id) ORDER BY i."shownAt", i.id) IS NOT NULL AS continued
        FROM "OfferImpression" i
        LEFT JOIN "OfferDecision" d ON d."impressionId" = i.id
        WHERE ${inScope(SHOWN_AT, s)} AND i."stepId" IS NOT NULL
      )
      SELECT bucket, "stepId", count(*)::int AS reached, count(*) FILTER (WHERE holdout)::int AS holdout,
             count(*) FILTER (WHERE outcome = 'ACCEPTED')::int AS accepted,
             count(*) FILTER (WHERE outcome = 'DECLINED')::int AS declined,
             count(*) FILTER (WHERE outcome = 'FAILED')::int AS failed,
             count(*) FILTER (WHERE outcome = 'EXPIRED' OR (outcome IS NULL AND NOT holdout))::int AS unanswered,
             count(*) FILTER (WHERE continued)::int AS continued
      FROM f GROUP BY bucket, "stepId"`,
  ]);
  return { starts, steps };
}

/** Per day of the scope: the latest expiry among its offers still awaiting an answer, while any is open. */
export async function openUntilByDay(s: Scope): Promise<Map<string, Date>> {
  const rows = await db.$queryRaw<{ bucket: string; until: Date }[]>`
    SELECT ${bucketOf(SHOWN_AT, s)} AS bucket, max(i."expiresAt") AS until
    FROM "OfferImpression" i LEFT JOIN "OfferDecision" d ON d."impressionId" = i.id
    WHERE ${inScope(SHOWN_AT, s)} AND d.id IS NULL AND NOT i.holdout AND i."expiresAt" > (now() AT TIME ZONE 'UTC')
    GROUP BY 1`;
  return new Map(rows.map((r) => [r.bucket, r.until]));
}

export type PlanChangeRow = {
  ladderId: string | null; origin: string; direction: string | null; currency: string;
  sent: number; applied: number; scheduled: number; failed: number; awaiting: number; kept: number;
  chargedNow: number; mrrApplied: number; mrrScheduled: number;
};

const SUBMITTED_AT = Prisma.raw(`c."submittedAt"`);

/**
 * Plan changes sent to Dodo in the scope (by when they were sent), per ladder, origin, direction
 * and currency, with their outcome so far: applied, scheduled (a downgrade at the next billing
 * date), refused or failed, awaiting Dodo (sent, or its outcome unknown), or called off by the
 * customer ("keep my plan"). Charged now is the change's own payment, if it succeeded, net of
 * refunds; the MRR change is what applied (and what is scheduled) changes monthly recurring revenue by.
 */
export async function planChangeSums(s: Scope): Promise<Bucketed<PlanChangeRow>[]> {
  return db.$queryRaw<Bucketed<PlanChangeRow>[]>`
    SELECT ${bucketOf(SUBMITTED_AT, s)} AS bucket, c."ladderId", c.origin::text AS origin, c.direction::text AS direction, c.currency,
           count(*)::int AS sent,
           count(*) FILTER (WHERE c.status = 'APPLIED')::int AS applied,
           count(*) FILTER (WHERE c.status = 'SCHEDULED')::int AS scheduled,
           count(*) FILTER (WHERE c.status = 'FAILED')::int AS failed,
           count(*) FILTER (WHERE c.status IN ('SUBMITTED', 'UNKNOWN'))::int AS awaiting,
           count(*) FILTER (WHERE c.status = 'CANCELLED')::int AS kept,
           COALESCE(sum(p."totalAmount" - p."refundedAmount") FILTER (WHERE p.status = 'SUCCEEDED' AND p.currency = c.currency AND ${matured(s)}), 0)::float8 AS "chargedNow",
           COALESCE(sum(c."mrrDeltaAmount") FILTER (WHERE c.status = 'APPLIED'), 0)::float8 AS "mrrApplied",
           COALESCE(sum(c."mrrDeltaAmount") FILTER (WHERE c.status = 'SCHEDULED'), 0)::float8 AS "mrrScheduled"
    FROM "PlanChange" c
    LEFT JOIN "Payment" p ON p.id = c."dodoPaymentId"
    WHERE ${inScope(SUBMITTED_AT, s)}
    GROUP BY 1, 2, 3, 4, 5`;
}
