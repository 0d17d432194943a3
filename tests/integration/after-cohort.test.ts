// After the cohort: completion rules and exceptions, certificates, testimonials,
// the cap on open pull requests, spam/invalid flags, and alumni followed on GitHub
// (search answers built from GitHub's published example, tests/mocks/github.ts) into outcome figures.
import { http, HttpResponse } from "msw";
import { beforeAll, describe, expect, it } from "vitest";
import { cohortEndsAt } from "../../app/cohorts/phase";
import { createGitHub } from "../../app/integrations/github.server";
import { outcomeFigures, optOutOfOutcomes } from "../../app/outcomes/figures.server";
import { acceptance } from "../../app/outcomes/impact.server";
import { flagExcludedPulls, openPullCapProblem } from "../../app/outcomes/maintainers.server";
import { followAlumni } from "../../app/outcomes/follow.server";
import { applyCompletionRules, markCompletionException } from "../../app/outcomes/recognition.server";
import { addMonths } from "../../app/outcomes/retention";
import * as after from "../../app/routes/cohorts.$slug.after";
import * as certificate from "../../app/routes/certificates.$token";
import * as cohortPage from "../../app/routes/cohorts.$slug._index";
import * as completion from "../../app/routes/cohorts.$slug.completion";
import { db } from "../../app/utils/db.server";
import { GITHUB_API, searchAnswer, searchItem } from "../mocks/github";
import { mockServer } from "../mocks/server";
import { buildWorld, type World } from "../permissions/world";
import { callRoute, jsonOf, makeRequest } from "../setup/factories";

let world: World;
let owner: string;
let repo: string;

async function linkedPull(
  personId: string,
  number: number,
  state: "open" | "merged" | "closed",
  labels: string[] = [],
) {
  const pr = await db.pullRequest.create({
    data: {
      owner,
      repo,
      number,
      url: `https://github.com/${owner}/${repo}/pull/${number}`,
      title: `Change ${number}`,
      authorLogin: "x",
      state,
      openedAt: new Date(),
    },
  });
  await db.pullRequestUpstream.create({ data: { pullRequestId: pr.id, labels: JSON.stringify(labels) } });
  await db.linkedPullRequest.create({
    data: {
      cohortId: world.cohort.id,
      pullRequestId: pr.id,
      personId,
      explanation: "My own words about it.",
    },
  });
  return pr;
}

beforeAll(async () => {
  world = await buildWorld("finished");
  // The figures below count the world's two participants; the permissions tables' `dual` person is not one of them here.
  await db.cohortMembership.deleteMany({ where: { personId: world.people.dual.id } });
  [owner, repo] = [world.project.repositories[0].owner, world.project.repositories[0].name];
  // participant: reflections in 4 weeks and a merged PR; otherParticipant: one reflection, no PR.
  for (let week = 1; week <= 4; week++)
    await db.reflection.create({
      data: {
        cohortId: world.cohort.id,
        personId: world.people.participant.id,
        week,
        status: "submitted",
        submittedAt: new Date(),
      },
    });
  await db.reflection.create({
    data: {
      cohortId: world.cohort.id,
      personId: world.people.otherParticipant.id,
      week: 1,
      status: "submitted",
      submittedAt: new Date(),
    },
  });
  await linkedPull(world.people.participant.id, 501, "merged");
});

