-- CreateTable
CREATE TABLE "CohortAfterSettings" (
    "cohortId" TEXT NOT NULL,
    "minReflectionWeeks" INTEGER NOT NULL DEFAULT 4,
    "minLinkedPulls" INTEGER NOT NULL DEFAULT 1,
    "completionAppliedAt" TIMESTAMP(3),
    "maintainerViewPublic" BOOLEAN NOT NULL DEFAULT true,
    "maxOpenPullsPerProject" INTEGER NOT NULL DEFAULT 3,
    "updatedAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "CohortAfterSettings_pkey" PRIMARY KEY ("cohortId")
);

-- CreateTable
CREATE TABLE "Completion" (
    "id" TEXT NOT NULL,
    "cohortId" TEXT NOT NULL,
    "personId" TEXT NOT NULL,
    "completed" BOOLEAN NOT NULL,
    "ruleSummary" TEXT NOT NULL DEFAULT '',
    "exceptionReason" TEXT,
    "decidedAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "certificateToken" TEXT NOT NULL,
    "certificateWithdrawnAt" TIMESTAMP(3),
    "showcaseOptIn" BOOLEAN NOT NULL DEFAULT false,

    CONSTRAINT "Completion_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "Testimonial" (
    "id" TEXT NOT NULL,
    "cohortId" TEXT NOT NULL,
    "personId" TEXT NOT NULL,
    "body" TEXT NOT NULL,
    "status" TEXT NOT NULL DEFAULT 'pending',
    "decidedById" TEXT,
    "decidedAt" TIMESTAMP(3),
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "Testimonial_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "MaintainerViewToken" (
    "id" TEXT NOT NULL,
    "cohortId" TEXT NOT NULL,
    "projectId" TEXT NOT NULL,
    "token" TEXT NOT NULL,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "MaintainerViewToken_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "PullRequestUpstream" (
    "pullRequestId" TEXT NOT NULL,
    "labels" TEXT NOT NULL DEFAULT '[]',
    "firstResponseAt" TIMESTAMP(3),
    "firstUpstreamReviewAt" TIMESTAMP(3),
    "flaggedAt" TIMESTAMP(3),
    "updatedAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "PullRequestUpstream_pkey" PRIMARY KEY ("pullRequestId")
);

-- CreateTable
CREATE TABLE "ProjectAcceptedLabel" (
    "projectId" TEXT NOT NULL,
    "label" TEXT NOT NULL DEFAULT 'hacktoberfest-accepted',

    CONSTRAINT "ProjectAcceptedLabel_pkey" PRIMARY KEY ("projectId")
);

-- CreateTable
CREATE TABLE "RepositoryFormerName" (
    "id" TEXT NOT NULL,
    "repositoryId" TEXT NOT NULL,
    "owner" TEXT NOT NULL,
    "name" TEXT NOT NULL,

    CONSTRAINT "RepositoryFormerName_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "OutcomeOptOut" (
    "personId" TEXT NOT NULL,
    "at" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "OutcomeOptOut_pkey" PRIMARY KEY ("personId")
);

