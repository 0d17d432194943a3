// The sync against GitHub's recorded sessions (@octokit/fixtures): the status
// lines, headers (ETag, Link, Location, X-RateLimit-*) and bodies api.github.com
// really sent, replayed through MSW into the real sync: a starter-issue listing of
// five pages, a renamed repository answering 301, and a 404.
import { http } from "msw";
import { beforeAll, beforeEach, describe, expect, it } from "vitest";
import { createGitHub } from "../../app/integrations/github.server";
import { createTrac } from "../../app/integrations/trac.server";
import { getSyncPage, runSync } from "../../app/issues/sync.server";
import { db } from "../../app/utils/db.server";
import { makeCohort, makePerson, makeProject, makeTrackedPull } from "../setup/factories";
import { GITHUB_API, pullBody, pullListItem } from "../mocks/github";
import { recorded, replay } from "../mocks/recorded";
import { mockServer } from "../mocks/server";

const fast = () => createGitHub({ timeScale: 1, timeoutMs: 2_000 });
const sync = (github = fast()) =>
  runSync({ trigger: "cli", github, trac: createTrac({ timeScale: 1 }), concurrency: 2 });

// What GitHub recorded (octokit-fixture-org is the organization octokit records against).
const ORG = "octokit-fixture-org";
const moved = recorded("rename-repository", "get", `/repos/${ORG}/rename-repository`, 301);
const movedTo = recorded("rename-repository", "get", "/repositories/1000", 200);
const issuePages = ["/repos/octokit-fixture-org/paginate-issues/issues?per_page=3"]
  .concat([2, 3, 4, 5].map((p) => `/repositories/1000/issues?per_page=3&page=${p}`))
  .map((path) => recorded("paginate-issues", "get", path));
// The one 404 octokit recorded (a branch without protection): status, headers and body as sent.
const notFound = recorded(
  "branch-protection",
  "get",
  `/repos/${ORG}/branch-protection/branches/main/protection`,
);

/** Every request that reached the edge (MSW), to compare with the sync's own counter. */
const onTheWire: string[] = [];
let projectId: string;
let cohortId: string;
let personId: string;

const track = (owner: string, repo: string, number: number) =>
  makeTrackedPull({ cohortId, personId }, owner, repo, number, { authorLogin: "octocat" });

async function repositories(...names: string[]) {
  await db.projectRepository.deleteMany({ where: { projectId } });
  for (const name of names) await db.projectRepository.create({ data: { projectId, owner: ORG, name } });
}

beforeAll(async () => {
  const project = await makeProject({ slug: "octokit", name: "Octokit fixtures", repos: [] });
  projectId = project.id;
  await db.project.update({
    where: { id: project.id },
    data: { starterLabels: JSON.stringify(["good first issue"]) },
  });
  cohortId = (await makeCohort("running", { projectIds: [project.id] })).id;
  personId = (await makePerson({ login: "octocat" })).id;
  mockServer.events.on("request:start", ({ request }) => {
    onTheWire.push(`${request.method} ${request.url}`);
  });
});

beforeEach(async () => {
  await db.linkedPullRequest.deleteMany();
  await db.pullRequest.deleteMany();
  await db.starterIssue.deleteMany();
  onTheWire.length = 0;
});

// GitHub redirects every path below a renamed repository's old name to the
// repository's id, keeping the rest of the path and the query.
const oldName = new RegExp(`^${GITHUB_API}/repos/${ORG}/rename-repository(/[^?]*)?(\\?.*)?$`, "i");
const redirectFromOldName = http.get(oldName, ({ request }) => {
  const url = new URL(request.url);
  const rest = url.pathname.replace(new RegExp(`^/repos/${ORG}/rename-repository`, "i"), "");
  return replay(moved, null, {
    headers: { location: `${GITHUB_API}/repositories/1000${rest}${url.search}` },
  });
});
/** pulls.get (GitHub's example) of #1, its base repository as GitHub recorded it after the rename. */
const movedPull = () => {
  const pr = pullBody(ORG, "rename-repository-newname", 1, {
    login: "octocat",
    title: "Moved with its repository",
  });
  (pr.base as Record<string, unknown>).repo = movedTo.response;
  return pr;
};

