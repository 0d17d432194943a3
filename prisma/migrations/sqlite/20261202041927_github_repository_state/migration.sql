-- AlterTable
ALTER TABLE "PullRequest" ADD COLUMN "upstreamUpdatedAt" DATETIME;

-- CreateTable
CREATE TABLE "GitHubRepositoryState" (
    "fullName" TEXT NOT NULL PRIMARY KEY,
    "pullsEtag" TEXT,
    "pullsUpdatedAt" DATETIME,
    "unavailableUntil" DATETIME,
    "unavailableReason" TEXT,
    "issuesOffUntil" DATETIME,
    "updatedAt" DATETIME NOT NULL
);
