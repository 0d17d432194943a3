-- CreateTable
CREATE TABLE "Person" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "githubId" INTEGER,
    "login" TEXT NOT NULL,
    "name" TEXT NOT NULL,
    "email" TEXT,
    "avatarUrl" TEXT,
    "timeZone" TEXT NOT NULL DEFAULT 'UTC',
    "isAdmin" BOOLEAN NOT NULL DEFAULT false,
    "isDemo" BOOLEAN NOT NULL DEFAULT false,
    "demoRole" TEXT,
    "createdAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" DATETIME NOT NULL,
    "lastSignInAt" DATETIME
);

-- CreateTable
CREATE TABLE "AuthSession" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "secretHash" BLOB NOT NULL,
    "personId" TEXT NOT NULL,
    "createdAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "lastVerifiedAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "expiresAt" DATETIME NOT NULL,
    CONSTRAINT "AuthSession_personId_fkey" FOREIGN KEY ("personId") REFERENCES "Person" ("id") ON DELETE CASCADE ON UPDATE CASCADE
);

-- CreateTable
CREATE TABLE "Project" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "slug" TEXT NOT NULL,
    "name" TEXT NOT NULL,
    "description" TEXT NOT NULL DEFAULT '',
    "websiteUrl" TEXT,
    "starterLabels" TEXT NOT NULL DEFAULT '["good first issue","easy pickings","help wanted"]',
    "tracUrl" TEXT,
    "tracQuery" TEXT,
    "aiPolicyText" TEXT NOT NULL DEFAULT '',
    "aiPolicyUrl" TEXT,
    "createdAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" DATETIME NOT NULL
);

-- CreateTable
CREATE TABLE "ProjectRepository" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "projectId" TEXT NOT NULL,
    "owner" TEXT NOT NULL,
    "name" TEXT NOT NULL,
    "issuesEtags" TEXT NOT NULL DEFAULT '{}',
    CONSTRAINT "ProjectRepository_projectId_fkey" FOREIGN KEY ("projectId") REFERENCES "Project" ("id") ON DELETE CASCADE ON UPDATE CASCADE
);

-- CreateTable
CREATE TABLE "Cohort" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "slug" TEXT NOT NULL,
    "name" TEXT NOT NULL,
    "description" TEXT NOT NULL DEFAULT '',
    "publishedAt" DATETIME,
    "applicationsOpenAt" DATETIME NOT NULL,
    "applicationsCloseAt" DATETIME NOT NULL,
    "startsOn" DATETIME NOT NULL,
    "weeks" INTEGER NOT NULL DEFAULT 6,
    "teamSizeMin" INTEGER NOT NULL DEFAULT 3,
    "teamSizeMax" INTEGER NOT NULL DEFAULT 4,
    "minSharedHours" REAL NOT NULL DEFAULT 5,
    "captainMinSharedHours" REAL NOT NULL DEFAULT 3,
    "blindReview" BOOLEAN NOT NULL DEFAULT false,
    "codeOfConductUrl" TEXT NOT NULL DEFAULT 'https://www.djangoproject.com/conduct/',
    "offerDeadlineDays" INTEGER NOT NULL DEFAULT 7,
    "offerReminderDays" INTEGER NOT NULL DEFAULT 2,
    "decisionsPublishedAt" DATETIME,
    "teamsPublishedAt" DATETIME,
    "reflectionPrompts" TEXT NOT NULL DEFAULT '["What I worked on","What I learned","What is blocking me","What help I would like"]',
    "inactivityDays" INTEGER NOT NULL DEFAULT 10,
    "changesRequestedDays" INTEGER NOT NULL DEFAULT 7,
    "staleClaimDays" INTEGER NOT NULL DEFAULT 14,
    "largePullRequestLines" INTEGER NOT NULL DEFAULT 400,
    "answersPurgedAt" DATETIME,
    "createdAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" DATETIME NOT NULL
);

-- CreateTable
CREATE TABLE "CohortProject" (
    "cohortId" TEXT NOT NULL,
    "projectId" TEXT NOT NULL,

    PRIMARY KEY ("cohortId", "projectId"),
    CONSTRAINT "CohortProject_cohortId_fkey" FOREIGN KEY ("cohortId") REFERENCES "Cohort" ("id") ON DELETE CASCADE ON UPDATE CASCADE,
    CONSTRAINT "CohortProject_projectId_fkey" FOREIGN KEY ("projectId") REFERENCES "Project" ("id") ON DELETE CASCADE ON UPDATE CASCADE
);

