// The navigator's team dashboard and the organizer's cohort overview. Each page
// runs a fixed set of queries whatever the cohort's size (one per kind of fact,
// then grouping in memory with Maps); tests/dashboards/query-count.test.ts checks it.
import { forbidden, notFound, type CohortAccess } from "~/auth/permissions.server";
import { phaseOf, weekOf, weekStartsAt, PHASE_COLUMNS } from "~/cohorts/phase";
import { DAY_MS } from "~/utils/time";
import { db } from "~/utils/db.server";
import { CELL_LABELS, reflectionCell, reflectionDueAt, type ReflectionCell } from "~/reflections/rules";
import { reflectionPath } from "~/reflections/reflections.server";
import {
  activityClock,
  attentionFor,
  lastActivity,
  sortAttention,
  type AttentionCohort,
  type AttentionItem,
  type ParticipantFacts,
} from "./attention";

const cohortSelect = {
  id: true,
  slug: true,
  name: true,
  ...PHASE_COLUMNS,
  inactivityDays: true,
  changesRequestedDays: true,
  staleClaimDays: true,
  largePullRequestLines: true,
} as const;

type Participant = {
  personId: string;
  teamId: string | null;
  name: string;
  login: string;
  lastActiveAt: Date | null;
  completedAt: Date | null;
};

type LoadedPull = {
  personId: string;
  linkedAt: Date;
  preReviewedAt: Date | null;
  claimId: string | null;
  starterIssueId: string | null;
  pullRequest: {
    owner: string;
    repo: string;
    number: number;
    url: string;
    title: string;
    state: string;
    reviewState: string;
    additions: number;
    deletions: number;
    openedAt: Date | null;
    mergedAt: Date | null;
    lastActivityAt: Date | null;
  };
};

type LoadedReflection = {
  personId: string;
  week: number;
  status: string;
  late: boolean;
  needsHelp: boolean;
  confidence: number | null;
  submittedAt: Date | null;
  updatedAt: Date;
  comments: { authorId: string; createdAt: Date }[];
};

/** Reflections and their replies, linked PRs and their pull requests, and claims of `personIds` (or of the whole cohort): five queries. */
async function loadActivity(cohortId: string, personIds: string[] | null) {
  const who = personIds ? { personId: { in: personIds } } : {};
  const [rows, comments, links, pullRequests, claims] = await Promise.all([
    db.reflection.findMany({
      where: { cohortId, ...who },
      select: {
        id: true,
        personId: true,
        week: true,
        status: true,
        late: true,
        needsHelp: true,
        confidence: true,
        submittedAt: true,
        updatedAt: true,
      },
    }),
    // Flat rather than nested under each reflection: one plain query, joined below.
    db.reflectionComment.findMany({
      where: { reflection: { cohortId, ...who } },
      select: { reflectionId: true, authorId: true, createdAt: true },
    }),
    // The links and their pull requests as two flat queries joined below: on 3,000 pull
    // requests that is about twice as fast as Prisma's nested select.
    db.linkedPullRequest.findMany({
      where: { cohortId, ...who },
      select: {
        personId: true,
        linkedAt: true,
        preReviewedAt: true,
        claimId: true,
        starterIssueId: true,
        pullRequestId: true,
      },
    }),
    db.pullRequest.findMany({
      where: { links: { some: { cohortId, ...who } } },
      select: {
        id: true,
        owner: true,
        repo: true,
        number: true,
        url: true,
        title: true,
        state: true,
        reviewState: true,
        additions: true,
        deletions: true,
        openedAt: true,
        mergedAt: true,
        lastActivityAt: true,
      },
    }),
    db.issueClaim.findMany({
      where: { cohortId, releasedAt: null, ...who },
      select: {
        id: true,
        personId: true,
        claimedAt: true,
        releasedAt: true,
        starterIssueId: true,
        starterIssue: { select: { title: true, url: true } },
      },
    }),
  ]);
  const commentsOf = new Map<string, { authorId: string; createdAt: Date }[]>();
  for (const c of comments) {
    const list = commentsOf.get(c.reflectionId);
    if (list) list.push(c);
    else commentsOf.set(c.reflectionId, [c]);
  }
  const reflections: LoadedReflection[] = rows.map((r) => ({ ...r, comments: commentsOf.get(r.id) ?? [] }));
  const pullById = new Map(pullRequests.map(({ id, ...pull }) => [id, pull]));
  const pulls: LoadedPull[] = links.flatMap(({ pullRequestId, ...link }) => {
    const pullRequest = pullById.get(pullRequestId);
    return pullRequest ? [{ ...link, pullRequest }] : [];
  });
  const group = <T extends { personId: string }>(rows: T[]) => {
    const map = new Map<string, T[]>();
    for (const row of rows) {
      const list = map.get(row.personId);
      if (list) list.push(row);
      else map.set(row.personId, [row]);
    }
    return map;
  };
  return { reflections: group(reflections), pulls: group(pulls), claims: group(claims) };
}

