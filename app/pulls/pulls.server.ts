// Linked pull requests: a participant links a PR by its address (read from GitHub,
// never self-reported), explains it in their own words and discloses AI help; a
// navigator pre-reviews it before it goes to upstream maintainers.
import { openPullCapProblem } from "~/outcomes/maintainers.server";
import type { CohortAccess } from "~/auth/permissions.server";
import { forbidden, holdsTeamRole, notFound } from "~/auth/permissions.server";
import { assertPhase } from "~/cohorts/phase";
import {
  createGitHub,
  GitHubError,
  stopsTheSync,
  type GitHub,
  type PullSnapshot,
  type ReviewSummary,
} from "~/integrations/github.server";
import { findReferences, parsePullUrl, referencesIssue } from "./references";
import { pageWindow } from "~/utils/pagination";
import { db, isUniqueViolation } from "~/utils/db.server";
import { env } from "~/utils/env.server";
import { renderMarkdown } from "~/utils/markdown.server";
import { explanationProblem, type ExplainPullInput, type LinkPullInput } from "./forms";
import { countsForCohort, isLargePull, pullStatus, PULL_STATUS_LABELS, type PullStatus } from "./status";

type Result =
  | { ok: true; message: string; warning?: string }
  | { ok: false; error: string; field?: string; choices?: boolean };

/**
 * When a maintainer first answered a pull request (a comment or a review), if not
 * known yet: the comments are asked only when GitHub counts some and no earlier
 * answer is stored, so an unchanged or already answered PR costs nothing more.
 */
export async function firstMaintainerResponse(
  github: GitHub,
  pr: PullSnapshot,
  firstReviewAt: Date | null,
  known: Date | null,
): Promise<Date | null> {
  if (known) return known;
  let comment: Date | null = null;
  try {
    if (pr.comments !== 0)
      comment = await github.firstMaintainerComment(pr.owner, pr.repo, pr.number, pr.authorLogin);
  } catch (error) {
    // The pull request itself is still stored; its comments are asked again when it changes.
    if (stopsTheSync(error)) throw error;
  }
  const times = [comment, firstReviewAt].flatMap((t) => (t ? [t.getTime()] : []));
  return times.length ? new Date(Math.min(...times)) : null;
}

/**
 * The upstream facts of the maintainers' view (labels, first maintainer response,
 * first maintainer review): what is known now; an earlier stored time is kept.
 */
async function storeUpstreamFacts(
  pullRequestId: string,
  pr: PullSnapshot,
  facts: { firstResponseAt?: Date | null; firstUpstreamReviewAt?: Date | null },
) {
  const held = await db.pullRequestUpstream.findUnique({ where: { pullRequestId } });
  const earliest = (stored: Date | null | undefined, seen: Date | null | undefined) =>
    seen === undefined || seen === null
      ? (stored ?? null)
      : stored && stored.getTime() <= seen.getTime()
        ? stored
        : seen;
  const data = {
    ...(pr.labels !== null ? { labels: JSON.stringify(pr.labels) } : {}),
    firstResponseAt: earliest(held?.firstResponseAt, facts.firstResponseAt),
    firstUpstreamReviewAt: earliest(held?.firstUpstreamReviewAt, facts.firstUpstreamReviewAt),
  };
  if (
    held &&
    (data.labels === undefined || data.labels === held.labels) &&
    data.firstResponseAt?.getTime() === held.firstResponseAt?.getTime() &&
    data.firstUpstreamReviewAt?.getTime() === held.firstUpstreamReviewAt?.getTime()
  )
    return;
  await db.pullRequestUpstream.upsert({
    where: { pullRequestId },
    create: { pullRequestId, ...data },
    update: data,
  });
}

