-- CreateIndex
CREATE INDEX "Subscriber_status_frequency_idx" ON "Subscriber"("status", "frequency");

-- CreateIndex
CREATE INDEX "Subscriber_unsubscribedAt_idx" ON "Subscriber"("unsubscribedAt");
