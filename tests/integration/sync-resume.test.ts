// The sync of tracked pull requests when GitHub misbehaves mid-run: a primary rate
// limit is waited out and the run goes on; one it cannot wait for stops the run and
// the next run starts with the pull requests it did not reach; a secondary limit, a
// 500 and a malformed answer never overwrite what was stored.
import { http, HttpResponse } from "msw";
import { beforeAll, beforeEach, describe, expect, it } from "vitest";
import { createGitHub } from "../../app/integrations/github.server";
import { createTrac } from "../../app/integrations/trac.server";
import { runSync } from "../../app/issues/sync.server";
import * as syncPage from "../../app/routes/cohorts.$slug.sync";
import { db } from "../../app/utils/db.server";
import { resetEnv } from "../../app/utils/env.server";
import {
  addMember,
  callRoute,
  jsonOf,
  makeCohort,
  makePerson,
  makeProject,
  makeRequest,
  sessionCookieFor,
} from "../setup/factories";
import {
  GITHUB_API,
  issueItem,
  primaryLimitResponse,
  pullBody,
  reviewsBody,
  secondaryLimitResponse,
  singleIssue,
} from "../mocks/github";
import { mockServer } from "../mocks/server";

const NUMBERS = [101, 102, 103];
const HOUR = 3_600_000;
let cohortId: string;
let personId: string;

/** GitHub answers for the three pull requests; `special` overrides one answer per call. */
function github(calls: number[], special: (number: number, call: number) => Response | null = () => null) {
  const seen = new Map<number, number>();
  return [
    // pulls.list sorted by update: these PRs were never read whole, so each is asked.
    http.get(`${GITHUB_API}/repos/wagtail/wagtail/pulls`, () => HttpResponse.json([])),
    http.get(`${GITHUB_API}/repos/wagtail/wagtail/pulls/:number/reviews`, () =>
      HttpResponse.json(reviewsBody([["kmensah", "APPROVED"]])),
    ),
    // kmensah's review (GitHub's example: a collaborator) is the first answer; comments are asked until one is known
    http.get(`${GITHUB_API}/repos/wagtail/wagtail/issues/:number/comments`, () => HttpResponse.json([])),
    http.get(`${GITHUB_API}/repos/wagtail/wagtail/pulls/:number`, ({ params }) => {
      const number = Number(params.number);
      const call = (seen.get(number) ?? 0) + 1;
      seen.set(number, call);
      calls.push(number);
      return (
        special(number, call) ??
        HttpResponse.json(
          pullBody("wagtail", "wagtail", number, {
            title: `Synced title ${number}`,
            login: "chloemartin",
            additions: number,
          }),
        )
      );
    }),
  ];
}

const sync = (options: { maxRateLimitWaitSeconds?: number } = {}) =>
  runSync({
    trigger: "schedule",
    github: createGitHub({ timeScale: 1, timeoutMs: 2_000, ...options }),
    trac: createTrac(),
    concurrency: 1,
  });

const stored = async () =>
  Object.fromEntries(
    (
      await db.pullRequest.findMany({
        where: { number: { in: NUMBERS } },
        select: { number: true, title: true },
      })
    ).map((p) => [p.number, p.title]),
  );

beforeAll(async () => {
  const project = await makeProject({ slug: "wagtail", name: "Wagtail", repos: [["wagtail", "wagtail"]] });
  // no starter labels: these runs are about pull requests only
  await db.project.update({ where: { id: project.id }, data: { starterLabels: "[]" } });
  cohortId = (await makeCohort("running", { projectIds: [project.id] })).id;
  personId = (await makePerson({ login: "chloemartin" })).id;
  await addMember(cohortId, personId, "participant");
});

beforeEach(async () => {
  await db.linkedPullRequest.deleteMany();
  await db.pullRequest.deleteMany();
  await db.gitHubRepositoryState.deleteMany();
  // 101 was synced longest ago, then 102, then 103.
  for (const [i, number] of NUMBERS.entries()) {
    const pr = await db.pullRequest.create({
      data: {
        owner: "wagtail",
        repo: "wagtail",
        number,
        url: `https://github.com/wagtail/wagtail/pull/${number}`,
        title: `Stored title ${number}`,
        authorLogin: "chloemartin",
        state: "open",
        lastSyncedAt: new Date(Date.now() - (3 - i) * HOUR),
      },
    });
    await db.linkedPullRequest.create({ data: { cohortId, pullRequestId: pr.id, personId } });
  }
});