/** Stores what GitHub said about a pull request; `reviews` only when they were read. */
export async function storePullSnapshot(
  pr: PullSnapshot,
  now: Date,
  extra: {
    etag?: string | null;
    reviews?: ReviewSummary;
    reviewsEtag?: string | null;
    firstResponseAt?: Date | null;
  } = {},
) {
  const lastActivity = Math.max(pr.updatedAt.getTime(), extra.reviews?.lastReviewAt?.getTime() ?? 0);
  const data = {
    url: pr.url,
    title: pr.title,
    body: pr.body,
    authorLogin: pr.authorLogin,
    state: pr.state,
    draft: pr.draft,
    additions: pr.additions,
    deletions: pr.deletions,
    changedFiles: pr.changedFiles,
    openedAt: pr.openedAt,
    mergedAt: pr.mergedAt,
    closedAt: pr.closedAt,
    lastActivityAt: new Date(lastActivity),
    lastSyncedAt: now,
    upstreamUpdatedAt: pr.updatedAt,
    ...(extra.etag !== undefined ? { etag: extra.etag } : {}),
    ...(extra.reviews
      ? { reviewCount: extra.reviews.reviewCount, reviewState: extra.reviews.reviewState }
      : {}),
    ...(extra.reviewsEtag !== undefined ? { reviewsEtag: extra.reviewsEtag } : {}),
  };
  const stored = await db.pullRequest.upsert({
    where: { owner_repo_number: { owner: pr.owner, repo: pr.repo, number: pr.number } },
    create: { owner: pr.owner, repo: pr.repo, number: pr.number, ...data },
    update: data,
  });
  await storeUpstreamFacts(stored.id, pr, {
    firstResponseAt: extra.firstResponseAt,
    firstUpstreamReviewAt: extra.reviews?.firstMaintainerReviewAt,
  });
  return stored;
}

/** The participant's active claims, for "which issue does this PR fix?". */
export async function claimsForLinking(access: CohortAccess) {
  return db.issueClaim.findMany({
    where: { cohortId: access.cohort.id, personId: access.person.id, releasedAt: null },
    select: {
      id: true,
      starterIssue: { select: { id: true, title: true, source: true, externalKey: true, url: true } },
    },
    orderBy: { claimedAt: "asc" },
  });
}

/** Linking is for participants; checked before the form so others get a 403, not field errors. */
export function assertCanLinkPulls(access: CohortAccess): void {
  if (!access.roles.includes("participant")) throw forbidden("Only participants link their pull requests.");
}

