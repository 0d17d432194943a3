// Linking pull requests: read from GitHub, matched to the claimed issue by its
// references, explained and disclosed before it counts, pre-reviewed by a navigator.
import { beforeAll, describe, expect, it } from "vitest";
import * as pulls from "../../app/routes/cohorts.$slug.pulls";
import { db } from "../../app/utils/db.server";
import { buildWorld, type World } from "../permissions/world";
import { callRoute, jsonOf, makeRequest } from "../setup/factories";
import { http, HttpResponse } from "msw";
import { GITHUB_API, notFoundHandler, pullHandler } from "../mocks/github";
import { mockServer } from "../mocks/server";

let world: World;
let ticketClaimId: string;
let githubClaimId: string;
let owner: string;
let repo: string;

const path = "/cohorts/session-1/pulls";
const params = { slug: "session-1" };
const post = (role: keyof World["cookies"], form: Record<string, string>) =>
  callRoute(pulls.action, makeRequest(path, { cookie: world.cookies[role], form }), params);
const EXPLANATION =
  "The admin accepted list_display_links entries missing from list_display and only failed when rendering. I added a system check that reports them at startup, with tests for a missing field and a callable.";

type Card = {
  linkId: string;
  status: string;
  statusLabel: string;
  large: boolean;
  counts: boolean;
  authorMismatch: boolean;
  preReview: { by: string; commentHtml: string } | null;
  issue: { key: string } | null;
  additions: number;
};
const cards = async (role: keyof World["cookies"]) =>
  (
    await jsonOf<{ cards: Card[] }>(
      await callRoute(pulls.loader, makeRequest(path, { cookie: world.cookies[role] }), params),
    )
  ).cards;

beforeAll(async () => {
  world = await buildWorld("running");
  [owner, repo] = [world.project.repositories[0].owner, world.project.repositories[0].name];
  const ticket = await db.starterIssue.create({
    data: {
      projectId: world.project.id,
      source: "trac",
      externalKey: "36012",
      url: "https://code.djangoproject.com/ticket/36012",
      title: "Add a system check for list_display_links",
    },
  });
  const ghIssue = await db.starterIssue.create({
    data: {
      projectId: world.project.id,
      source: "github",
      externalKey: `${owner}/${repo}#41`,
      url: `https://github.com/${owner}/${repo}/issues/41`,
      title: "Docs typo in the tutorial",
    },
  });
  ticketClaimId = (
    await db.issueClaim.create({
      data: {
        cohortId: world.cohort.id,
        starterIssueId: ticket.id,
        personId: world.people.participant.id,
        activeKey: ticket.id,
      },
    })
  ).id;
  githubClaimId = (
    await db.issueClaim.create({
      data: {
        cohortId: world.cohort.id,
        starterIssueId: ghIssue.id,
        personId: world.people.participant.id,
        activeKey: ghIssue.id,
      },
    })
  ).id;
});

