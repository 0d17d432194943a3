// GitHub as it really answers (bodies from @octokit/openapi examples): a 403 that is
// not a rate limit, reviews past the first page, renamed and differently-cased
// repositories, repositories that are gone, closures beyond page 1 of a listing,
// out-of-order and unreadable webhook deliveries, and what an idle or
// base-branch-moved re-sync costs.
import { sign } from "@octokit/webhooks-methods";
import { http, HttpResponse } from "msw";
import { beforeAll, beforeEach, describe, expect, it } from "vitest";
import { createGitHub, summarizeReviews } from "../../app/integrations/github.server";
import { createTrac } from "../../app/integrations/trac.server";
import { getSyncPage, runSync } from "../../app/issues/sync.server";
import { storePullSnapshot } from "../../app/pulls/pulls.server";
import * as webhook from "../../app/routes/webhooks.github";
import { db } from "../../app/utils/db.server";
import { resetEnv } from "../../app/utils/env.server";
import { callRoute, makeCohort, makePerson, makeProject, makeTrackedPull } from "../setup/factories";
import {
  GITHUB_API,
  issueItem,
  listIssuesHandler,
  pullBody,
  pullHandler,
  pullListItem,
  reviewsBody,
} from "../mocks/github";
import { mockServer } from "../mocks/server";

const SECRET = "webhook-secret-for-tests";
const fast = () => createGitHub({ timeScale: 1, timeoutMs: 2_000 });
const sync = (github = fast()) =>
  runSync({ trigger: "cli", github, trac: createTrac({ timeScale: 1 }), concurrency: 2 });
let cohortId: string;
let personId: string;

const track = (owner: string, repo: string, number: number, extra: Record<string, unknown> = {}) =>
  makeTrackedPull({ cohortId, personId }, owner, repo, number, extra);

beforeAll(async () => {
  process.env.GITHUB_WEBHOOK_SECRET = SECRET;
  resetEnv();
  const project = await makeProject({
    slug: "wagtail",
    name: "Wagtail",
    repos: [
      ["wagtail", "secret"],
      ["wagtail", "wagtail"],
    ],
  });
  await db.project.update({
    where: { id: project.id },
    data: { starterLabels: JSON.stringify(["good first issue"]) },
  });
  cohortId = (await makeCohort("running", { projectIds: [project.id] })).id;
  personId = (await makePerson({ login: "chloemartin" })).id;
});

beforeEach(async () => {
  await db.linkedPullRequest.deleteMany();
  await db.pullRequest.deleteMany();
  await db.gitHubRepositoryState.deleteMany();
  await db.projectRepository.updateMany({ data: { issuesEtags: "{}" } });
  await db.starterIssue.deleteMany();
});

const samlRefusal = () =>
  HttpResponse.json(
    {
      message:
        "Resource protected by organization SAML enforcement. You must grant your Personal Access token access to this organization.",
      documentation_url:
        "https://docs.github.com/articles/authenticating-to-a-github-organization-with-saml-single-sign-on/",
    },
    { status: 403, headers: { "x-ratelimit-limit": "5000", "x-ratelimit-remaining": "4987" } },
  );

