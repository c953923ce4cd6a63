-- CreateIndex
CREATE INDEX "OfferImpression_funnelSessionId_shownAt_idx" ON "OfferImpression"("funnelSessionId", "shownAt");
