// The starter-issue board of a cohort: curation by navigators, claims by
// participants. One active claim per issue is a database rule (IssueClaim.activeKey
// is unique while the claim is active), so two people claiming at the same moment
// cannot both win, on SQLite or PostgreSQL.
import type { CohortAccess } from "~/auth/permissions.server";
import { forbidden, holdsTeamRole, notFound } from "~/auth/permissions.server";
import { assertPhase, type Phase } from "~/cohorts/phase";
import { recordAudit } from "~/cohorts/audit.server";
import type { GitHub } from "~/integrations/github.server";
import type { Trac } from "~/integrations/trac.server";
import { paginate } from "~/utils/pagination";
import { db, isUniqueViolation } from "~/utils/db.server";
import { env } from "~/utils/env.server";
import { pullStatus, PULL_STATUS_LABELS } from "~/pulls/status";
import { renderMarkdown } from "~/utils/markdown.server";
import { DAY_MS } from "~/utils/time";
import type { AddIssueInput, CurateInput } from "./forms";
import { parseIssueUrl } from "~/pulls/references";
import { addIssueFromSource } from "./sources.server";

/** Claims and curation happen while teams form and while the cohort runs. */
const WORKING_PHASES: Phase[] = ["teams_forming", "running"];

export type BoardRole = "organizer" | "navigator" | "captain" | "participant";

export function canCurate(access: CohortAccess): boolean {
  return access.roles.some((r) => r === "organizer" || r === "navigator" || r === "captain");
}

export function isStaleClaim(
  claim: { claimedAt: Date; linkedPullCount: number },
  staleDays: number,
  now: Date,
): boolean {
  return claim.linkedPullCount === 0 && now.getTime() - claim.claimedAt.getTime() >= staleDays * DAY_MS;
}

/** Everything the board page shows, in a bounded number of queries. */
/** Starter issues shown per project and page of the board. */
export const BOARD_PAGE_SIZE = 25;

/** The `?page-<project>=` parameter that pages through one project's issues. */
export const boardPageParam = (projectSlug: string) => `page-${projectSlug}`;

