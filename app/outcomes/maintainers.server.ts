// The maintainers' view: per upstream project, what a cohort's pull requests cost
// and how they arrived (explained, pre-reviewed, right-sized, honest about AI), the
// Hacktoberfest-style acceptance of each, the cap on open pull requests per
// participant and project, and the flag to a navigator when a PR is labelled spam
// or invalid upstream.
import { randomBytes } from "node:crypto";
import { forbidden, notFound } from "~/auth/permissions.server";
import type { SessionPerson } from "~/auth/session.server";
import { queueNotice } from "~/notifications/outbox.server";
import { noticeText } from "~/notifications/templates";
import { db } from "~/utils/db.server";
import { renderMarkdown } from "~/utils/markdown.server";
import { acceptance, parseLabels, publicCohort } from "./impact.server";
import { getAfterSettings } from "./recognition.server";
import { median } from "./retention";

const HOUR_MS = 60 * 60 * 1000;

export const AI_LABELS: Record<string, string> = {
  none: "No AI assistance",
  assisted: "AI-assisted (reviewed line by line by the contributor)",
  mostly_generated: "Mostly AI-generated (disclosed)",
};

export type MaintainerPull = {
  id: string;
  title: string;
  url: string;
  key: string;
  author: string;
  authorLogin: string;
  explanationHtml: string;
  aiDisclosure: string;
  aiTools: string;
  size: number;
  files: number;
  preReviewedAt: Date | null;
  preReviewedBefore: boolean;
  reviewRounds: number;
  firstResponseHours: number | null;
  state: string;
  acceptance: "excluded" | "accepted" | "not_yet";
  labels: string[];
  markdown: string;
};

export type MaintainerView = {
  cohort: { slug: string; name: string };
  project: { slug: string; name: string; acceptedLabel: string };
  pulls: MaintainerPull[];
  summary: {
    count: number;
    preReviewedShare: number | null;
    medianSize: number | null;
    medianFirstResponseHours: number | null;
    closedUnmergedShare: number | null;
    accepted: number;
    excluded: number;
  };
};

async function ensureTokens(cohortId: string) {
  const projects = await db.cohortProject.findMany({ where: { cohortId }, select: { projectId: true } });
  const existing = await db.maintainerViewToken.findMany({
    where: { cohortId },
    select: { projectId: true },
  });
  const have = new Set(existing.map((e) => e.projectId));
  for (const p of projects) {
    if (!have.has(p.projectId))
      await db.maintainerViewToken.create({
        data: { cohortId, projectId: p.projectId, token: randomBytes(18).toString("base64url") },
      });
  }
}

/** The addresses organizers hand to each project's maintainers (with the token when the view is private). */
export async function maintainerLinks(cohortId: string, slug: string) {
  await ensureTokens(cohortId);
  const [settings, tokens] = await Promise.all([
    getAfterSettings(cohortId),
    db.maintainerViewToken.findMany({
      where: { cohortId },
      select: { token: true, project: { select: { slug: true, name: true } } },
    }),
  ]);
  return tokens.map((t) => ({
    project: t.project.name,
    href: `/cohorts/${slug}/maintainers/${t.project.slug}${settings.maintainerViewPublic ? "" : `?token=${t.token}`}`,
  }));
}

/**
 * Who may read a project's view: everyone when the cohort made it public; with the
 * project's token otherwise; the cohort's organizers and navigators always.
 */