export async function linkPullRequest(
  access: CohortAccess,
  input: LinkPullInput,
  now = new Date(),
  github?: GitHub,
): Promise<Result> {
  assertCanLinkPulls(access);
  const cohort = access.cohort;
  assertPhase(cohort, ["running"], "link a pull request", now);
  const parsed = parsePullUrl(input.url, env().GITHUB_WEB_URL);
  if (!parsed.ok) return { ok: false, error: parsed.error, field: "url" };
  // Someone is waiting on the form: one retry, not the sync's patient three.
  const client = github ?? createGitHub({ retries: 1 });
  let pr: PullSnapshot;
  let reviews: ReviewSummary | undefined;
  let etag: string | null = null;
  let reviewsEtag: string | null = null;
  let firstResponseAt: Date | null = null;
  try {
    const answer = await client.getPull(parsed.owner, parsed.repo, parsed.number);
    if (answer.notModified)
      return { ok: false, error: "GitHub did not send the pull request; try again.", field: "url" };
    pr = answer.value;
    etag = answer.etag;
    const reviewAnswer = await client.listReviews(
      parsed.owner,
      parsed.repo,
      parsed.number,
      null,
      pr.authorLogin,
    );
    if (!reviewAnswer.notModified) {
      reviews = reviewAnswer.value;
      reviewsEtag = reviewAnswer.etag;
    }
    // Best effort: a link never fails for want of the maintainers' first comment.
    firstResponseAt = await firstMaintainerResponse(
      client,
      pr,
      reviews?.firstMaintainerReviewAt ?? null,
      null,
    ).catch(() => null);
  } catch (error) {
    if (error instanceof GitHubError && error.kind === "not_found") {
      return {
        ok: false,
        error: `GitHub has no pull request #${parsed.number} in ${parsed.owner}/${parsed.repo}, or the repository is private.`,
        field: "url",
      };
    }
    // GitHub down or refusing is no mistake in the address: said about the form, not the field.
    return {
      ok: false,
      error: error instanceof Error ? error.message : "GitHub could not be reached; try again.",
    };
  }
  const titleProblem = explanationProblem(input.explanation, pr.title);
  if (titleProblem) return { ok: false, error: titleProblem, field: "explanation" };
  // The cohort's cap on open linked PRs per project (issue 14), once we know the PR exists.
  const capProblem =
    pr.state === "open"
      ? await openPullCapProblem(cohort.id, access.person.id, parsed.owner, parsed.repo, parsed.number)
      : null;
  if (capProblem) return { ok: false, error: capProblem, field: "url" };

  // Which claimed issue does it fix? The PR's own references first, then the choice.
  const claims = await claimsForLinking(access);
  const refs = findReferences(`${pr.title}\n${pr.body}`);
  const referenced = claims.filter((c) => referencesIssue(refs, pr, c.starterIssue));
  let claim = referenced.length === 1 ? referenced[0] : null;
  if (input.claimId) {
    claim = claims.find((c) => c.id === input.claimId) ?? null;
    if (!claim) return { ok: false, error: "Choose one of your claimed issues.", field: "claimId" };
  }
  if (!claim && claims.length > 0) {
    return {
      ok: false,
      error:
        referenced.length > 1
          ? "The pull request mentions several of your claimed issues: choose the one it fixes."
          : "The pull request does not mention one of your claimed issues (e.g. “Fixes #123” or “Fixed #35678 --”): choose the one it fixes.",
      field: "claimId",
      choices: true,
    };
  }

  const stored = await storePullSnapshot(pr, now, { etag, reviews, reviewsEtag, firstResponseAt });
  const authorMismatch = pr.authorLogin.toLowerCase() !== access.person.login.toLowerCase();
  try {
    await db.linkedPullRequest.create({
      data: {
        cohortId: cohort.id,
        pullRequestId: stored.id,
        personId: access.person.id,
        claimId: claim?.id ?? null,
        starterIssueId: claim?.starterIssue.id ?? null,
        explanation: input.explanation.trim(),
        aiDisclosure: input.aiDisclosure,
        aiTools: input.aiDisclosure === "none" ? "" : input.aiTools,
        aiVerification: input.aiDisclosure === "none" ? "" : input.aiVerification,
        authorMismatch,
        linkedAt: now,
      },
    });
  } catch (error) {
    if (!isUniqueViolation(error)) throw error;
    const holder = await db.linkedPullRequest.findFirst({
      where: { cohortId: cohort.id, pullRequestId: stored.id },
      select: { person: { select: { name: true } }, personId: true },
    });
    return {
      ok: false,
      error:
        holder?.personId === access.person.id
          ? "You already linked this pull request."
          : `${holder?.person.name ?? "Someone"} already linked this pull request in this cohort.`,
      field: "url",
    };
  }
  return {
    ok: true,
    message: `Linked ${pr.owner}/${pr.repo}#${pr.number}${claim ? ` to “${claim.starterIssue.title}”` : ""}.`,
    warning: authorMismatch
      ? `This pull request was opened by @${pr.authorLogin}, not by you (@${access.person.login}). Your navigator will see that.`
      : undefined,
  };
}

async function linkForEdit(access: CohortAccess, linkId: string) {
  const link = await db.linkedPullRequest.findFirst({
    where: { id: linkId, cohortId: access.cohort.id },
    select: {
      id: true,
      personId: true,
      pullRequest: { select: { title: true, owner: true, repo: true, number: true } },
    },
  });
  if (!link) throw notFound("That linked pull request is not in this cohort.");
  const membership = await db.cohortMembership.findFirst({
    where: { cohortId: access.cohort.id, personId: link.personId, role: "participant" },
    select: { teamId: true },
  });
  return { ...link, teamId: membership?.teamId ?? null };
}

export async function explainPull(access: CohortAccess, input: ExplainPullInput): Promise<Result> {
  const link = await linkForEdit(access, input.linkId);
  if (link.personId !== access.person.id)
    throw forbidden("Only the participant who linked this pull request can explain it.");
  const problem = explanationProblem(input.explanation, link.pullRequest.title);
  if (problem) return { ok: false, error: problem, field: "explanation" };
  await db.linkedPullRequest.update({
    where: { id: link.id },
    data: {
      explanation: input.explanation.trim(),
      aiDisclosure: input.aiDisclosure,
      aiTools: input.aiDisclosure === "none" ? "" : input.aiTools,
      aiVerification: input.aiDisclosure === "none" ? "" : input.aiVerification,
    },
  });
  return {
    ok: true,
    message: `Saved your explanation of ${link.pullRequest.owner}/${link.pullRequest.repo}#${link.pullRequest.number}.`,
  };
}

