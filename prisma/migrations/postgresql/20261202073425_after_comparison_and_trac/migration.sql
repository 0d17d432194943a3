-- DropForeignKey
ALTER TABLE "NewcomerBaseline" DROP CONSTRAINT "NewcomerBaseline_projectId_fkey";

-- DropTable
DROP TABLE "NewcomerBaseline";

-- CreateTable
CREATE TABLE "TracAccount" (
    "personId" TEXT NOT NULL,
    "username" TEXT NOT NULL,
    "updatedAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "TracAccount_pkey" PRIMARY KEY ("personId")
);

-- CreateTable
CREATE TABLE "ComparisonSearch" (
    "cohortId" TEXT NOT NULL,
    "listedAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "requests" INTEGER NOT NULL DEFAULT 0,
    "pulls" INTEGER NOT NULL DEFAULT 0,

    CONSTRAINT "ComparisonSearch_pkey" PRIMARY KEY ("cohortId")
);

-- CreateTable
CREATE TABLE "ComparisonNewcomer" (
    "id" TEXT NOT NULL,
    "cohortId" TEXT NOT NULL,
    "login" TEXT NOT NULL,
    "mergedAt" TIMESTAMP(3) NOT NULL,
    "pullUrl" TEXT NOT NULL,
    "firstMerge" BOOLEAN,

    CONSTRAINT "ComparisonNewcomer_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "ComparisonCheck" (
    "id" TEXT NOT NULL,
    "newcomerId" TEXT NOT NULL,
    "mark" INTEGER NOT NULL,
    "checkedAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "requests" INTEGER NOT NULL DEFAULT 0,
    "found" INTEGER NOT NULL DEFAULT 0,

    CONSTRAINT "ComparisonCheck_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE UNIQUE INDEX "ComparisonNewcomer_cohortId_login_key" ON "ComparisonNewcomer"("cohortId", "login");

-- CreateIndex
CREATE UNIQUE INDEX "ComparisonCheck_newcomerId_mark_key" ON "ComparisonCheck"("newcomerId", "mark");

-- AddForeignKey
ALTER TABLE "TracAccount" ADD CONSTRAINT "TracAccount_personId_fkey" FOREIGN KEY ("personId") REFERENCES "Person"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "ComparisonSearch" ADD CONSTRAINT "ComparisonSearch_cohortId_fkey" FOREIGN KEY ("cohortId") REFERENCES "Cohort"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "ComparisonNewcomer" ADD CONSTRAINT "ComparisonNewcomer_cohortId_fkey" FOREIGN KEY ("cohortId") REFERENCES "Cohort"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "ComparisonCheck" ADD CONSTRAINT "ComparisonCheck_newcomerId_fkey" FOREIGN KEY ("newcomerId") REFERENCES "ComparisonNewcomer"("id") ON DELETE CASCADE ON UPDATE CASCADE;
