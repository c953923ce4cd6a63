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
// All aggregates of a scope come from one statement (sliceRows): the per-impression facts are
// computed once and every aggregate reads them, where one query per aggregate walked the
// impressions, their decisions and payments four times (and fought for the same two cores).

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
 * (rows with byCurrency = true; the per-currency grouping of an unpaid offer is dropped).
 * Expiries include impressions whose window closed undecided. Reads the facts as `f`.
 */
const variantCountsOfFacts = Prisma.sql`
    SELECT * FROM (
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
      GROUP BY GROUPING SETS ((bucket, "offerId", "variantId"), (bucket, "offerId", "variantId", pay_currency))
    ) c WHERE NOT "byCurrency" OR currency IS NOT NULL`;

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
const exposureSumsOfFacts = Prisma.sql`
    WITH units AS (
      SELECT f.bucket, f.unit, COALESCE(min(s.currency), min(f.currency)) AS currency, min(s."orderAmount") AS "orderAmount",
             COALESCE(sum(f.net) FILTER (WHERE f.pay_currency = COALESCE(s.currency, f.currency)), 0)::float8 AS added,
             bool_or(f.net IS NOT NULL) AS took
      FROM f LEFT JOIN "FunnelSession" s ON s.id = f."funnelSessionId"
      GROUP BY f.bucket, f.unit
    ),
    exposed AS (
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
    FROM exposed e JOIN units u ON u.bucket = e.bucket AND u.unit = e.unit
    GROUP BY e.bucket, e."stepId", e."offerId", e."variantId", e.holdout, u.currency`;

export type OrderValueRow = { currency: string; withN: number; withSum: number; withoutN: number; withoutSum: number };

/** Store-wide order values of funnel visits: with an accepted offer (order + added) vs without. */
const orderValueSumsOfFacts = Prisma.sql`
    WITH units AS (
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
    FROM units GROUP BY bucket, currency`;

export type RevenuePointRow = { day: string; currency: string; revenue: number };

/** Net revenue added per UTC day of the offer being shown, per currency. */
const revenueByDayOfFacts = Prisma.sql`
    SELECT bucket, to_char("shownAt", 'YYYY-MM-DD') AS day, pay_currency AS currency, sum(net)::float8 AS revenue
    FROM f WHERE net IS NOT NULL
    GROUP BY 1, 2, 3`;

export type FunnelStepRow = {
  stepId: string; reached: number; holdout: number; accepted: number; declined: number; failed: number; unanswered: number; continued: number;
};

export type FunnelStartRow = { funnelId: string; started: number };

/** Visits started per funnel. */
function funnelStarts(s: Scope) {
  const startedAt = Prisma.raw(`"startedAt"`);
  return Prisma.sql`
      SELECT ${bucketOf(startedAt, s)} AS bucket, "funnelId", count(*)::int AS started FROM "FunnelSession" WHERE ${inScope(startedAt, s)} GROUP BY 1, 2`;
}

/** For every funnel step (from the facts `f`): visits that reached it, what they did there and how many went on. */
const funnelStepsOfFacts = Prisma.sql`
      WITH visits AS (
        SELECT bucket, "stepId", holdout, outcome,
               lead(id) OVER (PARTITION BY bucket, unit ORDER BY "shownAt", id) IS NOT NULL AS continued
        FROM f WHERE "stepId" IS NOT NULL
      )
      SELECT bucket, "stepId", count(*)::int AS reached, count(*) FILTER (WHERE holdout)::int AS holdout,
             count(*) FILTER (WHERE outcome = 'ACCEPTED')::int AS accepted,
             count(*) FILTER (WHERE outcome = 'DECLINED')::int AS declined,
             count(*) FILTER (WHERE outcome = 'FAILED')::int AS failed,
             count(*) FILTER (WHERE outcome = 'EXPIRED' OR (outcome IS NULL AND NOT holdout))::int AS unanswered,
             count(*) FILTER (WHERE continued)::int AS continued
      FROM visits GROUP BY bucket, "stepId"`;

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
function planChangeSums(s: Scope) {
  return Prisma.sql`
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

/** Every part of a slice, as rows tagged with their bucket (see slice.ts). */
export type SliceRows = {
  counts: Bucketed<VariantCountsRow>[]; exposures: Bucketed<ExposureRow>[]; orders: Bucketed<OrderValueRow>[]; revenue: Bucketed<RevenuePointRow>[];
  starts: Bucketed<FunnelStartRow>[]; steps: Bucketed<FunnelStepRow>[]; planChanges: Bucketed<PlanChangeRow>[];
};

/**
 * A part's rows as one JSON array (never null) sent as text; its numbers and booleans keep their
 * types. Text, parsed once in sliceRows: a json column is parsed by pg, serialised again by the
 * Prisma adapter and parsed once more by Prisma.
 */
const rowsOf = (name: string, order = Prisma.empty) => Prisma.sql`(SELECT COALESCE(json_agg(x ${order}), '[]'::json) FROM ${Prisma.raw(name)} x)::text`;

/**
 * Every aggregate of the scope in one statement. The facts are materialised once (they feed five
 * aggregates); each part comes back as a JSON array of its rows.
 */
export async function sliceRows(s: Scope): Promise<SliceRows> {
  const [row] = await db.$queryRaw<Record<keyof SliceRows, string>[]>`
    WITH f AS MATERIALIZED (${facts(s)}),
    counts AS (${variantCountsOfFacts}),
    exposures AS (${exposureSumsOfFacts}),
    orders AS (${orderValueSumsOfFacts}),
    revenue AS (${revenueByDayOfFacts}),
    starts AS (${funnelStarts(s)}),
    steps AS (${funnelStepsOfFacts}),
    plan_changes AS (${planChangeSums(s)})
    SELECT ${rowsOf("counts")} AS counts, ${rowsOf("exposures")} AS exposures,
           ${rowsOf("orders", Prisma.sql`ORDER BY x.bucket, x.currency`)} AS orders,
           ${rowsOf("revenue", Prisma.sql`ORDER BY x.bucket, x.day, x.currency`)} AS revenue,
           ${rowsOf("starts")} AS starts, ${rowsOf("steps")} AS steps, ${rowsOf("plan_changes")} AS "planChanges"`;
  return Object.fromEntries(Object.entries(row!).map(([part, rows]) => [part, JSON.parse(rows)])) as SliceRows;
}
