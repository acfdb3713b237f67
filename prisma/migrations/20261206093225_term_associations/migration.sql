-- CreateTable
CREATE TABLE "TermAssociation" (
    "phrase" TEXT NOT NULL,
    "terms" TEXT[],
    "builtAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "TermAssociation_pkey" PRIMARY KEY ("phrase")
);
