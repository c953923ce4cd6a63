-- CreateEnum
CREATE TYPE "ProductKind" AS ENUM ('ONE_TIME', 'SUBSCRIPTION');

-- CreateEnum
CREATE TYPE "BillingInterval" AS ENUM ('DAY', 'WEEK', 'MONTH', 'YEAR');

-- CreateEnum
CREATE TYPE "ProrationMode" AS ENUM ('PRORATED_IMMEDIATELY', 'DIFFERENCE_IMMEDIATELY', 'FULL_IMMEDIATELY', 'DO_NOT_BILL');

-- CreateEnum
CREATE TYPE "DowngradeTiming" AS ENUM ('IMMEDIATELY', 'NEXT_BILLING_DATE');

-- CreateEnum
CREATE TYPE "PaymentFailurePolicy" AS ENUM ('PREVENT_CHANGE', 'APPLY_CHANGE');

-- CreateEnum
CREATE TYPE "OfferKind" AS ENUM ('UPSELL', 'DOWNSELL', 'CROSS_SELL', 'UPGRADE');

-- CreateEnum
CREATE TYPE "FunnelSessionStatus" AS ENUM ('OPEN', 'COMPLETED', 'EXPIRED');

-- CreateEnum
CREATE TYPE "OfferPlacement" AS ENUM ('THANK_YOU', 'ACCOUNT', 'PLAN_PAGE');

-- CreateEnum
CREATE TYPE "DecisionOutcome" AS ENUM ('ACCEPTED', 'DECLINED', 'FAILED', 'EXPIRED');

-- CreateEnum
CREATE TYPE "ChargeStatus" AS ENUM ('PENDING', 'SUBMITTED', 'SUCCEEDED', 'FAILED', 'UNKNOWN');

-- CreateEnum
CREATE TYPE "PaymentStatus" AS ENUM ('PROCESSING', 'SUCCEEDED', 'FAILED', 'CANCELLED', 'REQUIRES_ACTION');

-- CreateEnum
CREATE TYPE "RefundState" AS ENUM ('NONE', 'PARTIAL', 'FULL');

-- CreateEnum
CREATE TYPE "SubscriptionStatus" AS ENUM ('PENDING', 'ACTIVE', 'ON_HOLD', 'PAST_DUE', 'PAUSED', 'CANCELLED', 'FAILED', 'EXPIRED');

-- CreateEnum
CREATE TYPE "PlanChangeStatus" AS ENUM ('QUOTED', 'SUBMITTED', 'APPLIED', 'SCHEDULED', 'FAILED', 'CANCELLED');

-- CreateEnum
CREATE TYPE "EntitlementSource" AS ENUM ('PAYMENT', 'SUBSCRIPTION');

-- CreateEnum
CREATE TYPE "EntitlementStatus" AS ENUM ('ACTIVE', 'GRACE', 'SUSPENDED', 'REVOKED', 'ENDED');

-- CreateEnum
CREATE TYPE "WebhookOutcome" AS ENUM ('PROCESSED', 'IGNORED', 'FAILED');