-- CreateTable
CREATE TABLE "CohortMembership" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "cohortId" TEXT NOT NULL,
    "personId" TEXT,
    "pendingLogin" TEXT,
    "role" TEXT NOT NULL,
    "teamId" TEXT,
    "calendarToken" TEXT,
    "lastActiveAt" DATETIME,
    "completedAt" DATETIME,
    "testimonial" TEXT,
    "createdAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
    CONSTRAINT "CohortMembership_cohortId_fkey" FOREIGN KEY ("cohortId") REFERENCES "Cohort" ("id") ON DELETE CASCADE ON UPDATE CASCADE,
    CONSTRAINT "CohortMembership_personId_fkey" FOREIGN KEY ("personId") REFERENCES "Person" ("id") ON DELETE CASCADE ON UPDATE CASCADE,
    CONSTRAINT "CohortMembership_teamId_fkey" FOREIGN KEY ("teamId") REFERENCES "Team" ("id") ON DELETE SET NULL ON UPDATE CASCADE
);

-- CreateTable
CREATE TABLE "Team" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "cohortId" TEXT NOT NULL,
    "slug" TEXT NOT NULL,
    "name" TEXT NOT NULL,
    "projectId" TEXT,
    "meetingWeekday" INTEGER,
    "meetingMinute" INTEGER,
    "meetingTimeZone" TEXT,
    "meetingMinutes" INTEGER NOT NULL DEFAULT 60,
    "chatUrl" TEXT,
    "links" TEXT NOT NULL DEFAULT '[]',
    "createdAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
    CONSTRAINT "Team_cohortId_fkey" FOREIGN KEY ("cohortId") REFERENCES "Cohort" ("id") ON DELETE CASCADE ON UPDATE CASCADE,
    CONSTRAINT "Team_projectId_fkey" FOREIGN KEY ("projectId") REFERENCES "Project" ("id") ON DELETE SET NULL ON UPDATE CASCADE
);

-- CreateTable
CREATE TABLE "Availability" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "cohortId" TEXT NOT NULL,
    "personId" TEXT NOT NULL,
    "slots" TEXT NOT NULL,
    "timeZone" TEXT NOT NULL DEFAULT 'UTC',
    "updatedAt" DATETIME NOT NULL,
    CONSTRAINT "Availability_cohortId_fkey" FOREIGN KEY ("cohortId") REFERENCES "Cohort" ("id") ON DELETE CASCADE ON UPDATE CASCADE,
    CONSTRAINT "Availability_personId_fkey" FOREIGN KEY ("personId") REFERENCES "Person" ("id") ON DELETE CASCADE ON UPDATE CASCADE
);

-- CreateTable
CREATE TABLE "AuditEntry" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "at" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "actorId" TEXT,
    "cohortId" TEXT,
    "action" TEXT NOT NULL,
    "subjectType" TEXT NOT NULL,
    "subjectId" TEXT NOT NULL,
    "fromValue" TEXT,
    "toValue" TEXT,
    "detail" TEXT,
    CONSTRAINT "AuditEntry_actorId_fkey" FOREIGN KEY ("actorId") REFERENCES "Person" ("id") ON DELETE SET NULL ON UPDATE CASCADE,
    CONSTRAINT "AuditEntry_cohortId_fkey" FOREIGN KEY ("cohortId") REFERENCES "Cohort" ("id") ON DELETE CASCADE ON UPDATE CASCADE
);

-- CreateTable
CREATE TABLE "ApplicationQuestion" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "cohortId" TEXT NOT NULL,
    "position" INTEGER NOT NULL,
    "type" TEXT NOT NULL,
    "label" TEXT NOT NULL,
    "helpText" TEXT NOT NULL DEFAULT '',
    "required" BOOLEAN NOT NULL DEFAULT false,
    "sensitive" BOOLEAN NOT NULL DEFAULT false,
    "options" TEXT NOT NULL DEFAULT '[]',
    CONSTRAINT "ApplicationQuestion_cohortId_fkey" FOREIGN KEY ("cohortId") REFERENCES "Cohort" ("id") ON DELETE CASCADE ON UPDATE CASCADE
);