describe("a repository GitHub refuses or does not have", () => {
  it("a 403 for SAML is that repository's error only: the others' issues and pull requests still sync, and the sync page says which and why", async () => {
    await track("wagtail", "wagtail", 12560);
    mockServer.use(
      http.get(`${GITHUB_API}/repos/wagtail/secret/issues`, samlRefusal),
      listIssuesHandler("wagtail", "wagtail", [
        [issueItem("wagtail", "wagtail", 4001, { title: "Still synced" })],
      ]),
      ...pullHandler("wagtail", "wagtail", 12560, {
        title: "Synced despite the other repository",
        login: "chloemartin",
      }),
    );
    const summary = await sync();
    expect(summary?.status).toBe("partial");
    expect(summary?.errors).toEqual([
      expect.stringMatching(
        /^GitHub refused access to wagtail\/secret: its organization requires SAML single sign-on/,
      ),
    ]);
    expect(
      await db.starterIssue.findUnique({
        where: { source_externalKey: { source: "github", externalKey: "wagtail/wagtail#4001" } },
      }),
    ).toMatchObject({ title: "Still synced" });
    expect(await db.pullRequest.findFirstOrThrow({ where: { number: 12560 } })).toMatchObject({
      title: "Synced despite the other repository",
    });
    const page = await getSyncPage();
    expect(page.runs[0].errorLog).toMatch(
      /wagtail\/secret: its organization requires SAML single sign-on and the sync's token is not authorized/,
    );
  });

  it("a 404 repository is named in a sentence and not asked again for a day", async () => {
    let asked = 0;
    mockServer.use(
      http.get(`${GITHUB_API}/repos/wagtail/secret/issues`, () => {
        asked += 1;
        return HttpResponse.json(
          { message: "Not Found", documentation_url: "https://docs.github.com/rest" },
          { status: 404 },
        );
      }),
      listIssuesHandler("wagtail", "wagtail", [
        [issueItem("wagtail", "wagtail", 4001, { title: "Still synced" })],
      ]),
    );
    const first = await sync();
    expect(first?.errors).toEqual(["GitHub has no repository wagtail/secret, or it is private."]);
    // said once on the sync page: under "Repositories not asked for now", not again among the problems
    expect((await getSyncPage()).lastProblems).toEqual([]);
    await sync();
    expect(asked).toBe(1);
    const page = await getSyncPage();
    expect(page.unavailable).toEqual([
      {
        fullName: "wagtail/secret",
        unavailableReason: "GitHub has no repository wagtail/secret, or it is private.",
        unavailableUntil: expect.any(Date),
      },
    ]);
    expect(page.unavailable[0].unavailableUntil!.getTime()).toBeGreaterThan(Date.now() + 23 * 3_600_000);
    await db.gitHubRepositoryState.deleteMany();
  });
});

describe("a repository GitHub says is gone", () => {
  it("a 410 on a tracked pull request's repository is said in a sentence and not asked again for a day", async () => {
    await track("wagtail", "archived", 31);
    let asked = 0;
    mockServer.use(
      listIssuesHandler("wagtail", "wagtail", [[]]),
      listIssuesHandler("wagtail", "secret", [[]]),
      http.get(`${GITHUB_API}/repos/wagtail/archived/pulls`, () => {
        asked += 1;
        return HttpResponse.json(
          { message: "Repository access blocked", documentation_url: "https://docs.github.com/rest" },
          { status: 410 },
        );
      }),
    );
    const first = await sync();
    expect(first?.errors).toEqual(["GitHub says repository wagtail/archived is gone (410)."]);
    const second = await sync();
    expect(second?.errors).toEqual([]);
    expect(asked).toBe(1);
    expect((await getSyncPage()).unavailable.map((u) => u.fullName)).toContain("wagtail/archived");
  });
});

describe("reviews", () => {
  it("reads every page of a busy PR's reviews: a reviewer's later 'changes requested' on page 2 outweighs their approval on page 1", async () => {
    const reviews = reviewsBody([
      ["kmensah", "APPROVED"],
      ...Array.from({ length: 120 }, () => ["thibaudcolas", "COMMENTED"] as [string, "COMMENTED"]),
      ["kmensah", "CHANGES_REQUESTED"],
    ]);
    mockServer.use(
      http.get(`${GITHUB_API}/repos/wagtail/wagtail/pulls/777/reviews`, ({ request }) => {
        const url = new URL(request.url);
        const page = Number(url.searchParams.get("page") ?? "1");
        const headers: Record<string, string> = {};
        if (page === 1) {
          const next = new URL(url);
          next.searchParams.set("page", "2");
          headers.link = `<${next.toString()}>; rel="next"`;
        }
        return HttpResponse.json(reviews.slice((page - 1) * 100, page * 100), { headers });
      }),
    );
    const answer = await fast().listReviews("wagtail", "wagtail", 777);
    expect(answer).toMatchObject({
      notModified: false,
      value: { reviewCount: 122, reviewState: "changes_requested" },
    });
  });

  it("a dismissal on page 2 clears its reviewer's approval on page 1", async () => {
    const reviews = [
      ...reviewsBody([
        ["kmensah", "APPROVED"],
        ...Array.from({ length: 99 }, () => ["thibaudcolas", "COMMENTED"] as [string, "COMMENTED"]),
      ]),
      { ...reviewsBody([["kmensah", "DISMISSED"]])[0], submitted_at: "2026-11-20T10:00:00Z" },
    ];
    mockServer.use(
      http.get(`${GITHUB_API}/repos/wagtail/wagtail/pulls/778/reviews`, ({ request }) => {
        const url = new URL(request.url);
        const page = Number(url.searchParams.get("page") ?? "1");
        const next = new URL(url);
        next.searchParams.set("page", "2");
        return HttpResponse.json(reviews.slice((page - 1) * 100, page * 100), {
          headers: page === 1 ? { link: `<${next.toString()}>; rel="next"` } : {},
        });
      }),
    );
    const answer = await fast().listReviews("wagtail", "wagtail", 778);
    expect(answer).toMatchObject({ value: { reviewCount: 101, reviewState: "commented" } });
  });

  it("a dismissed review clears its reviewer's opinion; a later comment does not change it", () => {
    const at = (d: number) => new Date(Date.UTC(2026, 10, d));
    expect(
      summarizeReviews([
        { login: "a", state: "DISMISSED", submittedAt: at(1) },
        { login: "b", state: "APPROVED", submittedAt: at(2) },
      ]).reviewState,
    ).toBe("approved");
    expect(
      summarizeReviews([
        { login: "a", state: "CHANGES_REQUESTED", submittedAt: at(1) },
        { login: "a", state: "COMMENTED", submittedAt: at(2) },
      ]).reviewState,
    ).toBe("changes_requested");
    expect(
      summarizeReviews([
        { login: "a", state: "CHANGES_REQUESTED", submittedAt: at(1) },
        { login: "a", state: "DISMISSED", submittedAt: at(2) },
        { login: "b", state: "APPROVED", submittedAt: at(3) },
      ]).reviewState,
    ).toBe("approved");
  });
});

