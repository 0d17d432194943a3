-- AlterTable
ALTER TABLE "PullRequest" ADD COLUMN     "upstreamUpdatedAt" TIMESTAMP(3);

-- CreateTable
CREATE TABLE "GitHubRepositoryState" (
    "fullName" TEXT NOT NULL,
    "pullsEtag" TEXT,
    "pullsUpdatedAt" TIMESTAMP(3),
    "unavailableUntil" TIMESTAMP(3),
    "unavailableReason" TEXT,
    "issuesOffUntil" TIMESTAMP(3),
    "updatedAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "GitHubRepositoryState_pkey" PRIMARY KEY ("fullName")
);