-- CreateTable
CREATE TABLE "RubricCriterion" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "cohortId" TEXT NOT NULL,
    "position" INTEGER NOT NULL,
    "name" TEXT NOT NULL,
    "description" TEXT NOT NULL DEFAULT '',
    "lowAnchor" TEXT NOT NULL DEFAULT '',
    "highAnchor" TEXT NOT NULL DEFAULT '',
    CONSTRAINT "RubricCriterion_cohortId_fkey" FOREIGN KEY ("cohortId") REFERENCES "Cohort" ("id") ON DELETE CASCADE ON UPDATE CASCADE
);

-- CreateTable
CREATE TABLE "Application" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "cohortId" TEXT NOT NULL,
    "personId" TEXT NOT NULL,
    "status" TEXT NOT NULL DEFAULT 'draft',
    "decision" TEXT NOT NULL DEFAULT 'none',
    "decidedById" TEXT,
    "decidedAt" DATETIME,
    "publishedDecision" TEXT,
    "waitlistRank" INTEGER,
    "anyProject" BOOLEAN NOT NULL DEFAULT false,
    "codeOfConductAcknowledgedAt" DATETIME,
    "aiPolicyAcknowledgedAt" DATETIME,
    "submittedAt" DATETIME,
    "withdrawnAt" DATETIME,
    "purgedAt" DATETIME,
    "version" INTEGER NOT NULL DEFAULT 0,
    "createdAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" DATETIME NOT NULL,
    CONSTRAINT "Application_cohortId_fkey" FOREIGN KEY ("cohortId") REFERENCES "Cohort" ("id") ON DELETE CASCADE ON UPDATE CASCADE,
    CONSTRAINT "Application_personId_fkey" FOREIGN KEY ("personId") REFERENCES "Person" ("id") ON DELETE CASCADE ON UPDATE CASCADE,
    CONSTRAINT "Application_decidedById_fkey" FOREIGN KEY ("decidedById") REFERENCES "Person" ("id") ON DELETE SET NULL ON UPDATE CASCADE
);

-- CreateTable
CREATE TABLE "ApplicationAnswer" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "applicationId" TEXT NOT NULL,
    "questionId" TEXT NOT NULL,
    "value" TEXT NOT NULL,
    CONSTRAINT "ApplicationAnswer_applicationId_fkey" FOREIGN KEY ("applicationId") REFERENCES "Application" ("id") ON DELETE CASCADE ON UPDATE CASCADE,
    CONSTRAINT "ApplicationAnswer_questionId_fkey" FOREIGN KEY ("questionId") REFERENCES "ApplicationQuestion" ("id") ON DELETE CASCADE ON UPDATE CASCADE
);

-- CreateTable
CREATE TABLE "ProjectPreference" (
    "applicationId" TEXT NOT NULL,
    "projectId" TEXT NOT NULL,
    "rank" INTEGER NOT NULL,

    PRIMARY KEY ("applicationId", "projectId"),
    CONSTRAINT "ProjectPreference_applicationId_fkey" FOREIGN KEY ("applicationId") REFERENCES "Application" ("id") ON DELETE CASCADE ON UPDATE CASCADE,
    CONSTRAINT "ProjectPreference_projectId_fkey" FOREIGN KEY ("projectId") REFERENCES "Project" ("id") ON DELETE CASCADE ON UPDATE CASCADE
);

-- CreateTable
CREATE TABLE "Review" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "applicationId" TEXT NOT NULL,
    "reviewerId" TEXT NOT NULL,
    "comment" TEXT NOT NULL DEFAULT '',
    "recused" BOOLEAN NOT NULL DEFAULT false,
    "recusalReason" TEXT,
    "submittedAt" DATETIME,
    "createdAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" DATETIME NOT NULL,
    CONSTRAINT "Review_applicationId_fkey" FOREIGN KEY ("applicationId") REFERENCES "Application" ("id") ON DELETE CASCADE ON UPDATE CASCADE,
    CONSTRAINT "Review_reviewerId_fkey" FOREIGN KEY ("reviewerId") REFERENCES "Person" ("id") ON DELETE CASCADE ON UPDATE CASCADE
);

