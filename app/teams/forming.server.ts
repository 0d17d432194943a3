// Forming teams: the pool (confirmed participants, navigators, captains with their
// availability, project preferences and application score), suggestions, and
// publishing a draft, which writes teams and memberships and queues a welcome notice
// per member. Until publishing nothing is stored: the draft travels with the page.
import { randomBytes } from "node:crypto";
import { recordAudit } from "~/cohorts/audit.server";
import { assertPhase, cohortEndsAt, PhaseError } from "~/cohorts/phase";
import { appUrl } from "~/notifications/links.server";
import { queueNotice } from "~/notifications/outbox.server";
import { noticeText } from "~/notifications/templates";
import { aggregate } from "~/applications/scores";
import { db, lockRow, transaction, type Cohort, type Tx } from "~/utils/db.server";
import { countSlots } from "~/availability/slots";
import { evaluateDraft, normalizeDraft, type DraftEvaluation } from "./draft";
import { formatCohortMeetingFor } from "./meeting";
import { suggestOptimizedTeams } from "./optimize";
import type { Draft, SuggestInput } from "./suggest";

export type PoolPerson = {
  id: string;
  role: "participant" | "navigator" | "captain";
  name: string;
  login: string;
  avatarUrl: string | null;
  timeZone: string;
  pending: boolean;
  hours: number;
  /** project names in preference order; "Any project" when open to any */
  preferences: string[];
  score: number | null;
  projectName: string | null;
};

export type FormingPool = {
  cohort: {
    id: string;
    slug: string;
    name: string;
    teamsPublishedAt: Date | null;
    rules: SuggestInput["rules"];
  };
  input: SuggestInput;
  people: PoolPerson[];
  projects: { id: string; name: string }[];
  published: Draft;
};

const rulesOf = (c: {
  teamSizeMin: number;
  teamSizeMax: number;
  minSharedHours: number;
  captainMinSharedHours: number;
}) => ({
  teamSizeMin: c.teamSizeMin,
  teamSizeMax: c.teamSizeMax,
  minSharedHours: c.minSharedHours,
  captainMinSharedHours: c.captainMinSharedHours,
});

