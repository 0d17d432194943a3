// The maintainers' view after a sync: labels, the first maintainer response, the
// first maintainer review and review rounds come from what GitHub sends (its
// published examples for pulls.get, pulls.listReviews and issues.listComments),
// and a pull request that did not change costs nothing more to keep them.
import { beforeAll, describe, expect, it } from "vitest";
import { createGitHub } from "../../app/integrations/github.server";
import { createTrac } from "../../app/integrations/trac.server";
import { runSync } from "../../app/issues/sync.server";
import { maintainerView } from "../../app/outcomes/maintainers.server";
import { db } from "../../app/utils/db.server";
import { makeCohort, makePerson, makeProject, makeTrackedPull } from "../setup/factories";
import { pullHandler, type CommentSpec, type PullOverrides, type ReviewSpec } from "../mocks/github";
import { mockServer } from "../mocks/server";

const github = () => createGitHub({ timeScale: 1, timeoutMs: 2_000 });
const sync = (client = github()) =>
  runSync({ trigger: "cli", github: client, trac: createTrac({ timeScale: 1 }), concurrency: 2 });

let cohort: { id: string; slug: string };
let personId: string;
const commentCalls: string[] = [];

// A: a passer-by and the author (an organization member herself) comment first; a
// maintainer answers 12 hours after opening, requests changes the next day, then approves.
const A: { overrides: PullOverrides; reviews: ReviewSpec[]; comments: CommentSpec[] } = {
  overrides: { login: "chloemartin", created_at: "2026-11-02T09:00:00Z", labels: ["bug"] },
  reviews: [
    ["kmensah", "CHANGES_REQUESTED", { association: "COLLABORATOR", at: "2026-11-03T10:00:00Z" }],
    ["kmensah", "APPROVED", { association: "COLLABORATOR", at: "2026-11-04T10:00:00Z" }],
  ],
  comments: [
    ["chloemartin", "MEMBER", "2026-11-02T09:30:00Z"],
    ["passerby", "NONE", "2026-11-02T11:00:00Z"],
    ["kmensah", "MEMBER", "2026-11-02T21:00:00Z"],
  ],
};

function handlers(titleOfA = "Fix the image chooser") {
  return [
    ...pullHandler(
      "wagtail",
      "wagtail",
      12001,
      { ...A.overrides, title: titleOfA },
      { reviews: A.reviews, comments: A.comments, commentCalls },
    ),
    // B: no comments (GitHub counts 0, so none are asked); a maintainer's review after 6 hours;
    // labelled as accepted by the project.
    ...pullHandler(
      "wagtail",
      "wagtail",
      12002,
      {
        login: "chloemartin",
        created_at: "2026-11-02T09:00:00Z",
        labels: ["hacktoberfest-accepted"],
        comments: 0,
      },
      {
        reviews: [["thibaudcolas", "COMMENTED", { association: "MEMBER", at: "2026-11-02T15:00:00Z" }]],
        commentCalls,
      },
    ),
    // C: labelled invalid upstream: left out of every figure.
    ...pullHandler(
      "wagtail",
      "wagtail",
      12003,
      { login: "chloemartin", labels: ["invalid"] },
      { commentCalls },
    ),
  ];
}

beforeAll(async () => {
  const project = await makeProject({ slug: "wagtail", name: "Wagtail", repos: [["wagtail", "wagtail"]] });
  // no starter labels: this file is about pull requests only
  await db.project.update({ where: { id: project.id }, data: { starterLabels: "[]" } });
  const made = await makeCohort("running", { projectIds: [project.id] });
  cohort = { id: made.id, slug: made.slug };
  personId = (await makePerson({ login: "chloemartin" })).id;
  for (const n of [12001, 12002, 12003])
    await makeTrackedPull({ cohortId: cohort.id, personId }, "wagtail", "wagtail", n);
  // The navigator pre-reviewed A before the first maintainer review, B only after it.
  const at = { 12001: "2026-11-02T12:00:00Z", 12002: "2026-11-02T18:00:00Z" } as const;
  for (const [number, time] of Object.entries(at))
    await db.linkedPullRequest.updateMany({
      where: { pullRequest: { number: Number(number) } },
      data: { preReviewedAt: new Date(time) },
    });
});

describe("the maintainers' view after a sync", () => {
  it("shows labels, time to the first maintainer response, review rounds and pre-review before the first maintainer review", async () => {
    mockServer.use(...handlers());
    const first = await sync();
    expect(first?.errors).toEqual([]);

    const view = await maintainerView(cohort.slug, "wagtail", null, null);
    const byKey = new Map(view.pulls.map((p) => [p.key, p]));
    expect(byKey.get("wagtail/wagtail#12001")).toMatchObject({
      labels: ["bug"],
      firstResponseHours: 12,
      reviewRounds: 2,
      preReviewedBefore: true,
      acceptance: "accepted",
    });
    expect(byKey.get("wagtail/wagtail#12002")).toMatchObject({
      labels: ["hacktoberfest-accepted"],
      firstResponseHours: 6,
      reviewRounds: 1,
      preReviewedBefore: false,
      acceptance: "accepted",
    });
    expect(byKey.get("wagtail/wagtail#12003")).toMatchObject({ labels: ["invalid"], acceptance: "excluded" });
    expect(view.summary).toMatchObject({
      count: 2,
      preReviewedShare: 0.5,
      medianFirstResponseHours: 9,
      accepted: 2,
      excluded: 1,
    });
    // the invalid one was flagged to its navigators by the sync
    expect(
      await db.pullRequestUpstream.findFirst({ where: { pullRequest: { number: 12003 } } }),
    ).toMatchObject({ flaggedAt: expect.any(Date) });
    // comments were asked for A and C (GitHub counts some), not for B (none)
    expect(commentCalls).toEqual([
      "/repos/wagtail/wagtail/issues/12001/comments",
      "/repos/wagtail/wagtail/issues/12003/comments",
    ]);
  });

  it("keeps them at the idle re-sync's cost: an unchanged PR costs nothing, a changed one already answered asks no comments", async () => {
    mockServer.use(...handlers());
    await sync();
    commentCalls.length = 0;

    const idle = github();
    await sync(idle);
    expect(idle.stats).toMatchObject({ requests: 1, notModified: 1 });

    mockServer.use(...handlers("Fix the image chooser (rebased)"));
    const changed = github();
    await sync(changed);
    // the listing, then A and its reviews; its first response is known, so no comments
    expect(changed.stats.requests).toBe(3);
    expect(commentCalls).toEqual([]);
    const view = await maintainerView(cohort.slug, "wagtail", null, null);
    expect(view.pulls.find((p) => p.key === "wagtail/wagtail#12001")).toMatchObject({
      title: "Fix the image chooser (rebased)",
      firstResponseHours: 12,
      reviewRounds: 2,
    });
  });
});