describe("completion and certificates", () => {
  it("applies the rules at the end, keeps an organizer's exception, and audits it with the reason", async () => {
    await markCompletionException(world.cohort.id, world.people.organizer.id, {
      personId: world.people.otherParticipant.id,
      completed: "yes",
      reason: "Was ill for three weeks; the navigator confirms the work.",
    });
    const result = await applyCompletionRules(world.cohort.id, world.people.organizer.id);
    expect(result).toEqual({ completed: 2, notCompleted: 0 });
    const audit = await db.auditEntry.findFirst({
      where: { action: "completion.exception", subjectId: world.people.otherParticipant.id },
    });
    expect(audit?.detail).toMatch(/ill for three weeks/);
    const response = await callRoute(
      completion.loader,
      makeRequest(`/cohorts/${world.cohort.slug}/completion`, { cookie: world.cookies.organizer }),
      { slug: world.cohort.slug },
    );
    const page = await jsonOf<{
      overview: {
        rows: {
          login: string;
          meetsRules: boolean;
          completion: { completed: boolean; exceptionReason: string | null };
        }[];
      };
    }>(response);
    const other = page.overview.rows.find((r) => r.login === "otherparticipant")!;
    expect(other.meetsRules).toBe(false);
    expect(other.completion).toMatchObject({
      completed: true,
      exceptionReason: expect.stringMatching(/ill/),
    });
  });

  it("refuses an exception without a reason, on the page", async () => {
    const response = await callRoute(
      completion.action,
      makeRequest(`/cohorts/${world.cohort.slug}/completion`, {
        cookie: world.cookies.organizer,
        form: { intent: "exception", personId: world.people.participant.id, completed: "no", reason: "" },
      }),
      { slug: world.cohort.slug },
    );
    expect(response.status).toBe(400);
    expect((await jsonOf<{ errors: Record<string, string> }>(response)).errors.reason).toMatch(/reason/);
  });

  it("shows a verifiable certificate anyone can open, which the participant can withdraw and share again at a new address", async () => {
    const c = await db.completion.findUniqueOrThrow({
      where: { cohortId_personId: { cohortId: world.cohort.id, personId: world.people.participant.id } },
    });
    const open = (token: string) =>
      callRoute(certificate.loader, makeRequest(`/certificates/${token}`), { token });
    const shown = await open(c.certificateToken);
    expect(shown.status).toBe(200);
    const body = await jsonOf<{
      certificate: {
        name: string;
        cohortName: string;
        projects: string[];
        navigators: string[];
        mergedPulls: { repository: string }[];
      };
    }>(shown);
    expect(body.certificate).toMatchObject({
      name: world.people.participant.name,
      cohortName: world.cohort.name,
      projects: ["Django"],
    });
    expect(body.certificate.navigators).toContain(world.people.navigator.name);
    expect(body.certificate.mergedPulls.map((p) => p.repository)).toEqual([`${owner}/${repo}#501`]);
    expect(c.certificateToken.length).toBeGreaterThanOrEqual(24);

    const post = (intent: string) =>
      callRoute(
        after.action,
        makeRequest(`/cohorts/${world.cohort.slug}/after`, {
          cookie: world.cookies.participant,
          form: { intent },
        }),
        { slug: world.cohort.slug },
      );
    expect((await post("withdraw")).status).toBe(302);
    const withdrawn = await open(c.certificateToken);
    expect(withdrawn.status).toBe(410);
    expect(JSON.stringify(await jsonOf(withdrawn))).not.toContain(world.people.participant.name);
    await post("share");
    const again = await db.completion.findUniqueOrThrow({ where: { id: c.id } });
    expect(again.certificateToken).not.toBe(c.certificateToken);
    expect((await open(again.certificateToken)).status).toBe(200);
    expect((await open(c.certificateToken)).status).toBe(404); // the old address never shows it again
    expect((await open("not-a-real-token")).status).toBe(404);
  });

  it("shows a testimonial on the public cohort page only once an organizer approved it", async () => {
    const write = await callRoute(
      after.action,
      makeRequest(`/cohorts/${world.cohort.slug}/after`, {
        cookie: world.cookies.participant,
        form: { intent: "testimonial", body: "Six weeks that changed how I see open source." },
      }),
      { slug: world.cohort.slug },
    );
    expect(write.status).toBe(302);
    const publicPage = async () =>
      JSON.stringify(
        await jsonOf(
          await callRoute(cohortPage.loader, makeRequest(`/cohorts/${world.cohort.slug}`), {
            slug: world.cohort.slug,
          }),
        ),
      );
    expect(await publicPage()).not.toContain("changed how I see open source");
    const t = await db.testimonial.findFirstOrThrow({ where: { cohortId: world.cohort.id } });
    await callRoute(
      completion.action,
      makeRequest(`/cohorts/${world.cohort.slug}/completion`, {
        cookie: world.cookies.organizer,
        form: { intent: "testimonial", id: t.id, decision: "approved" },
      }),
      { slug: world.cohort.slug },
    );
    expect(await publicPage()).toContain("changed how I see open source");
  });
});