/** Everyone a team can be formed from. Pool ids are membership ids (a pending navigator has no person yet). */
export async function loadPool(cohort: Cohort): Promise<FormingPool> {
  const cohortId = cohort.id;
  const [cohortProjects, memberships, availabilities, applications] = await Promise.all([
    db.cohortProject.findMany({
      where: { cohortId },
      select: { project: { select: { id: true, name: true } } },
    }),
    db.cohortMembership.findMany({
      where: { cohortId, role: { in: ["participant", "navigator", "captain"] } },
      select: {
        id: true,
        role: true,
        teamId: true,
        pendingLogin: true,
        projectId: true,
        personId: true,
        person: { select: { name: true, login: true, avatarUrl: true, timeZone: true } },
      },
      orderBy: { createdAt: "asc" },
    }),
    db.availability.findMany({ where: { cohortId }, select: { personId: true, slots: true } }),
    db.application.findMany({
      where: { cohortId, status: "submitted" },
      select: {
        personId: true,
        anyProject: true,
        preferences: { select: { projectId: true, rank: true }, orderBy: { rank: "asc" } },
        reviews: { select: { recused: true, submittedAt: true, scores: { select: { score: true } } } },
      },
    }),
  ]);
  const projects = cohortProjects.map((p) => p.project).sort((a, b) => a.name.localeCompare(b.name));
  const projectName = new Map(projects.map((p) => [p.id, p.name]));
  const slotsOf = new Map(availabilities.map((a) => [a.personId, a.slots]));
  const applicationOf = new Map(applications.map((a) => [a.personId, a]));
  const input: SuggestInput = {
    rules: rulesOf(cohort),
    projects: projects.map((p) => p.id),
    participants: [],
    navigators: [],
    captains: [],
  };
  const people: PoolPerson[] = [];
  const teamNavigator = new Map<string, string>();
  for (const m of memberships) if (m.role === "navigator" && m.teamId) teamNavigator.set(m.teamId, m.id);
  const published = new Map<string, Draft["teams"][number]>();
  for (const m of memberships) {
    const slots = m.personId ? (slotsOf.get(m.personId) ?? null) : null;
    const name = m.person?.name ?? `@${m.pendingLogin}`;
    const base = {
      id: m.id,
      role: m.role as PoolPerson["role"],
      name,
      login: m.person?.login ?? m.pendingLogin ?? "",
      avatarUrl: m.person?.avatarUrl ?? null,
      timeZone: m.person?.timeZone ?? "UTC",
      pending: !m.personId,
      hours: slots ? countSlots(slots) / 2 : 0,
    };
    if (m.role === "participant") {
      const application = m.personId ? applicationOf.get(m.personId) : undefined;
      const projectIds = application?.preferences.map((p) => p.projectId) ?? [];
      const score = application
        ? aggregate(application.reviews.map((r) => ({ ...r, scores: r.scores.map((s) => s.score) }))).mean
        : null;
      const anyProject = !application || application.anyProject || projectIds.length === 0;
      input.participants.push({ id: m.id, name, slots, projectIds, anyProject, score });
      people.push({
        ...base,
        preferences:
          anyProject && projectIds.length === 0
            ? ["Any project"]
            : [
                ...projectIds.map((id) => projectName.get(id) ?? "?"),
                ...(application?.anyProject ? ["or any"] : []),
              ],
        score,
        projectName: null,
      });
    } else {
      const guide = { id: m.id, name, slots, projectId: m.projectId };
      (m.role === "navigator" ? input.navigators : input.captains).push(guide);
      people.push({
        ...base,
        preferences: [],
        score: null,
        projectName: m.projectId ? (projectName.get(m.projectId) ?? null) : null,
      });
    }
    // The published teams, as a draft to start from.
    if (m.teamId && teamNavigator.has(m.teamId)) {
      const navigatorId = teamNavigator.get(m.teamId)!;
      const team = published.get(m.teamId) ?? { navigatorId, captainId: null, participantIds: [] };
      if (m.role === "participant") team.participantIds.push(m.id);
      if (m.role === "captain") team.captainId = m.id;
      published.set(m.teamId, team);
    }
  }
  return {
    cohort: {
      id: cohort.id,
      slug: cohort.slug,
      name: cohort.name,
      teamsPublishedAt: cohort.teamsPublishedAt,
      rules: rulesOf(cohort),
    },
    input,
    people,
    projects,
    published: normalizeDraft(input, { teams: [...published.values()] }),
  };
}

/**
 * How good a suggestion is: it places `placed` of the `bound` participants any
 * assignment keeping the rules could place; its teams share `hoursPerTeam` hours a
 * week on average, the most possible for that many placed when `hoursProven`.
 */
export type SuggestionQuality = {
  placed: number;
  bound: number;
  proven: boolean;
  hoursPerTeam: number;
  hoursProven: boolean;
};

/**
 * Why no team can be formed yet, as the page says it: nobody to place, or nobody to
 * lead a team. Null when teams can be formed.
 */
export function nothingToForm(input: SuggestInput): string | null {
  const missing = [
    input.participants.length > 0
      ? null
      : "there are no confirmed participants yet (accepted applicants become participants when they confirm their place)",
    input.navigators.length > 0 ? null : "no navigator is appointed yet",
  ].filter((m) => m !== null);
  return missing.length === 0 ? null : `No teams can be formed yet: ${missing.join(", and ")}.`;
}

export async function suggestFor(
  pool: FormingPool,
): Promise<{ draft: Draft; evaluation: DraftEvaluation; quality: SuggestionQuality }> {
  const suggestion = await suggestOptimizedTeams(pool.input);
  return {
    draft: suggestion.draft,
    evaluation: evaluateDraft(pool.input, suggestion.draft),
    quality: {
      placed: suggestion.placed,
      bound: suggestion.bound,
      proven: suggestion.proven,
      hoursPerTeam: suggestion.draft.teams.length
        ? suggestion.sharedHours / suggestion.draft.teams.length
        : 0,
      hoursProven: suggestion.hoursProven,
    },
  };
}