describe("renamed and differently-cased repositories", () => {
  it("Wagtail/Wagtail/pull/12560 and wagtail/wagtail/pull/12560 are one pull request", async () => {
    mockServer.use(...pullHandler("wagtail", "wagtail", 12560, { login: "chloemartin" }));
    mockServer.use(
      http.get(`${GITHUB_API}/repos/Wagtail/Wagtail/pulls/12560`, () =>
        HttpResponse.json(pullBody("wagtail", "wagtail", 12560, { login: "chloemartin" })),
      ),
    );
    const typed = await fast().getPull("Wagtail", "Wagtail", 12560);
    const plain = await fast().getPull("wagtail", "wagtail", 12560);
    if (typed.notModified || plain.notModified) throw new Error("expected answers");
    await storePullSnapshot(typed.value, new Date());
    await storePullSnapshot(plain.value, new Date());
    expect(await db.pullRequest.count({ where: { number: 12560 } })).toBe(1);
  });

  it("a repository GitHub moved (301) is stored under its new name, the hop is counted, and a duplicate row merges into one credit", async () => {
    const old = await track("wagtail-old", "wagtail", 12561);
    await track("Wagtail", "Wagtail", 12562);
    mockServer.use(
      http.get(
        `${GITHUB_API}/repos/wagtail-old/wagtail/pulls`,
        ({ request }) =>
          new HttpResponse(null, {
            status: 301,
            headers: { location: `${GITHUB_API}/repositories/42/pulls${new URL(request.url).search}` },
          }),
      ),
      http.get(`${GITHUB_API}/repositories/42/pulls`, () =>
        HttpResponse.json([pullListItem(pullBody("wagtail", "wagtail", 12561))]),
      ),
      http.get(`${GITHUB_API}/repos/Wagtail/Wagtail/pulls`, () =>
        HttpResponse.json([pullListItem(pullBody("wagtail", "wagtail", 12562))]),
      ),
      ...pullHandler("wagtail", "wagtail", 12561, {
        title: "Moved with its repository",
        login: "chloemartin",
      }),
      ...pullHandler("wagtail", "wagtail", 12562, { title: "Typed in capitals", login: "chloemartin" }),
      listIssuesHandler("wagtail", "wagtail", [[]]),
      http.get(`${GITHUB_API}/repos/wagtail/secret/issues`, () => HttpResponse.json([])),
    );
    const github = fast();
    const summary = await sync(github);
    expect(summary?.errors).toEqual([]);
    expect(await db.pullRequest.findUniqueOrThrow({ where: { id: old.id } })).toMatchObject({
      owner: "wagtail",
      repo: "wagtail",
      title: "Moved with its repository",
    });
    expect(await db.pullRequest.findFirstOrThrow({ where: { number: 12562 } })).toMatchObject({
      owner: "wagtail",
      repo: "wagtail",
      title: "Typed in capitals",
    });
    // issues of 2 repositories (2) + the moved listing and its hop (2) + the capitals listing (1)
    // + 2 × (pull + reviews + comments, asked while no maintainer's first answer is known) (6)
    expect(summary?.requests).toBe(11);

    // The same PR linked once under each spelling becomes one row with one link.
    await track("Wagtail", "Wagtail", 12561);
    mockServer.use(
      http.get(`${GITHUB_API}/repos/Wagtail/Wagtail/pulls`, () =>
        HttpResponse.json([pullListItem(pullBody("wagtail", "wagtail", 12561))]),
      ),
    );
    await sync();
    expect(await db.pullRequest.count({ where: { number: 12561 } })).toBe(1);
    expect(await db.linkedPullRequest.count({ where: { pullRequest: { number: 12561 } } })).toBe(1);
  });
});

