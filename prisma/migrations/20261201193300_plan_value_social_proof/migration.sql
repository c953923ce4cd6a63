-- AlterTable
ALTER TABLE "Offer" ADD COLUMN     "badge" TEXT,
ADD COLUMN     "earnBadge" BOOLEAN NOT NULL DEFAULT false;

-- AlterTable
ALTER TABLE "Product" ADD COLUMN     "badge" TEXT,
ADD COLUMN     "features" TEXT[] DEFAULT ARRAY[]::TEXT[];
