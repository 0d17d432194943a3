-- CreateTable
CREATE TABLE "PulseSetting" (
    "cohortId" TEXT NOT NULL PRIMARY KEY,
    "enabled" BOOLEAN NOT NULL DEFAULT false,
    "questionType" TEXT NOT NULL DEFAULT 'likert',
    "question" TEXT NOT NULL,
    "updatedAt" DATETIME NOT NULL
);

-- RedefineTables
PRAGMA defer_foreign_keys=ON;
PRAGMA foreign_keys=OFF;
CREATE TABLE "new_Survey" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "cohortId" TEXT NOT NULL,
    "kind" TEXT NOT NULL,
    "title" TEXT NOT NULL,
    "week" INTEGER NOT NULL DEFAULT 0,
    "questions" TEXT NOT NULL,
    "sentAt" DATETIME,
    "closesAt" DATETIME,
    "createdAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP
);
INSERT INTO "new_Survey" ("closesAt", "cohortId", "createdAt", "id", "kind", "questions", "sentAt", "title", "week") SELECT "closesAt", "cohortId", "createdAt", "id", "kind", "questions", "sentAt", "title", coalesce("week", 0) AS "week" FROM "Survey";
DROP TABLE "Survey";
ALTER TABLE "new_Survey" RENAME TO "Survey";
CREATE INDEX "Survey_cohortId_kind_idx" ON "Survey"("cohortId", "kind");
CREATE UNIQUE INDEX "Survey_cohortId_kind_week_key" ON "Survey"("cohortId", "kind", "week");
PRAGMA foreign_keys=ON;
PRAGMA defer_foreign_keys=OFF;
