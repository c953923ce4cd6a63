-- Coarser offer-stats roll-ups (calendar months, ISO weeks) merged from the daily ones, so a
-- 365-day range reads ~30 rows instead of 364. Rows are deleted whenever one of their days is
-- rewritten (lib/stats/rollup-sql.ts), so they follow the daily roll-ups' dirty-day triggers.

-- CreateTable
CREATE TABLE "StatsPeriod" (
    "unit" TEXT NOT NULL,
    "start" DATE NOT NULL,
    "end" DATE NOT NULL,
    "data" JSONB NOT NULL,
    "refreshAt" TIMESTAMP(3),
    "maturityDays" INTEGER NOT NULL,

    CONSTRAINT "StatsPeriod_pkey" PRIMARY KEY ("unit","start")
);
