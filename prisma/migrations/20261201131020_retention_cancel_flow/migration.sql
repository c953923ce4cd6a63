-- CreateEnum
CREATE TYPE "CancelReason" AS ENUM ('TOO_EXPENSIVE', 'MISSING_FEATURES', 'SWITCHED_SERVICE', 'UNUSED', 'CUSTOMER_SERVICE', 'LOW_QUALITY', 'TOO_COMPLEX', 'OTHER');

-- CreateEnum
CREATE TYPE "SaveOfferKind" AS ENUM ('CHEAPER_PLAN', 'PAUSE', 'INTERVAL_SWITCH');

-- CreateEnum
CREATE TYPE "CancelAttemptStatus" AS ENUM ('OPEN', 'SAVED', 'CANCELLED', 'KEPT');

-- CreateEnum
CREATE TYPE "SubscriptionActionKind" AS ENUM ('PAUSE', 'RESUME', 'CANCEL', 'UNDO_CANCEL');

-- CreateEnum
CREATE TYPE "SubscriptionActionStatus" AS ENUM ('SUBMITTED', 'DONE', 'REFUSED', 'UNKNOWN', 'NOT_APPLIED');

-- AlterTable
ALTER TABLE "PlanLadder" ADD COLUMN     "retentionHoldoutBps" INTEGER NOT NULL DEFAULT 0;

-- CreateTable
CREATE TABLE "SaveOffer" (
    "id" TEXT NOT NULL,
    "ladderId" TEXT NOT NULL,
    "reason" "CancelReason" NOT NULL,
    "kind" "SaveOfferKind" NOT NULL,
    "targetProductId" TEXT,
    "pauseCycles" INTEGER,
    "headline" TEXT NOT NULL DEFAULT '',
    "active" BOOLEAN NOT NULL DEFAULT true,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "SaveOffer_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "CancelAttempt" (
    "id" TEXT NOT NULL,
    "subscriptionId" TEXT NOT NULL,
    "customerId" TEXT NOT NULL,
    "ladderId" TEXT,
    "reason" "CancelReason",
    "comment" TEXT,
    "holdout" BOOLEAN NOT NULL DEFAULT false,
    "saveOfferId" TEXT,
    "offerKind" "SaveOfferKind",
    "status" "CancelAttemptStatus" NOT NULL DEFAULT 'OPEN',
    "planChangeId" TEXT,
    "actionId" TEXT,
    "recurringAmount" INTEGER NOT NULL,
    "currency" CHAR(3) NOT NULL,
    "startedAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "decidedAt" TIMESTAMP(3),
    "updatedAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "CancelAttempt_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "SubscriptionAction" (
    "id" TEXT NOT NULL,
    "subscriptionId" TEXT NOT NULL,
    "kind" "SubscriptionActionKind" NOT NULL,
    "status" "SubscriptionActionStatus" NOT NULL DEFAULT 'SUBMITTED',
    "source" TEXT NOT NULL DEFAULT 'customer',
    "cancelAttemptId" TEXT,
    "reason" "CancelReason",
    "comment" TEXT,
    "pauseCycles" INTEGER,
    "resumeAt" TIMESTAMP(3),
    "errorCode" TEXT,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "SubscriptionAction_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE UNIQUE INDEX "SaveOffer_ladderId_reason_key" ON "SaveOffer"("ladderId", "reason");

-- CreateIndex
CREATE INDEX "CancelAttempt_startedAt_idx" ON "CancelAttempt"("startedAt");

-- CreateIndex
CREATE INDEX "CancelAttempt_subscriptionId_startedAt_idx" ON "CancelAttempt"("subscriptionId", "startedAt");

-- CreateIndex
CREATE INDEX "SubscriptionAction_subscriptionId_createdAt_idx" ON "SubscriptionAction"("subscriptionId", "createdAt");

-- AddForeignKey
ALTER TABLE "SaveOffer" ADD CONSTRAINT "SaveOffer_ladderId_fkey" FOREIGN KEY ("ladderId") REFERENCES "PlanLadder"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "SaveOffer" ADD CONSTRAINT "SaveOffer_targetProductId_fkey" FOREIGN KEY ("targetProductId") REFERENCES "Product"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "CancelAttempt" ADD CONSTRAINT "CancelAttempt_subscriptionId_fkey" FOREIGN KEY ("subscriptionId") REFERENCES "Subscription"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "CancelAttempt" ADD CONSTRAINT "CancelAttempt_saveOfferId_fkey" FOREIGN KEY ("saveOfferId") REFERENCES "SaveOffer"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "SubscriptionAction" ADD CONSTRAINT "SubscriptionAction_subscriptionId_fkey" FOREIGN KEY ("subscriptionId") REFERENCES "Subscription"("id") ON DELETE CASCADE ON UPDATE CASCADE;
