-- A change to a day that is already marked dirty must leave a new mark row version: the roll-up
-- deletes exactly the mark versions it read (by xmin), so a change committed after that read keeps
-- the day dirty instead of being lost behind an older mark.
CREATE OR REPLACE FUNCTION encore_stats_mark_day(at TIMESTAMP(3)) RETURNS void LANGUAGE plpgsql AS $$
BEGIN
  IF at IS NOT NULL AND at::date < (now() AT TIME ZONE 'UTC')::date THEN
    INSERT INTO "StatsDirtyDay" ("day") VALUES (at::date)
    ON CONFLICT ("day") DO UPDATE SET "markedAt" = CURRENT_TIMESTAMP;
  END IF;
END
$$;
