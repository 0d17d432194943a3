// The starter-issue board through its route: curation, claims (two at once),
// release, reassign, stale flag, add by URL.
import { http, HttpResponse } from "msw";
import { beforeAll, describe, expect, it } from "vitest";
import * as board from "../../app/routes/cohorts.$slug.issues";
import { db } from "../../app/utils/db.server";
import { DAY_MS } from "../../app/utils/time";
import { buildWorld, type World } from "../permissions/world";
import {
  addMember,
  callRoute,
  jsonOf,
  makePerson,
  makeProject,
  makeRequest,
  makeTeam,
} from "../setup/factories";
import { issueHandler, notFoundHandler } from "../mocks/github";
import { mockServer } from "../mocks/server";
import { TRAC, tracQueryHandler } from "../mocks/trac";

let world: World;
let issueId: string;
let otherIssueId: string;
let teammate: { id: string; name: string };

type BoardJson = {
  teams: { id: string; name: string; projectId: string | null }[];
  projects: {
    issues: {
      id: string;
      title: string;
      claim: {
        personName: string;
        stale: boolean;
        id: string;
        manageable: boolean;
        pulls: { name: string; statusLabel: string; preReviewedBy: string | null }[];
      } | null;
      curation: {
        difficulty: string | null;
        recommendedTeamId: string | null;
        hidden: boolean;
        noteHtml: string;
      } | null;
    }[];
  }[];
};

const path = "/cohorts/session-1/issues";
const params = { slug: "session-1" };
const post = (role: keyof World["cookies"], form: Record<string, string>) =>
  callRoute(board.action, makeRequest(path, { cookie: world.cookies[role], form }), params);
const view = async (role: keyof World["cookies"]) =>
  jsonOf<BoardJson>(
    await callRoute(board.loader, makeRequest(path, { cookie: world.cookies[role] }), params),
  );
const card = async (role: keyof World["cookies"], id: string) =>
  (await view(role)).projects.flatMap((p) => p.issues).find((i) => i.id === id);

const makeIssue = (key: string, title: string) =>
  db.starterIssue.create({
    data: {
      projectId: world.project.id,
      source: "trac",
      externalKey: key,
      url: `${TRAC}/ticket/${key}`,
      title,
    },
  });

beforeAll(async () => {
  world = await buildWorld("running");
  teammate = await makePerson({ login: "teammate", name: "Diego Ramírez" });
  await addMember(world.cohort.id, teammate.id, "participant", world.teamA.id);
  await db.project.update({ where: { id: world.project.id }, data: { tracUrl: TRAC } });
  issueId = (await makeIssue("35890", "Document that bulk_create() ignores db_default on SQLite")).id;
  otherIssueId = (await makeIssue("36012", "Add a system check for list_display_links")).id;
});

