// Outcome figures for organizers: retention of alumni at each mark per cohort and
// per project, beside the published baseline and the project's own newcomers, a
// timeline per alumnus, and the CSV export. A bounded number of queries per page,
// whatever the number of alumni.
import { csvLine } from "~/applications/export.server";
import { forbidden } from "~/auth/permissions.server";
import { cohortEndsAt, phaseOf, PHASE_COLUMNS } from "~/cohorts/phase";
import { db } from "~/utils/db.server";
import { loginsEverInACohort } from "./comparison.server";
import {
  addMonths,
  GSOC_BASELINE,
  MARKS,
  markWindow,
  retention,
  alumnusHistory,
  type ActivityRecord,
  type AlumnusHistory,
  type Mark,
  type MarkFigure,
} from "./retention";

export type RetentionRow = {
  /** "Session 4", "Session 4 · Django" or "Session 4 · newcomers not in a cohort" */
  label: string;
  /** alumni, or the comparison group: the same repositories' newcomers who were in no cohort */
  group: "alumni" | "comparison";
  cohortSlug: string;
  projectSlug: string | null;
  marks: MarkFigure[];
  people: number;
  optedOut: number;
};

export type OutcomesPage = {
  rows: RetentionRow[];
  baselines: { label: string; marks: { mark: Mark; share: number | null; eligible: number | null }[] }[];
  alumni: {
    personId: string;
    name: string;
    login: string;
    cohortSlug: string;
    project: string | null;
    optedOut: boolean;
    contributions: number;
    lastAt: Date | null;
    nextMark: Date | null;
    /** a mark that passed has not been read yet */
    nextOverdue: boolean;
  }[];
  optedOut: number;
};

/** How the comparison group is named on pages and in the CSV. */
export const COMPARISON_LABEL = "newcomers not in a cohort (comparison)";

const repoKey = (owner: string, name: string) => `${owner}/${name}`.toLowerCase();

/** Where a Trac ticket's activity is recorded: the project's Trac address, as stored. */
export const tracSource = (tracUrl: string) => tracUrl.replace(/\/+$/, "").toLowerCase();

/** owner/name (current and former names) and Trac addresses → project id. */
async function repositoryProjects(projectIds: string[]): Promise<Map<string, string>> {
  const [repos, tracs] = await Promise.all([
    db.projectRepository.findMany({
      where: { projectId: { in: projectIds } },
      select: {
        owner: true,
        name: true,
        projectId: true,
        formerNames: { select: { owner: true, name: true } },
      },
    }),
    db.project.findMany({
      where: { id: { in: projectIds }, tracUrl: { not: null } },
      select: { id: true, tracUrl: true },
    }),
  ]);
  const map = new Map<string, string>();
  for (const r of repos) {
    map.set(repoKey(r.owner, r.name), r.projectId);
    for (const f of r.formerNames) map.set(repoKey(f.owner, f.name), r.projectId);
  }
  for (const t of tracs) map.set(tracSource(t.tracUrl!), t.id);
  return map;
}

/** The comparison group's histories per cohort: first-time contributors who were in no cohort. */
async function comparisonHistories(
  cohorts: { id: string; end: Date }[],
): Promise<Map<string, AlumnusHistory[]>> {
  const newcomers = await db.comparisonNewcomer.findMany({
    where: { cohortId: { in: cohorts.map((c) => c.id) }, firstMerge: true },
    select: { id: true, cohortId: true, login: true, checks: { select: { mark: true, found: true } } },
  });
  // Someone who joined a cohort later is no longer a comparison: left out (case-insensitive logins).
  const inCohorts = await loginsEverInACohort();
  const byCohort = new Map<string, AlumnusHistory[]>();
  for (const c of cohorts) {
    byCohort.set(
      c.id,
      newcomers
        .filter((n) => n.cohortId === c.id && !inCohorts.has(n.login.toLowerCase()))
        .map((n) => ({
          personId: n.id,
          end: c.end,
          optedOut: false,
          // Only counts are kept for people outside the program: a check that found something
          // stands for activity at the end of that mark's window.
          activity: n.checks.filter((k) => k.found > 0).map((k) => markWindow(c.end, k.mark as Mark).to),
          checked: n.checks.map((k) => k.mark),
        })),
    );
  }
  return byCohort;
}

