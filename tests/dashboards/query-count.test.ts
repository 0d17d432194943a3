// The dashboards run the same number of database queries whatever the cohort's
// size: counted as SQL statements sent to the driver (SQLite or PostgreSQL).
import Database from "better-sqlite3";
import pg from "pg";
import { beforeAll, describe, expect, it } from "vitest";
import * as overviewRoute from "~/routes/cohorts.$slug.progress";
import * as teamRoute from "~/routes/cohorts.$slug.teams.$team_.progress";
import { DAY_MS } from "~/utils/time";
import { addMember, callRoute, makeCohort, makePerson, makeProject, makeRequest, makeTeam, sessionCookieFor } from "../setup/factories";
import { makeClaim, makeComment, makeLinkedPull, makeReflection, makeStarterIssue } from "../reflections/builders";

const TRANSACTION = /^\s*(BEGIN|COMMIT|ROLLBACK|SAVEPOINT|RELEASE)/i;

async function countQueries(work: () => Promise<unknown>): Promise<number> {
  let count = 0;
  const prepare = Database.prototype.prepare;
  const query = pg.Client.prototype.query;
  Database.prototype.prepare = function (this: Database.Database, sql: string) {
    if (!TRANSACTION.test(sql)) count++;
    return prepare.call(this, sql);
  } as typeof prepare;
  pg.Client.prototype.query = function (this: pg.Client, ...args: unknown[]) {
    const text = typeof args[0] === "string" ? args[0] : (args[0] as { text?: string })?.text ?? "";
    if (!TRANSACTION.test(text)) count++;
    return (query as (...a: unknown[]) => unknown).apply(this, args);
  } as typeof query;
  try {
    await work();
  } finally {
    Database.prototype.prepare = prepare;
    pg.Client.prototype.query = query;
  }
  return count;
}

type Built = { slug: string; team: string; navigatorCookie: string; organizerCookie: string };

async function buildCohort(label: string, teams: number, perTeam: number): Promise<Built> {
  const project = await makeProject({ slug: `p-${label}` });
  const cohort = await makeCohort("running", { slug: `c-${label}`, week: 4, projectIds: [project.id] });
  const organizer = await makePerson({ login: `org-${label}` });
  await addMember(cohort.id, organizer.id, "organizer");
  let navigatorCookie = "";
  let firstTeam = "";
  for (let t = 0; t < teams; t++) {
    const team = await makeTeam(cohort.id, { slug: `team-${t}`, projectId: project.id });
    const navigator = await makePerson({ login: `nav-${label}-${t}` });
    await addMember(cohort.id, navigator.id, "navigator", team.id);
    if (t === 0) {
      navigatorCookie = await sessionCookieFor(navigator.id);
      firstTeam = team.slug;
    }
    for (let i = 0; i < perTeam; i++) {
      const p = await makePerson({ login: `p-${label}-${t}-${i}` });
      await addMember(cohort.id, p.id, "participant", team.id);
      const weeks = label === "small" ? [1] : [1, 2, 3];
      for (const week of weeks) {
        const r = await makeReflection(cohort.id, p.id, week, { needsHelp: week === 3 && i === 0, confidence: 1 + ((i + week) % 5) });
        if (label !== "small") await makeComment(r.id, navigator.id);
      }
      if (label !== "small") {
        const issue = await makeStarterIssue(project.id);
        const claim = await makeClaim(cohort.id, p.id, issue.id, new Date(Date.now() - 20 * DAY_MS));
        await makeLinkedPull(cohort.id, p.id, { claimId: i % 2 ? claim.id : undefined, reviewState: "changes_requested", openedAt: new Date(Date.now() - 12 * DAY_MS) });
        await makeLinkedPull(cohort.id, p.id, { state: "merged", mergedAt: new Date(Date.now() - 3 * DAY_MS), additions: 800 });
      }
    }
  }
  return { slug: cohort.slug, team: firstTeam, navigatorCookie, organizerCookie: await sessionCookieFor(organizer.id) };
}

let small: Built;
let large: Built;
beforeAll(async () => {
  small = await buildCohort("small", 1, 2);
  large = await buildCohort("large", 4, 6);
});

const teamPage = (b: Built) => () =>
  callRoute(teamRoute.loader, makeRequest(`/cohorts/${b.slug}/teams/${b.team}/progress`, { cookie: b.navigatorCookie }), { slug: b.slug, team: b.team }).then((r) => {
    expect(r.status).toBe(200);
  });
const overviewPage = (b: Built) => () =>
  callRoute(overviewRoute.loader, makeRequest(`/cohorts/${b.slug}/progress`, { cookie: b.organizerCookie }), { slug: b.slug }).then((r) => {
    expect(r.status).toBe(200);
  });

describe("queries per dashboard page", () => {
  it("the navigator's dashboard runs as many queries for 6 participants with PRs as for 2 without", async () => {
    await teamPage(small)(); // warm up: first-use work is not the page's
    await teamPage(large)(); // (nor creating a cohort's default evaluation rounds)
    const few = await countQueries(teamPage(small));
    const many = await countQueries(teamPage(large));
    expect(few).toBeGreaterThan(3); // the counter does see the queries
    expect(many).toBe(few);
    // 16 for progress and needs attention, 6 more for evaluation completion
    expect(many).toBeLessThanOrEqual(22);
  });

  it("the organizer's overview runs as many queries for 24 participants in 4 teams as for 2 in 1", async () => {
    await overviewPage(small)();
    await overviewPage(large)();
    const few = await countQueries(overviewPage(small));
    const many = await countQueries(overviewPage(large));
    expect(few).toBeGreaterThan(3);
    expect(many).toBe(few);
    // 16 for progress and needs attention, 8 more for evaluation completion and flags
    expect(many).toBeLessThanOrEqual(24);
  });
});