describe("curation", () => {
  it("a navigator recommends an issue for a team with a difficulty and a note", async () => {
    const response = await post("navigator", {
      intent: "curate",
      issueId,
      recommendedTeamId: world.teamA.id,
      difficulty: "easy",
      note: "Start in `docs/ref/models/querysets.txt`. <script>alert(1)</script>",
    });
    expect(response.status).toBe(302);
    const seen = await card("participant", issueId);
    expect(seen?.curation).toMatchObject({
      difficulty: "easy",
      recommendedTeamId: world.teamA.id,
      hidden: false,
    });
    expect(seen?.curation?.noteHtml).toContain("<code>docs/ref/models/querysets.txt</code>");
    expect(seen?.curation?.noteHtml).not.toContain("<script>");
  });

  it("refuses to recommend an issue to a team working on another project, and offers only the right teams", async () => {
    const wagtail = await makeProject({ slug: "wagtail", name: "Wagtail" });
    const other = await makeTeam(world.cohort.id, { slug: "team-w", name: "Team W", projectId: wagtail.id });
    const response = await post("organizer", {
      intent: "curate",
      issueId,
      recommendedTeamId: other.id,
      note: "kept",
    });
    expect(response.status).toBe(400);
    expect(await jsonOf(response)).toMatchObject({
      errors: {
        recommendedTeamId:
          "Team W works on Wagtail, and this is a Django issue: recommend it to a team working on Django, or to no team.",
      },
      values: { note: "kept" },
    });
    const shown = await view("organizer");
    expect(shown.teams.find((t) => t.id === other.id)?.projectId).toBe(wagtail.id);
    expect((await card("participant", issueId))?.curation?.recommendedTeamId).not.toBe(other.id);
    await db.team.delete({ where: { id: other.id } });
  });

  it("rejects a difficulty that is not on the list, keeping the input", async () => {
    const response = await post("navigator", {
      intent: "curate",
      issueId,
      difficulty: "trivial",
      note: "kept",
    });
    expect(response.status).toBe(400);
    expect(await jsonOf(response)).toMatchObject({
      errors: { difficulty: expect.any(String) },
      values: { note: "kept" },
    });
  });

  it("a hidden issue disappears for participants but not for navigators", async () => {
    await post("navigator", {
      intent: "curate",
      issueId: otherIssueId,
      hidden: "on",
      note: "Needs a design decision first.",
    });
    expect(await card("participant", otherIssueId)).toBeUndefined();
    expect((await card("navigator", otherIssueId))?.curation?.hidden).toBe(true);
    const claim = await post("participant", { intent: "claim", issueId: otherIssueId });
    expect(claim.status).toBe(404);
    await post("navigator", { intent: "curate", issueId: otherIssueId, note: "" });
  });

  it("participants cannot curate", async () => {
    const response = await post("participant", { intent: "curate", issueId, difficulty: "hard" });
    expect(response.status).toBe(403);
  });
});

