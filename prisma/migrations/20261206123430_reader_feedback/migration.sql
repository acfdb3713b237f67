-- AlterTable
ALTER TABLE "Topic" ADD COLUMN     "muted" BOOLEAN NOT NULL DEFAULT false,
ADD COLUMN     "weight" DOUBLE PRECISION NOT NULL DEFAULT 1;

-- CreateTable
CREATE TABLE "Vote" (
    "subscriberId" INTEGER NOT NULL,
    "paperId" INTEGER NOT NULL,
    "value" INTEGER NOT NULL,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "Vote_pkey" PRIMARY KEY ("subscriberId","paperId")
);

-- CreateTable
CREATE TABLE "ReaderModel" (
    "subscriberId" INTEGER NOT NULL,
    "weights" TEXT NOT NULL,
    "votes" INTEGER NOT NULL,
    "votesAt" TIMESTAMP(3) NOT NULL,
    "trainedAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "ReaderModel_pkey" PRIMARY KEY ("subscriberId")
);

-- CreateIndex
CREATE INDEX "Vote_paperId_idx" ON "Vote"("paperId");

-- AddForeignKey
ALTER TABLE "Vote" ADD CONSTRAINT "Vote_subscriberId_fkey" FOREIGN KEY ("subscriberId") REFERENCES "Subscriber"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Vote" ADD CONSTRAINT "Vote_paperId_fkey" FOREIGN KEY ("paperId") REFERENCES "Paper"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "ReaderModel" ADD CONSTRAINT "ReaderModel_subscriberId_fkey" FOREIGN KEY ("subscriberId") REFERENCES "Subscriber"("id") ON DELETE CASCADE ON UPDATE CASCADE;