export async function markPreReviewed(
  access: CohortAccess,
  linkId: string,
  comment: string,
  now = new Date(),
): Promise<Result> {
  const link = await linkForEdit(access, linkId);
  const navigatesTeam = holdsTeamRole(access, link.teamId, ["navigator"]);
  if (!navigatesTeam && !access.isOrganizer)
    throw forbidden("Only the participant's navigator can pre-review this pull request.");
  await db.linkedPullRequest.update({
    where: { id: link.id },
    data: { preReviewedAt: now, preReviewedById: access.person.id, preReviewComment: comment.trim() },
  });
  return {
    ok: true,
    message: `Marked ${link.pullRequest.owner}/${link.pullRequest.repo}#${link.pullRequest.number} as pre-reviewed.`,
  };
}

export type PullCardData = {
  linkId: string;
  owner: string;
  repo: string;
  number: number;
  url: string;
  title: string;
  authorLogin: string;
  status: PullStatus;
  statusLabel: string;
  additions: number;
  deletions: number;
  changedFiles: number;
  reviewCount: number;
  lastActivityAt: string | null;
  lastSyncedAt: string | null;
  person: { id: string; name: string; login: string };
  issue: { title: string; url: string; key: string } | null;
  authorMismatch: boolean;
  counts: boolean;
  explanationHtml: string;
  explanationText: string;
  aiVerificationText: string;
  aiDisclosure: string | null;
  aiTools: string;
  aiVerificationHtml: string;
  preReview: { at: string; by: string; commentHtml: string } | null;
  /** shown to navigators, captains and organizers only */
  large: boolean;
};

export const pullCardSelect = {
  id: true,
  personId: true,
  explanation: true,
  aiDisclosure: true,
  aiTools: true,
  aiVerification: true,
  authorMismatch: true,
  preReviewedAt: true,
  preReviewComment: true,
  preReviewedBy: { select: { name: true } },
  person: { select: { id: true, name: true, login: true } },
  starterIssue: { select: { title: true, url: true, source: true, externalKey: true } },
  pullRequest: {
    select: {
      owner: true,
      repo: true,
      number: true,
      url: true,
      title: true,
      authorLogin: true,
      state: true,
      draft: true,
      reviewState: true,
      reviewCount: true,
      additions: true,
      deletions: true,
      changedFiles: true,
      lastActivityAt: true,
      lastSyncedAt: true,
    },
  },
} as const;

type LinkRow = {
  id: string;
  explanation: string;
  aiDisclosure: string | null;
  aiTools: string;
  aiVerification: string;
  authorMismatch: boolean;
  preReviewedAt: Date | null;
  preReviewComment: string | null;
  preReviewedBy: { name: string } | null;
  person: { id: string; name: string; login: string };
  starterIssue: { title: string; url: string; source: string; externalKey: string } | null;
  pullRequest: {
    owner: string;
    repo: string;
    number: number;
    url: string;
    title: string;
    authorLogin: string;
    state: string;
    draft: boolean;
    reviewState: string;
    reviewCount: number;
    additions: number;
    deletions: number;
    changedFiles: number;
    lastActivityAt: Date | null;
    lastSyncedAt: Date | null;
  };
};