type Activity = Awaited<ReturnType<typeof loadActivity>>;

function factsOf(
  p: Participant,
  activity: Activity,
): ParticipantFacts & { raw: { reflections: LoadedReflection[]; pulls: LoadedPull[] } } {
  const reflections = activity.reflections.get(p.personId) ?? [];
  const pulls = activity.pulls.get(p.personId) ?? [];
  const claims = activity.claims.get(p.personId) ?? [];
  const ownComments = reflections.flatMap((r) =>
    r.comments.filter((c) => c.authorId === p.personId).map((c) => c.createdAt),
  );
  return {
    personId: p.personId,
    login: p.login,
    name: p.name,
    lastActivityAt: lastActivity([
      p.lastActiveAt,
      ...reflections.map((r) => r.updatedAt),
      ...ownComments,
      ...pulls.map((l) => l.linkedAt),
      ...pulls.map((l) => l.pullRequest.openedAt),
      ...claims.map((c) => c.claimedAt),
    ]),
    reflections: reflections.map((r) => {
      const guideReplies = r.comments.filter((c) => c.authorId !== p.personId).map((c) => c.createdAt);
      return {
        week: r.week,
        status: r.status,
        needsHelp: r.needsHelp,
        submittedAt: r.submittedAt,
        updatedAt: r.updatedAt,
        lastGuideReplyAt: lastActivity(guideReplies),
      };
    }),
    pulls: pulls.map((l) => ({ ...l.pullRequest, linkedAt: l.linkedAt, preReviewedAt: l.preReviewedAt })),
    claims: claims.map((c) => ({
      issueId: c.starterIssueId,
      claimedAt: c.claimedAt,
      releasedAt: c.releasedAt,
      issueTitle: c.starterIssue.title,
      issueUrl: c.starterIssue.url,
      hasPull: pulls.some(
        (l) => l.claimId === c.id || (l.starterIssueId !== null && l.starterIssueId === c.starterIssueId),
      ),
    })),
    raw: { reflections, pulls },
  };
}

/** Which cohort week (1..weeks) an instant falls in, or null outside the cohort. */
function weekIndex(cohort: { startsOn: Date; weeks: number }, at: Date | null): number | null {
  if (!at) return null;
  const week = weekOf(cohort, at);
  return week >= 1 && week <= cohort.weeks ? week : null;
}

function attentionCohort(cohort: {
  slug: string;
  startsOn: Date;
  weeks: number;
  inactivityDays: number;
  changesRequestedDays: number;
  staleClaimDays: number;
  largePullRequestLines: number;
}): AttentionCohort {
  return {
    slug: cohort.slug,
    startsOn: cohort.startsOn,
    weeks: cohort.weeks,
    inactivityDays: cohort.inactivityDays,
    changesRequestedDays: cohort.changesRequestedDays,
    staleClaimDays: cohort.staleClaimDays,
    largePullRequestLines: cohort.largePullRequestLines,
  };
}

