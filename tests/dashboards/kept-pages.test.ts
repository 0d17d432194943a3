// The heavy pages keep their data in memory while nothing changed (decision 079). A
// page seen again is answered from it (a handful of statements, not the page's twenty),
// and the writes that change what it shows (a reflection submitted, a pull request
// merged by the sync, a review scored, a decision made) show on the very next view.
import { beforeAll, describe, expect, it } from "vitest";
import { requireCohortRole } from "~/auth/permissions.server";
import { saveReflection } from "~/reflections/reflections.server";
import * as decisionsRoute from "~/routes/cohorts.$slug.decisions";
import * as overviewRoute from "~/routes/cohorts.$slug.progress";
import * as pullsRoute from "~/routes/cohorts.$slug.pulls";
import * as reviewRoute from "~/routes/cohorts.$slug.review._index";
import * as teamRoute from "~/routes/cohorts.$slug.teams.$team_.progress";
import * as weekRoute from "~/routes/cohorts.$slug.week";
import { db } from "~/utils/db.server";
import { withReadScope } from "~/utils/request-scope.server";
import {
  addMember,
  callRoute,
  makeApplication,
  makeCohort,
  makeCriterion,
  makePerson,
  makeProject,
  makeRequest,
  makeReview,
  makeTeam,
  makeTrackedPull,
  sessionCookieFor,
} from "../setup/factories";
import { countStatements } from "../setup/sql-statements";

/** A write that changes the data revision, as any saved form does. */
const somethingChanges = () =>
  db.project.update({ where: { slug: "kept-project" }, data: { description: `changed ${Date.now()}` } });

type Loader = Parameters<typeof callRoute>[0];

let running = { slug: "", id: "" };
const people = {
  organizer: "",
  navigator: "",
  participant: "",
  participantId: "",
  applicant: "",
  criterion: "",
};
let pullId = "";
let applicationId = "";

/** One page view (in its own read-only scope, as the server runs a GET): the loader's JSON text and statements run. */
async function view(loader: Loader, path: string, cookie: string, params: Record<string, string>) {
  let text = "";
  const statements = await countStatements(() =>
    withReadScope(async () => {
      const response = await callRoute(loader, makeRequest(path, { cookie }), params);
      expect(response.status).toBe(200);
      text = await response.text();
    }),
  );
  return { text, statements };
}

beforeAll(async () => {
  const project = await makeProject({ slug: "kept-project" });
  const cohort = await makeCohort("running", { slug: "kept", week: 3, projectIds: [project.id] });
  running = { slug: cohort.slug, id: cohort.id };
  const team = await makeTeam(cohort.id, { slug: "team-1", projectId: project.id });
  const organizer = await makePerson({ login: "kept-org" });
  const navigator = await makePerson({ login: "kept-nav" });
  const participant = await makePerson({ login: "kept-part", name: "Kept Participant" });
  await addMember(cohort.id, organizer.id, "organizer");
  await addMember(cohort.id, navigator.id, "navigator", team.id);
  await addMember(cohort.id, participant.id, "participant", team.id);
  const pull = await makeTrackedPull(
    { cohortId: cohort.id, personId: participant.id },
    "django",
    "django",
    4242,
    {
      title: "Fix the admin's date filter",
    },
  );
  pullId = pull.id;

  const review = await makeCohort("review", { slug: "kept-review", projectIds: [project.id] });
  await addMember(review.id, organizer.id, "organizer");
  await addMember(review.id, navigator.id, "reviewer");
  const applicant = await makePerson({ login: "kept-applicant", name: "Kept Applicant" });
  applicationId = (await makeApplication(review.id, applicant.id)).id;
  people.criterion = (await makeCriterion(review.id)).id;

  people.organizer = await sessionCookieFor(organizer.id);
  people.navigator = await sessionCookieFor(navigator.id);
  people.participant = await sessionCookieFor(participant.id);
  people.participantId = participant.id;
});

