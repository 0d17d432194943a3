// Sync against GitHub and Trac at the HTTP edge (MSW): paging, ETags, rate limits,
// retries, malformed answers, closures, and one sync at a time.
import { http, HttpResponse } from "msw";
import { beforeAll, describe, expect, it } from "vitest";
import { createGitHub } from "../../app/integrations/github.server";
import { createTrac } from "../../app/integrations/trac.server";
import { getSyncPage, onceEach, runSync, startSyncRun, SYNC_LEASE } from "../../app/issues/sync.server";
import { acquireLease, releaseLease } from "../../app/utils/scheduler.server";
import { db } from "../../app/utils/db.server";
import { addMember, makeCohort, makePerson, makeProject } from "../setup/factories";
import {
  GITHUB_API,
  issueItem,
  listIssuesHandler,
  pullBody,
  pullHandler,
  primaryLimitResponse,
  secondaryLimitResponse,
} from "../mocks/github";
import { mockServer } from "../mocks/server";
import { TRAC, tracQueryHandler } from "../mocks/trac";

// Rate-limit and retry waits are scaled: one "second" lasts one millisecond here.
const fastGitHub = () => createGitHub({ timeScale: 1, timeoutMs: 2_000 });

let projectId: string;
let cohortId: string;
let personId: string;

beforeAll(async () => {
  const project = await makeProject({ slug: "wagtail", name: "Wagtail", repos: [["wagtail", "wagtail"]] });
  await db.project.update({
    where: { id: project.id },
    data: { starterLabels: JSON.stringify(["good first issue"]) },
  });
  projectId = project.id;
  cohortId = (await makeCohort("running", { projectIds: [project.id] })).id;
  personId = (await makePerson({ login: "chloemartin" })).id;
  await addMember(cohortId, personId, "participant");
});

const page = (from: number, count: number) =>
  Array.from({ length: count }, (_, i) =>
    issueItem("wagtail", "wagtail", from + i, { title: `Starter ${from + i}` }),
  );