describe("GitHub's recorded sessions through the sync", () => {
  it("pagination: a starter-issue listing of five pages is read through its Link headers, then re-synced for free with the recorded ETag", async () => {
    await repositories("paginate-issues");
    mockServer.use(
      http.get(`${GITHUB_API}/repos/${ORG}/paginate-issues/issues`, ({ request }) =>
        new URL(request.url).searchParams.get("state") === "closed"
          ? // page 1 of the closed listing: nothing closed lately (the recorded headers, no next page)
            replay(issuePages[0], request, { body: [], headers: { link: null } })
          : replay(issuePages[0], request),
      ),
      http.get(`${GITHUB_API}/repositories/1000/issues`, ({ request }) => {
        const page = Number(new URL(request.url).searchParams.get("page"));
        return replay(issuePages[page - 1], request);
      }),
    );
    const github = fast();
    const first = await sync(github);
    expect(first?.errors).toEqual([]);
    const issues = await db.starterIssue.findMany({ orderBy: { externalKey: "asc" } });
    expect(issues.map((i) => i.externalKey).sort()).toEqual(
      Array.from({ length: 13 }, (_, i) => `${ORG}/paginate-issues#${i + 1}`).sort(),
    );
    expect(issues.find((i) => i.externalKey.endsWith("#13"))).toMatchObject({
      title: "Test issue 13",
      state: "open",
      url: `https://github.com/${ORG}/paginate-issues/issues/13`,
    });
    // five pages (the sync follows GitHub's own next links) and page 1 of the closed listing
    expect(first?.requests).toBe(6);
    expect(onTheWire).toHaveLength(6);
    expect(github.stats.remaining).toBe(4999);

    const again = fast();
    const second = await sync(again);
    expect(second?.errors).toEqual([]);
    // the recorded ETag sent back: both listings answer 304, free of rate limit
    expect(again.stats).toMatchObject({ requests: 2, notModified: 2 });
    expect(await db.starterIssue.count({ where: { state: "open" } })).toBe(13);
  });

  it("a renamed repository (GitHub's recorded 301): one row under the new name, every hop counted, later calls go to the new name", async () => {
    await repositories("rename-repository");
    const old = await track(ORG, "rename-repository", 1);
    await track("Octokit-Fixture-Org", "Rename-Repository", 1);
    const newName = `${GITHUB_API}/repos/${ORG}/rename-repository-newname`;
    mockServer.use(
      redirectFromOldName, // both spellings: GitHub's names are case-insensitive
      http.get(`${GITHUB_API}/repositories/1000/issues`, ({ request }) =>
        replay(movedTo, request, { body: [] }),
      ),
      http.get(`${GITHUB_API}/repositories/1000/pulls`, ({ request }) =>
        replay(movedTo, request, { body: [pullListItem(movedPull())] }),
      ),
      http.get(`${newName}/issues`, ({ request }) => replay(movedTo, request, { body: [] })),
      http.get(`${newName}/pulls`, ({ request }) =>
        replay(movedTo, request, { body: [pullListItem(movedPull())] }),
      ),
      http.get(`${newName}/pulls/1`, ({ request }) => replay(movedTo, request, { body: movedPull() })),
      http.get(`${newName}/pulls/1/reviews`, ({ request }) => replay(movedTo, request, { body: [] })),
      http.get(`${newName}/issues/1/comments`, ({ request }) => replay(movedTo, request, { body: [] })),
    );
    const first = await sync();
    expect(first?.errors).toEqual([]);
    const rows = await db.pullRequest.findMany({ where: { number: 1 } });
    expect(rows).toHaveLength(1);
    expect(rows[0]).toMatchObject({
      id: old.id,
      owner: ORG,
      repo: "rename-repository-newname",
      title: "Moved with its repository",
    });
    expect(await db.linkedPullRequest.count({ where: { pullRequest: { number: 1 } } })).toBe(1);
    expect(await db.projectRepository.findMany({ where: { projectId }, select: { name: true } })).toEqual([
      { name: "rename-repository-newname" },
    ]);
    // label listing: 301 + answer (2); pulls listing: 301 + answer (2); the PR, its reviews and comments (3)
    expect(first?.requests).toBe(7);
    expect(onTheWire).toHaveLength(7);

    onTheWire.length = 0;
    const again = fast();
    const second = await sync(again);
    expect(second?.errors).toEqual([]);
    expect(onTheWire.filter((r) => oldName.test(r.replace(/^GET /, "")))).toEqual([]);
    // one request per listing under the new name, both 304 with the recorded ETag
    expect(again.stats).toMatchObject({ requests: 2, notModified: 2 });
  });

  it("the request counter counts a 301 and the answer it leads to as two requests", async () => {
    mockServer.use(
      redirectFromOldName,
      http.get(`${GITHUB_API}/repositories/1000/pulls/1`, ({ request }) =>
        replay(movedTo, request, { body: movedPull() }),
      ),
    );
    const github = fast();
    const answer = await github.getPull(ORG, "rename-repository", 1);
    expect(onTheWire).toEqual([
      `GET ${GITHUB_API}/repos/${ORG}/rename-repository/pulls/1`,
      `GET ${GITHUB_API}/repositories/1000/pulls/1`,
    ]);
    expect(github.stats.requests).toBe(2);
    expect(answer).toMatchObject({
      notModified: false,
      value: { owner: ORG, repo: "rename-repository-newname", number: 1 },
    });
  });

  it("a repository answering GitHub's recorded 404 is named in a sentence, shown with its next try, and not asked again for a day", async () => {
    await repositories("gone");
    await track(ORG, "gone", 5);
    let asked = 0;
    mockServer.use(
      http.get(new RegExp(`^${GITHUB_API}/repos/${ORG}/gone/`), () => {
        asked += 1;
        return replay(notFound);
      }),
    );
    const first = await sync();
    expect(first?.errors).toEqual([`GitHub has no repository ${ORG}/gone, or it is private.`]);
    // the label listing said so; the repository's pull requests were not asked
    expect(asked).toBe(1);
    const page = await getSyncPage();
    expect(page.unavailable).toEqual([
      {
        fullName: `${ORG}/gone`,
        unavailableReason: `GitHub has no repository ${ORG}/gone, or it is private.`,
        unavailableUntil: expect.any(Date),
      },
    ]);
    expect(page.unavailable[0].unavailableUntil!.getTime()).toBeGreaterThan(Date.now() + 23 * 3_600_000);

    const second = await sync();
    expect(second?.errors).toEqual([]);
    expect(asked).toBe(1);
  });
});
