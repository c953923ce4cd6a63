-- AlterTable
ALTER TABLE "Offer" ADD COLUMN     "dodoDiscountBps" INTEGER,
ADD COLUMN     "dodoDiscountCode" TEXT,
ADD COLUMN     "dodoDiscountId" TEXT,
ADD COLUMN     "dodoDiscountProductId" TEXT;

-- AlterTable
ALTER TABLE "OfferImpression" ADD COLUMN     "discountCode" TEXT;

-- CreateTable
CREATE TABLE "MagicLinkUse" (
    "jti" TEXT NOT NULL,
    "customerId" TEXT NOT NULL,
    "usedAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "expiresAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "MagicLinkUse_pkey" PRIMARY KEY ("jti")
);

-- CreateIndex
CREATE INDEX "MagicLinkUse_expiresAt_idx" ON "MagicLinkUse"("expiresAt");
