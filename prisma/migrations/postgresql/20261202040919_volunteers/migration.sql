-- AlterTable
ALTER TABLE "Cohort" ADD COLUMN     "weeklyHours" INTEGER;

-- CreateTable
CREATE TABLE "EvaluationRound" (
    "id" TEXT NOT NULL,
    "cohortId" TEXT NOT NULL,
    "title" TEXT NOT NULL,
    "afterWeek" INTEGER NOT NULL,
    "participantQuestions" TEXT NOT NULL,
    "navigatorQuestions" TEXT NOT NULL,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "EvaluationRound_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "EvaluationResponse" (
    "id" TEXT NOT NULL,
    "roundId" TEXT NOT NULL,
    "cohortId" TEXT NOT NULL,
    "authorId" TEXT NOT NULL,
    "direction" TEXT NOT NULL,
    "subjectId" TEXT NOT NULL,
    "teamId" TEXT,
    "answers" TEXT NOT NULL DEFAULT '{}',
    "status" TEXT NOT NULL DEFAULT 'draft',
    "submittedAt" TIMESTAMP(3),
    "late" BOOLEAN NOT NULL DEFAULT false,
    "wantsToTalk" BOOLEAN NOT NULL DEFAULT false,
    "lowestScore" INTEGER,
    "sharedAt" TIMESTAMP(3),
    "updatedAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "EvaluationResponse_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "OfficerCall" (
    "id" TEXT NOT NULL,
    "cohortId" TEXT NOT NULL,
    "opensAt" TIMESTAMP(3) NOT NULL,
    "closesAt" TIMESTAMP(3) NOT NULL,
    "intro" TEXT NOT NULL DEFAULT '',
    "questions" TEXT NOT NULL DEFAULT '[]',
    "rubric" TEXT NOT NULL DEFAULT '["Experience with the project","Mentoring and communication","Availability"]',
    "invitesSentAt" TIMESTAMP(3),
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "OfficerCall_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "OfficerApplication" (
    "id" TEXT NOT NULL,
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
    "decidedAt" TIMESTAMP(3),
    "version" INTEGER NOT NULL DEFAULT 0,
    "submittedAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "OfficerApplication_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "Survey" (
    "id" TEXT NOT NULL,
    "cohortId" TEXT NOT NULL,
    "kind" TEXT NOT NULL,
    "title" TEXT NOT NULL,
    "week" INTEGER,
    "questions" TEXT NOT NULL,
    "sentAt" TIMESTAMP(3),
    "closesAt" TIMESTAMP(3),
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "Survey_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "SurveyResponse" (
    "id" TEXT NOT NULL,
    "surveyId" TEXT NOT NULL,
    "personId" TEXT NOT NULL,
    "teamId" TEXT,
    "answers" TEXT NOT NULL,
    "submittedAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "SurveyResponse_pkey" PRIMARY KEY ("id")
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

-- AddForeignKey
ALTER TABLE "EvaluationResponse" ADD CONSTRAINT "EvaluationResponse_roundId_fkey" FOREIGN KEY ("roundId") REFERENCES "EvaluationRound"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "OfficerApplication" ADD CONSTRAINT "OfficerApplication_callId_fkey" FOREIGN KEY ("callId") REFERENCES "OfficerCall"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "SurveyResponse" ADD CONSTRAINT "SurveyResponse_surveyId_fkey" FOREIGN KEY ("surveyId") REFERENCES "Survey"("id") ON DELETE CASCADE ON UPDATE CASCADE;
