-- AlterTable
ALTER TABLE "Subscription" ADD COLUMN     "holdClearedAt" TIMESTAMP(3);