describe("pages kept while nothing changed", () => {
  it("a reflection submitted shows at once on the overview, the team's dashboard and the participant's week", async () => {
    const pages: [Loader, string, string, Record<string, string>][] = [
      [overviewRoute.loader, `/cohorts/kept/progress`, people.organizer, { slug: "kept" }],
      [
        teamRoute.loader,
        `/cohorts/kept/teams/team-1/progress`,
        people.navigator,
        { slug: "kept", team: "team-1" },
      ],
      [weekRoute.loader, `/cohorts/kept/week`, people.participant, { slug: "kept" }],
    ];
    // the overview counts week 3's reflections per team, the team's grid shows its
    // confidence, the week page its state
    const submittedIn = (text: string) =>
      /"week":3,"state":"submitted"|"week":3,"submitted":1|"confidence":4/.test(text);
    for (const [loader, path, cookie, params] of pages) {
      await view(loader, path, cookie, params); // a cohort's first view may write its defaults (evaluation rounds)
      await somethingChanges(); // so this view finds nothing kept
      const first = await view(loader, path, cookie, params);
      const again = await view(loader, path, cookie, params);
      expect(submittedIn(first.text), path).toBe(false);
      expect(again.text).toBe(first.text);
      // seen again: only the session is read (the rest is kept), not the page's queries
      expect(again.statements, path).toBeLessThan(first.statements);
      expect(again.statements, path).toBeLessThanOrEqual(3);
    }

    const access = await requireCohortRole(
      makeRequest("/cohorts/kept/reflections/3", { cookie: people.participant }),
      "kept",
      ["participant"],
    );
    const saved = await saveReflection(access, 3, {
      intent: "submit",
      "answer-0": "I learned how the ORM compiles lookups.",
      confidence: 4,
      needsHelp: false,
      sharedWithTeam: false,
    } as never);
    expect(saved.ok).toBe(true);

    for (const [loader, path, cookie, params] of pages) {
      const after = await view(loader, path, cookie, params);
      expect(submittedIn(after.text), path).toBe(true);
    }
  });

  it("a pull request the sync finds merged shows as merged on the pull-request list", async () => {
    const path = `/cohorts/kept/pulls`;
    const before = await view(pullsRoute.loader, path, people.navigator, { slug: "kept" });
    expect(before.text).toContain("Fix the admin's date filter");
    expect(before.text).toContain('"status":"open"');
    await view(pullsRoute.loader, path, people.navigator, { slug: "kept" });
    await db.pullRequest.update({ where: { id: pullId }, data: { state: "merged", mergedAt: new Date() } });
    const after = await view(pullsRoute.loader, path, people.navigator, { slug: "kept" });
    expect(after.text).toContain('"status":"merged"');
  });

  it("a review scored and a decision made show on the review list and the decisions page", async () => {
    const reviewer = await db.person.findUniqueOrThrow({ where: { login: "kept-nav" } });
    const list = () =>
      view(reviewRoute.loader, `/cohorts/kept-review/review`, people.navigator, { slug: "kept-review" });
    const decisions = () =>
      view(decisionsRoute.loader, `/cohorts/kept-review/decisions`, people.organizer, {
        slug: "kept-review",
      });
    const listBefore = await list();
    const decisionsBefore = await decisions();
    expect((await list()).text).toBe(listBefore.text);
    expect((await decisions()).text).toBe(decisionsBefore.text);

    await makeReview(applicationId, reviewer.id, { [people.criterion]: 4 });
    const listAfter = await list();
    expect(listAfter.text).not.toBe(listBefore.text);
    expect(listAfter.text).toContain('"myScore":4');

    await db.application.update({ where: { id: applicationId }, data: { decision: "accept" } });
    const decisionsAfter = await decisions();
    expect(decisionsBefore.text).not.toContain('"decision":"accept"');
    expect(decisionsAfter.text).toContain('"decision":"accept"');
  });

  it("another person's view is never answered with someone else's page", async () => {
    const other = await makePerson({ login: "kept-other-org" });
    await addMember(running.id, other.id, "organizer");
    const otherCookie = await sessionCookieFor(other.id);
    const mine = await view(weekRoute.loader, `/cohorts/kept/week`, people.participant, { slug: "kept" });
    const again = await view(weekRoute.loader, `/cohorts/kept/week`, people.participant, { slug: "kept" });
    expect(again.text).toBe(mine.text);
    // the organizer is not a participant: the week page stays closed to them, kept or not
    const response = await withReadScope(() =>
      callRoute(weekRoute.loader, makeRequest(`/cohorts/kept/week`, { cookie: otherCookie }), {
        slug: "kept",
      }),
    );
    expect(response.status).toBe(403);
  });
});