describe("what a re-sync costs", () => {
  it("idle: one free 304 per repository; after a base-branch move (every single-PR ETag changed): still no PR read; a real change: the listing plus that PR", async () => {
    const numbers = [1, 2, 3, 4, 5, 6];
    for (const n of numbers) await track("wagtail", "wagtail", n);
    const handlers = (etagSuffix: string, changed?: number) =>
      numbers.flatMap((n) =>
        pullHandler(
          "wagtail",
          "wagtail",
          n,
          { login: "chloemartin", title: changed === n ? "Changed upstream" : `PR ${n}` },
          // a maintainer answered each PR: once that is stored, its comments are not asked again
          { etag: `W/"pr-${n}-${etagSuffix}"`, comments: [["kmensah", "MEMBER", "2026-11-06T10:00:00Z"]] },
        ),
      );
    mockServer.use(
      listIssuesHandler("wagtail", "wagtail", [[]]),
      listIssuesHandler("wagtail", "secret", [[]]),
      ...handlers("a"),
    );
    const first = await sync();
    // label listings of 2 repositories, the pulls listing, each PR with its reviews and comments
    expect.soft(first?.requests).toBe(2 + 1 + numbers.length * 3);

    const idle = fast();
    await sync(idle);
    expect.soft(idle.stats).toMatchObject({ requests: 3, notModified: 3 });

    // base branch moved: mergeable_state changed every pulls.get ETag, the listing is the same
    mockServer.use(...handlers("base-moved"));
    const moved = fast();
    await sync(moved);
    expect(moved.stats).toMatchObject({ requests: 3, notModified: 3 });

    mockServer.use(...handlers("base-moved", 4));
    const real = fast();
    const summary = await sync(real);
    expect(real.stats.requests).toBe(3 + 2);
    expect(summary?.changes).toBe(1);
    expect(await db.pullRequest.findFirstOrThrow({ where: { number: 4 } })).toMatchObject({
      title: "Changed upstream",
    });
  });
});

describe("issues closed beyond the first page of a label listing", () => {
  it("are closed on the board although page 1 of the open listing did not change", async () => {
    const items = Array.from({ length: 130 }, (_, i) =>
      issueItem("wagtail", "wagtail", 5000 + i, {
        updated_at: `2026-11-${String(20 - Math.floor(i / 10)).padStart(2, "0")}T10:00:00Z`,
      }),
    );
    mockServer.use(
      listIssuesHandler("wagtail", "wagtail", [items.slice(0, 100), items.slice(100)]),
      http.get(`${GITHUB_API}/repos/wagtail/secret/issues`, () => HttpResponse.json([])),
    );
    await sync();
    expect(
      (
        await db.starterIssue.findUniqueOrThrow({
          where: { source_externalKey: { source: "github", externalKey: "wagtail/wagtail#5120" } },
        })
      ).state,
    ).toBe("open");

    const closed = issueItem("wagtail", "wagtail", 5120, {
      state: "closed",
      updated_at: "2026-11-30T10:00:00Z",
    });
    mockServer.use(
      listIssuesHandler(
        "wagtail",
        "wagtail",
        [items.slice(0, 100), items.slice(100).filter((i) => i.number !== 5120)],
        { closed: [closed] },
      ),
    );
    await sync();
    expect(
      (
        await db.starterIssue.findUniqueOrThrow({
          where: { source_externalKey: { source: "github", externalKey: "wagtail/wagtail#5120" } },
        })
      ).state,
    ).toBe("closed");
  });
});

