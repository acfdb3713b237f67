-- Issue 19: what a reader's digest carries. Every existing reader subscribed with at least
-- one topic (topics were required until now), so the default topics_trending keeps their topic
-- digest exactly as before and only adds an "Also trending" section after it. New readers who
-- give no topics are stored as trending (chosen by the subscribe use case, not by this default).
-- The (status, digestMode) index lets the admin overview and /metrics count readers per mode
-- from the index alone.

-- CreateEnum
CREATE TYPE "DigestMode" AS ENUM ('topics', 'trending', 'topics_trending');

-- AlterTable
ALTER TABLE "Subscriber" ADD COLUMN     "digestMode" "DigestMode" NOT NULL DEFAULT 'topics_trending';

-- CreateIndex
CREATE INDEX "Subscriber_status_digestMode_idx" ON "Subscriber"("status", "digestMode");
