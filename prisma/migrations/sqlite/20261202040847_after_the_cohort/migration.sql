-- CreateTable
CREATE TABLE "CohortAfterSettings" (
    "cohortId" TEXT NOT NULL PRIMARY KEY,
    "minReflectionWeeks" INTEGER NOT NULL DEFAULT 4,
    "minLinkedPulls" INTEGER NOT NULL DEFAULT 1,
    "completionAppliedAt" DATETIME,
    "maintainerViewPublic" BOOLEAN NOT NULL DEFAULT true,
    "maxOpenPullsPerProject" INTEGER NOT NULL DEFAULT 3,
    "updatedAt" DATETIME NOT NULL,
    CONSTRAINT "CohortAfterSettings_cohortId_fkey" FOREIGN KEY ("cohortId") REFERENCES "Cohort" ("id") ON DELETE CASCADE ON UPDATE CASCADE
);

-- CreateTable
CREATE TABLE "Completion" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "cohortId" TEXT NOT NULL,
    "personId" TEXT NOT NULL,
    "completed" BOOLEAN NOT NULL,
    "ruleSummary" TEXT NOT NULL DEFAULT '',
    "exceptionReason" TEXT,
    "decidedAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "certificateToken" TEXT NOT NULL,
    "certificateWithdrawnAt" DATETIME,
    "showcaseOptIn" BOOLEAN NOT NULL DEFAULT false,
    CONSTRAINT "Completion_cohortId_fkey" FOREIGN KEY ("cohortId") REFERENCES "Cohort" ("id") ON DELETE CASCADE ON UPDATE CASCADE,
    CONSTRAINT "Completion_personId_fkey" FOREIGN KEY ("personId") REFERENCES "Person" ("id") ON DELETE CASCADE ON UPDATE CASCADE
);

-- CreateTable
CREATE TABLE "Testimonial" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "cohortId" TEXT NOT NULL,
    "personId" TEXT NOT NULL,
    "body" TEXT NOT NULL,
    "status" TEXT NOT NULL DEFAULT 'pending',
    "decidedById" TEXT,
    "decidedAt" DATETIME,
    "createdAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" DATETIME NOT NULL,
    CONSTRAINT "Testimonial_cohortId_fkey" FOREIGN KEY ("cohortId") REFERENCES "Cohort" ("id") ON DELETE CASCADE ON UPDATE CASCADE,
    CONSTRAINT "Testimonial_personId_fkey" FOREIGN KEY ("personId") REFERENCES "Person" ("id") ON DELETE CASCADE ON UPDATE CASCADE
);

-- CreateTable
CREATE TABLE "MaintainerViewToken" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "cohortId" TEXT NOT NULL,
    "projectId" TEXT NOT NULL,
    "token" TEXT NOT NULL,
    "createdAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
    CONSTRAINT "MaintainerViewToken_cohortId_fkey" FOREIGN KEY ("cohortId") REFERENCES "Cohort" ("id") ON DELETE CASCADE ON UPDATE CASCADE,
    CONSTRAINT "MaintainerViewToken_projectId_fkey" FOREIGN KEY ("projectId") REFERENCES "Project" ("id") ON DELETE CASCADE ON UPDATE CASCADE
);

-- CreateTable
CREATE TABLE "PullRequestUpstream" (
    "pullRequestId" TEXT NOT NULL PRIMARY KEY,
    "labels" TEXT NOT NULL DEFAULT '[]',
    "firstResponseAt" DATETIME,
    "firstUpstreamReviewAt" DATETIME,
    "flaggedAt" DATETIME,
    "updatedAt" DATETIME NOT NULL,
    CONSTRAINT "PullRequestUpstream_pullRequestId_fkey" FOREIGN KEY ("pullRequestId") REFERENCES "PullRequest" ("id") ON DELETE CASCADE ON UPDATE CASCADE
);

-- CreateTable
CREATE TABLE "ProjectAcceptedLabel" (
    "projectId" TEXT NOT NULL PRIMARY KEY,
    "label" TEXT NOT NULL DEFAULT 'hacktoberfest-accepted',
    CONSTRAINT "ProjectAcceptedLabel_projectId_fkey" FOREIGN KEY ("projectId") REFERENCES "Project" ("id") ON DELETE CASCADE ON UPDATE CASCADE
);

-- CreateTable
CREATE TABLE "RepositoryFormerName" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "repositoryId" TEXT NOT NULL,
    "owner" TEXT NOT NULL,
    "name" TEXT NOT NULL,
    CONSTRAINT "RepositoryFormerName_repositoryId_fkey" FOREIGN KEY ("repositoryId") REFERENCES "ProjectRepository" ("id") ON DELETE CASCADE ON UPDATE CASCADE
);

-- CreateTable
CREATE TABLE "OutcomeOptOut" (
    "personId" TEXT NOT NULL PRIMARY KEY,
    "at" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
    CONSTRAINT "OutcomeOptOut_personId_fkey" FOREIGN KEY ("personId") REFERENCES "Person" ("id") ON DELETE CASCADE ON UPDATE CASCADE
);

-- CreateTable
CREATE TABLE "OutcomeActivity" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "cohortId" TEXT NOT NULL,
    "personId" TEXT NOT NULL,
    "kind" TEXT NOT NULL,
    "repository" TEXT NOT NULL,
    "externalKey" TEXT NOT NULL,
    "url" TEXT NOT NULL,
    "title" TEXT NOT NULL DEFAULT '',
    "at" DATETIME NOT NULL,
    CONSTRAINT "OutcomeActivity_cohortId_fkey" FOREIGN KEY ("cohortId") REFERENCES "Cohort" ("id") ON DELETE CASCADE ON UPDATE CASCADE,
    CONSTRAINT "OutcomeActivity_personId_fkey" FOREIGN KEY ("personId") REFERENCES "Person" ("id") ON DELETE CASCADE ON UPDATE CASCADE
);

-- CreateTable
CREATE TABLE "OutcomeCheck" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "cohortId" TEXT NOT NULL,
    "personId" TEXT NOT NULL,
    "mark" INTEGER NOT NULL,
    "checkedAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "requests" INTEGER NOT NULL DEFAULT 0,
    "found" INTEGER NOT NULL DEFAULT 0,
    CONSTRAINT "OutcomeCheck_cohortId_fkey" FOREIGN KEY ("cohortId") REFERENCES "Cohort" ("id") ON DELETE CASCADE ON UPDATE CASCADE,
    CONSTRAINT "OutcomeCheck_personId_fkey" FOREIGN KEY ("personId") REFERENCES "Person" ("id") ON DELETE CASCADE ON UPDATE CASCADE
);

-- CreateTable
CREATE TABLE "NewcomerBaseline" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "projectId" TEXT NOT NULL,
    "mark" INTEGER NOT NULL,
    "eligible" INTEGER NOT NULL,
    "active" INTEGER NOT NULL,
    "computedAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
    CONSTRAINT "NewcomerBaseline_projectId_fkey" FOREIGN KEY ("projectId") REFERENCES "Project" ("id") ON DELETE CASCADE ON UPDATE CASCADE
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