// ───────────────────────────── navigator's team dashboard ─────────────────────

export type TeamProgress = Awaited<ReturnType<typeof getTeamProgress>>;

export async function getTeamProgress(access: CohortAccess, teamSlug: string, now = new Date()) {
  const cohort = access.cohort;
  const team = await db.team.findUnique({
    where: { cohortId_slug: { cohortId: cohort.id, slug: teamSlug } },
    select: {
      id: true,
      slug: true,
      name: true,
      chatUrl: true,
      project: { select: { name: true } },
      members: {
        where: { role: { in: ["navigator", "captain", "participant"] } },
        select: {
          role: true,
          personId: true,
          teamId: true,
          lastActiveAt: true,
          completedAt: true,
          person: { select: { name: true, login: true } },
        },
      },
    },
  });
  if (!team) throw notFound("There is no team at this address.");
  const guide = team.members.some(
    (m) => m.personId === access.person.id && (m.role === "navigator" || m.role === "captain"),
  );
  if (!access.isOrganizer && !guide)
    throw forbidden("This dashboard is for the team's navigator and captain, and the organizers.");

  const participants: Participant[] = team.members
    .filter((m) => m.role === "participant" && m.personId && m.person)
    .map((m) => ({
      personId: m.personId!,
      teamId: m.teamId,
      name: m.person!.name,
      login: m.person!.login,
      lastActiveAt: m.lastActiveAt,
      completedAt: m.completedAt,
    }))
    .sort((a, b) => a.name.localeCompare(b.name));
  const activity = await loadActivity(
    cohort.id,
    participants.map((p) => p.personId),
  );
  const rules = attentionCohort(cohort);
  const phase = phaseOf(cohort, now);
  const currentWeek = Math.max(0, Math.min(weekOf(cohort, now), cohort.weeks));

  const rows = participants.map((p) => {
    const facts = factsOf(p, activity);
    const byWeek = new Map(facts.raw.reflections.map((r) => [r.week, r]));
    const weeks = Array.from({ length: cohort.weeks }, (_, i) => {
      const week = i + 1;
      const r = byWeek.get(week) ?? null;
      const cell: ReflectionCell = reflectionCell(cohort, week, r, now);
      return {
        week,
        cell,
        label: CELL_LABELS[cell],
        needsHelp: r?.status === "submitted" && r.needsHelp,
        confidence: r?.status === "submitted" ? r.confidence : null,
        replies: r?.status === "submitted" ? r.comments.length : 0,
        opened: facts.raw.pulls.filter((l) => weekIndex(cohort, l.pullRequest.openedAt) === week).length,
        merged: facts.raw.pulls.filter((l) => weekIndex(cohort, l.pullRequest.mergedAt) === week).length,
        href: r?.status === "submitted" ? reflectionPath(cohort.slug, week, p.login) : null,
      };
    });
    return {
      personId: p.personId,
      name: p.name,
      login: p.login,
      lastActivityAt: facts.lastActivityAt,
      weeks,
      confidence: weeks.map((w) => w.confidence),
      attention: attentionFor(rules, facts, now),
    };
  });

  return {
    cohort: {
      slug: cohort.slug,
      name: cohort.name,
      weeks: cohort.weeks,
      phase,
      currentWeek,
      inactivityDays: cohort.inactivityDays,
      changesRequestedDays: cohort.changesRequestedDays,
      staleClaimDays: cohort.staleClaimDays,
      largePullRequestLines: cohort.largePullRequestLines,
    },
    team: { slug: team.slug, name: team.name, project: team.project?.name ?? null, chatUrl: team.chatUrl },
    guides: team.members
      .filter((m) => m.role !== "participant" && m.person)
      .map((m) => ({ role: m.role, name: m.person!.name })),
    dueDates: Array.from({ length: cohort.weeks }, (_, i) => reflectionDueAt(cohort, i + 1)),
    rows: rows.map(({ attention: _attention, ...row }) => row),
    attention: sortAttention(rows.flatMap((r) => r.attention)),
  };
}