export async function getIssueBoard(
  access: CohortAccess,
  filters: { project?: string; show?: string; pages?: Record<string, number> } = {},
  now = new Date(),
) {
  const cohort = access.cohort;
  const curator = canCurate(access);
  const [projects, teams, participants, myMembership] = await Promise.all([
    db.cohortProject.findMany({
      where: { cohortId: cohort.id },
      select: {
        project: {
          select: {
            id: true,
            slug: true,
            name: true,
            tracUrl: true,
            starterLabels: true,
            repositories: { select: { owner: true, name: true } },
          },
        },
      },
      orderBy: { project: { name: "asc" } },
    }),
    db.team.findMany({
      where: { cohortId: cohort.id },
      select: { id: true, name: true, slug: true, projectId: true },
      orderBy: { name: "asc" },
    }),
    db.cohortMembership.findMany({
      where: { cohortId: cohort.id, role: "participant", personId: { not: null } },
      select: { teamId: true, person: { select: { id: true, name: true, login: true } } },
      orderBy: { person: { name: "asc" } },
    }),
    db.cohortMembership.findFirst({
      where: { cohortId: cohort.id, personId: access.person.id, teamId: { not: null } },
      select: { team: { select: { id: true, projectId: true } } },
    }),
  ]);
  const projectIds = projects.map((p) => p.project.id);
  const issues = await db.starterIssue.findMany({
    where: { projectId: { in: projectIds } },
    select: {
      id: true,
      projectId: true,
      source: true,
      externalKey: true,
      url: true,
      title: true,
      labels: true,
      state: true,
      upstreamUpdatedAt: true,
      curations: {
        where: { cohortId: cohort.id },
        select: {
          recommendedTeamId: true,
          difficulty: true,
          note: true,
          hidden: true,
          updatedAt: true,
          curatedBy: { select: { name: true } },
        },
      },
      claims: {
        where: { releasedAt: null },
        select: {
          id: true,
          cohortId: true,
          claimedAt: true,
          personId: true,
          person: { select: { name: true, login: true } },
          _count: { select: { linkedPulls: true } },
          linkedPulls: {
            select: {
              preReviewedAt: true,
              preReviewedBy: { select: { name: true } },
              pullRequest: {
                select: {
                  owner: true,
                  repo: true,
                  number: true,
                  url: true,
                  state: true,
                  draft: true,
                  reviewState: true,
                },
              },
            },
            orderBy: { linkedAt: "asc" },
            take: 5,
          },
        },
      },
    },
    orderBy: [{ state: "desc" }, { upstreamUpdatedAt: "desc" }],
    take: 600,
  });
  const teamById = new Map(teams.map((t) => [t.id, t]));
  const participantTeam = new Map(participants.map((p) => [p.person!.id, p.teamId]));
  const myTeamIds = new Set(access.teamIds);
  const isParticipant = access.roles.includes("participant");
  const cards = issues.flatMap((issue) => {
    const curation = issue.curations[0] ?? null;
    if (curation?.hidden && !curator) return [];
    const claim = issue.claims[0] ?? null;
    if (issue.state === "closed" && !claim && filters.show !== "all") return [];
    const stale =
      claim && claim.cohortId === cohort.id
        ? isStaleClaim(
            { claimedAt: claim.claimedAt, linkedPullCount: claim._count.linkedPulls },
            cohort.staleClaimDays,
            now,
          )
        : false;
    const claimTeamId = claim ? (participantTeam.get(claim.personId) ?? null) : null;
    return [
      {
        id: issue.id,
        projectId: issue.projectId,
        source: issue.source,
        key: issue.source === "trac" ? `#${issue.externalKey}` : issue.externalKey,
        url: issue.url,
        title: issue.title,
        labels: JSON.parse(issue.labels) as string[],
        state: issue.state,
        upstreamUpdatedAt: issue.upstreamUpdatedAt,
        curation: curation
          ? {
              recommendedTeam: curation.recommendedTeamId
                ? (teamById.get(curation.recommendedTeamId) ?? null)
                : null,
              recommendedTeamId: curation.recommendedTeamId,
              difficulty: curation.difficulty,
              note: curation.note,
              noteHtml: curation.note ? renderMarkdown(curation.note) : "",
              hidden: curation.hidden,
              curatedBy: curation.curatedBy?.name ?? null,
            }
          : null,
        claim: claim
          ? {
              id: claim.id,
              inThisCohort: claim.cohortId === cohort.id,
              // people of other cohorts stay anonymous
              personName: claim.cohortId === cohort.id ? claim.person.name : "",
              personLogin: claim.cohortId === cohort.id ? claim.person.login : "",
              claimedAt: claim.claimedAt,
              mine: claim.personId === access.person.id,
              stale,
              linkedPulls: claim._count.linkedPulls,
              // the same status and pre-review badges as on the pull requests page
              pulls:
                claim.cohortId === cohort.id
                  ? claim.linkedPulls.map((l) => {
                      const status = pullStatus(l.pullRequest);
                      return {
                        name: `${l.pullRequest.owner}/${l.pullRequest.repo}#${l.pullRequest.number}`,
                        url: l.pullRequest.url,
                        status,
                        statusLabel: PULL_STATUS_LABELS[status],
                        preReviewedBy: l.preReviewedAt ? (l.preReviewedBy?.name ?? "a navigator") : null,
                      };
                    })
                  : [],
              teamId: claimTeamId,
              // navigators and captains manage the claims of the team they guide (not of a
              // team they take part in); organizers all
              manageable: claim.cohortId === cohort.id && managesTeam(access, claimTeamId),
            }
          : null,
        recommendedForMe: Boolean(curation?.recommendedTeamId && myTeamIds.has(curation.recommendedTeamId)),
      },
    ];
  });
  // Recommended for my team first, then curated, then the rest.
  const rank = (c: (typeof cards)[number]) =>
    c.recommendedForMe ? 0 : c.curation?.recommendedTeamId ? 1 : c.curation ? 2 : 3;
  cards.sort((a, b) => rank(a) - rank(b));
  const myProjectId = myMembership?.team?.projectId ?? null;
  return {
    cohort: { slug: cohort.slug, name: cohort.name, staleClaimDays: cohort.staleClaimDays },
    viewer: {
      id: access.person.id,
      timeZone: access.person.timeZone,
      canCurate: curator,
      isParticipant,
      isOrganizer: access.isOrganizer,
    },
    selectedProject: filters.project ?? null,
    projects: projects
      .map(({ project }) => ({
        id: project.id,
        slug: project.slug,
        name: project.name,
        hasTrac: Boolean(project.tracUrl),
        tracUrl: project.tracUrl,
        repositories: project.repositories.map((r) => `${r.owner}/${r.name}`),
        mine: project.id === myProjectId,
        ...(() => {
          const shown = paginate(
            cards.filter((c) => c.projectId === project.id),
            filters.pages?.[project.slug] ?? 1,
            BOARD_PAGE_SIZE,
          );
          return { issues: shown.rows, issuesPage: shown.page, pageParam: boardPageParam(project.slug) };
        })(),
      }))
      .filter((p) => !filters.project || p.slug === filters.project)
      .sort((a, b) => Number(b.mine) - Number(a.mine)),
    teams: teams.map((t) => ({ id: t.id, name: t.name, projectId: t.projectId })),
    participants: participants.map((p) => ({
      id: p.person!.id,
      name: p.person!.name,
      login: p.person!.login,
      teamId: p.teamId,
    })),
    myActiveClaims: cards.filter((c) => c.claim?.mine && c.claim.inThisCohort).length,
  };
}

