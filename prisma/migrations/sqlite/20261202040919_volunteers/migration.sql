-- AlterTable
ALTER TABLE "Cohort" ADD COLUMN "weeklyHours" INTEGER;

-- CreateTable
CREATE TABLE "EvaluationRound" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "cohortId" TEXT NOT NULL,
    "title" TEXT NOT NULL,
    "afterWeek" INTEGER NOT NULL,
    "participantQuestions" TEXT NOT NULL,
    "navigatorQuestions" TEXT NOT NULL,
    "createdAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP
);

-- CreateTable
CREATE TABLE "EvaluationResponse" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "roundId" TEXT NOT NULL,
    "cohortId" TEXT NOT NULL,
    "authorId" TEXT NOT NULL,
    "direction" TEXT NOT NULL,
    "subjectId" TEXT NOT NULL,
    "teamId" TEXT,
    "answers" TEXT NOT NULL DEFAULT '{}',
    "status" TEXT NOT NULL DEFAULT 'draft',
    "submittedAt" DATETIME,
    "late" BOOLEAN NOT NULL DEFAULT false,
    "wantsToTalk" BOOLEAN NOT NULL DEFAULT false,
    "lowestScore" INTEGER,
    "sharedAt" DATETIME,
    "updatedAt" DATETIME NOT NULL,
    CONSTRAINT "EvaluationResponse_roundId_fkey" FOREIGN KEY ("roundId") REFERENCES "EvaluationRound" ("id") ON DELETE CASCADE ON UPDATE CASCADE
);

-- CreateTable
CREATE TABLE "OfficerCall" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "cohortId" TEXT NOT NULL,
    "opensAt" DATETIME NOT NULL,
    "closesAt" DATETIME NOT NULL,
    "intro" TEXT NOT NULL DEFAULT '',
    "questions" TEXT NOT NULL DEFAULT '[]',
    "rubric" TEXT NOT NULL DEFAULT '["Experience with the project","Mentoring and communication","Availability"]',
    "invitesSentAt" DATETIME,
    "createdAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" DATETIME NOT NULL
);

-- CreateTable
CREATE TABLE "OfficerApplication" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "callId" TEXT NOT NULL,
    "cohortId" TEXT NOT NULL,
    "personId" TEXT NOT NULL,
    "role" TEXT NOT NULL,
    "answers" TEXT NOT NULL DEFAULT '{}',
    "projects" TEXT NOT NULL DEFAULT '[]',
    "hoursPerWeek" INTEGER NOT NULL,
    "otherCommitments" TEXT NOT NULL DEFAULT '',
    "commitmentHours" INTEGER NOT NULL DEFAULT 0,
    "status" TEXT NOT NULL DEFAULT 'applied',
    "notes" TEXT NOT NULL DEFAULT '',
    "interviewNotes" TEXT NOT NULL DEFAULT '',
    "rubricScores" TEXT NOT NULL DEFAULT '{}',
    "teamId" TEXT,
    "decidedById" TEXT,
    "decidedAt" DATETIME,
    "version" INTEGER NOT NULL DEFAULT 0,
    "submittedAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" DATETIME NOT NULL,
    CONSTRAINT "OfficerApplication_callId_fkey" FOREIGN KEY ("callId") REFERENCES "OfficerCall" ("id") ON DELETE CASCADE ON UPDATE CASCADE
);

-- CreateTable
CREATE TABLE "Survey" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "cohortId" TEXT NOT NULL,
    "kind" TEXT NOT NULL,
    "title" TEXT NOT NULL,
    "week" INTEGER,
    "questions" TEXT NOT NULL,
    "sentAt" DATETIME,
    "closesAt" DATETIME,
    "createdAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP
);

-- CreateTable
CREATE TABLE "SurveyResponse" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "surveyId" TEXT NOT NULL,
    "personId" TEXT NOT NULL,
    "teamId" TEXT,
    "answers" TEXT NOT NULL,
    "submittedAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
    CONSTRAINT "SurveyResponse_surveyId_fkey" FOREIGN KEY ("surveyId") REFERENCES "Survey" ("id") ON DELETE CASCADE ON UPDATE CASCADE
);

-- CreateIndex
CREATE UNIQUE INDEX "EvaluationRound_cohortId_afterWeek_key" ON "EvaluationRound"("cohortId", "afterWeek");

-- CreateIndex
CREATE INDEX "EvaluationResponse_cohortId_status_idx" ON "EvaluationResponse"("cohortId", "status");

-- CreateIndex
CREATE INDEX "EvaluationResponse_subjectId_idx" ON "EvaluationResponse"("subjectId");

-- CreateIndex
CREATE UNIQUE INDEX "EvaluationResponse_roundId_authorId_subjectId_key" ON "EvaluationResponse"("roundId", "authorId", "subjectId");

-- CreateIndex
CREATE UNIQUE INDEX "OfficerCall_cohortId_key" ON "OfficerCall"("cohortId");

-- CreateIndex
CREATE INDEX "OfficerApplication_cohortId_status_idx" ON "OfficerApplication"("cohortId", "status");

-- CreateIndex
CREATE UNIQUE INDEX "OfficerApplication_callId_personId_key" ON "OfficerApplication"("callId", "personId");

-- CreateIndex
CREATE INDEX "Survey_cohortId_kind_idx" ON "Survey"("cohortId", "kind");

-- CreateIndex
CREATE UNIQUE INDEX "SurveyResponse_surveyId_personId_key" ON "SurveyResponse"("surveyId", "personId");