/** Figures for the given cohorts (finished ones only), a fixed number of queries (nine) whatever the number of people. */
export async function outcomeFigures(cohortIds: string[] | "all", now = new Date()): Promise<OutcomesPage> {
  const cohorts = (
    await db.cohort.findMany({
      where: cohortIds === "all" ? { publishedAt: { not: null } } : { id: { in: cohortIds } },
      select: {
        id: true,
        slug: true,
        name: true,
        ...PHASE_COLUMNS,
        projects: { select: { project: { select: { id: true, slug: true, name: true } } } },
      },
      orderBy: { startsOn: "asc" },
    })
  ).filter((c) => phaseOf(c, now) === "finished");
  const ids = cohorts.map((c) => c.id);
  const projectIds = [...new Set(cohorts.flatMap((c) => c.projects.map((p) => p.project.id)))];
  const [members, optOuts, activities, repoMap, checks, comparison] = await Promise.all([
    db.cohortMembership.findMany({
      where: { cohortId: { in: ids }, role: "participant", personId: { not: null } },
      select: {
        cohortId: true,
        personId: true,
        person: { select: { name: true, login: true } },
        team: { select: { projectId: true } },
      },
    }),
    db.outcomeOptOut.findMany({ select: { personId: true } }),
    db.outcomeActivity.findMany({
      where: { cohortId: { in: ids } },
      select: { cohortId: true, personId: true, repository: true, at: true },
      orderBy: { at: "asc" },
    }),
    repositoryProjects(projectIds),
    db.outcomeCheck.findMany({
      where: { cohortId: { in: ids } },
      select: { cohortId: true, personId: true, mark: true },
    }),
    comparisonHistories(cohorts.map((c) => ({ id: c.id, end: cohortEndsAt(c) }))),
  ]);
  const checkedMarks = new Map<string, number[]>();
  for (const c of checks) {
    const key = `${c.cohortId}:${c.personId}`;
    checkedMarks.set(key, [...(checkedMarks.get(key) ?? []), c.mark]);
  }
  const opted = new Set(optOuts.map((o) => o.personId));
  const byPerson = new Map<string, ActivityRecord[]>();
  for (const a of activities) {
    const key = `${a.cohortId}:${a.personId}`;
    byPerson.set(key, [...(byPerson.get(key) ?? []), a]);
  }
  const rows: RetentionRow[] = [];
  const alumni: OutcomesPage["alumni"] = [];
  const all: AlumnusHistory[] = [];
  const allComparison: AlumnusHistory[] = [];
  for (const cohort of cohorts) {
    const end = cohortEndsAt(cohort);
    const cohortProjects = new Set(cohort.projects.map((p) => p.project.id));
    const people = members.filter((m) => m.cohortId === cohort.id && m.personId);
    const history = (m: (typeof people)[number], projectId: string | null): AlumnusHistory =>
      alumnusHistory({
        personId: m.personId!,
        end,
        optedOut: opted.has(m.personId!),
        checked: checkedMarks.get(`${cohort.id}:${m.personId}`) ?? [],
        records: byPerson.get(`${cohort.id}:${m.personId}`) ?? [],
        projectOf: repoMap,
        projects: projectId ? new Set([projectId]) : cohortProjects,
      });
    const cohortHistories = people.map((m) => history(m, null));
    all.push(...cohortHistories);
    const r = retention(cohortHistories, now);
    rows.push({
      label: cohort.name,
      group: "alumni",
      cohortSlug: cohort.slug,
      projectSlug: null,
      marks: r.marks,
      people: r.people,
      optedOut: r.optedOut,
    });
    for (const { project } of cohort.projects) {
      const inProject = people.filter((m) => m.team?.projectId === project.id);
      if (inProject.length === 0) continue;
      const pr = retention(
        inProject.map((m) => history(m, project.id)),
        now,
      );
      rows.push({
        label: `${cohort.name} · ${project.name}`,
        group: "alumni",
        cohortSlug: cohort.slug,
        projectSlug: project.slug,
        marks: pr.marks,
        people: pr.people,
        optedOut: pr.optedOut,
      });
    }
    const others = comparison.get(cohort.id) ?? [];
    allComparison.push(...others);
    if (others.length > 0) {
      const cr = retention(others, now);
      rows.push({
        label: `${cohort.name} · ${COMPARISON_LABEL}`,
        group: "comparison",
        cohortSlug: cohort.slug,
        projectSlug: null,
        marks: cr.marks,
        people: cr.people,
        optedOut: 0,
      });
    }
    for (const m of people) {
      const optedOut = opted.has(m.personId!);
      const own = optedOut ? [] : cohortHistories.find((h) => h.personId === m.personId)!.activity;
      // The next check: a passed mark not read yet (overdue), else the next mark to come.
      const read = checkedMarks.get(`${cohort.id}:${m.personId}`) ?? [];
      const overdue = MARKS.find((mark) => addMonths(end, mark) <= now && !read.includes(mark));
      const next =
        overdue !== undefined
          ? addMonths(end, overdue)
          : (MARKS.map((mark) => addMonths(end, mark)).find((d) => d.getTime() > now.getTime()) ?? null);
      alumni.push({
        personId: m.personId!,
        name: m.person!.name,
        login: m.person!.login,
        cohortSlug: cohort.slug,
        project: cohort.projects.find((p) => p.project.id === m.team?.projectId)?.project.name ?? null,
        optedOut,
        contributions: own.length,
        lastAt: own.length ? own[own.length - 1] : null,
        nextMark: optedOut ? null : next,
        nextOverdue: !optedOut && overdue !== undefined,
      });
    }
  }
  if (cohortIds === "all" && cohorts.length > 1) {
    const r = retention(all, now);
    if (allComparison.length > 0) {
      const cr = retention(allComparison, now);
      rows.unshift({
        label: `All cohorts · ${COMPARISON_LABEL}`,
        group: "comparison",
        cohortSlug: "",
        projectSlug: null,
        marks: cr.marks,
        people: cr.people,
        optedOut: 0,
      });
    }
    rows.unshift({
      label: "All cohorts",
      group: "alumni",
      cohortSlug: "",
      projectSlug: null,
      marks: r.marks,
      people: r.people,
      optedOut: r.optedOut,
    });
  }
  const baselineRows = [
    {
      label: "Google Summer of Code newcomers (Silva et al., SBES 2017)",
      marks: MARKS.map((mark) => ({ mark, share: GSOC_BASELINE[mark], eligible: null })),
    },
  ];
  return {
    rows,
    baselines: baselineRows,
    alumni,
    optedOut: new Set(members.filter((m) => opted.has(m.personId!)).map((m) => m.personId)).size,
  };
}