describe("tracked pull requests when GitHub misbehaves", () => {
  it("waits out a 403 primary rate limit that resets soon, then goes on with the same and the following pull requests", async () => {
    const calls: number[] = [];
    mockServer.use(
      ...github(calls, (number, call) => (number === 102 && call === 1 ? primaryLimitResponse(1) : null)),
    );
    const summary = await sync();
    expect(summary).toMatchObject({ status: "succeeded", errors: [] });
    expect(calls).toEqual([101, 102, 102, 103]);
    expect(await stored()).toEqual({
      101: "Synced title 101",
      102: "Synced title 102",
      103: "Synced title 103",
    });
  });

  it("stops at a rate limit too far away, and the next run starts with the pull requests it did not reach", async () => {
    const first: number[] = [];
    mockServer.use(...github(first, (number) => (number === 102 ? primaryLimitResponse(3600) : null)));
    const stopped = await sync({ maxRateLimitWaitSeconds: 60 });
    expect(stopped?.status).toBe("partial");
    expect(stopped?.errors).toEqual([expect.stringMatching(/rate limit/)]);
    // 103 was not asked for: waiting would only meet the same limit
    expect(first).toEqual([101, 102]);
    expect(await stored()).toEqual({
      101: "Synced title 101",
      102: "Stored title 102",
      103: "Stored title 103",
    });
    const run = await db.syncRun.findUniqueOrThrow({ where: { id: stopped!.runId } });
    expect(run.progress).toMatch(/rate limit; the next run resumes/);

    mockServer.resetHandlers();
    const second: number[] = [];
    mockServer.use(...github(second));
    expect((await sync())?.status).toBe("succeeded");
    // 101 was read whole last time and the listing sorted by update shows no change since
    expect(second).toEqual([102, 103]);
    expect(await stored()).toEqual({
      101: "Synced title 101",
      102: "Synced title 102",
      103: "Synced title 103",
    });
  });

  it("honours retry-after on a 429 secondary limit within the run", async () => {
    const calls: number[] = [];
    mockServer.use(
      ...github(calls, (number, call) => (number === 101 && call === 1 ? secondaryLimitResponse(2) : null)),
    );
    expect(await sync()).toMatchObject({ status: "succeeded", errors: [] });
    expect(calls).toEqual([101, 101, 102, 103]);
    expect((await stored())[101]).toBe("Synced title 101");
  });

  it("retries a 500 and stores the answer that follows", async () => {
    const calls: number[] = [];
    mockServer.use(
      ...github(calls, (number, call) =>
        number === 103 && call === 1 ? HttpResponse.json({ message: "Server Error" }, { status: 500 }) : null,
      ),
    );
    expect(await sync()).toMatchObject({ status: "succeeded", errors: [] });
    expect(calls.filter((n) => n === 103)).toHaveLength(2);
    expect((await stored())[103]).toBe("Synced title 103");
  });

  it("keeps the stored pull request when GitHub sends malformed JSON, or keeps failing, and records why", async () => {
    const calls: number[] = [];
    mockServer.use(
      ...github(calls, (number) =>
        number === 101
          ? new HttpResponse('{"number": 101, "title": "Half a pull req', {
              headers: { "Content-Type": "application/json" },
            })
          : number === 102
            ? HttpResponse.json({ message: "Server Error" }, { status: 502 })
            : null,
      ),
    );
    const summary = await sync();
    expect(summary?.status).toBe("partial");
    expect(summary?.errors).toEqual([
      expect.stringMatching(/pull request we could not read/),
      expect.stringMatching(
        /GitHub answered 502 while reading pull request #102 of wagtail\/wagtail\. Nothing was changed/,
      ),
    ]);
    expect(await stored()).toEqual({
      101: "Stored title 101",
      102: "Stored title 102",
      103: "Synced title 103",
    });
    const run = await db.syncRun.findUniqueOrThrow({ where: { id: summary!.runId } });
    expect(run).toMatchObject({ status: "partial", errors: 2, changes: 1 });
    expect(run.errorLog).toMatch(/could not read[\s\S]*502/);
  });
});

