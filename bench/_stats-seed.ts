// Seeds the offer-stats benchmark with set-based SQL (INSERT … SELECT generate_series): a funnel of
// five steps × two variants with a 10% holdout, SESSIONS funnel visits over the last year with two
// impressions each, decisions for 95% of offer impressions (the rest are left unanswered), and a charge attempt plus a payment
// (5% partly refunded) for every accept. Pseudo-random but deterministic (hash of the row number),
// inserted in time order as production writes them.
import type pg from "pg";

export const SESSIONS = 500_000;
const CUSTOMERS = 200_000;
const STEPS = 5;

/** A stable pseudo-random number in [0, 1) from any SQL expression. */
const rnd = (expr: string) => `((hashtext((${expr})::text) & 2147483647)::float8 / 2147483648)`;

/**
 * A visit's start: in the year before the seed, at least 20 minutes before it, so every offer
 * window (15 minutes) has closed before the bench reads anything: one still open at the reference
 * request and lapsed by the next would change the expiries between two reports it compares.
 */
const START = `date_trunc('second', now()) - interval '20 minutes' - ${rnd("'t' || g")} * interval '365 days' AS t`;

export async function seedStats(client: pg.Client): Promise<{ impressions: number; decisions: number; payments: number }> {
  // Bulk-loaded history: skip the dirty-day triggers (no roll-up exists yet, so every day is
  // computed on first request anyway). Needs the superuser the embedded server runs as.
  await client.query(`SET session_replication_role = replica`);
  await client.query(`
    INSERT INTO "Product"(id, name, kind, "priceAmount", currency, "updatedAt") VALUES
      ('pdt_bench_a', 'Bench A', 'ONE_TIME', 4900, 'USD', now()), ('pdt_bench_b', 'Bench B', 'ONE_TIME', 1900, 'USD', now());
    INSERT INTO "Offer"(id, name, kind, "offeredProductId", headline, "updatedAt")
      SELECT 'off_bench_' || s || v, 'Bench offer ' || s || v, (CASE WHEN s % 2 = 1 THEN 'UPSELL' ELSE 'DOWNSELL' END)::"OfferKind",
             CASE WHEN v = 'A' THEN 'pdt_bench_a' ELSE 'pdt_bench_b' END, 'Bench', now()
      FROM generate_series(1, ${STEPS}) s, unnest(ARRAY['A', 'B']) v;
    INSERT INTO "Funnel"(id, name, "updatedAt") VALUES ('fun_bench', 'Bench funnel', now());
    INSERT INTO "FunnelStep"(id, "funnelId", position, name, "holdoutBps", "updatedAt")
      SELECT 'stp_bench_' || s, 'fun_bench', s, 'Step ' || s, 1000, now() FROM generate_series(1, ${STEPS}) s;
    UPDATE "FunnelStep" SET "onDeclineStepId" = 'stp_bench_' || (position + 1) WHERE "funnelId" = 'fun_bench' AND position < ${STEPS};
    UPDATE "Funnel" SET "entryStepId" = 'stp_bench_1' WHERE id = 'fun_bench';
    INSERT INTO "StepVariant"(id, "stepId", "offerId", label, "weightBps")
      SELECT 'var_bench_' || s || v, 'stp_bench_' || s, 'off_bench_' || s || v, v, 5000 FROM generate_series(1, ${STEPS}) s, unnest(ARRAY['A', 'B']) v;
    INSERT INTO "Customer"(id, "dodoCustomerId", email, "updatedAt")
      SELECT 'cus_bench_' || g, 'cus_dodo_bench_' || g, 'c' || g || '@bench.example', now() FROM generate_series(1, ${CUSTOMERS}) g;
  `);
  await client.query(`
    INSERT INTO "FunnelSession"(id, "customerId", "funnelId", "orderAmount", currency, "startedAt", "expiresAt", status)
      SELECT 'fs_bench_' || g, 'cus_bench_' || (1 + g % ${CUSTOMERS}), 'fun_bench', 1000 + floor(${rnd("'o' || g")} * 9000)::int, 'USD', t, t + interval '15 minutes', 'COMPLETED'
      FROM (SELECT g, ${START} FROM generate_series(1, ${SESSIONS}) g) s
      ORDER BY t`);
  // Two impressions per visit: step k and step k+1 (reached by declining), 10% held out.
  await client.query(`
    INSERT INTO "OfferImpression"(id, "customerId", "offerId", "stepId", "variantId", "funnelSessionId", placement, holdout, "priceAmount", "listPriceAmount", currency, "expiresAt", "shownAt")
      SELECT 'imp_bench_' || g || '_' || k, 'cus_bench_' || (1 + g % ${CUSTOMERS}),
             CASE WHEN holdout THEN NULL ELSE 'off_bench_' || step || v END, 'stp_bench_' || step,
             CASE WHEN holdout THEN NULL ELSE 'var_bench_' || step || v END, 'fs_bench_' || g, 'THANK_YOU', holdout,
             CASE WHEN holdout THEN 0 WHEN v = 'A' THEN 4900 ELSE 1900 END, CASE WHEN holdout THEN 0 WHEN v = 'A' THEN 4900 ELSE 1900 END, 'USD',
             t + interval '15 minutes', t + k * interval '1 minute'
      FROM (
        SELECT g, k, t, 1 + ((g + k) % ${STEPS}) AS step,
               CASE WHEN ${rnd("'v' || g || k")} < 0.5 THEN 'A' ELSE 'B' END AS v,
               ${rnd("'h' || g || k")} < 0.10 AS holdout
        FROM (SELECT g, ${START} FROM generate_series(1, ${SESSIONS}) g) s, generate_series(0, 1) k
      ) x
      ORDER BY t, k`);
  await client.query(`
    INSERT INTO "OfferDecision"(id, "impressionId", outcome, "decidedAt")
      SELECT 'dec_' || i.id, i.id,
             (CASE WHEN r < 0.12 THEN 'ACCEPTED' WHEN r < 0.14 THEN 'FAILED' WHEN r < 0.20 THEN 'EXPIRED' ELSE 'DECLINED' END)::"DecisionOutcome",
             i."shownAt" + interval '30 seconds'
      FROM (SELECT id, "shownAt", ${rnd("'d' || id")} AS r FROM "OfferImpression" WHERE NOT holdout AND id LIKE 'imp_bench_%') i
      WHERE r < 0.95`);
  await client.query(`
    INSERT INTO "Payment"(id, "customerId", "impressionId", status, "totalAmount", currency, "refundedAmount", "refundState", "dodoCreatedAt", "sourceUpdatedAt", "updatedAt")
      SELECT 'pay_' || i.id, i."customerId", i.id, 'SUCCEEDED', i."priceAmount", 'USD',
             CASE WHEN ${rnd("'r' || i.id")} < 0.05 THEN i."priceAmount" / 2 ELSE 0 END,
             (CASE WHEN ${rnd("'r' || i.id")} < 0.05 THEN 'PARTIAL' ELSE 'NONE' END)::"RefundState", d."decidedAt", d."decidedAt", now()
      FROM "OfferDecision" d JOIN "OfferImpression" i ON i.id = d."impressionId"
      WHERE d.outcome = 'ACCEPTED' AND i.id LIKE 'imp_bench_%';
    INSERT INTO "ChargeAttempt"(id, "impressionId", "customerId", amount, currency, status, "dodoPaymentId", "updatedAt")
      SELECT 'cha_' || i.id, i.id, i."customerId", i."priceAmount", 'USD', 'SUCCEEDED', 'pay_' || i.id, now()
      FROM "OfferDecision" d JOIN "OfferImpression" i ON i.id = d."impressionId"
      WHERE d.outcome = 'ACCEPTED' AND i.id LIKE 'imp_bench_%';`);
  await client.query(`VACUUM ANALYZE`);
  const count = async (table: string) => Number((await client.query<{ n: string }>(`SELECT count(*) AS n FROM "${table}"`)).rows[0]!.n);
  return { impressions: await count("OfferImpression"), decisions: await count("OfferDecision"), payments: await count("Payment") };
}
