-- CreateEnum
CREATE TYPE "MomentSource" AS ENUM ('API', 'DODO_WEBHOOK');

-- AlterEnum
-- This migration adds more than one value to an enum.
-- With PostgreSQL versions 11 and earlier, this is not possible
-- in a single migration. This can be worked around by creating
-- multiple migrations, each migration adding only one value to
-- the enum.


ALTER TYPE "OfferPlacement" ADD VALUE 'IN_APP';
ALTER TYPE "OfferPlacement" ADD VALUE 'HOSTED_LINK';

-- AlterTable
ALTER TABLE "OfferImpression" ADD COLUMN     "momentId" TEXT;

-- AlterTable
ALTER TABLE "PlanChange" ADD COLUMN     "impressionId" TEXT;

-- CreateTable
CREATE TABLE "Moment" (
    "id" TEXT NOT NULL,
    "customerId" TEXT NOT NULL,
    "name" TEXT NOT NULL,
    "properties" JSONB NOT NULL DEFAULT '{}',
    "source" "MomentSource" NOT NULL,
    "idempotencyKey" TEXT,
    "occurredAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "Moment_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "OfferMoment" (
    "id" TEXT NOT NULL,
    "offerId" TEXT NOT NULL,
    "name" TEXT NOT NULL,
    "conditions" JSONB NOT NULL DEFAULT '{}',
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "OfferMoment_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "OfferLink" (
    "id" TEXT NOT NULL,
    "customerId" TEXT NOT NULL,
    "offerId" TEXT NOT NULL,
    "momentId" TEXT,
    "impressionId" TEXT,
    "expiresAt" TIMESTAMP(3) NOT NULL,
    "usedAt" TIMESTAMP(3),
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "OfferLink_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE UNIQUE INDEX "Moment_idempotencyKey_key" ON "Moment"("idempotencyKey");

-- CreateIndex
CREATE INDEX "Moment_customerId_occurredAt_idx" ON "Moment"("customerId", "occurredAt");

-- CreateIndex
CREATE UNIQUE INDEX "OfferMoment_offerId_name_key" ON "OfferMoment"("offerId", "name");

-- CreateIndex
CREATE INDEX "OfferLink_expiresAt_idx" ON "OfferLink"("expiresAt");

-- CreateIndex
CREATE INDEX "OfferLink_impressionId_idx" ON "OfferLink"("impressionId");

-- CreateIndex
CREATE INDEX "PlanChange_impressionId_idx" ON "PlanChange"("impressionId");

-- AddForeignKey
ALTER TABLE "OfferImpression" ADD CONSTRAINT "OfferImpression_momentId_fkey" FOREIGN KEY ("momentId") REFERENCES "Moment"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "PlanChange" ADD CONSTRAINT "PlanChange_impressionId_fkey" FOREIGN KEY ("impressionId") REFERENCES "OfferImpression"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Moment" ADD CONSTRAINT "Moment_customerId_fkey" FOREIGN KEY ("customerId") REFERENCES "Customer"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "OfferMoment" ADD CONSTRAINT "OfferMoment_offerId_fkey" FOREIGN KEY ("offerId") REFERENCES "Offer"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "OfferLink" ADD CONSTRAINT "OfferLink_momentId_fkey" FOREIGN KEY ("momentId") REFERENCES "Moment"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "OfferLink" ADD CONSTRAINT "OfferLink_impressionId_fkey" FOREIGN KEY ("impressionId") REFERENCES "OfferImpression"("id") ON DELETE SET NULL ON UPDATE CASCADE;

