-- Checks the existing rows against the key added NOT VALID by the previous migration. VALIDATE
-- takes a lock that lets reads and writes go on while it scans.
ALTER TABLE "DeliveryPaper" VALIDATE CONSTRAINT "DeliveryPaper_subscriberId_fkey";
