// Outcome figures for organizers: retention of alumni at each mark per cohort and
// per project, beside the published baseline and the project's own newcomers, a
// timeline per alumnus, and the CSV export. A bounded number of queries per page,
// whatever the number of alumni.
import { csvLine } from "~/applications/export.server";
import { forbidden } from "~/auth/permissions.server";
import { cohortEndsAt, phaseOf } from "~/cohorts/phase";
import { db } from "~/utils/db.server";
import {
  addMonths,
  GSOC_BASELINE,
  MARKS,
  retention,
  type AlumnusHistory,
  type Mark,
  type MarkFigure,
} from "./retention";

export type RetentionRow = {
  /** "Session 4" or "Session 4 · Django" */
  label: string;
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
  }[];
  optedOut: number;
};

const repoKey = (owner: string, name: string) => `${owner}/${name}`.toLowerCase();

/** owner/name (current and former names) → project id. */
async function repositoryProjects(projectIds: string[]): Promise<Map<string, string>> {
  const repos = await db.projectRepository.findMany({
    where: { projectId: { in: projectIds } },
    select: {
      owner: true,
      name: true,
      projectId: true,
      formerNames: { select: { owner: true, name: true } },
    },
  });
  const map = new Map<string, string>();
  for (const r of repos) {
    map.set(repoKey(r.owner, r.name), r.projectId);
    for (const f of r.formerNames) map.set(repoKey(f.owner, f.name), r.projectId);
  }
  return map;
}

/** Figures for the given cohorts (finished ones only), five queries in all. */
export async function outcomeFigures(cohortIds: string[] | "all", now = new Date()): Promise<OutcomesPage> {
  const cohorts = (
    await db.cohort.findMany({
      where: cohortIds === "all" ? { publishedAt: { not: null } } : { id: { in: cohortIds } },
      select: {
        id: true,
        slug: true,
        name: true,
        publishedAt: true,
        applicationsOpenAt: true,
        applicationsCloseAt: true,
        decisionsPublishedAt: true,
        startsOn: true,
        weeks: true,
        projects: { select: { project: { select: { id: true, slug: true, name: true } } } },
      },
      orderBy: { startsOn: "asc" },
    })
  ).filter((c) => phaseOf(c, now) === "finished");
  const ids = cohorts.map((c) => c.id);
  const projectIds = [...new Set(cohorts.flatMap((c) => c.projects.map((p) => p.project.id)))];
  const [members, optOuts, activities, repoMap] = await Promise.all([
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
  ]);
  const opted = new Set(optOuts.map((o) => o.personId));
  const byPerson = new Map<string, { at: Date; projectId: string | undefined }[]>();
  for (const a of activities) {
    if (opted.has(a.personId)) continue; // never shown, even if recorded before the opt-out
    const key = `${a.cohortId}:${a.personId}`;
    const list = byPerson.get(key) ?? [];
    list.push({ at: a.at, projectId: repoMap.get(a.repository.toLowerCase()) });
    byPerson.set(key, list);
  }
  const rows: RetentionRow[] = [];
  const alumni: OutcomesPage["alumni"] = [];
  const all: AlumnusHistory[] = [];
  for (const cohort of cohorts) {
    const end = cohortEndsAt(cohort);
    const cohortProjects = new Set(cohort.projects.map((p) => p.project.id));
    const people = members.filter((m) => m.cohortId === cohort.id && m.personId);
    const history = (m: (typeof people)[number], projectId: string | null): AlumnusHistory => ({
      personId: m.personId!,
      end,
      optedOut: opted.has(m.personId!),
      activity: (byPerson.get(`${cohort.id}:${m.personId}`) ?? [])
        .filter(
          (a) =>
            a.projectId !== undefined &&
            (projectId ? a.projectId === projectId : cohortProjects.has(a.projectId)),
        )
        .map((a) => a.at),
    });
    const cohortHistories = people.map((m) => history(m, null));
    all.push(...cohortHistories);
    const r = retention(cohortHistories, now);
    rows.push({
      label: cohort.name,
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
        cohortSlug: cohort.slug,
        projectSlug: project.slug,
        marks: pr.marks,
        people: pr.people,
        optedOut: pr.optedOut,
      });
    }
    for (const m of people) {
      const optedOut = opted.has(m.personId!);
      const own = optedOut ? [] : cohortHistories.find((h) => h.personId === m.personId)!.activity;
      const next = MARKS.map((mark) => addMonths(end, mark)).find((d) => d.getTime() > now.getTime()) ?? null;
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
      });
    }
  }
  if (cohortIds === "all" && cohorts.length > 1) {
    const r = retention(all, now);
    rows.unshift({
      label: "All cohorts",
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
      "mark_months",
      "people_past_mark",
      "still_contributing",
      "share",
      "opted_out_not_counted",
    ]),
  ];
  for (const row of page.rows) {
    for (const m of row.marks)
      lines.push(
        csvLine([
          row.label,
          m.mark,
          m.eligible,
          m.active,
          m.share === null ? "" : m.share.toFixed(3),
          row.optedOut,
        ]),
      );
  }
  for (const b of page.baselines) {
    for (const m of b.marks)
      lines.push(
        csvLine([b.label, m.mark, m.eligible ?? "", "", m.share === null ? "" : m.share.toFixed(3), ""]),
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
