-- CreateTable
CREATE TABLE "ApplicationCommitment" (
    "applicationId" TEXT NOT NULL PRIMARY KEY,
    "hoursPerWeek" INTEGER,
    "commitments" TEXT NOT NULL DEFAULT '',
    "commitmentHours" INTEGER,
    "updatedAt" DATETIME NOT NULL,
    CONSTRAINT "ApplicationCommitment_applicationId_fkey" FOREIGN KEY ("applicationId") REFERENCES "Application" ("id") ON DELETE CASCADE ON UPDATE CASCADE
);

-- CreateTable
CREATE TABLE "CohortPublicPage" (
    "cohortId" TEXT NOT NULL PRIMARY KEY,
    "whoCanApply" TEXT NOT NULL DEFAULT '',
    "timeCommitment" TEXT NOT NULL DEFAULT '',
    "decisionsBy" DATETIME,
    "updatedAt" DATETIME NOT NULL,
    CONSTRAINT "CohortPublicPage_cohortId_fkey" FOREIGN KEY ("cohortId") REFERENCES "Cohort" ("id") ON DELETE CASCADE ON UPDATE CASCADE
);

-- CreateTable
CREATE TABLE "CohortFaqItem" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "cohortId" TEXT NOT NULL,
    "position" INTEGER NOT NULL,
    "question" TEXT NOT NULL,
    "answer" TEXT NOT NULL,
    "createdAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
    CONSTRAINT "CohortFaqItem_cohortId_fkey" FOREIGN KEY ("cohortId") REFERENCES "Cohort" ("id") ON DELETE CASCADE ON UPDATE CASCADE
);

-- CreateIndex
CREATE INDEX "CohortFaqItem_cohortId_position_idx" ON "CohortFaqItem"("cohortId", "position");