export async function maintainerView(
  slug: string,
  projectSlug: string,
  token: string | null,
  viewer: SessionPerson | null,
): Promise<MaintainerView> {
  const cohort = await publicCohort(slug);
  const project = await db.project.findFirst({
    where: { slug: projectSlug, cohorts: { some: { cohortId: cohort.id } } },
    select: {
      id: true,
      slug: true,
      name: true,
      repositories: { select: { owner: true, name: true } },
      acceptedLabel: { select: { label: true } },
    },
  });
  if (!project) throw notFound("That project is not part of this cohort.");
  const settings = await getAfterSettings(cohort.id);
  if (!settings.maintainerViewPublic) {
    const row = token ? await db.maintainerViewToken.findUnique({ where: { token } }) : null;
    const tokenOk = row !== null && row.cohortId === cohort.id && row.projectId === project.id;
    if (!tokenOk) {
      const staff = viewer
        ? viewer.isAdmin ||
          (await db.cohortMembership.count({
            where: {
              cohortId: cohort.id,
              personId: viewer.id,
              role: { in: ["organizer", "navigator", "captain"] },
            },
          })) > 0
        : false;
      if (!staff)
        throw forbidden(
          "This page is for the project's maintainers: open it with the link the cohort's organizers sent you.",
        );
    }
  }
  const acceptedLabel = project.acceptedLabel?.label ?? "hacktoberfest-accepted";
  const repoFilter = project.repositories.map((r) => ({ owner: r.owner, repo: r.name }));
  const links =
    repoFilter.length === 0
      ? []
      : await db.linkedPullRequest.findMany({
          where: { cohortId: cohort.id, pullRequest: { OR: repoFilter } },
          select: {
            id: true,
            explanation: true,
            aiDisclosure: true,
            aiTools: true,
            aiVerification: true,
            preReviewedAt: true,
            person: { select: { name: true, login: true } },
            preReviewedBy: { select: { name: true } },
            pullRequest: {
              select: {
                title: true,
                url: true,
                owner: true,
                repo: true,
                number: true,
                state: true,
                reviewState: true,
                reviewCount: true,
                additions: true,
                deletions: true,
                changedFiles: true,
                openedAt: true,
                upstream: { select: { labels: true, firstResponseAt: true, firstUpstreamReviewAt: true } },
              },
            },
          },
          orderBy: { linkedAt: "asc" },
        });
  const pulls = links.map((l): MaintainerPull => {
    const pr = l.pullRequest;
    const firstResponseHours =
      pr.upstream?.firstResponseAt && pr.openedAt
        ? Math.max(0, (pr.upstream.firstResponseAt.getTime() - pr.openedAt.getTime()) / HOUR_MS)
        : null;
    const firstReview = pr.upstream?.firstUpstreamReviewAt ?? null;
    const preReviewedBefore =
      l.preReviewedAt !== null &&
      (firstReview === null || l.preReviewedAt.getTime() <= firstReview.getTime());
    const key = `${pr.owner}/${pr.repo}#${pr.number}`;
    const size = pr.additions + pr.deletions;
    const ai = AI_LABELS[l.aiDisclosure ?? ""] ?? "Not stated";
    return {
      id: l.id,
      title: pr.title,
      url: pr.url,
      key,
      author: l.person.name,
      authorLogin: l.person.login,
      explanationHtml: renderMarkdown(l.explanation),
      aiDisclosure: ai,
      aiTools: l.aiTools,
      size,
      files: pr.changedFiles,
      preReviewedAt: l.preReviewedAt,
      preReviewedBefore,
      reviewRounds: pr.reviewCount,
      firstResponseHours,
      state: pr.state,
      acceptance: acceptance(pr, acceptedLabel),
      labels: parseLabels(pr.upstream?.labels),
      markdown: contextMarkdown({
        cohort: cohort.name,
        author: l.person.login,
        explanation: l.explanation,
        ai,
        aiTools: l.aiTools,
        aiVerification: l.aiVerification,
        preReviewedBy: l.preReviewedBy?.name ?? null,
        preReviewedAt: l.preReviewedAt,
        size,
        files: pr.changedFiles,
      }),
    };
  });
  const counted = pulls.filter((p) => p.acceptance !== "excluded");
  const ended = counted.filter((p) => p.state !== "open");
  const responses = counted.flatMap((p) => (p.firstResponseHours === null ? [] : [p.firstResponseHours]));
  return {
    cohort: { slug: cohort.slug, name: cohort.name },
    project: { slug: project.slug, name: project.name, acceptedLabel },
    pulls,
    summary: {
      count: counted.length,
      preReviewedShare: counted.length
        ? counted.filter((p) => p.preReviewedBefore).length / counted.length
        : null,
      medianSize: median(counted.map((p) => p.size)),
      medianFirstResponseHours: median(responses),
      closedUnmergedShare: counted.length
        ? ended.filter((p) => p.state === "closed").length / counted.length
        : null,
      accepted: counted.filter((p) => p.acceptance === "accepted").length,
      excluded: pulls.length - counted.length,
    },
  };
}