/** The data of a PR card (components/pull-request-card.tsx); other areas reuse it. */
export function toPullCard(link: LinkRow, largeThreshold: number, showSizeHint: boolean): PullCardData {
  const pr = link.pullRequest;
  const status = pullStatus(pr);
  return {
    linkId: link.id,
    owner: pr.owner,
    repo: pr.repo,
    number: pr.number,
    url: pr.url,
    title: pr.title,
    authorLogin: pr.authorLogin,
    status,
    statusLabel: PULL_STATUS_LABELS[status],
    additions: pr.additions,
    deletions: pr.deletions,
    changedFiles: pr.changedFiles,
    reviewCount: pr.reviewCount,
    lastActivityAt: pr.lastActivityAt?.toISOString() ?? null,
    lastSyncedAt: pr.lastSyncedAt?.toISOString() ?? null,
    person: link.person,
    issue: link.starterIssue
      ? {
          title: link.starterIssue.title,
          url: link.starterIssue.url,
          key:
            link.starterIssue.source === "trac"
              ? `#${link.starterIssue.externalKey}`
              : link.starterIssue.externalKey,
        }
      : null,
    authorMismatch: link.authorMismatch,
    counts: countsForCohort(link),
    explanationHtml: link.explanation ? renderMarkdown(link.explanation) : "",
    explanationText: link.explanation,
    aiVerificationText: link.aiVerification,
    aiDisclosure: link.aiDisclosure,
    aiTools: link.aiTools,
    aiVerificationHtml: link.aiVerification ? renderMarkdown(link.aiVerification) : "",
    preReview: link.preReviewedAt
      ? {
          at: link.preReviewedAt.toISOString(),
          by: link.preReviewedBy?.name ?? "a navigator",
          commentHtml: renderMarkdown(link.preReviewComment ?? ""),
        }
      : null,
    large: showSizeHint && isLargePull(pr, largeThreshold),
  };
}

/**
 * Linked PRs a viewer may see in a cohort: organizers all; navigators and captains
 * their teams'; participants their team's (their own first).
 */
/** Other people's pull requests shown per page (the viewer's own are always all shown, first). */
export const PULLS_PAGE_SIZE = 30;

export async function listLinkedPulls(
  access: CohortAccess,
  options: { personId?: string; page?: number } = {},
) {
  const cohort = access.cohort;
  const teamMemberIds = access.isOrganizer
    ? null
    : (
        await db.cohortMembership.findMany({
          where: { cohortId: access.cohort.id, role: "participant", teamId: { in: access.teamIds } },
          select: { personId: true },
        })
      ).flatMap((m) => (m.personId ? [m.personId] : []));
  const mentor = access.isOrganizer || access.roles.some((r) => r === "navigator" || r === "captain");
  // Pre-review is for the participants of the teams the person navigates, not of a team they take part in.
  const navigatedTeams = access.teamRoles.filter((m) => m.role === "navigator").map((m) => m.teamId);
  const navigatedMemberIds = access.isOrganizer
    ? null
    : navigatedTeams.length === 0
      ? []
      : (
          await db.cohortMembership.findMany({
            where: { cohortId: access.cohort.id, role: "participant", teamId: { in: navigatedTeams } },
            select: { personId: true },
          })
        ).flatMap((m) => (m.personId ? [m.personId] : []));
  const visible = {
    cohortId: access.cohort.id,
    ...(teamMemberIds ? { personId: { in: [...teamMemberIds, access.person.id] } } : {}),
  };
  const others = {
    AND: [
      visible,
      { personId: { not: access.person.id } },
      ...(options.personId ? [{ personId: options.personId }] : []),
    ],
  };
  const total = await db.linkedPullRequest.count({ where: others });
  const window = pageWindow(total, options.page ?? 1, PULLS_PAGE_SIZE);
  const [own, rows] = await Promise.all([
    options.personId && options.personId !== access.person.id
      ? Promise.resolve([])
      : db.linkedPullRequest.findMany({
          where: { AND: [visible, { personId: access.person.id }] },
          select: pullCardSelect,
          orderBy: [{ linkedAt: "desc" }],
          take: 300,
        }),
    db.linkedPullRequest.findMany({
      where: others,
      select: pullCardSelect,
      orderBy: [{ linkedAt: "desc" }, { id: "asc" }],
      skip: window.skip,
      take: PULLS_PAGE_SIZE,
    }),
  ]);
  const cards = [...own, ...rows].map((row) => toPullCard(row, cohort.largePullRequestLines, mentor));
  const { skip: _skip, ...page } = window;
  return {
    cards,
    page,
    largeThreshold: cohort.largePullRequestLines,
    canPreReview: (card: PullCardData) =>
      access.isOrganizer || (navigatedMemberIds !== null && navigatedMemberIds.includes(card.person.id)),
  };
}
