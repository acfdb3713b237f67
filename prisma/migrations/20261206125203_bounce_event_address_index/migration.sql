-- CreateIndex
CREATE INDEX "BounceEvent_emailHash_createdAt_idx" ON "BounceEvent"("emailHash", "createdAt");