-- CreateTable
CREATE TABLE "ReviewScore" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "reviewId" TEXT NOT NULL,
    "criterionId" TEXT NOT NULL,
    "score" INTEGER NOT NULL,
    "comment" TEXT NOT NULL DEFAULT '',
    CONSTRAINT "ReviewScore_reviewId_fkey" FOREIGN KEY ("reviewId") REFERENCES "Review" ("id") ON DELETE CASCADE ON UPDATE CASCADE,
    CONSTRAINT "ReviewScore_criterionId_fkey" FOREIGN KEY ("criterionId") REFERENCES "RubricCriterion" ("id") ON DELETE CASCADE ON UPDATE CASCADE
);

-- CreateTable
CREATE TABLE "Offer" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "applicationId" TEXT NOT NULL,
    "status" TEXT NOT NULL DEFAULT 'pending',
    "token" TEXT NOT NULL,
    "sentAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "expiresAt" DATETIME NOT NULL,
    "respondedAt" DATETIME,
    "reminderSentAt" DATETIME,
    "openKey" TEXT,
    CONSTRAINT "Offer_applicationId_fkey" FOREIGN KEY ("applicationId") REFERENCES "Application" ("id") ON DELETE CASCADE ON UPDATE CASCADE
);

-- CreateTable
CREATE TABLE "Notice" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "cohortId" TEXT,
    "personId" TEXT,
    "toEmail" TEXT,
    "kind" TEXT NOT NULL,
    "subject" TEXT NOT NULL,
    "bodyText" TEXT NOT NULL,
    "status" TEXT NOT NULL DEFAULT 'queued',
    "attempts" INTEGER NOT NULL DEFAULT 0,
    "lastError" TEXT,
    "nextAttemptAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "sentAt" DATETIME,
    "readAt" DATETIME,
    "dedupeKey" TEXT,
    "createdAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
    CONSTRAINT "Notice_cohortId_fkey" FOREIGN KEY ("cohortId") REFERENCES "Cohort" ("id") ON DELETE CASCADE ON UPDATE CASCADE,
    CONSTRAINT "Notice_personId_fkey" FOREIGN KEY ("personId") REFERENCES "Person" ("id") ON DELETE SET NULL ON UPDATE CASCADE
);

-- CreateTable
CREATE TABLE "StarterIssue" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "projectId" TEXT NOT NULL,
    "source" TEXT NOT NULL,
    "externalKey" TEXT NOT NULL,
    "url" TEXT NOT NULL,
    "title" TEXT NOT NULL,
    "labels" TEXT NOT NULL DEFAULT '[]',
    "state" TEXT NOT NULL DEFAULT 'open',
    "upstreamUpdatedAt" DATETIME,
    "etag" TEXT,
    "lastSyncedAt" DATETIME,
    "createdAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
    CONSTRAINT "StarterIssue_projectId_fkey" FOREIGN KEY ("projectId") REFERENCES "Project" ("id") ON DELETE CASCADE ON UPDATE CASCADE
);

-- CreateTable
CREATE TABLE "IssueCuration" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "cohortId" TEXT NOT NULL,
    "starterIssueId" TEXT NOT NULL,
    "recommendedTeamId" TEXT,
    "difficulty" TEXT,
    "note" TEXT NOT NULL DEFAULT '',
    "hidden" BOOLEAN NOT NULL DEFAULT false,
    "curatedById" TEXT,
    "updatedAt" DATETIME NOT NULL,
    CONSTRAINT "IssueCuration_cohortId_fkey" FOREIGN KEY ("cohortId") REFERENCES "Cohort" ("id") ON DELETE CASCADE ON UPDATE CASCADE,
    CONSTRAINT "IssueCuration_starterIssueId_fkey" FOREIGN KEY ("starterIssueId") REFERENCES "StarterIssue" ("id") ON DELETE CASCADE ON UPDATE CASCADE,
    CONSTRAINT "IssueCuration_recommendedTeamId_fkey" FOREIGN KEY ("recommendedTeamId") REFERENCES "Team" ("id") ON DELETE SET NULL ON UPDATE CASCADE,
    CONSTRAINT "IssueCuration_curatedById_fkey" FOREIGN KEY ("curatedById") REFERENCES "Person" ("id") ON DELETE SET NULL ON UPDATE CASCADE
);