// ───────────────────────────── organizer's overview ───────────────────────────

export type CohortProgress = Awaited<ReturnType<typeof getCohortProgress>>;

export async function getCohortProgress(access: CohortAccess, now = new Date()) {
  if (!access.isOrganizer) throw forbidden("The cohort overview is for the cohort's organizers.");
  const cohort = access.cohort;
  const [teams, members, applications] = await Promise.all([
    db.team.findMany({
      where: { cohortId: cohort.id },
      orderBy: { name: "asc" },
      select: { id: true, slug: true, name: true },
    }),
    db.cohortMembership.findMany({
      where: { cohortId: cohort.id, role: "participant", personId: { not: null } },
      select: {
        personId: true,
        teamId: true,
        lastActiveAt: true,
        completedAt: true,
        person: { select: { name: true, login: true } },
      },
    }),
    db.application.groupBy({
      by: ["status", "decision"],
      where: { cohortId: cohort.id },
      _count: { _all: true },
    }),
  ]);
  const activity = await loadActivity(cohort.id, null);
  const rules = attentionCohort(cohort);
  const participants: Participant[] = members.map((m) => ({
    personId: m.personId!,
    teamId: m.teamId,
    name: m.person!.name,
    login: m.person!.login,
    lastActiveAt: m.lastActiveAt,
    completedAt: m.completedAt,
  }));
  const facts = participants.map((p) => ({ p, facts: factsOf(p, activity) }));
  const attentionByPerson = new Map(
    facts.map(({ p, facts: f }) => [p.personId, attentionFor(rules, f, now)]),
  );
  const weeks = Array.from({ length: cohort.weeks }, (_, i) => i + 1);
  const started = now.getTime() >= new Date(cohort.startsOn).getTime();
  const visibleWeeks = weeks.filter((w) => now.getTime() >= weekStartsAt(cohort, w).getTime());

  // Funnel
  const count = (filter: (row: (typeof applications)[number]) => boolean) =>
    applications.filter(filter).reduce((n, row) => n + row._count._all, 0);
  const activeUntil = activityClock(cohort, now);
  const activeSince = activeUntil.getTime() - cohort.inactivityDays * DAY_MS;
  const funnel = [
    { step: "Applied", count: count((row) => row.status !== "draft"), help: "submitted an application" },
    {
      step: "Accepted",
      count: count((row) => row.decision === "accepted"),
      help: "accepted by the organizers",
    },
    { step: "Confirmed", count: participants.length, help: "confirmed their seat and became participants" },
    {
      step: "Active",
      count: started
        ? facts.filter(({ facts: f }) => f.lastActivityAt && f.lastActivityAt.getTime() >= activeSince).length
        : 0,
      help:
        now.getTime() > activeUntil.getTime()
          ? `did something in the cohort's last ${cohort.inactivityDays} days`
          : `did something in the last ${cohort.inactivityDays} days`,
    },
    {
      step: "Completed",
      count: participants.filter((p) => p.completedAt).length,
      help: "completed the cohort",
    },
  ];

  // Per week, whole cohort
  const cellsByWeek = weeks.map((week) => {
    const tally = {
      week,
      onTime: 0,
      late: 0,
      missing: 0,
      pending: 0,
      confidenceSum: 0,
      confidenceCount: 0,
      opened: 0,
      merged: 0,
    };
    for (const { facts: f } of facts) {
      const r = f.raw.reflections.find((x) => x.week === week) ?? null;
      const cell = reflectionCell(cohort, week, r, now);
      if (cell === "submitted") tally.onTime++;
      else if (cell === "late") tally.late++;
      else if (cell === "missing") tally.missing++;
      else if (cell === "due" || cell === "draft") tally.pending++;
      if (r?.status === "submitted" && r.confidence) {
        tally.confidenceSum += r.confidence;
        tally.confidenceCount++;
      }
    }
    return tally;
  });
  for (const { facts: f } of facts) {
    for (const l of f.raw.pulls) {
      const opened = weekIndex(cohort, l.pullRequest.openedAt);
      const merged = weekIndex(cohort, l.pullRequest.mergedAt);
      if (opened) cellsByWeek[opened - 1].opened++;
      if (merged) cellsByWeek[merged - 1].merged++;
    }
  }

  // Per team
  const teamRows = teams.map((team) => {
    const mine = facts.filter(({ p }) => p.teamId === team.id);
    const pulls = mine.flatMap(({ facts: f }) => f.raw.pulls);
    return {
      slug: team.slug,
      name: team.name,
      participants: mine.length,
      completion: visibleWeeks.map((week) => ({
        week,
        submitted: mine.filter(({ facts: f }) =>
          f.raw.reflections.some((r) => r.week === week && r.status === "submitted"),
        ).length,
        due: now.getTime() > reflectionDueAt(cohort, week).getTime(),
      })),
      opened: pulls.filter((l) => l.pullRequest.openedAt).length,
      merged: pulls.filter((l) => l.pullRequest.state === "merged").length,
      attention: mine.reduce((n, { p }) => n + (attentionByPerson.get(p.personId)?.length ?? 0), 0),
    };
  });
  const unassigned = facts.filter(({ p }) => !p.teamId).length;

  return {
    cohort: {
      slug: cohort.slug,
      name: cohort.name,
      weeks: cohort.weeks,
      phase: phaseOf(cohort, now),
      currentWeek: Math.max(0, Math.min(weekOf(cohort, now), cohort.weeks)),
      inactivityDays: cohort.inactivityDays,
    },
    funnel,
    teams: teamRows,
    unassigned,
    visibleWeeks,
    charts: {
      reflections: visibleWeeks.map((week) => {
        const t = cellsByWeek[week - 1];
        return { label: `Week ${week}`, values: [t.onTime, t.late, t.missing, t.pending] };
      }),
      pulls: visibleWeeks.map((week) => {
        const t = cellsByWeek[week - 1];
        return { label: `Week ${week}`, values: [t.opened, t.merged] };
      }),
      confidence: visibleWeeks.map((week) => {
        const t = cellsByWeek[week - 1];
        return {
          label: `Week ${week}`,
          value: t.confidenceCount ? Math.round((t.confidenceSum / t.confidenceCount) * 10) / 10 : null,
          count: t.confidenceCount,
        };
      }),
    },
    attentionTotal: [...attentionByPerson.values()].reduce((n, items) => n + items.length, 0),
  };
}

