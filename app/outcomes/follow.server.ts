// Following alumni: at 1, 3, 6 and 12 months after a cohort's end, the scheduled
// job asks GitHub's search API what each alumnus did in the cohort's project
// repositories during the window since the previous mark, and records it once per
// mark (OutcomeCheck). Three search requests per alumnus and mark; the search API
// allows 30 a minute, so a run stops at its budget and the next run continues
// (docs/decisions/087-alumni-outcomes-from-github-search.md). Opted-out people
// are never asked about. For projects with a Trac, an alumnus who gave their Trac
// username is also asked about there (two CSV queries, outside GitHub's limit).
// What budget is left goes to the comparison group (./comparison.server.ts, decision 088).
import { PHASE_COLUMNS, cohortEndsAt, phaseOf } from "~/cohorts/phase";
import {
  createGitHub,
  GitHubError,
  searchIssues,
  stopsTheSync,
  type GitHub,
  type SearchHit,
} from "~/integrations/github.server";
import { createTrac, TracError, type Trac } from "~/integrations/trac.server";
import { db } from "~/utils/db.server";
import { isoSecond } from "~/utils/time";
import { tracSource } from "./figures.server";
import { addMonths, MARKS, markWindow, type Mark } from "./retention";

/** Search requests one alumnus costs at one mark (pull requests, issues, reviews). */
export const REQUESTS_PER_CHECK = 3;
/** The search API's limit is 30 a minute; a run stays under it. */
export const SEARCH_BUDGET_PER_RUN = 27;

export type FollowSummary = {
  checks: number;
  requests: number;
  recorded: number;
  skippedOptedOut: number;
  remaining: number;
  error: string | null;
};

type Due = {
  cohortId: string;
  personId: string;
  login: string;
  mark: Mark;
  end: Date;
  repos: string[];
  /** the cohort's projects' Trac addresses */
  tracs: string[];
  tracUsername: string | null;
};

/** The GitHub search scope of a cohort: its projects' repositories, as owner/name. */
export function cohortRepos(cohort: {
  projects: { project: { repositories: { owner: string; name: string }[] } }[];
}): string[] {
  return cohort.projects.flatMap((p) => p.project.repositories.map((r) => `${r.owner}/${r.name}`));
}

/** Alumni whose mark has passed and who were not checked at it yet, oldest mark first. */
export async function dueChecks(now = new Date()): Promise<{ due: Due[]; skippedOptedOut: number }> {
  const cohorts = (
    await db.cohort.findMany({
      where: { publishedAt: { not: null } },
      select: {
        id: true,
        ...PHASE_COLUMNS,
        projects: {
          select: {
            project: { select: { tracUrl: true, repositories: { select: { owner: true, name: true } } } },
          },
        },
      },
    })
  ).filter((c) => phaseOf(c, now) === "finished");
  if (cohorts.length === 0) return { due: [], skippedOptedOut: 0 };
  const [members, checks, optOuts] = await Promise.all([
    db.cohortMembership.findMany({
      where: { cohortId: { in: cohorts.map((c) => c.id) }, role: "participant", personId: { not: null } },
      select: {
        cohortId: true,
        personId: true,
        person: { select: { login: true, tracAccount: { select: { username: true } } } },
      },
    }),
    db.outcomeCheck.findMany({
      where: { cohortId: { in: cohorts.map((c) => c.id) } },
      select: { cohortId: true, personId: true, mark: true },
    }),
    db.outcomeOptOut.findMany({ select: { personId: true } }),
  ]);
  const done = new Set(checks.map((c) => `${c.cohortId}:${c.personId}:${c.mark}`));
  const opted = new Set(optOuts.map((o) => o.personId));
  const due: Due[] = [];
  let skippedOptedOut = 0;
  for (const cohort of cohorts) {
    const end = cohortEndsAt(cohort);
    const repos = cohortRepos(cohort);
    const tracs = cohort.projects.flatMap((p) => (p.project.tracUrl ? [p.project.tracUrl] : []));
    for (const m of members.filter((x) => x.cohortId === cohort.id)) {
      if (opted.has(m.personId!)) {
        skippedOptedOut++;
        continue;
      }
      for (const mark of MARKS) {
        if (addMonths(end, mark).getTime() > now.getTime()) break;
        if (!done.has(`${cohort.id}:${m.personId}:${mark}`))
          due.push({
            cohortId: cohort.id,
            personId: m.personId!,
            login: m.person!.login,
            mark,
            end,
            repos,
            tracs,
            tracUsername: m.person!.tracAccount?.username ?? null,
          });
      }
    }
  }
  due.sort((a, b) => addMonths(a.end, a.mark).getTime() - addMonths(b.end, b.mark).getTime());
  return { due, skippedOptedOut };
}

export type Activity = {
  kind: string;
  repository: string;
  externalKey: string;
  url: string;
  title: string;
  at: Date;
};