describe("claims", () => {
  it("two participants claiming at the same moment: exactly one wins, the other is told who", async () => {
    const [a, b] = await Promise.all([
      post("participant", { intent: "claim", issueId }),
      post("otherParticipant", { intent: "claim", issueId }),
    ]);
    const statuses = [a.status, b.status].sort();
    expect(statuses).toEqual([302, 400]);
    const loser = a.status === 400 ? a : b;
    const winner = await db.issueClaim.findFirstOrThrow({
      where: { starterIssueId: issueId, releasedAt: null },
      include: { person: true },
    });
    expect((await jsonOf<{ errors: { form: string } }>(loser)).errors.form).toBe(
      `${winner.person.name} claimed “Document that bulk_create() ignores db_default on SQLite” just before you. Choose another issue, or ask your navigator.`,
    );
    expect(await db.issueClaim.count({ where: { starterIssueId: issueId, releasedAt: null } })).toBe(1);
  });

  it("the claimant releases, then the navigator reassigns", async () => {
    const active = await db.issueClaim.findFirstOrThrow({
      where: { starterIssueId: issueId, releasedAt: null },
    });
    // whoever won releases it, and the participant of team A claims it
    const holderRole = active.personId === world.people.participant.id ? "participant" : "otherParticipant";
    expect((await post(holderRole, { intent: "release", claimId: active.id })).status).toBe(302);
    expect((await post("participant", { intent: "claim", issueId })).status).toBe(302);
    const mine = await db.issueClaim.findFirstOrThrow({
      where: { starterIssueId: issueId, releasedAt: null },
    });
    expect(mine.personId).toBe(world.people.participant.id);

    // the other team's navigator may not touch team A's claim
    expect(
      (
        await post("otherNavigator", {
          intent: "reassign",
          claimId: mine.id,
          personId: world.people.otherParticipant.id,
        })
      ).status,
    ).toBe(403);
    // a navigator keeps the issue within the team; moving it to another team is for organizers
    const across = await post("navigator", {
      intent: "reassign",
      claimId: mine.id,
      personId: world.people.otherParticipant.id,
    });
    expect(across.status).toBe(400);
    expect((await jsonOf<{ errors: { personId: string } }>(across)).errors.personId).toMatch(
      /not in this team/,
    );
    expect(
      (await post("navigator", { intent: "reassign", claimId: mine.id, personId: teammate.id })).status,
    ).toBe(302);
    const now = await db.issueClaim.findFirstOrThrow({
      where: { starterIssueId: issueId, releasedAt: null },
    });
    expect(now.personId).toBe(teammate.id);
    expect(await db.issueClaim.findUniqueOrThrow({ where: { id: mine.id } })).toMatchObject({
      activeKey: null,
      releasedAt: expect.any(Date),
    });
    expect(await db.auditEntry.count({ where: { action: "claim.reassign" } })).toBe(1);
  });

  it("a participant cannot release someone else's claim", async () => {
    const active = await db.issueClaim.findFirstOrThrow({
      where: { starterIssueId: issueId, releasedAt: null },
    });
    expect((await post("participant", { intent: "release", claimId: active.id })).status).toBe(403);
  });

  it("a navigator of team B who takes part in team A gets Release and Reassign on team B's claims only", async () => {
    const inA = await makeIssue("36101", "Clarify the QuerySet.alias() docs");
    const inB = await makeIssue("36102", "Deprecate an unused admin template tag");
    for (const [issue, personId] of [
      [inA, teammate.id],
      [inB, world.people.otherParticipant.id],
    ] as const)
      await db.issueClaim.create({
        data: { cohortId: world.cohort.id, starterIssueId: issue.id, personId, activeKey: issue.id },
      });
    expect((await card("dual", inA.id))?.claim?.manageable).toBe(false);
    expect((await card("dual", inB.id))?.claim?.manageable).toBe(true);
    expect((await card("navigator", inA.id))?.claim?.manageable).toBe(true);
    await db.issueClaim.deleteMany({ where: { starterIssueId: { in: [inA.id, inB.id] } } });
    await db.starterIssue.deleteMany({ where: { id: { in: [inA.id, inB.id] } } });
  });

  it("a claim without a linked pull request is flagged stale after 14 days", async () => {
    const active = await db.issueClaim.findFirstOrThrow({
      where: { starterIssueId: issueId, releasedAt: null },
    });
    await db.issueClaim.update({
      where: { id: active.id },
      data: { claimedAt: new Date(Date.now() - 13 * DAY_MS) },
    });
    expect((await card("navigator", issueId))?.claim?.stale).toBe(false);
    await db.issueClaim.update({
      where: { id: active.id },
      data: { claimedAt: new Date(Date.now() - 15 * DAY_MS) },
    });
    expect((await card("navigator", issueId))?.claim?.stale).toBe(true);
  });

  it("shows the claim's linked pull request with its status and the pre-reviewed badge, and it is no longer stale", async () => {
    const active = await db.issueClaim.findFirstOrThrow({
      where: { starterIssueId: issueId, releasedAt: null },
    });
    const pr = await db.pullRequest.create({
      data: {
        owner: "django",
        repo: "django",
        number: 18823,
        url: "https://github.com/django/django/pull/18823",
        title: "Fixed #35890 -- Docs",
        authorLogin: "teammate",
        state: "open",
        reviewState: "changes_requested",
      },
    });
    await db.linkedPullRequest.create({
      data: {
        cohortId: world.cohort.id,
        pullRequestId: pr.id,
        personId: active.personId,
        claimId: active.id,
        starterIssueId: issueId,
        preReviewedAt: new Date(),
        preReviewedById: world.people.navigator.id,
      },
    });
    for (const role of ["navigator", "participant"] as const) {
      const claim = (await card(role, issueId))?.claim;
      expect(claim?.pulls, role).toEqual([
        {
          name: "django/django#18823",
          url: "https://github.com/django/django/pull/18823",
          status: "changes_requested",
          statusLabel: "Changes requested",
          preReviewedBy: world.people.navigator.name,
        },
      ]);
      expect(claim?.stale).toBe(false);
    }
  });
});