describe("the maintainers' side", () => {
  it("caps open linked pull requests per participant and project, with a sentence saying why", async () => {
    const person = world.people.otherParticipant.id;
    for (const n of [601, 602]) await linkedPull(person, n, "open");
    expect(await openPullCapProblem(world.cohort.id, person, owner, repo, 603)).toBeNull();
    await linkedPull(person, 603, "open");
    expect(await openPullCapProblem(world.cohort.id, person, owner, repo, 604)).toMatch(
      /already have 3 open pull requests linked in Django, the most this cohort allows \(3\)/,
    );
    await db.cohortAfterSettings.update({
      where: { cohortId: world.cohort.id },
      data: { maxOpenPullsPerProject: 4 },
    });
    expect(await openPullCapProblem(world.cohort.id, person, owner, repo, 604)).toBeNull();
  });

  it("counts merged, approved or labelled PRs as accepted, excludes spam and invalid, and tells the navigator once", async () => {
    expect(
      acceptance(
        { state: "open", reviewState: "approved", upstream: { labels: "[]" } },
        "hacktoberfest-accepted",
      ),
    ).toBe("accepted");
    expect(
      acceptance(
        { state: "open", reviewState: "none", upstream: { labels: '["hacktoberfest-accepted"]' } },
        "hacktoberfest-accepted",
      ),
    ).toBe("accepted");
    expect(
      acceptance(
        { state: "merged", reviewState: "approved", upstream: { labels: '["spam"]' } },
        "hacktoberfest-accepted",
      ),
    ).toBe("excluded");
    expect(
      acceptance(
        { state: "open", reviewState: "commented", upstream: { labels: "[]" } },
        "hacktoberfest-accepted",
      ),
    ).toBe("not_yet");
    await linkedPull(world.people.participant.id, 777, "closed", ["invalid"]);
    expect(await flagExcludedPulls()).toBe(1);
    expect(await flagExcludedPulls()).toBe(0);
    const notices = await db.notice.findMany({ where: { kind: "pull_excluded" } });
    expect(notices.map((n) => n.personId)).toEqual([world.people.navigator.id]);
    expect(notices[0].subject).toMatch(/#777 was labelled invalid/);
  });
});

describe("alumni followed on GitHub", () => {
  it("reads each passed mark once with three searches, records activity, and figures count only people past each mark", async () => {
    const end = cohortEndsAt(world.cohort);
    const inMonth1 = new Date(end.getTime() + 10 * 86_400_000).toISOString();
    const queries: string[] = [];
    mockServer.use(
      http.get(`${GITHUB_API}/search/issues`, ({ request }) => {
        const q = new URL(request.url).searchParams.get("q") ?? "";
        queries.push(q);
        const items = q.includes("is:pr author:participant")
          ? [searchItem(`${owner}/${repo}`, 900, { created: inMonth1, merged: inMonth1 })]
          : [];
        return HttpResponse.json(searchAnswer(items));
      }),
    );
    // One month and a day after the end: only the first mark has passed.
    const now = new Date(addMonths(end, 1).getTime() + 86_400_000);
    const github = createGitHub({ baseUrl: GITHUB_API, token: "t", timeScale: 1 });
    const summary = await followAlumni({ github, now });
    expect(summary).toMatchObject({ checks: 2, requests: 6, recorded: 2, error: null });
    expect(queries.filter((q) => q.includes("participant")).length).toBe(6);
    expect(queries[0]).toContain(`repo:${owner}/${repo}`);
    const again = await followAlumni({ github, now });
    expect(again.checks).toBe(0); // each mark is read once
    const figures = await outcomeFigures([world.cohort.id], now);
    const cohortRow = figures.rows.find((r) => r.projectSlug === null)!;
    expect(cohortRow.marks.map((m) => [m.mark, m.eligible, m.active])).toEqual([
      [1, 2, 1],
      [3, 0, 0],
      [6, 0, 0],
      [12, 0, 0],
    ]);
  });

  it("still counts activity recorded under a repository's former name, and leaves opted-out people out", async () => {
    const end = cohortEndsAt(world.cohort);
    const repoRow = world.project.repositories[0];
    await db.repositoryFormerName.create({
      data: { repositoryId: repoRow.id, owner: "old-org", name: "old-name" },
    });
    await db.outcomeActivity.create({
      data: {
        cohortId: world.cohort.id,
        personId: world.people.otherParticipant.id,
        kind: "issue",
        repository: "Old-Org/old-name",
        externalKey: "old-org/old-name#3",
        url: "https://github.com/old-org/old-name/issues/3",
        at: new Date(end.getTime() + 5 * 86_400_000),
      },
    });
    const now = new Date(addMonths(end, 1).getTime() + 86_400_000);
    let row = (await outcomeFigures([world.cohort.id], now)).rows.find((r) => r.projectSlug === null)!;
    expect([row.marks[0].eligible, row.marks[0].active]).toEqual([2, 2]);
    await optOutOfOutcomes(world.people.otherParticipant.id);
    const figures = await outcomeFigures([world.cohort.id], now);
    row = figures.rows.find((r) => r.projectSlug === null)!;
    expect([row.marks[0].eligible, row.marks[0].active, row.optedOut]).toEqual([1, 1, 1]);
    expect(figures.optedOut).toBe(1);
    expect(await db.outcomeActivity.count({ where: { personId: world.people.otherParticipant.id } })).toBe(0);
  });
});
