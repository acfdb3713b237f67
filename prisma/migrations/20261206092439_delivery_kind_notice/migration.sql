-- CreateEnum
CREATE TYPE "DeliveryKind" AS ENUM ('digest', 'notice');

-- AlterTable
ALTER TABLE "Delivery" ADD COLUMN     "kind" "DeliveryKind" NOT NULL DEFAULT 'digest';
