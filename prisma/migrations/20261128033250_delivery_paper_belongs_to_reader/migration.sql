-- A carried paper belongs to its reader (cascade with them) and names its Delivery without a
-- foreign key: the per-row check against the Delivery inserted in the same statement was most
-- of Postgres's CPU per digest (BENCHMARKS.md "Sending"). Existing rows already agree with
-- their delivery's reader, so the new key validates as is.

-- DropForeignKey
ALTER TABLE "DeliveryPaper" DROP CONSTRAINT "DeliveryPaper_deliveryId_fkey";

-- AddForeignKey
-- NOT VALID here, validated by the next migration: a migration runs as one transaction, and
-- validating inside it would hold a lock that blocks writes to Subscriber and DeliveryPaper
-- for the whole scan of a large DeliveryPaper table. New rows are checked from now on.
ALTER TABLE "DeliveryPaper" ADD CONSTRAINT "DeliveryPaper_subscriberId_fkey" FOREIGN KEY ("subscriberId") REFERENCES "Subscriber"("id") ON DELETE CASCADE ON UPDATE CASCADE NOT VALID;