-- CreateTable
CREATE TABLE "OutcomeActivity" (
    "id" TEXT NOT NULL,
    "cohortId" TEXT NOT NULL,
    "personId" TEXT NOT NULL,
    "kind" TEXT NOT NULL,
    "repository" TEXT NOT NULL,
    "externalKey" TEXT NOT NULL,
    "url" TEXT NOT NULL,
    "title" TEXT NOT NULL DEFAULT '',
    "at" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "OutcomeActivity_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "OutcomeCheck" (
    "id" TEXT NOT NULL,
    "cohortId" TEXT NOT NULL,
    "personId" TEXT NOT NULL,
    "mark" INTEGER NOT NULL,
    "checkedAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "requests" INTEGER NOT NULL DEFAULT 0,
    "found" INTEGER NOT NULL DEFAULT 0,

    CONSTRAINT "OutcomeCheck_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "NewcomerBaseline" (
    "id" TEXT NOT NULL,
    "projectId" TEXT NOT NULL,
    "mark" INTEGER NOT NULL,
    "eligible" INTEGER NOT NULL,
    "active" INTEGER NOT NULL,
    "computedAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "NewcomerBaseline_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE UNIQUE INDEX "Completion_certificateToken_key" ON "Completion"("certificateToken");

-- CreateIndex
CREATE UNIQUE INDEX "Completion_cohortId_personId_key" ON "Completion"("cohortId", "personId");

-- CreateIndex
CREATE INDEX "Testimonial_cohortId_status_idx" ON "Testimonial"("cohortId", "status");

-- CreateIndex
CREATE UNIQUE INDEX "Testimonial_cohortId_personId_key" ON "Testimonial"("cohortId", "personId");

-- CreateIndex
CREATE UNIQUE INDEX "MaintainerViewToken_token_key" ON "MaintainerViewToken"("token");

-- CreateIndex
CREATE UNIQUE INDEX "MaintainerViewToken_cohortId_projectId_key" ON "MaintainerViewToken"("cohortId", "projectId");

-- CreateIndex
CREATE UNIQUE INDEX "RepositoryFormerName_owner_name_key" ON "RepositoryFormerName"("owner", "name");

-- CreateIndex
CREATE INDEX "OutcomeActivity_cohortId_personId_at_idx" ON "OutcomeActivity"("cohortId", "personId", "at");

-- CreateIndex
CREATE UNIQUE INDEX "OutcomeActivity_cohortId_personId_kind_externalKey_key" ON "OutcomeActivity"("cohortId", "personId", "kind", "externalKey");

-- CreateIndex
CREATE UNIQUE INDEX "OutcomeCheck_cohortId_personId_mark_key" ON "OutcomeCheck"("cohortId", "personId", "mark");

-- CreateIndex
CREATE UNIQUE INDEX "NewcomerBaseline_projectId_mark_key" ON "NewcomerBaseline"("projectId", "mark");

-- AddForeignKey
ALTER TABLE "CohortAfterSettings" ADD CONSTRAINT "CohortAfterSettings_cohortId_fkey" FOREIGN KEY ("cohortId") REFERENCES "Cohort"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Completion" ADD CONSTRAINT "Completion_cohortId_fkey" FOREIGN KEY ("cohortId") REFERENCES "Cohort"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Completion" ADD CONSTRAINT "Completion_personId_fkey" FOREIGN KEY ("personId") REFERENCES "Person"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Testimonial" ADD CONSTRAINT "Testimonial_cohortId_fkey" FOREIGN KEY ("cohortId") REFERENCES "Cohort"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Testimonial" ADD CONSTRAINT "Testimonial_personId_fkey" FOREIGN KEY ("personId") REFERENCES "Person"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "MaintainerViewToken" ADD CONSTRAINT "MaintainerViewToken_cohortId_fkey" FOREIGN KEY ("cohortId") REFERENCES "Cohort"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "MaintainerViewToken" ADD CONSTRAINT "MaintainerViewToken_projectId_fkey" FOREIGN KEY ("projectId") REFERENCES "Project"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "PullRequestUpstream" ADD CONSTRAINT "PullRequestUpstream_pullRequestId_fkey" FOREIGN KEY ("pullRequestId") REFERENCES "PullRequest"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "ProjectAcceptedLabel" ADD CONSTRAINT "ProjectAcceptedLabel_projectId_fkey" FOREIGN KEY ("projectId") REFERENCES "Project"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "RepositoryFormerName" ADD CONSTRAINT "RepositoryFormerName_repositoryId_fkey" FOREIGN KEY ("repositoryId") REFERENCES "ProjectRepository"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "OutcomeOptOut" ADD CONSTRAINT "OutcomeOptOut_personId_fkey" FOREIGN KEY ("personId") REFERENCES "Person"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "OutcomeActivity" ADD CONSTRAINT "OutcomeActivity_cohortId_fkey" FOREIGN KEY ("cohortId") REFERENCES "Cohort"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "OutcomeActivity" ADD CONSTRAINT "OutcomeActivity_personId_fkey" FOREIGN KEY ("personId") REFERENCES "Person"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "OutcomeCheck" ADD CONSTRAINT "OutcomeCheck_cohortId_fkey" FOREIGN KEY ("cohortId") REFERENCES "Cohort"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "OutcomeCheck" ADD CONSTRAINT "OutcomeCheck_personId_fkey" FOREIGN KEY ("personId") REFERENCES "Person"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "NewcomerBaseline" ADD CONSTRAINT "NewcomerBaseline_projectId_fkey" FOREIGN KEY ("projectId") REFERENCES "Project"("id") ON DELETE CASCADE ON UPDATE CASCADE;
