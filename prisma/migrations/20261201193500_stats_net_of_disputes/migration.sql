-- Offer revenue is net of disputes the merchant lost or accepted, as well as of refunds: a
-- dispute's change marks its payment's impression day dirty, like a payment's.
CREATE FUNCTION encore_stats_on_dispute() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  IF TG_OP <> 'INSERT' THEN
    PERFORM encore_stats_mark_impression(p."impressionId") FROM "Payment" p WHERE p.id = OLD."paymentId";
  END IF;
  IF TG_OP <> 'DELETE' THEN
    PERFORM encore_stats_mark_impression(p."impressionId") FROM "Payment" p WHERE p.id = NEW."paymentId";
  END IF;
  RETURN NULL;
END
$$;

CREATE TRIGGER "Dispute_stats" AFTER INSERT OR UPDATE OF status, amount, "paymentId" OR DELETE ON "Dispute"
  FOR EACH ROW EXECUTE FUNCTION encore_stats_on_dispute();

-- Roll-ups stored before refunds and disputes were counted separately are rebuilt on demand.
DELETE FROM "StatsDay";