-- CreateTable
CREATE TABLE "IssueClaim" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "cohortId" TEXT NOT NULL,
    "starterIssueId" TEXT NOT NULL,
    "personId" TEXT NOT NULL,
    "claimedAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "releasedAt" DATETIME,
    "activeKey" TEXT,
    CONSTRAINT "IssueClaim_cohortId_fkey" FOREIGN KEY ("cohortId") REFERENCES "Cohort" ("id") ON DELETE CASCADE ON UPDATE CASCADE,
    CONSTRAINT "IssueClaim_starterIssueId_fkey" FOREIGN KEY ("starterIssueId") REFERENCES "StarterIssue" ("id") ON DELETE CASCADE ON UPDATE CASCADE,
    CONSTRAINT "IssueClaim_personId_fkey" FOREIGN KEY ("personId") REFERENCES "Person" ("id") ON DELETE CASCADE ON UPDATE CASCADE
);

-- CreateTable
CREATE TABLE "PullRequest" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "owner" TEXT NOT NULL,
    "repo" TEXT NOT NULL,
    "number" INTEGER NOT NULL,
    "url" TEXT NOT NULL,
    "title" TEXT NOT NULL,
    "body" TEXT NOT NULL DEFAULT '',
    "authorLogin" TEXT NOT NULL,
    "state" TEXT NOT NULL,
    "draft" BOOLEAN NOT NULL DEFAULT false,
    "reviewState" TEXT NOT NULL DEFAULT 'none',
    "reviewCount" INTEGER NOT NULL DEFAULT 0,
    "additions" INTEGER NOT NULL DEFAULT 0,
    "deletions" INTEGER NOT NULL DEFAULT 0,
    "changedFiles" INTEGER NOT NULL DEFAULT 0,
    "openedAt" DATETIME,
    "mergedAt" DATETIME,
    "closedAt" DATETIME,
    "lastActivityAt" DATETIME,
    "etag" TEXT,
    "reviewsEtag" TEXT,
    "lastSyncedAt" DATETIME
);

-- CreateTable
CREATE TABLE "LinkedPullRequest" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "cohortId" TEXT NOT NULL,
    "pullRequestId" TEXT NOT NULL,
    "personId" TEXT NOT NULL,
    "claimId" TEXT,
    "starterIssueId" TEXT,
    "explanation" TEXT NOT NULL DEFAULT '',
    "aiDisclosure" TEXT,
    "aiTools" TEXT NOT NULL DEFAULT '',
    "aiVerification" TEXT NOT NULL DEFAULT '',
    "authorMismatch" BOOLEAN NOT NULL DEFAULT false,
    "preReviewedAt" DATETIME,
    "preReviewedById" TEXT,
    "preReviewComment" TEXT,
    "linkedAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
    CONSTRAINT "LinkedPullRequest_cohortId_fkey" FOREIGN KEY ("cohortId") REFERENCES "Cohort" ("id") ON DELETE CASCADE ON UPDATE CASCADE,
    CONSTRAINT "LinkedPullRequest_pullRequestId_fkey" FOREIGN KEY ("pullRequestId") REFERENCES "PullRequest" ("id") ON DELETE CASCADE ON UPDATE CASCADE,
    CONSTRAINT "LinkedPullRequest_personId_fkey" FOREIGN KEY ("personId") REFERENCES "Person" ("id") ON DELETE CASCADE ON UPDATE CASCADE,
    CONSTRAINT "LinkedPullRequest_claimId_fkey" FOREIGN KEY ("claimId") REFERENCES "IssueClaim" ("id") ON DELETE SET NULL ON UPDATE CASCADE,
    CONSTRAINT "LinkedPullRequest_starterIssueId_fkey" FOREIGN KEY ("starterIssueId") REFERENCES "StarterIssue" ("id") ON DELETE SET NULL ON UPDATE CASCADE,
    CONSTRAINT "LinkedPullRequest_preReviewedById_fkey" FOREIGN KEY ("preReviewedById") REFERENCES "Person" ("id") ON DELETE SET NULL ON UPDATE CASCADE
);