describe("webhooks as GitHub delivers them", () => {
  const deliver = async (event: string, id: string, payload: unknown) => {
    const body = JSON.stringify(payload);
    const request = new Request("http://localhost:3000/webhooks/github", {
      method: "POST",
      headers: {
        "Content-Type": "application/json",
        "X-GitHub-Event": event,
        "X-GitHub-Delivery": id,
        "X-Hub-Signature-256": await sign(SECRET, body),
        "User-Agent": "GitHub-Hookshot/abc",
      },
      body,
    });
    const response = await callRoute(webhook.action, request);
    return { status: response.status, message: ((await response.json()) as { message: string }).message };
  };
  const repository = { name: "wagtail", owner: { login: "wagtail" }, full_name: "wagtail/wagtail" };

  it("an older delivery arriving after a newer one never moves a merged PR back to open", async () => {
    const pr = await track("wagtail", "wagtail", 12570);
    const merged = pullBody("wagtail", "wagtail", 12570, {
      state: "closed",
      merged: true,
      updated_at: "2026-11-10T12:00:00Z",
      login: "chloemartin",
    });
    const opened = pullBody("wagtail", "wagtail", 12570, {
      state: "open",
      updated_at: "2026-11-09T08:00:00Z",
      login: "chloemartin",
    });
    expect(
      (
        await deliver("pull_request", "order-1", {
          action: "closed",
          number: 12570,
          pull_request: merged,
          repository,
        })
      ).status,
    ).toBe(200);
    expect(
      (
        await deliver("pull_request", "order-2", {
          action: "synchronize",
          number: 12570,
          pull_request: opened,
          repository,
        })
      ).status,
    ).toBe(200);
    expect((await db.pullRequest.findUniqueOrThrow({ where: { id: pr.id } })).state).toBe("merged");
  });

  it("a signed delivery that cannot be applied gets 400 with a short reason, and its redelivery is applied", async () => {
    const pr = await track("wagtail", "wagtail", 12571);
    const good = pullBody("wagtail", "wagtail", 12571, {
      title: "Applied on redelivery",
      login: "chloemartin",
    });
    for (const [id, broken] of [
      ["bad-date", { ...good, updated_at: "yesterday" }],
      ["too-big", { ...good, additions: 2 ** 40 }],
      ["not-a-pr", "a string"],
    ] as const) {
      const answer = await deliver("pull_request", id, {
        action: "edited",
        number: 12571,
        pull_request: broken,
        repository,
      });
      expect(answer.status).toBe(400);
      expect(answer.message.length).toBeLessThan(160);
      expect(answer.message).not.toMatch(/prisma|invalid `|stack|\n/i);
    }
    const outOfRange = await deliver("pull_request_review", "bad-number", {
      action: "submitted",
      review: { state: "approved", submitted_at: "2026-11-11T10:00:00Z" },
      pull_request: { number: 2 ** 40 },
      repository,
    });
    expect(outOfRange.status).toBe(400);
    const badIssue = await deliver("issues", "bad-issue", {
      action: "closed",
      issue: { ...issueItem("wagtail", "wagtail", 4001), updated_at: "not a date" },
      repository,
    });
    expect(badIssue.status).toBe(400);
    expect(
      await db.webhookDelivery.count({
        where: { id: { in: ["bad-date", "too-big", "not-a-pr", "bad-number", "bad-issue"] } },
      }),
    ).toBe(0);
    expect((await db.pullRequest.findUniqueOrThrow({ where: { id: pr.id } })).title).toBe("stored");

    const redelivered = await deliver("pull_request", "bad-date", {
      action: "edited",
      number: 12571,
      pull_request: good,
      repository,
    });
    expect(redelivered.status).toBe(200);
    expect((await db.pullRequest.findUniqueOrThrow({ where: { id: pr.id } })).title).toBe(
      "Applied on redelivery",
    );
  });

  it("a javascript: html_url is refused, never stored as a link", async () => {
    const pr = await track("wagtail", "wagtail", 12572);
    const poisoned = {
      ...pullBody("wagtail", "wagtail", 12572, { login: "chloemartin" }),
      html_url: "javascript:alert(document.cookie)",
    };
    expect(
      (
        await deliver("pull_request", "js-url", {
          action: "edited",
          number: 12572,
          pull_request: poisoned,
          repository,
        })
      ).status,
    ).toBe(400);
    expect((await db.pullRequest.findUniqueOrThrow({ where: { id: pr.id } })).url).toBe(
      "https://github.com/wagtail/wagtail/pull/12572",
    );
  });
});
