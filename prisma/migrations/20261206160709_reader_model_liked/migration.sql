-- AlterTable
ALTER TABLE "ReaderModel" ADD COLUMN     "liked" INTEGER[] DEFAULT ARRAY[]::INTEGER[];

-- Models fitted before this column have no liked papers stored: mark them out of date, so the
-- next build refits them (and stores their liked papers) instead of naming no reason.
UPDATE "ReaderModel" SET "votes" = -1;
