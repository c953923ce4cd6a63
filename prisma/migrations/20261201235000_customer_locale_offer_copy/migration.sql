-- AlterTable
ALTER TABLE "Customer" ADD COLUMN     "locale" TEXT;

-- CreateTable
CREATE TABLE "OfferCopy" (
    "offerId" TEXT NOT NULL,
    "locale" TEXT NOT NULL,
    "headline" TEXT NOT NULL,
    "body" TEXT NOT NULL DEFAULT '',
    "updatedAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "OfferCopy_pkey" PRIMARY KEY ("offerId","locale")
);

-- AddForeignKey
ALTER TABLE "OfferCopy" ADD CONSTRAINT "OfferCopy_offerId_fkey" FOREIGN KEY ("offerId") REFERENCES "Offer"("id") ON DELETE CASCADE ON UPDATE CASCADE;
