-- AlterTable
ALTER TABLE "PlanChange" ADD COLUMN     "quote" JSONB NOT NULL DEFAULT '{}',
ADD COLUMN     "quoteHash" TEXT NOT NULL DEFAULT '',
ADD COLUMN     "submittedAt" TIMESTAMP(3);