// Team names follow the demo's constellations; the first unused one is taken.
const TEAM_NAMES = [
  "Lyra",
  "Cygnus",
  "Draco",
  "Aquila",
  "Phoenix",
  "Carina",
  "Hydra",
  "Perseus",
  "Cassiopeia",
  "Centaurus",
  "Corvus",
  "Auriga",
  "Vela",
  "Pyxis",
  "Lynx",
  "Lupus",
  "Musca",
  "Norma",
  "Orion",
  "Pegasus",
  "Andromeda",
  "Vega",
  "Ara",
  "Columba",
  "Delphinus",
  "Eridanus",
  "Fornax",
  "Grus",
  "Hercules",
  "Indus",
  "Lacerta",
  "Leo",
  "Libra",
  "Mensa",
  "Octans",
  "Pavo",
  "Pictor",
  "Puppis",
  "Sagitta",
  "Scutum",
  "Serpens",
  "Tucana",
  "Volans",
  "Crux",
  "Cetus",
  "Dorado",
  "Horologium",
  "Reticulum",
  "Sextans",
  "Triangulum",
];

function teamNameFor(index: number, used: Set<string>): { slug: string; name: string } {
  for (const name of TEAM_NAMES) {
    const slug = name.toLowerCase();
    if (!used.has(slug)) return { slug, name: `Team ${name}` };
  }
  let n = index + 1;
  while (used.has(`team-${n}`)) n++;
  return { slug: `team-${n}`, name: `Team ${n}` };
}

export function newCalendarToken(): string {
  return randomBytes(18).toString("base64url");
}

export type PublishResult =
  { ok: true; teams: number; notices: number } | { ok: false; error: string; evaluation?: DraftEvaluation };

/**
 * Saves a draft as the cohort's teams: a team per navigator in the draft (keeping
 * the navigator's existing team, its meeting and links), every membership's team,
 * and one welcome notice per member and team (deduplicated, so publishing again
 * only greets people whose team changed).
 */
export async function publishTeams(
  actorId: string,
  cohort: Cohort,
  draft: Draft,
  options: { acceptWarnings: boolean; origin?: string | null; now?: Date },
): Promise<PublishResult> {
  const now = options.now ?? new Date();
  const cohortId = cohort.id;
  try {
    assertPhase(cohort, ["teams_forming", "running"], "publish teams", now);
  } catch (error) {
    if (error instanceof PhaseError) return { ok: false, error: error.message };
    throw error;
  }
  const pool = await loadPool(cohort);
  const clean = normalizeDraft(pool.input, draft);
  if (clean.teams.length === 0)
    return {
      ok: false,
      error: "There are no teams to publish yet: suggest teams or move people into teams first.",
    };
  const evaluation = evaluateDraft(pool.input, clean);
  if (evaluation.warningCount > 0 && !options.acceptWarnings) {
    return {
      ok: false,
      error: `${evaluation.warningCount === 1 ? "1 rule warning remains" : `${evaluation.warningCount} rule warnings remain`}. Fix ${evaluation.warningCount === 1 ? "it" : "them"}, or tick “Publish despite the warnings”.`,
      evaluation,
    };
  }
  const base = appUrl(options.origin);
  const result = await transaction(async (tx) => {
    // Two publishes at once run one after the other: the second sees the first's teams.
    await lockRow(tx, "Cohort", cohortId);
    const existing = await tx.team.findMany({
      where: { cohortId },
      select: { id: true, slug: true, members: { where: { role: "navigator" }, select: { id: true } } },
    });
    const teamOfNavigator = new Map<string, string>();
    for (const team of existing) for (const m of team.members) teamOfNavigator.set(m.id, team.id);
    const usedSlugs = new Set(existing.map((t) => t.slug));
    usedSlugs.add("form");
    const teamIds: string[] = [];
    const assigned = new Map<string, string>();
    for (const [index, team] of evaluation.teams.entries()) {
      let teamId = teamOfNavigator.get(team.navigatorId);
      if (teamId) {
        await tx.team.update({ where: { id: teamId }, data: { projectId: team.projectId } });
      } else {
        const { slug, name } = teamNameFor(index, usedSlugs);
        usedSlugs.add(slug);
        teamId = (
          await tx.team.create({ data: { cohortId, slug, name, projectId: team.projectId, links: "[]" } })
        ).id;
      }
      teamIds.push(teamId);
      for (const id of [
        team.navigatorId,
        ...(team.captainId ? [team.captainId] : []),
        ...team.participantIds,
      ])
        assigned.set(id, teamId);
    }
    const memberships = await tx.cohortMembership.findMany({
      where: { cohortId, role: { in: ["participant", "navigator", "captain"] } },
      select: { id: true, teamId: true, calendarToken: true },
    });
    for (const m of memberships) {
      const teamId = assigned.get(m.id) ?? null;
      if (m.teamId !== teamId || (teamId && !m.calendarToken)) {
        await tx.cohortMembership.update({
          where: { id: m.id },
          data: { teamId, calendarToken: m.calendarToken ?? (teamId ? newCalendarToken() : null) },
        });
      }
    }
    // Teams nobody leads any more go; their curations keep the issue but lose the team.
    await tx.team.deleteMany({ where: { cohortId, id: { notIn: teamIds }, members: { none: {} } } });
    await tx.cohort.update({ where: { id: cohortId }, data: { teamsPublishedAt: now } });
    const notices = await queueWelcomes(tx, cohort, teamIds, base, now);
    await recordAudit(
      {
        actorId,
        cohortId,
        action: "teams.published",
        subjectType: "cohort",
        subjectId: cohortId,
        toValue: `${teamIds.length} teams`,
        detail: JSON.stringify(clean.teams),
      },
      tx,
    );
    return { teams: teamIds.length, notices };
  });
  return { ok: true, ...result };
}

