-- DropTable
PRAGMA foreign_keys=off;
DROP TABLE "NewcomerBaseline";
PRAGMA foreign_keys=on;

-- CreateTable
CREATE TABLE "TracAccount" (
    "personId" TEXT NOT NULL PRIMARY KEY,
    "username" TEXT NOT NULL,
    "updatedAt" DATETIME NOT NULL,
    CONSTRAINT "TracAccount_personId_fkey" FOREIGN KEY ("personId") REFERENCES "Person" ("id") ON DELETE CASCADE ON UPDATE CASCADE
);

-- CreateTable
CREATE TABLE "ComparisonSearch" (
    "cohortId" TEXT NOT NULL PRIMARY KEY,
    "listedAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "requests" INTEGER NOT NULL DEFAULT 0,
    "pulls" INTEGER NOT NULL DEFAULT 0,
    CONSTRAINT "ComparisonSearch_cohortId_fkey" FOREIGN KEY ("cohortId") REFERENCES "Cohort" ("id") ON DELETE CASCADE ON UPDATE CASCADE
);

-- CreateTable
CREATE TABLE "ComparisonNewcomer" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "cohortId" TEXT NOT NULL,
    "login" TEXT NOT NULL,
    "mergedAt" DATETIME NOT NULL,
    "pullUrl" TEXT NOT NULL,
    "firstMerge" BOOLEAN,
    CONSTRAINT "ComparisonNewcomer_cohortId_fkey" FOREIGN KEY ("cohortId") REFERENCES "Cohort" ("id") ON DELETE CASCADE ON UPDATE CASCADE
);

-- CreateTable
CREATE TABLE "ComparisonCheck" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "newcomerId" TEXT NOT NULL,
    "mark" INTEGER NOT NULL,
    "checkedAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "requests" INTEGER NOT NULL DEFAULT 0,
    "found" INTEGER NOT NULL DEFAULT 0,
    CONSTRAINT "ComparisonCheck_newcomerId_fkey" FOREIGN KEY ("newcomerId") REFERENCES "ComparisonNewcomer" ("id") ON DELETE CASCADE ON UPDATE CASCADE
);

-- CreateIndex
CREATE UNIQUE INDEX "ComparisonNewcomer_cohortId_login_key" ON "ComparisonNewcomer"("cohortId", "login");

-- CreateIndex
CREATE UNIQUE INDEX "ComparisonCheck_newcomerId_mark_key" ON "ComparisonCheck"("newcomerId", "mark");
