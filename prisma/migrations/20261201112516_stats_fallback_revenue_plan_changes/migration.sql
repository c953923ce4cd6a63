-- CreateEnum
CREATE TYPE "PlanChangeOrigin" AS ENUM ('PLAN_PAGE', 'UPGRADE_OFFER');

-- CreateEnum
CREATE TYPE "PlanChangeDirection" AS ENUM ('UPGRADE', 'DOWNGRADE');

-- AlterTable
ALTER TABLE "Payment" ADD COLUMN     "impressionId" TEXT;

-- AlterTable
ALTER TABLE "PlanChange" ADD COLUMN     "direction" "PlanChangeDirection",
ADD COLUMN     "ladderId" TEXT,
ADD COLUMN     "mrrDeltaAmount" INTEGER NOT NULL DEFAULT 0,
ADD COLUMN     "origin" "PlanChangeOrigin" NOT NULL DEFAULT 'PLAN_PAGE';

-- CreateIndex
CREATE INDEX "Payment_impressionId_idx" ON "Payment"("impressionId");

-- CreateIndex
CREATE INDEX "PlanChange_submittedAt_idx" ON "PlanChange"("submittedAt");

-- AddForeignKey
ALTER TABLE "Payment" ADD CONSTRAINT "Payment_impressionId_fkey" FOREIGN KEY ("impressionId") REFERENCES "OfferImpression"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "PlanChange" ADD CONSTRAINT "PlanChange_ladderId_fkey" FOREIGN KEY ("ladderId") REFERENCES "PlanLadder"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- Backfill: every payment an offer impression paid for. One-click charges through their attempt;
-- hosted checkouts (the "use another card" fallback, or an offer without a saved card) through
-- the impression id our checkout session put in the metadata (lib/dodo/metadata.ts:
-- encore_impression_id). From here on the sync engine sets it (lib/sync/link-payment.ts).
UPDATE "Payment" p SET "impressionId" = c."impressionId"
FROM "ChargeAttempt" c WHERE c."dodoPaymentId" = p.id;

UPDATE "Payment" p SET "impressionId" = i.id
FROM "OfferImpression" i
WHERE p."impressionId" IS NULL AND i.id = p.metadata->>'encore_impression_id';

-- Backfill the plan-change stats columns from the ladder as it stands (new rows record them at
-- quote time). The MRR change of old rows is estimated from list prices times the quantity.
UPDATE "PlanChange" c SET
  "ladderId" = f."ladderId",
  "direction" = CASE WHEN f."planRank" IS NULL OR t."planRank" IS NULL THEN NULL
                     WHEN t."planRank" > f."planRank" THEN 'UPGRADE'::"PlanChangeDirection"
                     ELSE 'DOWNGRADE'::"PlanChangeDirection" END,
  "mrrDeltaAmount" = round(s.quantity * (
      t."priceAmount" * (CASE t."billingInterval" WHEN 'DAY' THEN 365.0 / 12 WHEN 'WEEK' THEN 52.0 / 12 WHEN 'YEAR' THEN 1.0 / 12 ELSE 1 END) / COALESCE(t."billingIntervalCount", 1)
    - f."priceAmount" * (CASE f."billingInterval" WHEN 'DAY' THEN 365.0 / 12 WHEN 'WEEK' THEN 52.0 / 12 WHEN 'YEAR' THEN 1.0 / 12 ELSE 1 END) / COALESCE(f."billingIntervalCount", 1)))::int
FROM "Product" f, "Product" t, "Subscription" s
WHERE f.id = c."fromProductId" AND t.id = c."toProductId" AND s.id = c."subscriptionId";

-- Stats roll-ups now also count fallback payments and plan changes: days stored before this
-- migration are recomputed on their next read.
DELETE FROM "StatsDay";

-- Dirty-day triggers, now through the payment's own impression (one-click and fallback alike)
-- and the plan change a payment settles; plan changes count on the day they were sent.
CREATE OR REPLACE FUNCTION encore_stats_on_payment() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  IF TG_OP <> 'INSERT' THEN
    PERFORM encore_stats_mark_impression(OLD."impressionId");
    PERFORM encore_stats_mark_day(c."submittedAt") FROM "PlanChange" c WHERE c."dodoPaymentId" = OLD.id;
  END IF;
  IF TG_OP <> 'DELETE' THEN
    PERFORM encore_stats_mark_impression(NEW."impressionId");
    PERFORM encore_stats_mark_day(c."submittedAt") FROM "PlanChange" c WHERE c."dodoPaymentId" = NEW.id;
  END IF;
  RETURN NULL;
END
$$;

DROP TRIGGER "Payment_stats" ON "Payment";
CREATE TRIGGER "Payment_stats" AFTER INSERT OR UPDATE OF status, "totalAmount", "refundedAmount", currency, "impressionId" OR DELETE ON "Payment"
  FOR EACH ROW EXECUTE FUNCTION encore_stats_on_payment();

CREATE FUNCTION encore_stats_on_plan_change() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  IF TG_OP <> 'INSERT' THEN PERFORM encore_stats_mark_day(OLD."submittedAt"); END IF;
  IF TG_OP <> 'DELETE' THEN PERFORM encore_stats_mark_day(NEW."submittedAt"); END IF;
  RETURN NULL;
END
$$;

CREATE TRIGGER "PlanChange_stats" AFTER INSERT OR UPDATE OF status, "submittedAt", "dodoPaymentId", currency, "ladderId", direction, origin, "mrrDeltaAmount" OR DELETE ON "PlanChange"
  FOR EACH ROW EXECUTE FUNCTION encore_stats_on_plan_change();