async function queueWelcomes(
  tx: Tx,
  cohort: Cohort,
  teamIds: string[],
  base: string,
  now: Date,
): Promise<number> {
  const cohortId = cohort.id;
  const dates = { startsOn: cohort.startsOn, endsAt: cohortEndsAt(cohort) };
  const teams = await tx.team.findMany({
    where: { id: { in: teamIds } },
    include: {
      project: { select: { name: true } },
      members: {
        include: { person: { select: { id: true, name: true, login: true, timeZone: true } } },
        orderBy: { createdAt: "asc" },
      },
    },
  });
  let queued = 0;
  for (const team of teams) {
    const navigator = team.members.find((m) => m.role === "navigator");
    const captain = team.members.find((m) => m.role === "captain");
    const participants = team.members.filter((m) => m.role === "participant");
    const nameOf = (m: (typeof team.members)[number]) =>
      m.person ? `${m.person.name} (@${m.person.login})` : `@${m.pendingLogin}`;
    let links: { label: string; url: string }[] = [];
    try {
      links = JSON.parse(team.links) as { label: string; url: string }[];
    } catch {
      links = [];
    }
    for (const member of team.members) {
      if (!member.person) continue;
      const meeting = formatCohortMeetingFor(team, member.person.timeZone, now, dates);
      const welcome = noticeText("team.welcome", {
        name: member.person.name,
        cohort: cohort.name,
        team: team.name,
        role: member.role,
        project: team.project?.name ?? null,
        navigator: navigator ? nameOf(navigator) : null,
        captain: captain ? nameOf(captain) : null,
        participants: participants.map(nameOf),
        meeting: meeting ?? null,
        chatUrl: team.chatUrl ?? null,
        links,
        teamLink: `${base}/cohorts/${cohort.slug}/teams/${team.slug}`,
        calendarLink: member.calendarToken ? `${base}/calendar/${member.calendarToken}.ics` : null,
      });
      const dedupeKey = `team-welcome:${member.id}:${team.id}`;
      // Checked first: a unique violation would abort a PostgreSQL transaction.
      if (await tx.notice.findUnique({ where: { dedupeKey }, select: { id: true } })) continue;
      const sent = await queueNotice(
        {
          ...welcome,
          personId: member.person.id,
          cohortId,
          dedupeKey,
        },
        tx,
      );
      if (sent) queued++;
    }
  }
  return queued;
}