-- CreateTable
CREATE TABLE "PlanLadder" (
    "id" TEXT NOT NULL,
    "name" TEXT NOT NULL,
    "upgradeProration" "ProrationMode" NOT NULL DEFAULT 'DIFFERENCE_IMMEDIATELY',
    "upgradeOnPaymentFailure" "PaymentFailurePolicy" NOT NULL DEFAULT 'PREVENT_CHANGE',
    "downgradeTiming" "DowngradeTiming" NOT NULL DEFAULT 'NEXT_BILLING_DATE',
    "downgradeProration" "ProrationMode" NOT NULL DEFAULT 'DIFFERENCE_IMMEDIATELY',
    "allowIntervalChange" BOOLEAN NOT NULL DEFAULT true,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "PlanLadder_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "Product" (
    "id" TEXT NOT NULL,
    "name" TEXT NOT NULL,
    "description" TEXT,
    "kind" "ProductKind" NOT NULL,
    "priceAmount" INTEGER NOT NULL,
    "currency" CHAR(3) NOT NULL,
    "billingInterval" "BillingInterval",
    "billingIntervalCount" INTEGER,
    "ladderId" TEXT,
    "planRank" INTEGER,
    "archived" BOOLEAN NOT NULL DEFAULT false,
    "syncedAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "Product_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "Customer" (
    "id" TEXT NOT NULL,
    "dodoCustomerId" TEXT NOT NULL,
    "email" TEXT NOT NULL,
    "name" TEXT,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "Customer_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "Offer" (
    "id" TEXT NOT NULL,
    "name" TEXT NOT NULL,
    "kind" "OfferKind" NOT NULL,
    "triggerProductIds" TEXT[] DEFAULT ARRAY[]::TEXT[],
    "offeredProductId" TEXT NOT NULL,
    "discountBps" INTEGER NOT NULL DEFAULT 0,
    "headline" TEXT NOT NULL,
    "body" TEXT NOT NULL DEFAULT '',
    "minOrderAmount" INTEGER,
    "frequencyCap" INTEGER,
    "active" BOOLEAN NOT NULL DEFAULT true,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "Offer_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "Funnel" (
    "id" TEXT NOT NULL,
    "name" TEXT NOT NULL,
    "active" BOOLEAN NOT NULL DEFAULT true,
    "windowSecs" INTEGER NOT NULL DEFAULT 900,
    "entryStepId" TEXT,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "Funnel_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "FunnelStep" (
    "id" TEXT NOT NULL,
    "funnelId" TEXT NOT NULL,
    "position" INTEGER NOT NULL,
    "name" TEXT NOT NULL,
    "holdoutBps" INTEGER NOT NULL DEFAULT 0,
    "onAcceptStepId" TEXT,
    "onDeclineStepId" TEXT,
    "onFailStepId" TEXT,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "FunnelStep_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "StepVariant" (
    "id" TEXT NOT NULL,
    "stepId" TEXT NOT NULL,
    "offerId" TEXT NOT NULL,
    "label" TEXT NOT NULL DEFAULT 'A',
    "weightBps" INTEGER NOT NULL DEFAULT 10000,

    CONSTRAINT "StepVariant_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "ExperimentAssignment" (
    "id" TEXT NOT NULL,
    "customerId" TEXT NOT NULL,
    "stepId" TEXT NOT NULL,
    "variantId" TEXT,
    "holdout" BOOLEAN NOT NULL DEFAULT false,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "ExperimentAssignment_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "FunnelSession" (
    "id" TEXT NOT NULL,
    "customerId" TEXT NOT NULL,
    "funnelId" TEXT NOT NULL,
    "originPaymentId" TEXT,
    "originSubscriptionId" TEXT,
    "orderAmount" INTEGER NOT NULL,
    "currency" CHAR(3) NOT NULL,
    "currentStepId" TEXT,
    "status" "FunnelSessionStatus" NOT NULL DEFAULT 'OPEN',
    "startedAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "expiresAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "FunnelSession_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "OfferImpression" (
    "id" TEXT NOT NULL,
    "customerId" TEXT NOT NULL,
    "offerId" TEXT,
    "stepId" TEXT,
    "variantId" TEXT,
    "funnelSessionId" TEXT,
    "placement" "OfferPlacement" NOT NULL,
    "holdout" BOOLEAN NOT NULL DEFAULT false,
    "priceAmount" INTEGER NOT NULL,
    "listPriceAmount" INTEGER NOT NULL,
    "currency" CHAR(3) NOT NULL,
    "paymentMethodId" TEXT,
    "expiresAt" TIMESTAMP(3) NOT NULL,
    "shownAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "OfferImpression_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "OfferDecision" (
    "id" TEXT NOT NULL,
    "impressionId" TEXT NOT NULL,
    "outcome" "DecisionOutcome" NOT NULL,
    "reason" TEXT,
    "decidedAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "OfferDecision_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "ChargeAttempt" (
    "id" TEXT NOT NULL,
    "impressionId" TEXT NOT NULL,
    "customerId" TEXT NOT NULL,
    "amount" INTEGER NOT NULL,
    "currency" CHAR(3) NOT NULL,
    "status" "ChargeStatus" NOT NULL DEFAULT 'PENDING',
    "dodoCheckoutSessionId" TEXT,
    "dodoPaymentId" TEXT,
    "errorCode" TEXT,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "ChargeAttempt_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "Payment" (
    "id" TEXT NOT NULL,
    "customerId" TEXT NOT NULL,
    "subscriptionId" TEXT,
    "checkoutSessionId" TEXT,
    "status" "PaymentStatus" NOT NULL,
    "totalAmount" INTEGER NOT NULL,
    "currency" CHAR(3) NOT NULL,
    "refundedAmount" INTEGER NOT NULL DEFAULT 0,
    "refundState" "RefundState" NOT NULL DEFAULT 'NONE',
    "productCart" JSONB NOT NULL DEFAULT '[]',
    "metadata" JSONB NOT NULL DEFAULT '{}',
    "paymentMethodId" TEXT,
    "cardLast4" TEXT,
    "cardNetwork" TEXT,
    "errorCode" TEXT,
    "errorMessage" TEXT,
    "dodoCreatedAt" TIMESTAMP(3) NOT NULL,
    "sourceUpdatedAt" TIMESTAMP(3) NOT NULL,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "Payment_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "Refund" (
    "id" TEXT NOT NULL,
    "paymentId" TEXT NOT NULL,
    "amount" INTEGER NOT NULL,
    "currency" CHAR(3) NOT NULL,
    "status" TEXT NOT NULL,
    "isPartial" BOOLEAN NOT NULL,
    "reason" TEXT,
    "dodoCreatedAt" TIMESTAMP(3) NOT NULL,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "Refund_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "Dispute" (
    "id" TEXT NOT NULL,
    "paymentId" TEXT NOT NULL,
    "amount" INTEGER NOT NULL,
    "currency" CHAR(3) NOT NULL,
    "status" TEXT NOT NULL,
    "stage" TEXT,
    "dodoCreatedAt" TIMESTAMP(3) NOT NULL,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "Dispute_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "Subscription" (
    "id" TEXT NOT NULL,
    "customerId" TEXT NOT NULL,
    "productId" TEXT NOT NULL,
    "quantity" INTEGER NOT NULL,
    "status" "SubscriptionStatus" NOT NULL,
    "recurringAmount" INTEGER NOT NULL,
    "currency" CHAR(3) NOT NULL,
    "nextBillingDate" TIMESTAMP(3) NOT NULL,
    "previousBillingDate" TIMESTAMP(3) NOT NULL,
    "cancelAtNextBillingDate" BOOLEAN NOT NULL DEFAULT false,
    "paymentMethodId" TEXT,
    "scheduledChange" JSONB,
    "onHoldSince" TIMESTAMP(3),
    "sourceUpdatedAt" TIMESTAMP(3) NOT NULL,
    "dodoCreatedAt" TIMESTAMP(3) NOT NULL,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "Subscription_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "PlanChange" (
    "id" TEXT NOT NULL,
    "subscriptionId" TEXT NOT NULL,
    "fromProductId" TEXT NOT NULL,
    "toProductId" TEXT NOT NULL,
    "prorationMode" "ProrationMode" NOT NULL,
    "effectiveAt" "DowngradeTiming" NOT NULL,
    "onPaymentFailure" "PaymentFailurePolicy" NOT NULL,
    "quotedAmount" INTEGER NOT NULL,
    "quotedCredits" INTEGER NOT NULL,
    "currency" CHAR(3) NOT NULL,
    "status" "PlanChangeStatus" NOT NULL DEFAULT 'QUOTED',
    "dodoPaymentId" TEXT,
    "errorCode" TEXT,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "PlanChange_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "Entitlement" (
    "id" TEXT NOT NULL,
    "customerId" TEXT NOT NULL,
    "productId" TEXT NOT NULL,
    "source" "EntitlementSource" NOT NULL,
    "sourceId" TEXT NOT NULL,
    "status" "EntitlementStatus" NOT NULL,
    "grantedAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "revokedAt" TIMESTAMP(3),
    "endsAt" TIMESTAMP(3),
    "updatedAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "Entitlement_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "WebhookEvent" (
    "id" TEXT NOT NULL,
    "type" TEXT NOT NULL,
    "payload" JSONB NOT NULL,
    "eventTimestamp" TIMESTAMP(3) NOT NULL,
    "receivedAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "processedAt" TIMESTAMP(3),
    "outcome" "WebhookOutcome" NOT NULL,
    "error" TEXT,
    "attempts" INTEGER NOT NULL DEFAULT 1,

    CONSTRAINT "WebhookEvent_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "CheckoutIntent" (
    "id" TEXT NOT NULL,
    "productId" TEXT NOT NULL,
    "customerId" TEXT,
    "dodoSessionId" TEXT,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "expiresAt" TIMESTAMP(3) NOT NULL,
    "consumedAt" TIMESTAMP(3),

    CONSTRAINT "CheckoutIntent_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "MerchantUser" (
    "id" TEXT NOT NULL,
    "email" TEXT NOT NULL,
    "passwordHash" TEXT NOT NULL,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "MerchantUser_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "LoginAttempt" (
    "id" TEXT NOT NULL,
    "key" TEXT NOT NULL,
    "at" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "LoginAttempt_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE UNIQUE INDEX "PlanLadder_name_key" ON "PlanLadder"("name");

-- CreateIndex
CREATE INDEX "Product_kind_archived_idx" ON "Product"("kind", "archived");

-- CreateIndex
CREATE UNIQUE INDEX "Product_ladderId_planRank_key" ON "Product"("ladderId", "planRank");

-- CreateIndex
CREATE UNIQUE INDEX "Customer_dodoCustomerId_key" ON "Customer"("dodoCustomerId");

-- CreateIndex
CREATE INDEX "Customer_email_idx" ON "Customer"("email");

-- CreateIndex
CREATE UNIQUE INDEX "Funnel_entryStepId_key" ON "Funnel"("entryStepId");

-- CreateIndex
CREATE UNIQUE INDEX "FunnelStep_funnelId_position_key" ON "FunnelStep"("funnelId", "position");

-- CreateIndex
CREATE UNIQUE INDEX "StepVariant_stepId_label_key" ON "StepVariant"("stepId", "label");

-- CreateIndex
CREATE UNIQUE INDEX "ExperimentAssignment_customerId_stepId_key" ON "ExperimentAssignment"("customerId", "stepId");

-- CreateIndex
CREATE UNIQUE INDEX "FunnelSession_originPaymentId_key" ON "FunnelSession"("originPaymentId");

-- CreateIndex
CREATE UNIQUE INDEX "FunnelSession_originSubscriptionId_key" ON "FunnelSession"("originSubscriptionId");

-- CreateIndex
CREATE INDEX "FunnelSession_customerId_status_idx" ON "FunnelSession"("customerId", "status");

-- CreateIndex
CREATE INDEX "OfferImpression_shownAt_idx" ON "OfferImpression"("shownAt");

-- CreateIndex
CREATE INDEX "OfferImpression_offerId_shownAt_idx" ON "OfferImpression"("offerId", "shownAt");

-- CreateIndex
CREATE INDEX "OfferImpression_customerId_offerId_idx" ON "OfferImpression"("customerId", "offerId");

-- CreateIndex
CREATE UNIQUE INDEX "OfferDecision_impressionId_key" ON "OfferDecision"("impressionId");

-- CreateIndex
CREATE INDEX "OfferDecision_outcome_decidedAt_idx" ON "OfferDecision"("outcome", "decidedAt");

-- CreateIndex
CREATE UNIQUE INDEX "ChargeAttempt_impressionId_key" ON "ChargeAttempt"("impressionId");

-- CreateIndex
CREATE UNIQUE INDEX "ChargeAttempt_dodoCheckoutSessionId_key" ON "ChargeAttempt"("dodoCheckoutSessionId");

-- CreateIndex
CREATE UNIQUE INDEX "ChargeAttempt_dodoPaymentId_key" ON "ChargeAttempt"("dodoPaymentId");

-- CreateIndex
CREATE INDEX "Payment_customerId_idx" ON "Payment"("customerId");

-- CreateIndex
CREATE INDEX "Payment_checkoutSessionId_idx" ON "Payment"("checkoutSessionId");

-- CreateIndex
CREATE INDEX "Payment_subscriptionId_idx" ON "Payment"("subscriptionId");

-- CreateIndex
CREATE INDEX "Payment_dodoCreatedAt_idx" ON "Payment"("dodoCreatedAt");

-- CreateIndex
CREATE INDEX "Refund_paymentId_idx" ON "Refund"("paymentId");

-- CreateIndex
CREATE INDEX "Subscription_customerId_idx" ON "Subscription"("customerId");

-- CreateIndex
CREATE UNIQUE INDEX "PlanChange_dodoPaymentId_key" ON "PlanChange"("dodoPaymentId");

-- CreateIndex
CREATE INDEX "PlanChange_subscriptionId_createdAt_idx" ON "PlanChange"("subscriptionId", "createdAt");

-- CreateIndex
CREATE INDEX "Entitlement_customerId_productId_idx" ON "Entitlement"("customerId", "productId");

-- CreateIndex
CREATE UNIQUE INDEX "Entitlement_sourceId_productId_key" ON "Entitlement"("sourceId", "productId");

-- CreateIndex
CREATE INDEX "WebhookEvent_outcome_receivedAt_idx" ON "WebhookEvent"("outcome", "receivedAt");

-- CreateIndex
CREATE INDEX "WebhookEvent_type_receivedAt_idx" ON "WebhookEvent"("type", "receivedAt");

-- CreateIndex
CREATE UNIQUE INDEX "CheckoutIntent_dodoSessionId_key" ON "CheckoutIntent"("dodoSessionId");

-- CreateIndex
CREATE UNIQUE INDEX "MerchantUser_email_key" ON "MerchantUser"("email");

-- CreateIndex
CREATE INDEX "LoginAttempt_key_at_idx" ON "LoginAttempt"("key", "at");

-- AddForeignKey
ALTER TABLE "Product" ADD CONSTRAINT "Product_ladderId_fkey" FOREIGN KEY ("ladderId") REFERENCES "PlanLadder"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Offer" ADD CONSTRAINT "Offer_offeredProductId_fkey" FOREIGN KEY ("offeredProductId") REFERENCES "Product"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Funnel" ADD CONSTRAINT "Funnel_entryStepId_fkey" FOREIGN KEY ("entryStepId") REFERENCES "FunnelStep"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "FunnelStep" ADD CONSTRAINT "FunnelStep_funnelId_fkey" FOREIGN KEY ("funnelId") REFERENCES "Funnel"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "FunnelStep" ADD CONSTRAINT "FunnelStep_onAcceptStepId_fkey" FOREIGN KEY ("onAcceptStepId") REFERENCES "FunnelStep"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "FunnelStep" ADD CONSTRAINT "FunnelStep_onDeclineStepId_fkey" FOREIGN KEY ("onDeclineStepId") REFERENCES "FunnelStep"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "FunnelStep" ADD CONSTRAINT "FunnelStep_onFailStepId_fkey" FOREIGN KEY ("onFailStepId") REFERENCES "FunnelStep"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "StepVariant" ADD CONSTRAINT "StepVariant_stepId_fkey" FOREIGN KEY ("stepId") REFERENCES "FunnelStep"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "StepVariant" ADD CONSTRAINT "StepVariant_offerId_fkey" FOREIGN KEY ("offerId") REFERENCES "Offer"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "ExperimentAssignment" ADD CONSTRAINT "ExperimentAssignment_customerId_fkey" FOREIGN KEY ("customerId") REFERENCES "Customer"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "ExperimentAssignment" ADD CONSTRAINT "ExperimentAssignment_stepId_fkey" FOREIGN KEY ("stepId") REFERENCES "FunnelStep"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "ExperimentAssignment" ADD CONSTRAINT "ExperimentAssignment_variantId_fkey" FOREIGN KEY ("variantId") REFERENCES "StepVariant"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "FunnelSession" ADD CONSTRAINT "FunnelSession_customerId_fkey" FOREIGN KEY ("customerId") REFERENCES "Customer"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "FunnelSession" ADD CONSTRAINT "FunnelSession_funnelId_fkey" FOREIGN KEY ("funnelId") REFERENCES "Funnel"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "FunnelSession" ADD CONSTRAINT "FunnelSession_currentStepId_fkey" FOREIGN KEY ("currentStepId") REFERENCES "FunnelStep"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "OfferImpression" ADD CONSTRAINT "OfferImpression_customerId_fkey" FOREIGN KEY ("customerId") REFERENCES "Customer"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "OfferImpression" ADD CONSTRAINT "OfferImpression_offerId_fkey" FOREIGN KEY ("offerId") REFERENCES "Offer"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "OfferImpression" ADD CONSTRAINT "OfferImpression_stepId_fkey" FOREIGN KEY ("stepId") REFERENCES "FunnelStep"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "OfferImpression" ADD CONSTRAINT "OfferImpression_variantId_fkey" FOREIGN KEY ("variantId") REFERENCES "StepVariant"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "OfferImpression" ADD CONSTRAINT "OfferImpression_funnelSessionId_fkey" FOREIGN KEY ("funnelSessionId") REFERENCES "FunnelSession"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "OfferDecision" ADD CONSTRAINT "OfferDecision_impressionId_fkey" FOREIGN KEY ("impressionId") REFERENCES "OfferImpression"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "ChargeAttempt" ADD CONSTRAINT "ChargeAttempt_impressionId_fkey" FOREIGN KEY ("impressionId") REFERENCES "OfferImpression"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Payment" ADD CONSTRAINT "Payment_customerId_fkey" FOREIGN KEY ("customerId") REFERENCES "Customer"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Refund" ADD CONSTRAINT "Refund_paymentId_fkey" FOREIGN KEY ("paymentId") REFERENCES "Payment"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Dispute" ADD CONSTRAINT "Dispute_paymentId_fkey" FOREIGN KEY ("paymentId") REFERENCES "Payment"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Subscription" ADD CONSTRAINT "Subscription_customerId_fkey" FOREIGN KEY ("customerId") REFERENCES "Customer"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Subscription" ADD CONSTRAINT "Subscription_productId_fkey" FOREIGN KEY ("productId") REFERENCES "Product"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "PlanChange" ADD CONSTRAINT "PlanChange_subscriptionId_fkey" FOREIGN KEY ("subscriptionId") REFERENCES "Subscription"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Entitlement" ADD CONSTRAINT "Entitlement_customerId_fkey" FOREIGN KEY ("customerId") REFERENCES "Customer"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Entitlement" ADD CONSTRAINT "Entitlement_productId_fkey" FOREIGN KEY ("productId") REFERENCES "Product"("id") ON DELETE RESTRICT ON UPDATE CASCADE;
