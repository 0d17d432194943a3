// Reading cohorts for the public pages, a person's home, and the cohort page.
import type { CohortRole } from "~/auth/permissions.server";
import { cohortBySlug, membershipsIn, notFound } from "~/auth/permissions.server";
import type { SessionPerson } from "~/auth/session.server";
import { db } from "~/utils/db.server";
import { cohortLinks, nextStepFor, type CohortLink, type NextStep } from "./next-step";
import { cohortEndsAt, cohortLastDay, phaseOf, weekOf, type Phase, PHASE_COLUMNS } from "./phase";

const cohortSummarySelect = {
  id: true,
  slug: true,
  name: true,
  description: true,
  ...PHASE_COLUMNS,
  projects: { select: { project: { select: { slug: true, name: true } } } },
} as const;

export type CohortSummary = {
  slug: string;
  name: string;
  description: string;
  phase: Phase;
  week: number;
  weeks: number;
  applicationsOpenAt: Date;
  applicationsCloseAt: Date;
  startsOn: Date;
  endsAt: Date;
  /** the last day of the cohort, a calendar day (UTC midnight) */
  lastDay: Date;
  projects: { slug: string; name: string }[];
};

function summarize(
  cohort: {
    slug: string;
    name: string;
    description: string;
    publishedAt: Date | null;
    applicationsOpenAt: Date;
    applicationsCloseAt: Date;
    decisionsPublishedAt: Date | null;
    startsOn: Date;
    weeks: number;
    projects: { project: { slug: string; name: string } }[];
  },
  now: Date,
): CohortSummary {
  return {
    slug: cohort.slug,
    name: cohort.name,
    description: cohort.description,
    phase: phaseOf(cohort, now),
    week: weekOf(cohort, now),
    weeks: cohort.weeks,
    applicationsOpenAt: cohort.applicationsOpenAt,
    applicationsCloseAt: cohort.applicationsCloseAt,
    startsOn: cohort.startsOn,
    endsAt: cohortEndsAt(cohort),
    lastDay: cohortLastDay(cohort),
    projects: cohort.projects.map((p) => p.project),
  };
}

/** Published cohorts for the landing page, grouped by what a visitor can do. */
export async function listPublicCohorts(now = new Date()) {
  const cohorts = await db.cohort.findMany({
    where: { publishedAt: { not: null } },
    select: cohortSummarySelect,
    orderBy: { startsOn: "desc" },
  });
  const all = cohorts.map((c) => summarize(c, now));
  return {
    open: all.filter((c) => c.phase === "applications_open" || c.phase === "upcoming"),
    // Applications closed, teams not yet working: starting soon, not running.
    starting: all.filter((c) => c.phase === "review" || c.phase === "teams_forming"),
    running: all.filter((c) => c.phase === "running"),
    past: all.filter((c) => c.phase === "finished"),
  };
}

export type HomeCohort = CohortSummary & {
  roles: { role: CohortRole; team: { slug: string; name: string } | null; next: NextStep }[];
};

/** The person's cohorts with their role in each and the next page for that role. */
export async function cohortsForPerson(personId: string, now = new Date()): Promise<HomeCohort[]> {
  const memberships = await db.cohortMembership.findMany({
    where: { personId },
    select: {
      role: true,
      team: { select: { slug: true, name: true } },
      cohort: { select: cohortSummarySelect },
    },
    orderBy: { cohort: { startsOn: "desc" } },
  });
  const byCohort = new Map<string, HomeCohort>();
  for (const m of memberships) {
    const summary = byCohort.get(m.cohort.slug) ?? { ...summarize(m.cohort, now), roles: [] };
    const role = m.role as CohortRole;
    summary.roles.push({
      role,
      team: m.team,
      next: nextStepFor(role, summary.phase, summary.slug, m.team?.slug ?? null),
    });
    byCohort.set(m.cohort.slug, summary);
  }
  return [...byCohort.values()];
}

/** The cohort page: dates, phase and week, projects, teams with their navigators. */
export async function getCohortPage(slug: string, viewer: SessionPerson | null, now = new Date()) {
  const row = await cohortBySlug(slug);
  if (!row) throw notFound("There is no cohort at this address.");
  const [projects, teams, roles] = await Promise.all([
    db.cohortProject.findMany({
      where: { cohortId: row.id },
      select: {
        project: {
          select: { slug: true, name: true, description: true, websiteUrl: true, aiPolicyUrl: true },
        },
      },
    }),
    db.team.findMany({
      where: { cohortId: row.id },
      orderBy: { name: "asc" },
      select: {
        slug: true,
        name: true,
        project: { select: { name: true } },
        members: {
          where: { role: { in: ["navigator", "captain"] } },
          select: {
            role: true,
            pendingLogin: true,
            person: { select: { name: true, login: true, avatarUrl: true } },
          },
        },
        _count: { select: { members: { where: { role: "participant" } } } },
      },
    }),
    viewer ? membershipsIn(row.id, viewer.id) : Promise.resolve([]),
  ]);
  const cohort = { ...row, projects, teams };
  const isOrganizer = Boolean(viewer?.isAdmin) || roles.some((r) => r.role === "organizer");
  if (!cohort.publishedAt && !isOrganizer) throw notFound("There is no cohort at this address.");
  const summary = summarize(
    { ...cohort, projects: cohort.projects.map((p) => ({ project: p.project })) },
    now,
  );
  return {
    ...summary,
    teamSize: { min: cohort.teamSizeMin, max: cohort.teamSizeMax },
    projects: cohort.projects.map((p) => p.project),
    teams: cohort.teams.map((team) => ({
      slug: team.slug,
      name: team.name,
      project: team.project?.name ?? null,
      participants: team._count.members,
      guides: team.members.map((m) => ({
        role: m.role,
        name: m.person?.name ?? `@${m.pendingLogin}`,
        login: m.person?.login ?? m.pendingLogin ?? "",
        avatarUrl: m.person?.avatarUrl ?? null,
      })),
    })),
    viewer: {
      roles: roles.map((r) => r.role as CohortRole),
      isOrganizer,
      /** people who already hold a role in the cohort (or run it) do not apply to it */
      mayApply: summary.phase === "applications_open" && roles.length === 0 && !isOrganizer,
      next: roles.map((r) => nextStepFor(r.role as CohortRole, summary.phase, slug, r.team?.slug ?? null)),
    },
  };
}

/** The cohort's name and the navigation links for this viewer (layout of cohort pages). */
export async function getCohortNav(
  slug: string,
  viewer: SessionPerson | null,
  now = new Date(),
): Promise<{ name: string; slug: string; links: CohortLink[] }> {
  const cohort = await cohortBySlug(slug);
  if (!cohort) throw notFound("There is no cohort at this address.");
  const memberships = viewer ? await membershipsIn(cohort.id, viewer.id) : [];
  const roles = memberships.map((m) => m.role as CohortRole);
  if (viewer?.isAdmin && !roles.includes("organizer")) roles.push("organizer");
  if (!cohort.publishedAt && !roles.includes("organizer"))
    throw notFound("There is no cohort at this address.");
  const teamSlug = memberships.find((m) => m.team)?.team?.slug ?? null;
  return {
    name: cohort.name,
    slug: cohort.slug,
    links: cohortLinks(roles, phaseOf(cohort, now), cohort.slug, teamSlug),
  };
}
