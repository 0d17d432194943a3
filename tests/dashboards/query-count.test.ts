// The dashboards, the participant's week, the issue board, the pull requests and the
// review pages run the same number of database queries whatever the cohort's size:
// counted as SQL statements sent to the driver (SQLite or PostgreSQL).
import { beforeAll, describe, expect, it } from "vitest";
import * as csvRoute from "~/routes/cohorts.$slug.applications[.]csv";
import * as decisionsRoute from "~/routes/cohorts.$slug.decisions";
import * as issuesRoute from "~/routes/cohorts.$slug.issues";
import * as overviewRoute from "~/routes/cohorts.$slug.progress";
import * as pullsRoute from "~/routes/cohorts.$slug.pulls";
import * as reviewPageRoute from "~/routes/cohorts.$slug.review.$applicationId";
import * as reviewListRoute from "~/routes/cohorts.$slug.review._index";
import * as teamRoute from "~/routes/cohorts.$slug.teams.$team_.progress";
import * as weekRoute from "~/routes/cohorts.$slug.week";
import { db } from "~/utils/db.server";
import { DAY_MS } from "~/utils/time";
import { buildReviewCohort as buildBenchReviewCohort } from "../bench/review-cohort";
import {
  addMember,
  callRoute,
  makeApplication,
  makeCohort,
  makeCriterion,
  makePerson,
  makeProject,
  makeQuestion,
  makeRequest,
  makeReview,
  makeTeam,
  sessionCookieFor,
} from "../setup/factories";
import {
  makeClaim,
  makeComment,
  makeLinkedPull,
  makeReflection,
  makeStarterIssue,
} from "../reflections/builders";
import { countStatements } from "../setup/sql-statements";

const countQueries = (work: () => Promise<unknown>) => countStatements(work);

type Built = {
  slug: string;
  team: string;
  navigatorCookie: string;
  organizerCookie: string;
  participantCookie: string;
};

async function buildCohort(label: string, teams: number, perTeam: number): Promise<Built> {
  const project = await makeProject({ slug: `p-${label}` });
  const cohort = await makeCohort("running", { slug: `c-${label}`, week: 4, projectIds: [project.id] });
  const organizer = await makePerson({ login: `org-${label}` });
  await addMember(cohort.id, organizer.id, "organizer");
  let navigatorCookie = "";
  let participantCookie = "";
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
      if (t === 0 && i === 0) participantCookie = await sessionCookieFor(p.id);
      const weeks = label === "small" ? [1] : [1, 2, 3];
      for (const week of weeks) {
        const r = await makeReflection(cohort.id, p.id, week, {
          needsHelp: week === 3 && i === 0,
          confidence: 1 + ((i + week) % 5),
        });
        if (label !== "small") await makeComment(r.id, navigator.id);
      }
      if (label !== "small") {
        const issue = await makeStarterIssue(project.id);
        const claim = await makeClaim(cohort.id, p.id, issue.id, new Date(Date.now() - 20 * DAY_MS));
        await makeLinkedPull(cohort.id, p.id, {
          claimId: i % 2 ? claim.id : undefined,
          reviewState: "changes_requested",
          openedAt: new Date(Date.now() - 12 * DAY_MS),
        });
        await makeLinkedPull(cohort.id, p.id, {
          state: "merged",
          mergedAt: new Date(Date.now() - 3 * DAY_MS),
          additions: 800,
        });
      }
    }
  }
  return {
    slug: cohort.slug,
    team: firstTeam,
    navigatorCookie,
    participantCookie,
    organizerCookie: await sessionCookieFor(organizer.id),
  };
}

type BuiltReview = { slug: string; applicationId: string; reviewerCookie: string; organizerCookie: string };

/** A cohort in review: `applications` applicants, each scored by every one of `reviewers` reviewers on 3 criteria. */
async function buildReviewCohort(
  label: string,
  applications: number,
  reviewers: number,
): Promise<BuiltReview> {
  const projects = [
    await makeProject({ slug: `rp-${label}-1` }),
    await makeProject({ slug: `rp-${label}-2` }),
  ];
  const cohort = await makeCohort("review", { slug: `r-${label}`, projectIds: projects.map((p) => p.id) });
  const organizer = await makePerson({ login: `rorg-${label}` });
  await addMember(cohort.id, organizer.id, "organizer");
  const question = await makeQuestion(cohort.id, { type: "long_text", label: "Why?" });
  const criteria = [
    await makeCriterion(cohort.id),
    await makeCriterion(cohort.id),
    await makeCriterion(cohort.id),
  ];
  const people = [];
  for (let r = 0; r < reviewers; r++) {
    const reviewer = await makePerson({ login: `rev-${label}-${r}` });
    await addMember(cohort.id, reviewer.id, "reviewer");
    people.push(reviewer);
  }
  let applicationId = "";
  for (let i = 0; i < applications; i++) {
    const applicant = await makePerson({ login: `app-${label}-${i}` });
    const application = await makeApplication(cohort.id, applicant.id, {
      answers: { [question.id]: "Because I **care**." },
      decision: i % 3 === 0 ? "accepted" : "none",
    });
    await db.projectPreference.create({
      data: { applicationId: application.id, projectId: projects[i % 2].id, rank: 1 },
    });
    await db.availability.create({
      data: { cohortId: cohort.id, personId: applicant.id, slots: "1".repeat(20).padEnd(336, "0") },
    });
    for (const reviewer of people)
      await makeReview(
        application.id,
        reviewer.id,
        Object.fromEntries(criteria.map((c, k) => [c.id, 1 + ((i + k) % 5)])),
        { comment: "Solid." },
      );
    if (i === 0) applicationId = application.id;
  }
  return {
    slug: cohort.slug,
    applicationId,
    reviewerCookie: await sessionCookieFor(people[0].id),
    organizerCookie: await sessionCookieFor(organizer.id),
  };
}

