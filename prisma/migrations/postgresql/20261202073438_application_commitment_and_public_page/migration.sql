-- CreateTable
CREATE TABLE "ApplicationCommitment" (
    "applicationId" TEXT NOT NULL,
    "hoursPerWeek" INTEGER,
    "commitments" TEXT NOT NULL DEFAULT '',
    "commitmentHours" INTEGER,
    "updatedAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "ApplicationCommitment_pkey" PRIMARY KEY ("applicationId")
);

-- CreateTable
CREATE TABLE "CohortPublicPage" (
    "cohortId" TEXT NOT NULL,
    "whoCanApply" TEXT NOT NULL DEFAULT '',
    "timeCommitment" TEXT NOT NULL DEFAULT '',
    "decisionsBy" TIMESTAMP(3),
    "updatedAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "CohortPublicPage_pkey" PRIMARY KEY ("cohortId")
);

-- CreateTable
CREATE TABLE "CohortFaqItem" (
    "id" TEXT NOT NULL,
    "cohortId" TEXT NOT NULL,
    "position" INTEGER NOT NULL,
    "question" TEXT NOT NULL,
    "answer" TEXT NOT NULL,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "CohortFaqItem_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE INDEX "CohortFaqItem_cohortId_position_idx" ON "CohortFaqItem"("cohortId", "position");

-- AddForeignKey
ALTER TABLE "ApplicationCommitment" ADD CONSTRAINT "ApplicationCommitment_applicationId_fkey" FOREIGN KEY ("applicationId") REFERENCES "Application"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "CohortPublicPage" ADD CONSTRAINT "CohortPublicPage_cohortId_fkey" FOREIGN KEY ("cohortId") REFERENCES "Cohort"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "CohortFaqItem" ADD CONSTRAINT "CohortFaqItem_cohortId_fkey" FOREIGN KEY ("cohortId") REFERENCES "Cohort"("id") ON DELETE CASCADE ON UPDATE CASCADE;
