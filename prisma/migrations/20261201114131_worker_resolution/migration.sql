-- AlterTable
ALTER TABLE "Payment" ADD COLUMN     "paymentLink" TEXT;

-- CreateIndex
CREATE INDEX "ChargeAttempt_status_createdAt_idx" ON "ChargeAttempt"("status", "createdAt");

-- CreateIndex
CREATE INDEX "PlanChange_status_submittedAt_idx" ON "PlanChange"("status", "submittedAt");