// ───────────────────────────── for the weekly digest ──────────────────────────

/** Needs-attention items of every team of a cohort, in a fixed number of queries. */
export async function attentionByTeam(
  cohortId: string,
  now = new Date(),
): Promise<Map<string, AttentionItem[]>> {
  const cohort = await db.cohort.findUniqueOrThrow({ where: { id: cohortId }, select: cohortSelect });
  const members = await db.cohortMembership.findMany({
    where: { cohortId, role: "participant", personId: { not: null }, teamId: { not: null } },
    select: {
      personId: true,
      teamId: true,
      lastActiveAt: true,
      completedAt: true,
      person: { select: { name: true, login: true } },
    },
  });
  const activity = await loadActivity(cohortId, null);
  const rules = attentionCohort(cohort);
  const byTeam = new Map<string, AttentionItem[]>();
  for (const m of members) {
    const p: Participant = {
      personId: m.personId!,
      teamId: m.teamId,
      name: m.person!.name,
      login: m.person!.login,
      lastActiveAt: m.lastActiveAt,
      completedAt: m.completedAt,
    };
    const items = attentionFor(rules, factsOf(p, activity), now);
    byTeam.set(m.teamId!, [...(byTeam.get(m.teamId!) ?? []), ...items]);
  }
  for (const [teamId, items] of byTeam) byTeam.set(teamId, sortAttention(items));
  return byTeam;
}
