// A page view reads its cohort once: the cohort layout's loader and the page's loader
// share the row that authorization read (the access object carries it), and domain
// modules do not read it again. Counted as SQL statements on the Cohort table.
import { beforeAll, describe, expect, it } from "vitest";
import * as layoutRoute from "~/routes/cohorts.$slug";
import * as indexRoute from "~/routes/cohorts.$slug._index";
import * as decisionsRoute from "~/routes/cohorts.$slug.decisions";
import * as issuesRoute from "~/routes/cohorts.$slug.issues";
import * as overviewRoute from "~/routes/cohorts.$slug.progress";
import * as pullsRoute from "~/routes/cohorts.$slug.pulls";
import * as teamRoute from "~/routes/cohorts.$slug.teams.$team_.progress";
import * as weekRoute from "~/routes/cohorts.$slug.week";
import { db } from "~/utils/db.server";
import { withReadScope } from "~/utils/request-scope.server";
import {
  addMember,
  callRoute,
  makeCohort,
  makePerson,
  makeProject,
  makeRequest,
  makeTeam,
  sessionCookieFor,
} from "../setup/factories";
import { countStatements } from "../setup/sql-statements";

const COHORT_READ = /FROM\s+(?:[`"][^`"]+[`"]\.)?[`"]Cohort[`"]/i;

let slug = "";
const cookies: Record<"organizer" | "navigator" | "participant", string> = {
  organizer: "",
  navigator: "",
  participant: "",
};

beforeAll(async () => {
  const project = await makeProject({ slug: "once-project" });
  const cohort = await makeCohort("running", { slug: "once", week: 3, projectIds: [project.id] });
  slug = cohort.slug;
  const team = await makeTeam(cohort.id, { slug: "team-1", projectId: project.id });
  const organizer = await makePerson({ login: "once-org" });
  const navigator = await makePerson({ login: "once-nav" });
  const participant = await makePerson({ login: "once-part" });
  await addMember(cohort.id, organizer.id, "organizer");
  await addMember(cohort.id, navigator.id, "navigator", team.id);
  await addMember(cohort.id, participant.id, "participant", team.id);
  cookies.organizer = await sessionCookieFor(organizer.id);
  cookies.navigator = await sessionCookieFor(navigator.id);
  cookies.participant = await sessionCookieFor(participant.id);
});

/** A write that changes the data revision, as any saved form does. */
const somethingChanges = () =>
  db.project.update({ where: { slug: "once-project" }, data: { name: `Once ${Date.now()}` } });

type Loader = Parameters<typeof callRoute>[0];

const pages: [string, keyof typeof cookies, string, Loader, Record<string, string>][] = [
  ["the cohort page", "participant", "", indexRoute.loader, {}],
  ["the organizer's overview", "organizer", "/progress", overviewRoute.loader, {}],
  ["the decisions page", "organizer", "/decisions", decisionsRoute.loader, {}],
  [
    "the navigator's team dashboard",
    "navigator",
    "/teams/team-1/progress",
    teamRoute.loader,
    { team: "team-1" },
  ],
  ["the participant's week", "participant", "/week", weekRoute.loader, {}],
  ["the starter-issue board", "participant", "/issues", issuesRoute.loader, {}],
  ["the pull requests", "navigator", "/pulls", pullsRoute.loader, {}],
];

describe("a page view reads its cohort once", () => {
  it.each(pages)("%s (as %s)", async (_name, role, path, pageLoader, params) => {
    const view = async () => {
      const url = `/cohorts/${slug}${path}`;
      const [layout, page] = await Promise.all([
        callRoute(layoutRoute.loader, makeRequest(url, { cookie: cookies[role] }), { slug }),
        callRoute(pageLoader, makeRequest(url, { cookie: cookies[role] }), { slug, ...params }),
      ]);
      expect(layout.status).toBe(200);
      expect(page.status).toBe(200);
    };
    await somethingChanges(); // so no earlier view's data is still current (decision 079)
    expect(await countStatements(() => withReadScope(view), COHORT_READ)).toBe(1);
  });

  it("an action reads the cohort afresh, not a row read before its own write", async () => {
    const view = () =>
      callRoute(
        overviewRoute.loader,
        makeRequest(`/cohorts/${slug}/progress`, { cookie: cookies.organizer }),
        {
          slug,
        },
      );
    // Outside a read scope (form posts, jobs, tests) every read goes to the database.
    expect(await countStatements(async () => (await view(), await view()), COHORT_READ)).toBe(2);
    await somethingChanges();
    expect(
      await countStatements(() => withReadScope(async () => (await view(), await view())), COHORT_READ),
    ).toBe(1);
  });
});