/** What one alumnus did in a window, from three searches (login, repositories and dates in the query). */
export async function activityInWindow(
  github: GitHub,
  login: string,
  repos: string[],
  from: Date,
  to: Date,
): Promise<{ activities: Activity[]; requests: number }> {
  if (repos.length === 0) return { activities: [], requests: 0 };
  const scope = repos.map((r) => `repo:${r}`).join(" ");
  const range = `${isoSecond(from)}..${isoSecond(to)}`;
  const inWindow = (d: Date | null) =>
    d !== null && d.getTime() > from.getTime() && d.getTime() <= to.getTime();
  const clamp = (d: Date) => new Date(Math.min(Math.max(d.getTime(), from.getTime() + 1), to.getTime()));
  const key = (h: SearchHit) => `${h.repository}#${h.number}`;
  const activities: Activity[] = [];
  const pulls = await searchIssues(github, `is:pr author:${login} ${scope} updated:${range}`);
  for (const h of pulls.hits) {
    if (h.authorLogin.toLowerCase() !== login.toLowerCase()) continue;
    if (inWindow(h.createdAt))
      activities.push({
        kind: "pr_opened",
        repository: h.repository,
        externalKey: key(h),
        url: h.url,
        title: h.title,
        at: h.createdAt,
      });
    if (inWindow(h.mergedAt))
      activities.push({
        kind: "pr_merged",
        repository: h.repository,
        externalKey: key(h),
        url: h.url,
        title: h.title,
        at: h.mergedAt!,
      });
  }
  const issues = await searchIssues(github, `is:issue involves:${login} ${scope} updated:${range}`);
  for (const h of issues.hits)
    activities.push({
      kind: "issue",
      repository: h.repository,
      externalKey: key(h),
      url: h.url,
      title: h.title,
      at: clamp(h.updatedAt),
    });
  const reviews = await searchIssues(
    github,
    `is:pr reviewed-by:${login} -author:${login} ${scope} updated:${range}`,
  );
  for (const h of reviews.hits)
    activities.push({
      kind: "review",
      repository: h.repository,
      externalKey: key(h),
      url: h.url,
      title: h.title,
      at: clamp(h.updatedAt),
    });
  return { activities, requests: REQUESTS_PER_CHECK };
}

/** Trac tickets a person reported or owns that changed in the window, as activity. */
export async function tracActivityInWindow(
  trac: Trac,
  tracUrls: string[],
  username: string,
  from: Date,
  to: Date,
): Promise<Activity[]> {
  const activities: Activity[] = [];
  for (const tracUrl of tracUrls) {
    for (const t of await trac.touchedBy(tracUrl, username, from, to)) {
      const at = t.updatedAt ?? to;
      if (at.getTime() <= from.getTime() || at.getTime() > to.getTime()) continue;
      activities.push({
        kind: "trac_ticket",
        repository: tracSource(tracUrl),
        externalKey: `trac:${t.number}`,
        url: t.url,
        title: t.title,
        at,
      });
    }
  }
  return activities;
}

/** One run: as many due checks as the budget allows. Idempotent (unique keys, upserts). */
export async function followAlumni(
  options: { github?: GitHub; trac?: Trac; now?: Date; budget?: number } = {},
): Promise<FollowSummary> {
  const now = options.now ?? new Date();
  const budget = options.budget ?? SEARCH_BUDGET_PER_RUN;
  const github = options.github ?? createGitHub();
  const trac = options.trac ?? createTrac();
  const { due, skippedOptedOut } = await dueChecks(now);
  const summary: FollowSummary = {
    checks: 0,
    requests: 0,
    recorded: 0,
    skippedOptedOut,
    remaining: due.length,
    error: null,
  };
  let tracDown = false;
  for (const d of due) {
    if (summary.requests + REQUESTS_PER_CHECK > budget) break;
    const { from, to } = markWindow(d.end, d.mark);
    const asksTrac = d.tracUsername !== null && d.tracs.length > 0;
    if (asksTrac && tracDown) continue; // asked again next run, with their Trac
    let result: Awaited<ReturnType<typeof activityInWindow>>;
    try {
      // Trac first: when it fails, the mark is asked again next run without spending GitHub's budget.
      const tickets = asksTrac ? await tracActivityInWindow(trac, d.tracs, d.tracUsername!, from, to) : [];
      result = await activityInWindow(github, d.login, d.repos, from, to);
      result.activities.push(...tickets);
    } catch (error) {
      summary.error = error instanceof Error ? error.message : String(error);
      if (error instanceof TracError) {
        tracDown = true;
        continue;
      }
      if (stopsTheSync(error) || (error instanceof GitHubError && error.kind === "unauthorized")) break;
      continue; // a malformed answer for one person does not stop the others; their mark is asked again next run
    }
    summary.requests += result.requests;
    for (const a of result.activities) {
      await db.outcomeActivity.upsert({
        where: {
          cohortId_personId_kind_externalKey: {
            cohortId: d.cohortId,
            personId: d.personId,
            kind: a.kind,
            externalKey: a.externalKey,
          },
        },
        create: { cohortId: d.cohortId, personId: d.personId, ...a },
        update: { title: a.title, url: a.url, repository: a.repository },
      });
    }
    summary.recorded += result.activities.length;
    await db.outcomeCheck.upsert({
      where: { cohortId_personId_mark: { cohortId: d.cohortId, personId: d.personId, mark: d.mark } },
      create: {
        cohortId: d.cohortId,
        personId: d.personId,
        mark: d.mark,
        checkedAt: now,
        requests: result.requests,
        found: result.activities.length,
      },
      update: { checkedAt: now, requests: result.requests, found: result.activities.length },
    });
    summary.checks++;
    summary.remaining--;
  }
  return summary;
}