-- CreateTable
CREATE TABLE "SyncRun" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "trigger" TEXT NOT NULL,
    "status" TEXT NOT NULL DEFAULT 'running',
    "startedAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "finishedAt" DATETIME,
    "requests" INTEGER NOT NULL DEFAULT 0,
    "notModified" INTEGER NOT NULL DEFAULT 0,
    "changes" INTEGER NOT NULL DEFAULT 0,
    "errors" INTEGER NOT NULL DEFAULT 0,
    "progress" TEXT NOT NULL DEFAULT '',
    "errorLog" TEXT NOT NULL DEFAULT ''
);

-- CreateTable
CREATE TABLE "JobLease" (
    "name" TEXT NOT NULL PRIMARY KEY,
    "holder" TEXT NOT NULL,
    "expiresAt" DATETIME NOT NULL
);

-- CreateTable
CREATE TABLE "WebhookDelivery" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "event" TEXT NOT NULL,
    "receivedAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP
);

-- CreateTable
CREATE TABLE "Reflection" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "cohortId" TEXT NOT NULL,
    "personId" TEXT NOT NULL,
    "week" INTEGER NOT NULL,
    "answers" TEXT NOT NULL DEFAULT '{}',
    "confidence" INTEGER,
    "needsHelp" BOOLEAN NOT NULL DEFAULT false,
    "status" TEXT NOT NULL DEFAULT 'draft',
    "submittedAt" DATETIME,
    "late" BOOLEAN NOT NULL DEFAULT false,
    "sharedWithTeam" BOOLEAN NOT NULL DEFAULT false,
    "createdAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" DATETIME NOT NULL,
    CONSTRAINT "Reflection_cohortId_fkey" FOREIGN KEY ("cohortId") REFERENCES "Cohort" ("id") ON DELETE CASCADE ON UPDATE CASCADE,
    CONSTRAINT "Reflection_personId_fkey" FOREIGN KEY ("personId") REFERENCES "Person" ("id") ON DELETE CASCADE ON UPDATE CASCADE
);

-- CreateTable
CREATE TABLE "ReflectionComment" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "reflectionId" TEXT NOT NULL,
    "authorId" TEXT NOT NULL,
    "body" TEXT NOT NULL,
    "createdAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
    CONSTRAINT "ReflectionComment_reflectionId_fkey" FOREIGN KEY ("reflectionId") REFERENCES "Reflection" ("id") ON DELETE CASCADE ON UPDATE CASCADE,
    CONSTRAINT "ReflectionComment_authorId_fkey" FOREIGN KEY ("authorId") REFERENCES "Person" ("id") ON DELETE CASCADE ON UPDATE CASCADE
);

-- CreateIndex
CREATE UNIQUE INDEX "Person_githubId_key" ON "Person"("githubId");

-- CreateIndex
CREATE UNIQUE INDEX "Person_login_key" ON "Person"("login");

-- CreateIndex
CREATE INDEX "AuthSession_personId_idx" ON "AuthSession"("personId");

-- CreateIndex
CREATE UNIQUE INDEX "Project_slug_key" ON "Project"("slug");

-- CreateIndex
CREATE INDEX "ProjectRepository_projectId_idx" ON "ProjectRepository"("projectId");

-- CreateIndex
CREATE UNIQUE INDEX "ProjectRepository_owner_name_key" ON "ProjectRepository"("owner", "name");

-- CreateIndex
CREATE UNIQUE INDEX "Cohort_slug_key" ON "Cohort"("slug");

-- CreateIndex
CREATE UNIQUE INDEX "CohortMembership_calendarToken_key" ON "CohortMembership"("calendarToken");

-- CreateIndex
CREATE INDEX "CohortMembership_personId_idx" ON "CohortMembership"("personId");

-- CreateIndex
CREATE INDEX "CohortMembership_teamId_idx" ON "CohortMembership"("teamId");

-- CreateIndex
CREATE UNIQUE INDEX "CohortMembership_cohortId_personId_role_key" ON "CohortMembership"("cohortId", "personId", "role");

-- CreateIndex
CREATE UNIQUE INDEX "CohortMembership_cohortId_pendingLogin_role_key" ON "CohortMembership"("cohortId", "pendingLogin", "role");

