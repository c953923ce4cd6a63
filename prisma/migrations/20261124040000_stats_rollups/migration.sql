-- Offer-stats roll-ups: one row of aggregates per closed UTC day, and the days to recompute.

-- CreateTable
CREATE TABLE "StatsDay" (
    "day" DATE NOT NULL,
    "data" JSONB NOT NULL,
    "computedAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "StatsDay_pkey" PRIMARY KEY ("day")
);

-- CreateTable
CREATE TABLE "StatsDirtyDay" (
    "day" DATE NOT NULL,
    "markedAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "StatsDirtyDay_pkey" PRIMARY KEY ("day")
);

-- CreateIndex
CREATE INDEX "FunnelSession_funnelId_startedAt_idx" ON "FunnelSession"("funnelId", "startedAt");

-- Dirty-day triggers (not expressible in the Prisma schema, and Prisma leaves them alone).
-- A change to anything a day's offer stats are computed from marks that day dirty, so the next
-- stats request recomputes its roll-up. Today is always computed live, so the hot path (new
-- impressions and their decisions today) only pays a date comparison. Yesterday is still marked,
-- as a margin for transactions that straddle midnight.
-- The function bodies are E'' strings with \073 for every semicolon: the migration runner
-- (@prisma/adapter-pg executeScript) splits scripts at every semicolon character.

CREATE FUNCTION encore_stats_mark_day(at TIMESTAMP(3)) RETURNS void LANGUAGE plpgsql AS E'
BEGIN
  IF at IS NOT NULL AND at::date < (now() AT TIME ZONE ''UTC'')::date THEN
    INSERT INTO "StatsDirtyDay" ("day") VALUES (at::date) ON CONFLICT ("day") DO NOTHING\073
  END IF\073
END';

CREATE FUNCTION encore_stats_mark_impression(impression_id TEXT) RETURNS void LANGUAGE plpgsql AS E'
BEGIN
  PERFORM encore_stats_mark_day((SELECT "shownAt" FROM "OfferImpression" WHERE id = impression_id))\073
END';

CREATE FUNCTION encore_stats_on_impression() RETURNS trigger LANGUAGE plpgsql AS E'
BEGIN
  IF TG_OP <> ''INSERT'' THEN PERFORM encore_stats_mark_day(OLD."shownAt")\073 END IF\073
  IF TG_OP <> ''DELETE'' THEN PERFORM encore_stats_mark_day(NEW."shownAt")\073 END IF\073
  RETURN NULL\073
END';

CREATE FUNCTION encore_stats_on_impression_child() RETURNS trigger LANGUAGE plpgsql AS E'
BEGIN
  IF TG_OP <> ''INSERT'' THEN PERFORM encore_stats_mark_impression(OLD."impressionId")\073 END IF\073
  IF TG_OP <> ''DELETE'' THEN PERFORM encore_stats_mark_impression(NEW."impressionId")\073 END IF\073
  RETURN NULL\073
END';

CREATE FUNCTION encore_stats_on_payment() RETURNS trigger LANGUAGE plpgsql AS E'
BEGIN
  PERFORM encore_stats_mark_day(i."shownAt")
  FROM "ChargeAttempt" c JOIN "OfferImpression" i ON i.id = c."impressionId"
  WHERE c."dodoPaymentId" = (CASE WHEN TG_OP = ''DELETE'' THEN OLD.id ELSE NEW.id END)\073
  RETURN NULL\073
END';

-- A visit's impressions can run past midnight into the next day, so both days are marked.
CREATE FUNCTION encore_stats_on_funnel_session() RETURNS trigger LANGUAGE plpgsql AS E'
BEGIN
  IF TG_OP <> ''INSERT'' THEN
    PERFORM encore_stats_mark_day(OLD."startedAt")\073
    PERFORM encore_stats_mark_day((OLD."startedAt" + interval ''1 day'')::timestamp(3))\073
  END IF\073
  IF TG_OP <> ''DELETE'' THEN
    PERFORM encore_stats_mark_day(NEW."startedAt")\073
    PERFORM encore_stats_mark_day((NEW."startedAt" + interval ''1 day'')::timestamp(3))\073
  END IF\073
  RETURN NULL\073
END';

CREATE TRIGGER "OfferImpression_stats" AFTER INSERT OR UPDATE OR DELETE ON "OfferImpression"
  FOR EACH ROW EXECUTE FUNCTION encore_stats_on_impression();
CREATE TRIGGER "OfferDecision_stats" AFTER INSERT OR UPDATE OR DELETE ON "OfferDecision"
  FOR EACH ROW EXECUTE FUNCTION encore_stats_on_impression_child();
CREATE TRIGGER "ChargeAttempt_stats" AFTER INSERT OR UPDATE OF "dodoPaymentId", "impressionId" OR DELETE ON "ChargeAttempt"
  FOR EACH ROW EXECUTE FUNCTION encore_stats_on_impression_child();
CREATE TRIGGER "Payment_stats" AFTER INSERT OR UPDATE OF status, "totalAmount", "refundedAmount", currency OR DELETE ON "Payment"
  FOR EACH ROW EXECUTE FUNCTION encore_stats_on_payment();
CREATE TRIGGER "FunnelSession_stats" AFTER INSERT OR UPDATE OF "orderAmount", currency, "startedAt" OR DELETE ON "FunnelSession"
  FOR EACH ROW EXECUTE FUNCTION encore_stats_on_funnel_session();
