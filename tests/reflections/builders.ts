// Builders for reflection and dashboard tests: reflections, comments, starter
// issues, claims and linked pull requests, written straight to the database.
import { db } from "../../app/utils/db.server";

let n = 0;

export async function makeReflection(
  cohortId: string,
  personId: string,
  week: number,
  overrides: Partial<{
    status: "draft" | "submitted";
    submittedAt: Date | null;
    late: boolean;
    needsHelp: boolean;
    sharedWithTeam: boolean;
    confidence: number | null;
    answers: Record<string, string>;
    updatedAt: Date;
  }> = {},
) {
  const status = overrides.status ?? "submitted";
  return db.reflection.create({
    data: {
      cohortId,
      personId,
      week,
      status,
      answers: JSON.stringify(
        overrides.answers ?? { p1: `Week ${week}: read the contributing guide and wrote a test.` },
      ),
      confidence: overrides.confidence === undefined ? 3 : overrides.confidence,
      needsHelp: overrides.needsHelp ?? false,
      sharedWithTeam: overrides.sharedWithTeam ?? false,
      submittedAt: status === "submitted" ? (overrides.submittedAt ?? new Date()) : null,
      late: overrides.late ?? false,
      ...(overrides.updatedAt ? { updatedAt: overrides.updatedAt, createdAt: overrides.updatedAt } : {}),
    },
  });
}

export async function makeComment(
  reflectionId: string,
  authorId: string,
  body = "Nice work — keep going!",
  createdAt = new Date(),
) {
  return db.reflectionComment.create({ data: { reflectionId, authorId, body, createdAt } });
}

export async function makeStarterIssue(projectId: string, title = "Clarify QuerySet.bulk_update() docs") {
  const k = ++n;
  return db.starterIssue.create({
    data: {
      projectId,
      source: "github",
      externalKey: `django/django#${30_000 + k}-${Math.random().toString(36).slice(2, 6)}`,
      url: `https://github.com/django/django/issues/${30_000 + k}`,
      title,
    },
  });
}

export async function makeClaim(
  cohortId: string,
  personId: string,
  starterIssueId: string,
  claimedAt = new Date(),
) {
  return db.issueClaim.create({
    data: { cohortId, personId, starterIssueId, claimedAt, activeKey: starterIssueId },
  });
}

export async function makeLinkedPull(
  cohortId: string,
  personId: string,
  overrides: Partial<{
    state: string;
    reviewState: string;
    additions: number;
    deletions: number;
    openedAt: Date;
    mergedAt: Date | null;
    lastActivityAt: Date;
    preReviewedAt: Date | null;
    claimId: string;
    starterIssueId: string;
    linkedAt: Date;
  }> = {},
) {
  const k = ++n;
  const number = 18_000 + k;
  const repo = `django-${Math.random().toString(36).slice(2, 8)}`;
  const pull = await db.pullRequest.create({
    data: {
      owner: "django",
      repo,
      number,
      url: `https://github.com/django/${repo}/pull/${number}`,
      title: `Fixed #${35_000 + k} -- Improved an error message.`,
      authorLogin: "someone",
      state: overrides.state ?? "open",
      reviewState: overrides.reviewState ?? "none",
      additions: overrides.additions ?? 30,
      deletions: overrides.deletions ?? 5,
      openedAt: overrides.openedAt ?? new Date(),
      mergedAt: overrides.mergedAt ?? null,
      lastActivityAt: overrides.lastActivityAt ?? overrides.openedAt ?? new Date(),
    },
  });
  return db.linkedPullRequest.create({
    data: {
      cohortId,
      personId,
      pullRequestId: pull.id,
      claimId: overrides.claimId,
      starterIssueId: overrides.starterIssueId,
      preReviewedAt: overrides.preReviewedAt ?? null,
      linkedAt: overrides.linkedAt ?? overrides.openedAt ?? new Date(),
      explanation: "This changes the error message so that it names the field.",
    },
  });
}
