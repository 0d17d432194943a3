// Authorization gaps found from outside: copying a form from someone else's draft,
// a site admin applying to a cohort they decide on, and a person who navigates one
// team while taking part in another.
import { beforeAll, describe, expect, it } from "vitest";
import { db } from "~/utils/db.server";
import { buildWorld, type World } from "../permissions/world";
import {
  addMember,
  callRoute,
  jsonOf,
  makeCohort,
  makePerson,
  makeQuestion,
  makeRequest,
  sessionCookieFor,
} from "../setup/factories";

let world: World;
beforeAll(async () => {
  world = await buildWorld("running");
});

describe("copying a form and rubric", () => {
  it("offers and copies only published cohorts or those the organizer organizes; a foreign draft answers like no cohort", async () => {
    const target = await makeCohort("draft", { slug: "target" });
    await addMember(target.id, world.people.organizer.id, "organizer");
    const published = await makeCohort("finished", { slug: "old-public", name: "Old public" });
    await makeQuestion(published.id, { label: "Why now?" });
    const foreignDraft = await makeCohort("draft", { slug: "secret-draft", name: "Secret draft" });
    await makeQuestion(foreignDraft.id, { label: "Unannounced question" });
    const ownDraft = await makeCohort("draft", { slug: "own-draft", name: "Own draft" });
    await makeQuestion(ownDraft.id, { label: "Own question" });
    await addMember(ownDraft.id, world.people.organizer.id, "organizer");
    const form = await import("~/routes/cohorts.$slug.form");
    const cookie = world.cookies.organizer;
    const page = await jsonOf<{ copySources: { slug: string }[] }>(
      await callRoute(form.loader, makeRequest("/cohorts/target/form", { cookie }), { slug: "target" }),
    );
    expect(page.copySources.map((s) => s.slug).sort()).toEqual(["own-draft", "old-public"].sort());
    const probe = async (source: string) =>
      callRoute(
        form.action,
        makeRequest("/cohorts/target/form", { cookie, form: { intent: "copy", source } }),
        { slug: "target" },
      );
    const foreign = await probe("secret-draft");
    const missing = await probe("no-such-cohort");
    expect(foreign.status).toBe(400);
    expect(await foreign.text()).toBe(await missing.text());
    expect(await db.applicationQuestion.count({ where: { cohortId: target.id } })).toBe(0);
    expect((await probe("own-draft")).status).toBe(302);
    expect((await probe("old-public")).status).toBe(302);
    expect(
      (await db.applicationQuestion.findMany({ where: { cohortId: target.id } })).map((q) => q.label).sort(),
    ).toEqual(["Own question", "Why now?"]);
  });
});

describe("a site admin", () => {
  it("cannot apply to a cohort, since they decide on every cohort's applications", async () => {
    const open = await makeCohort("applications_open", { slug: "open-now" });
    const apply = await import("~/routes/cohorts.$slug.apply");
    const response = await callRoute(
      apply.action,
      makeRequest("/cohorts/open-now/apply", {
        cookie: world.cookies.admin,
        form: { intent: "save", timeZone: "UTC" },
      }),
      { slug: "open-now" },
    );
    expect(response.status).toBe(400);
    expect(JSON.stringify(await response.json())).toContain("cannot apply");
    expect(
      await db.application.count({ where: { cohortId: open.id, personId: world.people.admin.id } }),
    ).toBe(0);
  });
});

describe("navigator of one team, participant of another", () => {
  it("has navigator powers over the team they navigate only", async () => {
    const dual = await makePerson({ login: "dualrole" });
    const teamC = await db.team.create({
      data: { cohortId: world.cohort.id, slug: "team-c", name: "Team C", projectId: world.project.id },
    });
    await addMember(world.cohort.id, dual.id, "navigator", teamC.id);
    await addMember(world.cohort.id, dual.id, "participant", world.teamA.id);
    const cookie = await sessionCookieFor(dual.id);
    // Team A's participant (dual's teammate) has a claim and a linked pull request.
    const issue = await db.starterIssue.create({
      data: {
        projectId: world.project.id,
        source: "trac",
        externalKey: "40001",
        url: "https://code.djangoproject.com/ticket/40001",
        title: "A teammate's ticket",
      },
    });
    const claim = await db.issueClaim.create({
      data: {
        cohortId: world.cohort.id,
        starterIssueId: issue.id,
        personId: world.people.participant.id,
        activeKey: issue.id,
      },
    });
    const pr = await db.pullRequest.create({
      data: {
        owner: "django",
        repo: "django",
        number: 40001,
        url: "https://github.com/django/django/pull/40001",
        title: "Fixed #40001",
        authorLogin: "participant",
        state: "open",
      },
    });
    const link = await db.linkedPullRequest.create({
      data: { cohortId: world.cohort.id, pullRequestId: pr.id, personId: world.people.participant.id },
    });

    const issues = await import("~/routes/cohorts.$slug.issues");
    const release = await callRoute(
      issues.action,
      makeRequest(`/cohorts/${world.cohort.slug}/issues`, {
        cookie,
        form: { intent: "release", claimId: claim.id },
      }),
      { slug: world.cohort.slug },
    );
    expect(release.status).toBe(403);
    expect((await db.issueClaim.findUniqueOrThrow({ where: { id: claim.id } })).releasedAt).toBeNull();

    const pulls = await import("~/routes/cohorts.$slug.pulls");
    const prereview = await callRoute(
      pulls.action,
      makeRequest(`/cohorts/${world.cohort.slug}/pulls`, {
        cookie,
        form: { intent: "prereview", linkId: link.id, comment: "I checked the tests and the docs build." },
      }),
      { slug: world.cohort.slug },
    );
    expect(prereview.status).toBe(403);
    expect(
      (await db.linkedPullRequest.findUniqueOrThrow({ where: { id: link.id } })).preReviewedAt,
    ).toBeNull();

    // Team A's real navigator still can.
    const byNavigator = await callRoute(
      issues.action,
      makeRequest(`/cohorts/${world.cohort.slug}/issues`, {
        cookie: world.cookies.navigator,
        form: { intent: "release", claimId: claim.id },
      }),
      { slug: world.cohort.slug },
    );
    expect(byNavigator.status).toBe(302);
  });
});