-- CreateIndex
CREATE UNIQUE INDEX "Team_cohortId_slug_key" ON "Team"("cohortId", "slug");

-- CreateIndex
CREATE UNIQUE INDEX "Availability_cohortId_personId_key" ON "Availability"("cohortId", "personId");

-- CreateIndex
CREATE INDEX "AuditEntry_cohortId_at_idx" ON "AuditEntry"("cohortId", "at");

-- CreateIndex
CREATE INDEX "AuditEntry_subjectType_subjectId_idx" ON "AuditEntry"("subjectType", "subjectId");

-- CreateIndex
CREATE INDEX "ApplicationQuestion_cohortId_position_idx" ON "ApplicationQuestion"("cohortId", "position");

-- CreateIndex
CREATE INDEX "RubricCriterion_cohortId_position_idx" ON "RubricCriterion"("cohortId", "position");

-- CreateIndex
CREATE INDEX "Application_cohortId_status_idx" ON "Application"("cohortId", "status");

-- CreateIndex
CREATE UNIQUE INDEX "Application_cohortId_personId_key" ON "Application"("cohortId", "personId");

-- CreateIndex
CREATE UNIQUE INDEX "ApplicationAnswer_applicationId_questionId_key" ON "ApplicationAnswer"("applicationId", "questionId");

-- CreateIndex
CREATE INDEX "Review_reviewerId_idx" ON "Review"("reviewerId");

-- CreateIndex
CREATE UNIQUE INDEX "Review_applicationId_reviewerId_key" ON "Review"("applicationId", "reviewerId");

-- CreateIndex
CREATE UNIQUE INDEX "ReviewScore_reviewId_criterionId_key" ON "ReviewScore"("reviewId", "criterionId");

-- CreateIndex
CREATE UNIQUE INDEX "Offer_token_key" ON "Offer"("token");

-- CreateIndex
CREATE UNIQUE INDEX "Offer_openKey_key" ON "Offer"("openKey");

-- CreateIndex
CREATE INDEX "Offer_status_expiresAt_idx" ON "Offer"("status", "expiresAt");

-- CreateIndex
CREATE UNIQUE INDEX "Notice_dedupeKey_key" ON "Notice"("dedupeKey");

-- CreateIndex
CREATE INDEX "Notice_status_nextAttemptAt_idx" ON "Notice"("status", "nextAttemptAt");

-- CreateIndex
CREATE INDEX "Notice_personId_createdAt_idx" ON "Notice"("personId", "createdAt");

-- CreateIndex
CREATE INDEX "StarterIssue_projectId_idx" ON "StarterIssue"("projectId");

-- CreateIndex
CREATE UNIQUE INDEX "StarterIssue_source_externalKey_key" ON "StarterIssue"("source", "externalKey");

-- CreateIndex
CREATE UNIQUE INDEX "IssueCuration_cohortId_starterIssueId_key" ON "IssueCuration"("cohortId", "starterIssueId");

-- CreateIndex
CREATE UNIQUE INDEX "IssueClaim_activeKey_key" ON "IssueClaim"("activeKey");

-- CreateIndex
CREATE INDEX "IssueClaim_cohortId_personId_idx" ON "IssueClaim"("cohortId", "personId");

-- CreateIndex
CREATE UNIQUE INDEX "PullRequest_owner_repo_number_key" ON "PullRequest"("owner", "repo", "number");

-- CreateIndex
CREATE INDEX "LinkedPullRequest_personId_idx" ON "LinkedPullRequest"("personId");

-- CreateIndex
CREATE UNIQUE INDEX "LinkedPullRequest_cohortId_pullRequestId_key" ON "LinkedPullRequest"("cohortId", "pullRequestId");

-- CreateIndex
CREATE INDEX "SyncRun_startedAt_idx" ON "SyncRun"("startedAt");

-- CreateIndex
CREATE INDEX "Reflection_cohortId_week_idx" ON "Reflection"("cohortId", "week");

-- CreateIndex
CREATE UNIQUE INDEX "Reflection_cohortId_personId_week_key" ON "Reflection"("cohortId", "personId", "week");

-- CreateIndex
CREATE INDEX "ReflectionComment_reflectionId_createdAt_idx" ON "ReflectionComment"("reflectionId", "createdAt");