type Result = { ok: true; message: string } | { ok: false; error: string; field?: string };

async function issueInCohort(cohortId: string, issueId: string) {
  const issue = await db.starterIssue.findFirst({
    where: { id: issueId, project: { cohorts: { some: { cohortId } } } },
    select: {
      id: true,
      title: true,
      state: true,
      projectId: true,
      project: { select: { name: true } },
      curations: { where: { cohortId }, select: { hidden: true } },
    },
  });
  if (!issue) throw notFound("That starter issue is not on this cohort's board.");
  return issue;
}

export async function curateIssue(
  access: CohortAccess,
  input: CurateInput,
  now = new Date(),
): Promise<Result> {
  if (!canCurate(access)) throw forbidden("Only navigators, captains and organizers curate starter issues.");
  const cohort = access.cohort;
  assertPhase(cohort, WORKING_PHASES, "curate starter issues", now);
  const issue = await issueInCohort(cohort.id, input.issueId);
  if (input.recommendedTeamId) {
    const team = await db.team.findFirst({
      where: { id: input.recommendedTeamId, cohortId: cohort.id },
      select: { id: true, name: true, projectId: true, project: { select: { name: true } } },
    });
    if (!team) return { ok: false, error: "Choose one of this cohort's teams.", field: "recommendedTeamId" };
    // A team works on one project; an issue of another project is of no use to it.
    if (team.projectId !== issue.projectId)
      return {
        ok: false,
        error: `${team.name} ${team.project ? `works on ${team.project.name}` : "has no project yet"}, and this is a ${issue.project.name} issue: recommend it to a team working on ${issue.project.name}, or to no team.`,
        field: "recommendedTeamId",
      };
  }
  const data = {
    recommendedTeamId: input.recommendedTeamId || null,
    difficulty: input.difficulty || null,
    note: input.note,
    hidden: input.hidden,
    curatedById: access.person.id,
  };
  await db.issueCuration.upsert({
    where: { cohortId_starterIssueId: { cohortId: cohort.id, starterIssueId: issue.id } },
    create: { cohortId: cohort.id, starterIssueId: issue.id, ...data },
    update: data,
  });
  return {
    ok: true,
    message: input.hidden
      ? `“${issue.title}” is hidden from participants.`
      : `Saved your notes on “${issue.title}”.`,
  };
}

export async function claimIssue(access: CohortAccess, issueId: string, now = new Date()): Promise<Result> {
  if (!access.roles.includes("participant")) throw forbidden("Only participants claim starter issues.");
  const cohort = access.cohort;
  assertPhase(cohort, WORKING_PHASES, "claim an issue", now);
  const issue = await issueInCohort(cohort.id, issueId);
  if (issue.curations[0]?.hidden) throw notFound("That starter issue is not on this cohort's board.");
  if (issue.state !== "open")
    return { ok: false, error: `“${issue.title}” was closed upstream; choose another issue.` };
  try {
    await db.issueClaim.create({
      data: {
        cohortId: cohort.id,
        starterIssueId: issue.id,
        personId: access.person.id,
        claimedAt: now,
        activeKey: issue.id,
      },
    });
  } catch (error) {
    if (!isUniqueViolation(error)) throw error;
    const holder = await db.issueClaim.findUnique({
      where: { activeKey: issue.id },
      select: { personId: true, cohortId: true, person: { select: { name: true } } },
    });
    if (holder?.personId === access.person.id)
      return { ok: true, message: `You already claimed “${issue.title}”.` };
    if (holder && holder.cohortId !== cohort.id)
      return {
        ok: false,
        error: `Someone in another cohort is already working on “${issue.title}”. Choose another issue.`,
      };
    return {
      ok: false,
      error: `${holder?.person.name ?? "Someone else"} claimed “${issue.title}” just before you. Choose another issue, or ask your navigator.`,
    };
  }
  return {
    ok: true,
    message: `You claimed “${issue.title}”. Say so on the issue upstream so nobody else starts on it.`,
  };
}

async function activeClaim(cohortId: string, claimId: string) {
  const claim = await db.issueClaim.findFirst({
    where: { id: claimId, cohortId, releasedAt: null },
    select: {
      id: true,
      personId: true,
      starterIssueId: true,
      starterIssue: { select: { title: true } },
      person: { select: { name: true } },
    },
  });
  if (!claim) return null;
  const membership = await db.cohortMembership.findFirst({
    where: { cohortId, personId: claim.personId, role: "participant" },
    select: { teamId: true },
  });
  return { ...claim, teamId: membership?.teamId ?? null };
}