describe("adding an issue by its address", () => {
  it("adds a Trac ticket of the project's tracker", async () => {
    mockServer.use(
      tracQueryHandler([], [{ id: 36120, summary: "Clarify the timezone.now() note in the USE_TZ docs" }]),
    );
    const response = await post("navigator", {
      intent: "add",
      projectId: world.project.id,
      url: `${TRAC}/ticket/36120`,
    });
    expect(response.status).toBe(302);
    expect(
      await db.starterIssue.findUnique({
        where: { source_externalKey: { source: "trac", externalKey: "36120" } },
      }),
    ).toMatchObject({ title: "Clarify the timezone.now() note in the USE_TZ docs" });
  });

  it("adds a GitHub issue of one of the project's repositories", async () => {
    const [owner, repo] = [world.project.repositories[0].owner, world.project.repositories[0].name];
    mockServer.use(issueHandler(owner, repo, 77, { title: "Admin: keyboard focus is lost after saving" }));
    const response = await post("organizer", {
      intent: "add",
      projectId: world.project.id,
      url: `https://github.com/${owner}/${repo}/issues/77`,
    });
    expect(response.status).toBe(302);
  });

  it("explains a wrong, private or unknown address", async () => {
    const [owner, repo] = [world.project.repositories[0].owner, world.project.repositories[0].name];
    const errorFor = async (url: string) =>
      (
        await jsonOf<{ errors: { url: string } }>(
          await post("navigator", { intent: "add", projectId: world.project.id, url }),
        )
      ).errors.url;
    expect(await errorFor("not a url")).toMatch(/not a web address/);
    expect(await errorFor("https://github.com/someone/elsewhere/issues/3")).toMatch(
      /not one of .*repositories/,
    );
    mockServer.use(notFoundHandler(`/repos/${owner}/${repo}/issues/404`));
    expect(await errorFor(`https://github.com/${owner}/${repo}/issues/404`)).toMatch(
      /no issue #404 .* or the repository is private/,
    );
    mockServer.use(issueHandler(owner, repo, 88, { isPull: true }));
    expect(await errorFor(`https://github.com/${owner}/${repo}/issues/88`)).toMatch(/is a pull request/);
    mockServer.use(tracQueryHandler([]));
    expect(await errorFor(`${TRAC}/ticket/99999999`)).toMatch(/no ticket #99999999/);
  });

  it("does not add an issue that is closed upstream (it would never show on the board)", async () => {
    const [owner, repo] = [world.project.repositories[0].owner, world.project.repositories[0].name];
    const errorFor = async (url: string) =>
      (
        await jsonOf<{ errors: { url: string } }>(
          await post("navigator", { intent: "add", projectId: world.project.id, url }),
        )
      ).errors.url;
    mockServer.use(issueHandler(owner, repo, 90, { title: "Already fixed in main", state: "closed" }));
    expect(await errorFor(`https://github.com/${owner}/${repo}/issues/90`)).toBe(
      `“Already fixed in main” (${owner}/${repo}#90) is closed upstream; add an open issue instead.`,
    );
    mockServer.use(tracQueryHandler([], [{ id: 36200, summary: "Fixed long ago", status: "closed" }]));
    expect(await errorFor(`${TRAC}/ticket/36200`)).toMatch(
      /^“Fixed long ago” \(Trac #36200\) is closed upstream/,
    );
    expect(
      await db.starterIssue.count({ where: { externalKey: { in: [`${owner}/${repo}#90`, "36200"] } } }),
    ).toBe(0);
  });

  it("says when the repository keeps its issues elsewhere (GitHub answers 410, like django/django)", async () => {
    const [owner, repo] = [world.project.repositories[0].owner, world.project.repositories[0].name];
    mockServer.use(
      http.get(`https://api.github.com/repos/${owner}/${repo}/issues/5`, () =>
        HttpResponse.json(
          {
            message: "Issues are disabled for this repo",
            documentation_url: "https://docs.github.com/v3/issues/",
            status: "410",
          },
          { status: 410 },
        ),
      ),
    );
    const response = await post("navigator", {
      intent: "add",
      projectId: world.project.id,
      url: `https://github.com/${owner}/${repo}/issues/5`,
    });
    expect(response.status).toBe(400);
    expect((await jsonOf<{ errors: { url: string } }>(response)).errors.url).toBe(
      `${owner}/${repo} has its GitHub issues switched off; add its Trac ticket instead (${TRAC}/ticket/…).`,
    );
  });
});
