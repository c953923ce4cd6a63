-- AlterTable
ALTER TABLE "Offer" ADD COLUMN     "endsAt" TIMESTAMP(3),
ADD COLUMN     "startsAt" TIMESTAMP(3),
ADD COLUMN     "targeting" JSONB;

-- AlterTable
ALTER TABLE "Payment" ADD COLUMN     "billingCountry" TEXT;