function managesTeam(access: CohortAccess, teamId: string | null): boolean {
  if (access.isOrganizer) return true;
  return holdsTeamRole(access, teamId, ["navigator", "captain"]);
}

export async function releaseClaim(access: CohortAccess, claimId: string, now = new Date()): Promise<Result> {
  const cohort = access.cohort;
  const claim = await activeClaim(cohort.id, claimId);
  if (!claim) return { ok: false, error: "That claim was already released." };
  const own = claim.personId === access.person.id;
  if (!own && !managesTeam(access, claim.teamId))
    throw forbidden("Only the claimant or their team's navigator can release this claim.");
  await db.issueClaim.update({ where: { id: claim.id }, data: { releasedAt: now, activeKey: null } });
  if (!own)
    await recordAudit({
      actorId: access.person.id,
      cohortId: cohort.id,
      action: "claim.release",
      subjectType: "IssueClaim",
      subjectId: claim.id,
      fromValue: claim.person.name,
    });
  return {
    ok: true,
    message: own
      ? `You released “${claim.starterIssue.title}”; someone else can claim it now.`
      : `Released ${claim.person.name}'s claim on “${claim.starterIssue.title}”.`,
  };
}

/** A navigator hands a claimed issue to another participant, atomically. */
export async function reassignClaim(
  access: CohortAccess,
  claimId: string,
  personId: string,
  now = new Date(),
): Promise<Result> {
  const cohort = access.cohort;
  assertPhase(cohort, WORKING_PHASES, "reassign a claim", now);
  const claim = await activeClaim(cohort.id, claimId);
  if (!claim) return { ok: false, error: "That claim was released in the meantime." };
  if (!managesTeam(access, claim.teamId))
    throw forbidden("Only the claimant's navigator or an organizer can reassign this claim.");
  const target = await db.cohortMembership.findFirst({
    where: { cohortId: cohort.id, personId, role: "participant" },
    select: { teamId: true, person: { select: { name: true } } },
  });
  if (!target?.person) return { ok: false, error: "Choose a participant of this cohort.", field: "personId" };
  if (!access.isOrganizer && target.teamId !== claim.teamId) {
    return {
      ok: false,
      error: `${target.person.name} is not in this team; ask an organizer to move the issue between teams.`,
      field: "personId",
    };
  }
  if (personId === claim.personId)
    return { ok: false, error: `${target.person.name} already holds this claim.`, field: "personId" };
  await db.$transaction([
    db.issueClaim.update({ where: { id: claim.id }, data: { releasedAt: now, activeKey: null } }),
    db.issueClaim.create({
      data: {
        cohortId: cohort.id,
        starterIssueId: claim.starterIssueId,
        personId,
        claimedAt: now,
        activeKey: claim.starterIssueId,
      },
    }),
  ]);
  await recordAudit({
    actorId: access.person.id,
    cohortId: cohort.id,
    action: "claim.reassign",
    subjectType: "StarterIssue",
    subjectId: claim.starterIssueId,
    fromValue: claim.person.name,
    toValue: target.person.name,
  });
  return { ok: true, message: `“${claim.starterIssue.title}” is now claimed by ${target.person.name}.` };
}

export async function addIssueByUrl(
  access: CohortAccess,
  input: AddIssueInput,
  now = new Date(),
  clients: { github?: GitHub; trac?: Trac } = {},
): Promise<Result> {
  if (!canCurate(access)) throw forbidden("Only navigators, captains and organizers add starter issues.");
  const cohort = access.cohort;
  const parsed = parseIssueUrl(input.url, env().GITHUB_WEB_URL);
  if (!parsed.ok) return { ok: false, error: parsed.error, field: "url" };
  const link = await db.cohortProject.findFirst({
    where: { cohortId: cohort.id, projectId: input.projectId },
    select: {
      project: {
        select: {
          id: true,
          name: true,
          tracUrl: true,
          repositories: { select: { owner: true, name: true } },
        },
      },
    },
  });
  if (!link) return { ok: false, error: "Choose one of this cohort's projects.", field: "projectId" };
  const ref = parsed.ref.source === "trac" ? { ...parsed.ref, host: parsed.host } : parsed.ref;
  const added = await addIssueFromSource(link.project, ref, now, clients);
  if (!added.ok) return { ok: false, error: added.error, field: "url" };
  return {
    ok: true,
    message: added.created
      ? `Added “${added.title}” to the ${link.project.name} board.`
      : `“${added.title}” was already on the board; refreshed it.`,
  };
}
