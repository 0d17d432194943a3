-- Existing pulse rows without a week (none expected: the table was unused) become the end-of-cohort week 0
UPDATE "Survey" SET "week" = 0 WHERE "week" IS NULL;

-- AlterTable
ALTER TABLE "Survey" ALTER COLUMN "week" SET NOT NULL,
ALTER COLUMN "week" SET DEFAULT 0;

-- CreateTable
CREATE TABLE "PulseSetting" (
    "cohortId" TEXT NOT NULL,
    "enabled" BOOLEAN NOT NULL DEFAULT false,
    "questionType" TEXT NOT NULL DEFAULT 'likert',
    "question" TEXT NOT NULL,
    "updatedAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "PulseSetting_pkey" PRIMARY KEY ("cohortId")
);

-- CreateIndex
CREATE UNIQUE INDEX "Survey_cohortId_kind_week_key" ON "Survey"("cohortId", "kind", "week");