export function outcomesCsv(page: OutcomesPage): string {
  const lines = [
    csvLine([
      "group",
      "kind",
      "mark_months",
      "people_counted",
      "still_contributing",
      "share",
      "past_mark_not_checked_yet",
      "opted_out_not_counted",
    ]),
  ];
  for (const row of page.rows) {
    for (const m of row.marks)
      lines.push(
        csvLine([
          row.label,
          row.group === "comparison" ? "comparison group" : "alumni",
          m.mark,
          m.eligible,
          m.active,
          m.share === null ? "" : m.share.toFixed(3),
          m.unchecked,
          row.optedOut,
        ]),
      );
  }
  for (const b of page.baselines) {
    for (const m of b.marks)
      lines.push(
        csvLine([
          b.label,
          "published baseline",
          m.mark,
          m.eligible ?? "",
          "",
          m.share === null ? "" : m.share.toFixed(3),
          "",
          "",
        ]),
      );
  }
  return lines.join("\r\n") + "\r\n";
}

export type TimelineEntry = {
  kind: string;
  repository: string;
  externalKey: string;
  url: string;
  title: string;
  at: Date;
};

/** One alumnus's contributions after the cohort, newest first; null when they opted out. */
export async function alumnusTimeline(cohortId: string, login: string) {
  const person = await db.person.findUnique({
    where: { login },
    select: { id: true, name: true, login: true, outcomeOptOut: { select: { at: true } } },
  });
  if (!person) return "not_found" as const;
  const member = await db.cohortMembership.findFirst({
    where: { cohortId, personId: person.id, role: "participant" },
    select: { id: true },
  });
  if (!member) return "not_found" as const;
  if (person.outcomeOptOut)
    return {
      person: { name: person.name, login: person.login },
      optedOut: true,
      entries: [] as TimelineEntry[],
      checks: [],
    };
  const [entries, checks] = await Promise.all([
    db.outcomeActivity.findMany({
      where: { cohortId, personId: person.id },
      select: { kind: true, repository: true, externalKey: true, url: true, title: true, at: true },
      orderBy: { at: "desc" },
    }),
    db.outcomeCheck.findMany({
      where: { cohortId, personId: person.id },
      select: { mark: true, checkedAt: true, found: true },
      orderBy: { mark: "asc" },
    }),
  ]);
  return { person: { name: person.name, login: person.login }, optedOut: false, entries, checks };
}

export async function isOptedOut(personId: string): Promise<boolean> {
  return (await db.outcomeOptOut.findUnique({ where: { personId } })) !== null;
}

/** Opting out is final: the person's recorded activity is deleted and never read again. */
export async function optOutOfOutcomes(personId: string): Promise<void> {
  await db.$transaction([
    db.outcomeOptOut.upsert({ where: { personId }, create: { personId }, update: {} }),
    db.outcomeActivity.deleteMany({ where: { personId } }),
    db.tracAccount.deleteMany({ where: { personId } }),
  ]);
}

/** Across cohorts: every cohort for admins, the cohorts they organize for organizers, 403 for anyone else. */
export async function outcomesAcrossCohorts(
  person: { id: string; isAdmin: boolean },
  now = new Date(),
): Promise<OutcomesPage> {
  if (person.isAdmin) return outcomeFigures("all", now);
  const organized = await db.cohortMembership.findMany({
    where: { personId: person.id, role: "organizer" },
    select: { cohortId: true },
  });
  if (organized.length === 0) throw forbidden("Outcomes are for the cohorts' organizers.");
  return outcomeFigures(
    organized.map((o) => o.cohortId),
    now,
  );
}