/** The cohort context of a PR as Markdown, to paste into the pull request. */
export function contextMarkdown(c: {
  cohort: string;
  author: string;
  explanation: string;
  ai: string;
  aiTools: string;
  aiVerification: string;
  preReviewedBy: string | null;
  preReviewedAt: Date | null;
  size: number;
  files: number;
}): string {
  const lines = [
    `**Cohort context** — @${c.author} is a participant of ${c.cohort}, a mentored contribution cohort.`,
    "",
    "> " + (c.explanation.trim() || "(no explanation given)").split(/\r?\n/).join("\n> "),
    "",
    `- Size: ${c.size} lines changed in ${c.files} file${c.files === 1 ? "" : "s"}`,
    `- AI use: ${c.ai}${c.aiTools ? ` (${c.aiTools})` : ""}${c.aiVerification ? ` — verified by: ${c.aiVerification}` : ""}`,
    `- Navigator pre-review: ${c.preReviewedBy && c.preReviewedAt ? `yes, by ${c.preReviewedBy} on ${c.preReviewedAt.toISOString().slice(0, 10)}` : "not yet"}`,
  ];
  return lines.join("\n");
}

/**
 * Refuses a new link when the participant already has the cohort's maximum of open
 * linked pull requests in the same project. Returns the sentence for the form.
 */
export async function openPullCapProblem(
  cohortId: string,
  personId: string,
  owner: string,
  repo: string,
  number: number,
): Promise<string | null> {
  const repository = await db.projectRepository.findFirst({
    where: { owner: { equals: owner }, name: { equals: repo } },
    select: {
      project: { select: { id: true, name: true, repositories: { select: { owner: true, name: true } } } },
    },
  });
  if (!repository) return null;
  const { maxOpenPullsPerProject: cap } = await getAfterSettings(cohortId);
  const repos = repository.project.repositories.map((r) => ({ owner: r.owner, repo: r.name }));
  const open = await db.linkedPullRequest.count({
    where: { cohortId, personId, pullRequest: { state: "open", OR: repos, NOT: { owner, repo, number } } },
  });
  if (open < cap) return null;
  return `You already have ${open} open pull request${open === 1 ? "" : "s"} linked in ${repository.project.name}, the most this cohort allows (${cap}): maintainers review each one by hand, so finish or close one before opening another.`;
}

/**
 * Tells each navigator once about a linked PR labelled spam or invalid upstream;
 * such PRs are left out of every figure. Returns how many were flagged now.
 */
export async function flagExcludedPulls(now = new Date()): Promise<number> {
  const candidates = await db.pullRequestUpstream.findMany({
    where: { flaggedAt: null, OR: [{ labels: { contains: "spam" } }, { labels: { contains: "invalid" } }] },
    select: {
      pullRequestId: true,
      labels: true,
      pullRequest: {
        select: {
          owner: true,
          repo: true,
          number: true,
          url: true,
          links: { select: { cohortId: true, personId: true, person: { select: { name: true } } } },
        },
      },
    },
  });
  let flagged = 0;
  for (const c of candidates) {
    const labels = parseLabels(c.labels).map((l) => l.toLowerCase());
    if (!labels.includes("spam") && !labels.includes("invalid")) continue;
    const which = labels.includes("spam") ? "spam" : "invalid";
    for (const link of c.pullRequest.links) {
      const team = await db.cohortMembership.findFirst({
        where: { cohortId: link.cohortId, personId: link.personId, role: "participant" },
        select: { teamId: true },
      });
      const navigators = team?.teamId
        ? await db.cohortMembership.findMany({
            where: {
              cohortId: link.cohortId,
              teamId: team.teamId,
              role: "navigator",
              personId: { not: null },
            },
            select: { personId: true },
          })
        : [];
      for (const n of navigators) {
        await queueNotice({
          cohortId: link.cohortId,
          personId: n.personId!,
          ...noticeText("pull_excluded", {
            pull: `${c.pullRequest.owner}/${c.pullRequest.repo}#${c.pullRequest.number}`,
            label: which,
            participant: link.person.name,
            url: c.pullRequest.url,
          }),
          dedupeKey: `pull-excluded:${c.pullRequestId}:${n.personId}`,
        });
      }
    }
    await db.pullRequestUpstream.update({
      where: { pullRequestId: c.pullRequestId },
      data: { flaggedAt: now },
    });
    flagged++;
  }
  return flagged;
}