describe("GitHub client", () => {
  it("reads every page of a listing through the Link header and leaves pull requests out", async () => {
    const calls: string[] = [];
    mockServer.use(
      listIssuesHandler(
        "wagtail",
        "wagtail",
        [page(1, 100), [...page(101, 30), issueItem("wagtail", "wagtail", 999, { isPull: true })]],
        { calls },
      ),
    );
    const github = fastGitHub();
    const answer = await github.listStarterIssues("wagtail", "wagtail", "good first issue");
    expect(answer.notModified).toBe(false);
    if (answer.notModified) return;
    expect(answer.value).toHaveLength(130);
    expect(answer.value.some((i) => i.number === 999)).toBe(false);
    expect(answer.etag).toBe('W/"issues-wagtail-wagtail"');
    expect(calls).toHaveLength(2);
    expect(new URLSearchParams(calls[0]).get("labels")).toBe("good first issue");
    expect(new URLSearchParams(calls[1]).get("page")).toBe("2");
  });

  it("sends the stored ETag and treats 304 as unchanged, counting it as free", async () => {
    mockServer.use(listIssuesHandler("wagtail", "wagtail", [page(1, 3)]));
    const github = fastGitHub();
    const answer = await github.listStarterIssues(
      "wagtail",
      "wagtail",
      "good first issue",
      'W/"issues-wagtail-wagtail"',
    );
    expect(answer).toEqual({ notModified: true });
    expect(github.stats).toMatchObject({ requests: 1, notModified: 1 });
  });

  it("waits for the reset after a 403 primary rate limit, then resumes", async () => {
    let calls = 0;
    mockServer.use(
      http.get(`${GITHUB_API}/repos/wagtail/wagtail/pulls/1`, () => {
        calls += 1;
        return calls === 1 ? primaryLimitResponse(2) : HttpResponse.json(pullBody("wagtail", "wagtail", 1));
      }),
    );
    const github = fastGitHub();
    const answer = await github.getPull("wagtail", "wagtail", 1);
    expect(answer.notModified).toBe(false);
    expect(calls).toBe(2);
    expect(github.stats.rateLimitWaits[0]).toBeGreaterThanOrEqual(2);
  });

  it("honours retry-after on a 429 secondary rate limit", async () => {
    let calls = 0;
    mockServer.use(
      http.get(`${GITHUB_API}/repos/wagtail/wagtail/pulls/2`, () => {
        calls += 1;
        return calls === 1 ? secondaryLimitResponse(7) : HttpResponse.json(pullBody("wagtail", "wagtail", 2));
      }),
    );
    const github = fastGitHub();
    await github.getPull("wagtail", "wagtail", 2);
    expect(calls).toBe(2);
    expect(github.stats.rateLimitWaits).toEqual([7]);
  });

  it("retries a 500 and succeeds", async () => {
    let calls = 0;
    mockServer.use(
      http.get(`${GITHUB_API}/repos/wagtail/wagtail/pulls/3`, () => {
        calls += 1;
        return calls === 1
          ? HttpResponse.json({ message: "Server Error" }, { status: 500 })
          : HttpResponse.json(pullBody("wagtail", "wagtail", 3, { additions: 42 }));
      }),
    );
    const answer = await fastGitHub().getPull("wagtail", "wagtail", 3);
    expect(answer.notModified === false && answer.value.additions).toBe(42);
    expect(calls).toBe(2);
  });

  it("says GitHub could not be reached when no answer comes, after one retry when someone waits", async () => {
    let calls = 0;
    mockServer.use(
      http.get(`${GITHUB_API}/repos/wagtail/wagtail/pulls/4`, () => {
        calls += 1;
        return HttpResponse.error();
      }),
    );
    const error = await createGitHub({ timeScale: 1, timeoutMs: 2_000, retries: 1 })
      .getPull("wagtail", "wagtail", 4)
      .catch((e: Error) => e);
    expect(calls).toBe(2);
    expect((error as Error).message).toMatch(
      /^GitHub \(api\.github\.com\) could not be reached while reading pull request #4 of wagtail\/wagtail: .+ Nothing was changed; try again in a few minutes\.$/,
    );
    expect((error as Error).message).not.toMatch(/ENOTFOUND|ECONN|getaddrinfo/);
    expect((error as Error).message).not.toMatch(/\b500\b/);
  });

  it("reports a private or missing repository as not found", async () => {
    mockServer.use(
      http.get(`${GITHUB_API}/repos/acme/secret/pulls/1`, () =>
        HttpResponse.json({ message: "Not Found" }, { status: 404 }),
      ),
    );
    await expect(fastGitHub().getPull("acme", "secret", 1)).rejects.toMatchObject({ kind: "not_found" });
  });

  it("reads a repository with issues switched off (410, like django/django) as no starter issues", async () => {
    mockServer.use(
      http.get(`${GITHUB_API}/repos/django/django/issues`, () =>
        HttpResponse.json({ message: "Issues are disabled for this repo" }, { status: 410 }),
      ),
    );
    expect(await fastGitHub().listStarterIssues("django", "django", "easy pickings")).toEqual({
      notModified: false,
      value: [],
      etag: null,
      issuesOff: true,
    });
  });

  it("refuses malformed JSON instead of reading it", async () => {
    mockServer.use(
      http.get(
        `${GITHUB_API}/repos/wagtail/wagtail/pulls/4`,
        () =>
          new HttpResponse('{"number": 4, "title": ', { headers: { "Content-Type": "application/json" } }),
      ),
    );
    await expect(fastGitHub().getPull("wagtail", "wagtail", 4)).rejects.toMatchObject({ kind: "malformed" });
  });
});