describe("the organizers' sync page", () => {
  it("lists the recorded runs and warns about the 60-requests-an-hour limit without a token", async () => {
    const organizer = await makePerson({ login: "lenafischer" });
    await addMember(cohortId, organizer.id, "organizer");
    const cohort = await db.cohort.findUniqueOrThrow({ where: { id: cohortId } });
    const load = async () =>
      jsonOf<{ tokenWarning: string | null; runs: { trigger: string; status: string; requests: number }[] }>(
        await callRoute(
          syncPage.loader,
          makeRequest(`/cohorts/${cohort.slug}/sync`, { cookie: await sessionCookieFor(organizer.id) }),
          { slug: cohort.slug },
        ),
      );
    const page = await load();
    expect(page.tokenWarning).toMatch(
      /This server has no GitHub access token set up: GitHub allows only 60 requests an hour/,
    );
    expect(page.runs.length).toBeGreaterThan(0);
    // the last run above: the pulls listing (1), 101 malformed (1), 102 a 502 retried three times (4),
    // 103, its reviews and its comments (3: no maintainer's first answer was known yet)
    expect(page.runs[0]).toMatchObject({ trigger: "schedule", status: "partial", requests: 9 });

    process.env.GITHUB_TOKEN = "ghp_configured";
    resetEnv();
    try {
      expect((await load()).tokenWarning).toBeNull();
    } finally {
      delete process.env.GITHUB_TOKEN;
      resetEnv();
    }
  });
});

describe("starter issues under several labels", () => {
  it("asks only about issues that left a changed listing, not those of a listing that answered 304", async () => {
    const project = await makeProject({ slug: "widgets", name: "Widgets", repos: [["acme", "widgets"]] });
    await db.project.update({
      where: { id: project.id },
      data: { starterLabels: JSON.stringify(["good first issue", "help wanted"]) },
    });
    await db.cohortProject.create({ data: { cohortId, projectId: project.id } });
    let listings: Record<string, number[]> = { "good first issue": [1, 2], "help wanted": [3] };
    const asked: number[] = [];
    mockServer.use(
      ...github([]),
      http.get(`${GITHUB_API}/repos/acme/widgets/issues`, ({ request }) => {
        const label = new URL(request.url).searchParams.get("labels") ?? "";
        const numbers = listings[label] ?? [];
        const etag = `W/"${label}-${numbers.join(",")}"`;
        if (request.headers.get("if-none-match") === etag)
          return new HttpResponse(null, { status: 304, headers: { etag } });
        return HttpResponse.json(
          numbers.map((n) => issueItem("acme", "widgets", n, { labels: [label] })),
          { headers: { etag } },
        );
      }),
      http.get(`${GITHUB_API}/repos/acme/widgets/issues/:number`, ({ params }) => {
        asked.push(Number(params.number));
        return HttpResponse.json(
          singleIssue("acme", "widgets", Number(params.number), { state: "closed", labels: ["help wanted"] }),
        );
      }),
    );
    expect((await sync())?.errors).toEqual([]);
    expect(await db.starterIssue.count({ where: { projectId: project.id, state: "open" } })).toBe(3);

    listings = { "good first issue": [1, 2], "help wanted": [4] };
    const again = await sync();
    expect(again?.errors).toEqual([]);
    expect(asked).toEqual([3]);
    const states = Object.fromEntries(
      (
        await db.starterIssue.findMany({
          where: { projectId: project.id },
          select: { externalKey: true, state: true },
        })
      ).map((i) => [i.externalKey, i.state]),
    );
    expect(states).toEqual({
      "acme/widgets#1": "open",
      "acme/widgets#2": "open",
      "acme/widgets#3": "closed",
      "acme/widgets#4": "open",
    });
  });
});
