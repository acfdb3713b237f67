-- CreateTable
CREATE TABLE "BounceEvent" (
    "id" SERIAL NOT NULL,
    "provider" TEXT NOT NULL,
    "eventId" TEXT NOT NULL,
    "emailHash" TEXT NOT NULL,
    "kind" TEXT NOT NULL,
    "reason" TEXT NOT NULL,
    "suppressed" BOOLEAN NOT NULL,
    "detail" TEXT,
    "subscriberId" INTEGER,
    "occurredAt" TIMESTAMP(3),
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "BounceEvent_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE INDEX "BounceEvent_createdAt_idx" ON "BounceEvent"("createdAt");

-- CreateIndex
CREATE UNIQUE INDEX "BounceEvent_provider_eventId_emailHash_key" ON "BounceEvent"("provider", "eventId", "emailHash");

-- CreateIndex
CREATE INDEX "Delivery_messageId_idx" ON "Delivery"("messageId");