describe("the sync", () => {
  it("imports starter issues, then an unchanged re-sync costs only 304s", async () => {
    mockServer.use(listIssuesHandler("wagtail", "wagtail", [page(1, 100), page(101, 5)]));
    const first = await runSync({ trigger: "cli", github: fastGitHub(), trac: createTrac() });
    // two pages of the open listing, and page 1 of the closed one (a listing longer than a page is watched through it)
    expect(first).toMatchObject({ status: "succeeded", requests: 3, notModified: 0, changes: 105 });
    expect(await db.starterIssue.count({ where: { projectId, state: "open" } })).toBe(105);

    const again = await runSync({ trigger: "cli", github: fastGitHub(), trac: createTrac() });
    expect(again).toMatchObject({ status: "succeeded", requests: 2, notModified: 2, changes: 0 });
    const runs = await db.syncRun.findMany({ orderBy: { startedAt: "asc" } });
    expect(runs.slice(-2).map((r) => [r.trigger, r.status, r.requests, r.notModified])).toEqual([
      ["cli", "succeeded", 3, 0],
      ["cli", "succeeded", 2, 2],
    ]);
  });

  it("marks an issue that left the listing closed (not deleted) after asking GitHub", async () => {
    mockServer.use(
      listIssuesHandler("wagtail", "wagtail", [page(2, 104)], { etag: 'W/"changed"' }),
      http.get(`${GITHUB_API}/repos/wagtail/wagtail/issues/1`, () =>
        HttpResponse.json(issueItem("wagtail", "wagtail", 1, { state: "closed", title: "Starter 1" })),
      ),
    );
    await runSync({ trigger: "cli", github: fastGitHub(), trac: createTrac() });
    const issue = await db.starterIssue.findUnique({
      where: { source_externalKey: { source: "github", externalKey: "wagtail/wagtail#1" } },
    });
    expect(issue?.state).toBe("closed");
  });

  it("keeps good stored data when an answer is malformed, and records the error", async () => {
    const before = await db.starterIssue.count({ where: { projectId } });
    mockServer.use(
      http.get(`${GITHUB_API}/repos/wagtail/wagtail/issues`, () =>
        HttpResponse.json({ unexpected: "shape" }),
      ),
    );
    const summary = await runSync({ trigger: "cli", github: fastGitHub(), trac: createTrac() });
    expect(summary?.status).toBe("failed");
    expect(summary?.errors[0]).toMatch(/could not read/);
    expect(await db.starterIssue.count({ where: { projectId, state: "open" } })).toBe(before - 1);
    const repo = await db.projectRepository.findFirstOrThrow({ where: { projectId } });
    expect(JSON.parse(repo.issuesEtags)).toEqual({ "good first issue": 'W/"changed"' });
    const run = await db.syncRun.findFirstOrThrow({ orderBy: { startedAt: "desc" } });
    expect(run).toMatchObject({ status: "failed", errors: 1 });
  });

  it("refreshes tracked pull requests with their reviews, and skips unchanged ones", async () => {
    const pr = await db.pullRequest.create({
      data: {
        owner: "wagtail",
        repo: "wagtail",
        number: 12560,
        url: "https://github.com/wagtail/wagtail/pull/12560",
        title: "old",
        authorLogin: "chloemartin",
        state: "open",
      },
    });
    await db.linkedPullRequest.create({
      data: { cohortId, pullRequestId: pr.id, personId, explanation: "x", aiDisclosure: "none" },
    });
    mockServer.use(
      listIssuesHandler("wagtail", "wagtail", [page(2, 104)], { etag: 'W/"changed"' }),
      ...pullHandler(
        "wagtail",
        "wagtail",
        12560,
        { title: "Add an accessible label", login: "chloemartin", additions: 12, deletions: 3 },
        {
          reviews: [
            ["kmensah", "CHANGES_REQUESTED"],
            ["kmensah", "APPROVED"],
            ["thibaudcolas", "COMMENTED"],
          ],
        },
      ),
    );
    const first = await runSync({ trigger: "button", github: fastGitHub(), trac: createTrac() });
    expect(first?.status).toBe("succeeded");
    expect(await db.pullRequest.findUniqueOrThrow({ where: { id: pr.id } })).toMatchObject({
      title: "Add an accessible label",
      reviewState: "approved",
      reviewCount: 3,
      additions: 12,
    });

    const github = fastGitHub();
    const second = await runSync({ trigger: "button", github, trac: createTrac() });
    // listing 304 + pull 304; reviews are not asked for an unchanged pull request
    expect(second).toMatchObject({ requests: 2, notModified: 2, changes: 0 });
  });

  it("stops at a primary rate limit it cannot wait out, keeping what it had, and resumes next time", async () => {
    mockServer.use(
      listIssuesHandler("wagtail", "wagtail", [page(2, 104)], { etag: 'W/"changed"' }),
      http.get(`${GITHUB_API}/repos/wagtail/wagtail/pulls`, () => primaryLimitResponse(3600)),
      http.get(`${GITHUB_API}/repos/wagtail/wagtail/pulls/12560`, () => primaryLimitResponse(3600)),
    );
    const summary = await runSync({
      trigger: "schedule",
      github: createGitHub({ timeScale: 1, maxRateLimitWaitSeconds: 60 }),
      trac: createTrac(),
    });
    expect(summary?.status).not.toBe("succeeded");
    expect(summary?.errors.join(" ")).toMatch(/rate limit/);
    expect(await db.pullRequest.findFirstOrThrow({ where: { number: 12560 } })).toMatchObject({
      title: "Add an accessible label",
      reviewState: "approved",
    });
    const run = await db.syncRun.findFirstOrThrow({ orderBy: { startedAt: "desc" } });
    expect(run.progress).toMatch(/resumes/);
  });

  it("stops at once when GitHub cannot be reached, changing nothing, and says so on the sync page", async () => {
    const before = await db.starterIssue.findMany({
      where: { projectId },
      orderBy: { id: "asc" },
      select: { id: true, title: true, state: true },
    });
    let calls = 0;
    mockServer.use(
      http.get(`${GITHUB_API}/repos/wagtail/wagtail/issues`, () => {
        calls += 1;
        return HttpResponse.error();
      }),
    );
    const summary = await runSync({ trigger: "button", github: fastGitHub(), trac: createTrac() });
    expect(summary?.status).toBe("failed");
    // one listing, retried three times; no pull request was asked for afterwards
    expect(calls).toBe(4);
    expect(summary?.requests).toBe(4);
    expect(summary?.errors).toEqual([
      expect.stringMatching(/^GitHub \(api\.github\.com\) could not be reached/),
    ]);
    expect(
      await db.starterIssue.findMany({
        where: { projectId },
        orderBy: { id: "asc" },
        select: { id: true, title: true, state: true },
      }),
    ).toEqual(before);
    const run = await db.syncRun.findFirstOrThrow({ where: { id: summary!.runId } });
    expect(run.progress).toBe(
      "Stopped: GitHub could not be reached. Nothing was overwritten; the next run tries again.",
    );
  });

  it("lists each problem of a run once, with how often it happened", async () => {
    expect(onceEach(["A 502.", "B refused.", "A 502.", "A 502."])).toEqual([
      "A 502. (3 times)",
      "B refused.",
    ]);
  });

  it("imports a project's Trac tickets and closes the ones that left the query", async () => {
    const django = await makeProject({ slug: "django", name: "Django", tracUrl: TRAC, repos: [] });
    await db.project.update({
      where: { id: django.id },
      data: { tracQuery: "status=!closed&stage=Accepted&easy=1" },
    });
    await db.cohortProject.create({ data: { cohortId, projectId: django.id } });
    mockServer.use(
      listIssuesHandler("wagtail", "wagtail", [page(2, 104)], { etag: 'W/"changed"' }),
      ...pullHandler("wagtail", "wagtail", 12560, { title: "Add an accessible label", login: "chloemartin" }),
      tracQueryHandler([
        { id: 35890, summary: "Document that bulk_create() ignores db_default" },
        { id: 36105, summary: "Remove unneeded str() calls" },
      ]),
    );
    await runSync({ trigger: "cli", github: fastGitHub(), trac: createTrac() });
    expect(
      await db.starterIssue.count({ where: { projectId: django.id, source: "trac", state: "open" } }),
    ).toBe(2);

    mockServer.use(
      tracQueryHandler(
        [{ id: 36105, summary: "Remove unneeded str() calls" }],
        [{ id: 35890, summary: "Document that bulk_create() ignores db_default", status: "closed" }],
      ),
    );
    await runSync({ trigger: "cli", github: fastGitHub(), trac: createTrac() });
    expect(
      await db.starterIssue.findUniqueOrThrow({
        where: { source_externalKey: { source: "trac", externalKey: "35890" } },
      }),
    ).toMatchObject({ state: "closed" });
  });

  it("frees the lease two minutes after a sync died, and shows that run as interrupted", async () => {
    const started = new Date();
    const runId = await startSyncRun("button", "00000000-0000-0000-0000-0000000000de");
    expect(runId).not.toBeNull();
    // The process died here: no heartbeat, no release.
    expect(
      await acquireLease(
        SYNC_LEASE,
        60_000,
        new Date(started.getTime() + 60_000),
        "00000000-0000-0000-0000-000000000002",
      ),
    ).toBe(false);
    const later = new Date(started.getTime() + 2 * 60_000 + 1_000);
    const page = await getSyncPage(later);
    expect(page.running).toBeNull();
    expect(page.runs.find((r) => r.id === runId)).toMatchObject({
      status: "failed",
      progress: "Interrupted (the app stopped during the sync).",
    });
    expect(await acquireLease(SYNC_LEASE, 60_000, later, "00000000-0000-0000-0000-000000000002")).toBe(true);
    await releaseLease(SYNC_LEASE, "00000000-0000-0000-0000-000000000002");
  });

  it("runs only once at a time: a second instance finds the lease taken", async () => {
    expect(await acquireLease(SYNC_LEASE, 60_000, new Date(), "00000000-0000-0000-0000-000000000001")).toBe(
      true,
    );
    const runsBefore = await db.syncRun.count();
    expect(await runSync({ trigger: "schedule", github: fastGitHub(), trac: createTrac() })).toBeNull();
    expect(await db.syncRun.count()).toBe(runsBefore);
    await releaseLease(SYNC_LEASE, "00000000-0000-0000-0000-000000000001");
  });
});
