-- AlterTable
ALTER TABLE "OfferImpression" ADD COLUMN     "bundleProductIds" TEXT[] DEFAULT ARRAY[]::TEXT[];

-- CreateTable
CREATE TABLE "OfferBundleItem" (
    "id" TEXT NOT NULL,
    "offerId" TEXT NOT NULL,
    "productId" TEXT NOT NULL,
    "position" INTEGER NOT NULL,

    CONSTRAINT "OfferBundleItem_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE INDEX "OfferBundleItem_productId_idx" ON "OfferBundleItem"("productId");

-- CreateIndex
CREATE UNIQUE INDEX "OfferBundleItem_offerId_position_key" ON "OfferBundleItem"("offerId", "position");

-- CreateIndex
CREATE UNIQUE INDEX "OfferBundleItem_offerId_productId_key" ON "OfferBundleItem"("offerId", "productId");

-- AddForeignKey
ALTER TABLE "OfferBundleItem" ADD CONSTRAINT "OfferBundleItem_offerId_fkey" FOREIGN KEY ("offerId") REFERENCES "Offer"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "OfferBundleItem" ADD CONSTRAINT "OfferBundleItem_productId_fkey" FOREIGN KEY ("productId") REFERENCES "Product"("id") ON DELETE RESTRICT ON UPDATE CASCADE;
