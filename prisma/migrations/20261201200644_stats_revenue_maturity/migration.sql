-- CreateTable
CREATE TABLE "StatsSettings" (
    "id" TEXT NOT NULL DEFAULT 'stats',
    "revenueMaturityDays" INTEGER NOT NULL DEFAULT 0,
    "updatedAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "StatsSettings_pkey" PRIMARY KEY ("id")
);
