-- CreateTable
CREATE TABLE "DataRevision" (
    "id" INTEGER NOT NULL,
    "epoch" TEXT NOT NULL,
    "n" BIGINT NOT NULL,

    CONSTRAINT "DataRevision_pkey" PRIMARY KEY ("id")
);
