// The comparison group (decision 088): people whose first merged pull request into a
// finished cohort's project repositories came during the cohort, and who were in no
// cohort, followed at the same marks with the same three searches as the alumni.
// Three steps, each resumable, sharing the search budget the alumni leave:
//   1. list the pull requests merged in the window (1 request per 100, at most 5);
//   2. ask once per author whether they had a merged pull request there before (1 request);
//   3. read each first-timer's activity at each passed mark (3 requests, as for alumni).
import { PHASE_COLUMNS, cohortEndsAt, phaseOf } from "~/cohorts/phase";
import {
  GitHubError,
  createGitHub,
  searchIssues,
  stopsTheSync,
  type GitHub,
} from "~/integrations/github.server";
import { db } from "~/utils/db.server";
import { isoSecond } from "~/utils/time";
import { activityInWindow, cohortRepos, REQUESTS_PER_CHECK, SEARCH_BUDGET_PER_RUN } from "./follow.server";
import { addMonths, MARKS, markWindow } from "./retention";

/**
 * GitHub logins (lower case) of everyone who was ever in a cohort, in any role:
 * they are never part of the comparison group, even if they joined after a search.
 */
export async function loginsEverInACohort(): Promise<Set<string>> {
  const people = await db.person.findMany({ where: { memberships: { some: {} } }, select: { login: true } });
  return new Set(people.map((p) => p.login.toLowerCase()));
}

/** Pages of 100 merged pull requests read per cohort window (GitHub search stops at 1,000). */
export const LISTING_PAGES = 5;

export type ComparisonSummary = {
  listed: number;
  firstChecks: number;
  checks: number;
  requests: number;
  error: string | null;
};

const isBot = (login: string) => /\[bot\]$/i.test(login) || login.toLowerCase() === "ghost";

/** One run of the comparison group's work, within `budget` search requests. Idempotent. */
export async function followComparison(
  options: { github?: GitHub; now?: Date; budget?: number } = {},
): Promise<ComparisonSummary> {
  const now = options.now ?? new Date();
  const budget = options.budget ?? SEARCH_BUDGET_PER_RUN;
  const summary: ComparisonSummary = { listed: 0, firstChecks: 0, checks: 0, requests: 0, error: null };
  const left = () => budget - summary.requests;
  const cohorts = (
    await db.cohort.findMany({
      where: { publishedAt: { not: null } },
      select: {
        id: true,
        ...PHASE_COLUMNS,
        comparisonSearch: { select: { cohortId: true } },
        projects: {
          select: { project: { select: { repositories: { select: { owner: true, name: true } } } } },
        },
      },
      orderBy: { startsOn: "asc" },
    })
  )
    .filter((c) => phaseOf(c, now) === "finished")
    .map((c) => ({ ...c, end: cohortEndsAt(c), repos: cohortRepos(c) }))
    .filter((c) => c.repos.length > 0);
  if (cohorts.length === 0 || budget <= 0) return summary;
  const scope = (repos: string[]) => repos.map((r) => `repo:${r}`).join(" ");
  const github = options.github ?? createGitHub();
  const inCohorts = await loginsEverInACohort();
  try {
    // 1. The pull requests merged into the cohort's repositories while it ran.
    for (const c of cohorts.filter((x) => !x.comparisonSearch)) {
      if (left() < LISTING_PAGES) return summary;
      const found = await searchIssues(
        github,
        `is:pr is:merged ${scope(c.repos)} merged:${isoSecond(c.startsOn)}..${isoSecond(c.end)}`,
        LISTING_PAGES,
      );
      const requests = Math.max(1, Math.ceil(found.hits.length / 100));
      summary.requests += requests;
      const earliest = new Map<string, { login: string; at: Date; url: string }>();
      for (const h of found.hits) {
        if (isBot(h.authorLogin) || inCohorts.has(h.authorLogin.toLowerCase())) continue;
        const at = h.mergedAt ?? h.updatedAt;
        const known = earliest.get(h.authorLogin.toLowerCase());
        if (!known || at < known.at)
          earliest.set(h.authorLogin.toLowerCase(), { login: h.authorLogin, at, url: h.url });
      }
      // one transaction: the newcomers and the record that the search ran land together
      await db.$transaction([
        ...[...earliest.values()].map((n) =>
          db.comparisonNewcomer.upsert({
            where: { cohortId_login: { cohortId: c.id, login: n.login } },
            create: { cohortId: c.id, login: n.login, mergedAt: n.at, pullUrl: n.url },
            update: {},
          }),
        ),
        db.comparisonSearch.create({ data: { cohortId: c.id, requests, pulls: found.hits.length } }),
      ]);
      summary.listed += earliest.size;
    }
    // 2. Was it their first merged pull request into these repositories?
    const pending = await db.comparisonNewcomer.findMany({
      where: { cohortId: { in: cohorts.map((c) => c.id) }, firstMerge: null },
      select: { id: true, cohortId: true, login: true },
      orderBy: { mergedAt: "asc" },
    });
    for (const n of pending) {
      if (left() < 1) return summary;
      const c = cohorts.find((x) => x.id === n.cohortId)!;
      const before = await searchIssues(
        github,
        `is:pr is:merged author:${n.login} ${scope(c.repos)} merged:<${isoSecond(c.startsOn)}`,
        1,
      );
      summary.requests += 1;
      await db.comparisonNewcomer.update({ where: { id: n.id }, data: { firstMerge: before.total === 0 } });
      summary.firstChecks++;
    }
    // 3. Their activity at each passed mark, the alumni's way.
    const newcomers = await db.comparisonNewcomer.findMany({
      where: { cohortId: { in: cohorts.map((c) => c.id) }, firstMerge: true },
      select: { id: true, cohortId: true, login: true, checks: { select: { mark: true } } },
    });
    const due = newcomers
      .filter((n) => !inCohorts.has(n.login.toLowerCase()))
      .flatMap((n) => {
        const c = cohorts.find((x) => x.id === n.cohortId)!;
        return MARKS.filter(
          (mark) => addMonths(c.end, mark) <= now && !n.checks.some((k) => k.mark === mark),
        ).map((mark) => ({ n, c, mark }));
      })
      .sort((a, b) => addMonths(a.c.end, a.mark).getTime() - addMonths(b.c.end, b.mark).getTime());
    for (const { n, c, mark } of due) {
      if (left() < REQUESTS_PER_CHECK) return summary;
      const { from, to } = markWindow(c.end, mark);
      const result = await activityInWindow(github, n.login, c.repos, from, to);
      summary.requests += result.requests;
      await db.comparisonCheck.upsert({
        where: { newcomerId_mark: { newcomerId: n.id, mark } },
        create: {
          newcomerId: n.id,
          mark,
          checkedAt: now,
          requests: result.requests,
          found: result.activities.length,
        },
        update: {},
      });
      summary.checks++;
    }
  } catch (error) {
    // Whatever was done is kept; the rest is asked again next run.
    summary.error = error instanceof Error ? error.message : String(error);
    if (!(stopsTheSync(error) || error instanceof GitHubError)) throw error;
  }
  return summary;
}