describe("linking a pull request", () => {
  it("requires an explanation in the participant's own words and an AI disclosure", async () => {
    const response = await post("participant", {
      intent: "link",
      url: `https://github.com/${owner}/${repo}/pull/1`,
      explanation: "fixed it",
      aiDisclosure: "",
    });
    expect(response.status).toBe(400);
    const body = await jsonOf<{ errors: Record<string, string>; values: Record<string, string> }>(response);
    expect(body.errors.explanation).toMatch(/at least 12 words/);
    expect(body.errors.aiDisclosure).toMatch(/AI tool/);
    expect(body.values.explanation).toBe("fixed it");
  });

  it("asks which tools and what was checked when AI helped", async () => {
    const response = await post("participant", {
      intent: "link",
      url: `https://github.com/${owner}/${repo}/pull/1`,
      explanation: EXPLANATION,
      aiDisclosure: "assisted",
    });
    const body = await jsonOf<{ errors: Record<string, string> }>(response);
    expect(body.errors).toMatchObject({ aiTools: expect.any(String), aiVerification: expect.any(String) });
  });

  it("links to the claimed Trac ticket found in “Fixed #N --”", async () => {
    mockServer.use(
      ...pullHandler(
        owner,
        repo,
        18901,
        {
          title: "Fixed #36012 -- Added a system check for list_display_links.",
          login: "participant",
          additions: 58,
          deletions: 4,
        },
        { reviews: [["sarahboyce", "CHANGES_REQUESTED"]] },
      ),
    );
    const response = await post("participant", {
      intent: "link",
      url: `https://github.com/${owner}/${repo}/pull/18901`,
      explanation: EXPLANATION,
      aiDisclosure: "assisted",
      aiTools: "GitHub Copilot",
      aiVerification: "I ran the admin_checks tests and read every line.",
    });
    expect(response.status).toBe(302);
    const link = await db.linkedPullRequest.findFirstOrThrow({ where: { pullRequest: { number: 18901 } } });
    expect(link).toMatchObject({
      claimId: ticketClaimId,
      authorMismatch: false,
      aiDisclosure: "assisted",
      aiTools: "GitHub Copilot",
    });
    const [card] = await cards("participant");
    expect(card).toMatchObject({
      status: "changes_requested",
      statusLabel: "Changes requested",
      counts: true,
      issue: { key: "#36012" },
      large: false,
    });
  });

  it("links by “closes owner/repo#N” and warns when the author is someone else", async () => {
    mockServer.use(
      ...pullHandler(owner, repo, 50, {
        title: "Tutorial: fix a typo",
        body: `closes ${owner}/${repo}#41`,
        login: "somebody-else",
        state: "closed",
        merged: true,
      }),
    );
    const response = await post("participant", {
      intent: "link",
      url: `https://github.com/${owner}/${repo}/pull/50`,
      explanation: EXPLANATION,
      aiDisclosure: "none",
    });
    expect(response.status).toBe(302);
    expect(response.headers.get("Set-Cookie")).toMatch(/cohort_flash/);
    const link = await db.linkedPullRequest.findFirstOrThrow({ where: { pullRequest: { number: 50 } } });
    expect(link).toMatchObject({ claimId: githubClaimId, authorMismatch: true });
    const card = (await cards("navigator")).find((c) => c.linkId === link.id);
    expect(card).toMatchObject({ status: "merged", authorMismatch: true });
  });

  it("asks the participant to choose when the PR mentions no claimed issue, then accepts the choice", async () => {
    mockServer.use(
      ...pullHandler(owner, repo, 51, {
        title: "Improve the admin check messages",
        body: "No reference here",
        login: "participant",
        additions: 450,
        deletions: 20,
        draft: true,
      }),
    );
    const form = {
      intent: "link",
      url: `https://github.com/${owner}/${repo}/pull/51`,
      explanation: EXPLANATION,
      aiDisclosure: "none",
    };
    const first = await post("participant", form);
    expect(first.status).toBe(400);
    expect((await jsonOf<{ errors: Record<string, string> }>(first)).errors.claimId).toMatch(
      /choose the one it fixes/,
    );
    const second = await post("participant", { ...form, claimId: ticketClaimId });
    expect(second.status).toBe(302);
    const navigatorView = (await cards("navigator")).find((c) => c.additions === 450);
    expect(navigatorView).toMatchObject({ status: "draft", large: true });
    const participantView = (await cards("participant")).find((c) => c.additions === 450);
    expect(participantView?.large).toBe(false);
  });

  it("links by the “ticket-N” line of Django's pull request template", async () => {
    const issue = await db.starterIssue.create({
      data: {
        projectId: world.project.id,
        source: "trac",
        externalKey: "36120",
        url: "https://code.djangoproject.com/ticket/36120",
        title: "Clarify the timezone.now() note",
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
    mockServer.use(
      ...pullHandler(owner, repo, 18960, {
        title: "Clarified the timezone.now() note in the USE_TZ docs.",
        body: "#### Trac ticket number\n\nticket-36120\n\n#### Branch description\nDocs only.",
        login: "participant",
      }),
    );
    const response = await post("participant", {
      intent: "link",
      url: `https://github.com/${owner}/${repo}/pull/18960`,
      explanation: EXPLANATION,
      aiDisclosure: "none",
    });
    expect(response.status).toBe(302);
    expect(
      await db.linkedPullRequest.findFirstOrThrow({ where: { pullRequest: { number: 18960 } } }),
    ).toMatchObject({ claimId: claim.id, starterIssueId: issue.id });
  });

  it("explains a private or unknown pull request", async () => {
    mockServer.use(...[notFoundHandler(`/repos/${owner}/${repo}/pulls/404`)]);
    const response = await post("participant", {
      intent: "link",
      url: `https://github.com/${owner}/${repo}/pull/404`,
      explanation: EXPLANATION,
      aiDisclosure: "none",
    });
    expect((await jsonOf<{ errors: Record<string, string> }>(response)).errors.url).toMatch(
      /no pull request #404 .* private/,
    );
    const wrong = await post("participant", {
      intent: "link",
      url: "https://github.com/a/b/issues/3",
      explanation: EXPLANATION,
      aiDisclosure: "none",
    });
    expect((await jsonOf<{ errors: Record<string, string> }>(wrong)).errors.url).toMatch(
      /not a pull request address/,
    );
  });

  it("GitHub refusing the server is said about the form, not blamed on the address", async () => {
    mockServer.use(
      http.get(`${GITHUB_API}/repos/${owner}/${repo}/pulls/405`, () =>
        HttpResponse.json({ message: "Bad credentials" }, { status: 401 }),
      ),
    );
    const response = await post("participant", {
      intent: "link",
      url: `https://github.com/${owner}/${repo}/pull/405`,
      explanation: EXPLANATION,
      aiDisclosure: "none",
    });
    const { errors } = await jsonOf<{ errors: Record<string, string> }>(response);
    expect(errors).toEqual({ form: expect.stringMatching(/GitHub refused this server's access token/) });
  });

  it("navigators and organizers cannot link; another team's participant does not see the PR", async () => {
    expect(
      (
        await post("navigator", {
          intent: "link",
          url: `https://github.com/${owner}/${repo}/pull/9`,
          explanation: EXPLANATION,
          aiDisclosure: "none",
        })
      ).status,
    ).toBe(403);
    expect(await cards("otherParticipant")).toEqual([]);
  });
});

describe("pre-review", () => {
  it("the team's navigator marks a PR pre-reviewed with a comment; the badge shows to everyone who sees it", async () => {
    const link = await db.linkedPullRequest.findFirstOrThrow({ where: { pullRequest: { number: 18901 } } });
    expect(
      (
        await post("otherNavigator", {
          intent: "prereview",
          linkId: link.id,
          comment: "Looks fine to me overall.",
        })
      ).status,
    ).toBe(403);
    expect((await post("navigator", { intent: "prereview", linkId: link.id, comment: "" })).status).toBe(400);
    expect(
      (
        await post("navigator", {
          intent: "prereview",
          linkId: link.id,
          comment: "Ran the tests locally; the check message reads well.",
        })
      ).status,
    ).toBe(302);
    for (const role of ["participant", "navigator", "organizer"] as const) {
      const card = (await cards(role)).find((c) => c.linkId === link.id);
      expect(card?.preReview, role).toMatchObject({
        by: world.people.navigator.name,
        commentHtml: expect.stringContaining("Ran the tests locally"),
      });
    }
  });
});