let small: Built;
let large: Built;
let fewApplications: BuiltReview;
let manyApplications: BuiltReview;
beforeAll(async () => {
  small = await buildCohort("small", 1, 2);
  large = await buildCohort("large", 4, 6);
  fewApplications = await buildReviewCohort("few", 2, 1);
  manyApplications = await buildReviewCohort("many", 12, 3);
}, 120_000);

const page =
  (
    route: { loader?: unknown },
    path: (slug: string) => string,
    params: (slug: string) => Record<string, string> = (slug) => ({ slug }),
  ) =>
  <B extends { slug: string }>(cookieOf: (b: B) => string) =>
  (b: B) =>
  () =>
    callRoute(
      route.loader as Parameters<typeof callRoute>[0],
      makeRequest(path(b.slug), { cookie: cookieOf(b) }),
      params(b.slug),
    ).then(async (r) => {
      expect(r.status).toBe(200);
      await r.text();
    });

/** Warms up, then counts the queries of `visit` on a small and a larger cohort. */
async function compare<B>(visit: (b: B) => () => Promise<void>, few: B, many: B) {
  await visit(few)(); // first-use work is not the page's
  const fewQueries = await countQueries(visit(few));
  const manyQueries = await countQueries(visit(many));
  expect(fewQueries).toBeGreaterThan(2); // the counter does see the queries
  return { few: fewQueries, many: manyQueries };
}

const teamPage = (b: Built) => () =>
  callRoute(
    teamRoute.loader,
    makeRequest(`/cohorts/${b.slug}/teams/${b.team}/progress`, { cookie: b.navigatorCookie }),
    { slug: b.slug, team: b.team },
  ).then((r) => {
    expect(r.status).toBe(200);
  });
const overviewPage = (b: Built) => () =>
  callRoute(overviewRoute.loader, makeRequest(`/cohorts/${b.slug}/progress`, { cookie: b.organizerCookie }), {
    slug: b.slug,
  }).then((r) => {
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

  it("the participant's week page runs as many queries with 2 PRs and 3 reflections as with none and 1", async () => {
    const visit = page(weekRoute, (slug) => `/cohorts/${slug}/week`)<Built>((b) => b.participantCookie);
    const { few, many } = await compare(visit, small, large);
    expect(many).toBe(few);
  });

  it("the starter-issue board runs as many queries for 24 claimed issues as for none", async () => {
    const visit = page(issuesRoute, (slug) => `/cohorts/${slug}/issues`)<Built>((b) => b.organizerCookie);
    const { few, many } = await compare(visit, small, large);
    expect(many).toBe(few);
  });

  it("the pull request list runs as many queries for 48 linked PRs as for none", async () => {
    const visit = page(pullsRoute, (slug) => `/cohorts/${slug}/pulls`)<Built>((b) => b.organizerCookie);
    const { few, many } = await compare(visit, small, large);
    expect(many).toBe(few);
  });
});

describe("queries per review page", () => {
  it("the review list runs as many queries for 12 applications with 3 reviewers each as for 2 with 1", async () => {
    const visit = page(
      reviewListRoute,
      (slug) => `/cohorts/${slug}/review`,
    )<BuiltReview>((b) => b.reviewerCookie);
    const { few, many } = await compare(visit, fewApplications, manyApplications);
    expect(many).toBe(few);
  });

  it("one application's review page runs as many queries with 3 reviews as with 1", async () => {
    const visit = (b: BuiltReview) =>
      page(
        reviewPageRoute,
        (slug) => `/cohorts/${slug}/review/${b.applicationId}`,
        (slug) => ({ slug, applicationId: b.applicationId }),
      )<BuiltReview>((x) => x.reviewerCookie)(b);
    const { few, many } = await compare(visit, fewApplications, manyApplications);
    expect(many).toBe(few);
  });

  it("the decisions page runs as many queries for 12 applications as for 2", async () => {
    const visit = page(
      decisionsRoute,
      (slug) => `/cohorts/${slug}/decisions`,
    )<BuiltReview>((b) => b.organizerCookie);
    const { few, many } = await compare(visit, fewApplications, manyApplications);
    expect(many).toBe(few);
  });

  it("the CSV export runs as many queries for 12 applications as for 2", async () => {
    const visit = page(
      csvRoute,
      (slug) => `/cohorts/${slug}/applications.csv`,
    )<BuiltReview>((b) => b.organizerCookie);
    const { few, many } = await compare(visit, fewApplications, manyApplications);
    expect(many).toBe(few);
  });

  it("the CSV export runs as many queries for 1,200 applications as for 2 (past the database's limit on bound values)", async () => {
    // Prisma splits a nested load's `IN (…ids…)` into chunks of about 1,000 values: that
    // is where the export's query count used to grow with the cohort.
    const big = await buildBenchReviewCohort(db, "csv-big", 1_200);
    const bigCohort = { slug: big.slug, organizerCookie: big.organizerCookie };
    const visit = page(
      csvRoute,
      (slug) => `/cohorts/${slug}/applications.csv`,
    )<{ slug: string; organizerCookie: string }>((b) => b.organizerCookie);
    const { few, many } = await compare(visit, fewApplications, bigCohort);
    expect(many).toBe(few);
    const response = await callRoute(
      csvRoute.loader as Parameters<typeof callRoute>[0],
      makeRequest(`/cohorts/${big.slug}/applications.csv`, { cookie: big.organizerCookie }),
      { slug: big.slug },
    );
    // every submitted and withdrawn application, one line each after the header
    expect((await response.text()).trim().split("\r\n")).toHaveLength(1 + 1_200);
  }, 120_000);
});
