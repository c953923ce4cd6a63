-- AlterEnum
ALTER TYPE "SaveOfferKind" ADD VALUE 'DISCOUNTED_PLAN';

-- AlterTable
ALTER TABLE "PlanChange" ADD COLUMN     "dodoDiscountId" TEXT;

-- AlterTable
ALTER TABLE "SaveOffer" ADD COLUMN     "discountBps" INTEGER,
ADD COLUMN     "discountCycles" INTEGER;

-- AlterTable
ALTER TABLE "Subscription" ADD COLUMN     "discountIds" TEXT[] DEFAULT ARRAY[]::TEXT[];

-- CreateTable
CREATE TABLE "SaveOfferDiscount" (
    "id" TEXT NOT NULL,
    "saveOfferId" TEXT NOT NULL,
    "productId" TEXT NOT NULL,
    "bps" INTEGER NOT NULL,
    "cycles" INTEGER NOT NULL,
    "dodoDiscountId" TEXT NOT NULL,
    "code" TEXT NOT NULL,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "SaveOfferDiscount_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE UNIQUE INDEX "SaveOfferDiscount_saveOfferId_productId_bps_cycles_key" ON "SaveOfferDiscount"("saveOfferId", "productId", "bps", "cycles");

-- AddForeignKey
ALTER TABLE "SaveOfferDiscount" ADD CONSTRAINT "SaveOfferDiscount_saveOfferId_fkey" FOREIGN KEY ("saveOfferId") REFERENCES "SaveOffer"("id") ON DELETE CASCADE ON UPDATE CASCADE;
