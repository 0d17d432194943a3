// Sync of 2,000 tracked pull requests across 5 repositories against a local mock
// GitHub (node:http on 127.0.0.1) that answers after 50 ms, three runs side by side:
// the first sync, an idle re-sync (nothing changed), and a re-sync after a
// base-branch move (GitHub then changes every pulls.get ETag through mergeable /
// mergeable_state, while the pulls listing — which has no such fields — stays the
// same). Goal: idle and base-moved ≤ 3 requests per repository plus one per label
// listing, and no request counted against the rate limit (decision 050). pulls.get
// counts conversation comments; a changed PR with some is asked for them until a
// maintainer's first answer is known (the maintainers' view, decision 052).
import { mkdirSync, rmSync } from "node:fs";
import { createServer, type IncomingMessage, type ServerResponse } from "node:http";
import type { AddressInfo } from "node:net";
import path from "node:path";

const REPOS = ["django/django", "wagtail/wagtail", "django-commons/django-debug-toolbar", "encode/django-rest-framework", "jazzband/django-oauth-toolkit"];
const PULLS = 2000;
const LATENCY_MS = 50;

type Counters = { requests: number; notModified: number; rateLimited: number };

function startMockGitHub(counters: Counters, state: { baseVersion: number; numbers: Map<string, number[]> }) {
  const etagOf = (p: string) => `W/"${Buffer.from(p).toString("base64url")}"`;
  const ended = new Date(Date.now() - 86_400_000).toISOString();
  const pullBody = (owner: string, repo: string, n: number) => ({
    number: n, html_url: `https://github.com/${owner}/${repo}/pull/${n}`, title: `Pull request ${n}`, body: `Fixes #${n}`,
    user: { login: `contributor${n % 97}` }, state: n % 5 === 0 ? "closed" : "open", draft: n % 7 === 0,
    merged: n % 10 === 0, merged_at: n % 10 === 0 ? ended : null, closed_at: n % 5 === 0 ? ended : null,
    created_at: "2026-10-20T10:00:00Z", updated_at: `2026-11-01T10:${String(n % 60).padStart(2, "0")}:00Z`, additions: n % 500, deletions: n % 40, changed_files: 1 + (n % 9), comments: n % 4,
    base: { ref: "main", repo: { name: repo, full_name: `${owner}/${repo}`, owner: { login: owner } } },
  });
  const server = createServer((req: IncomingMessage, res: ServerResponse) => {
    counters.requests += 1;
    const url = new URL(req.url ?? "/", "http://127.0.0.1");
    setTimeout(() => {
      const pull = url.pathname.match(/^\/repos\/([^/]+)\/([^/]+)\/pulls\/(\d+)$/);
      const list = url.pathname.match(/^\/repos\/([^/]+)\/([^/]+)\/pulls$/);
      const reviews = url.pathname.match(/^\/repos\/([^/]+)\/([^/]+)\/pulls\/(\d+)\/reviews$/);
      // A base-branch move changes mergeable_state, hence every pulls.get ETag; nothing else.
      const etag = pull ? etagOf(`${url.pathname}@base${state.baseVersion}`) : etagOf(url.pathname + url.search);
      if (req.headers["if-none-match"] === etag) {
        counters.notModified += 1;
        res.writeHead(304, { etag });
        res.end();
        return;
      }
      counters.rateLimited += 1;
      let body: unknown = [];
      if (pull) {
        const [, owner, repo, n] = pull;
        body = { ...pullBody(owner, repo, Number(n)), mergeable: true, mergeable_state: state.baseVersion % 2 ? "behind" : "clean" };
      } else if (list) {
        const [, owner, repo] = list;
        const page = Number(url.searchParams.get("page") ?? "1");
        const all = (state.numbers.get(`${owner}/${repo}`) ?? []).map((n) => pullBody(owner, repo, n)).sort((a, b) => b.updated_at.localeCompare(a.updated_at));
        body = all.slice((page - 1) * 100, page * 100).map(({ additions: _a, deletions: _d, changed_files: _c, merged: _m, comments: _n, ...item }) => item);
      } else if (reviews) {
        body = Number(reviews[3]) % 3 === 0 ? [{ user: { login: "maintainer" }, state: "APPROVED", submitted_at: "2026-11-01T09:00:00Z", author_association: "MEMBER" }] : [];
      }
      res.writeHead(200, { "content-type": "application/json; charset=utf-8", etag, "x-ratelimit-remaining": "4999" });
      res.end(JSON.stringify(body));
    }, LATENCY_MS);
  });
  return new Promise<{ url: string; close: () => Promise<void> }>((resolve) => {
    server.listen(0, "127.0.0.1", () => {
      const { port } = server.address() as AddressInfo;
      resolve({ url: `http://127.0.0.1:${port}`, close: () => new Promise((r) => server.close(() => r())) });
    });
  });
}

export async function bench(): Promise<{ sync: Record<string, unknown> }> {
  const dir = path.resolve("tests/.tmp");
  mkdirSync(dir, { recursive: true });
  const file = path.join(dir, `bench-sync-${process.pid}.db`);
  process.env.DATABASE_URL = `file:${file}`;
  const { resetEnv } = await import("../../app/utils/env.server");
  resetEnv();
  const { applyMigrations } = await import("../../app/utils/migrations.server");
  await applyMigrations(process.env.DATABASE_URL);
  const { db } = await import("../../app/utils/db.server");
  const { createGitHub } = await import("../../app/integrations/github.server");
  const { createTrac } = await import("../../app/integrations/trac.server");
  const { runSync } = await import("../../app/issues/sync.server");

  // 5 repositories of one project in a running cohort, 400 linked PRs each.
  const project = await db.project.create({
    data: { slug: "bench", name: "Bench", starterLabels: JSON.stringify(["good first issue"]), repositories: { create: REPOS.map((r) => ({ owner: r.split("/")[0], name: r.split("/")[1] })) } },
  });
  const cohort = await db.cohort.create({ data: { slug: "bench", name: "Bench", applicationsOpenAt: new Date(Date.now() - 9e9), applicationsCloseAt: new Date(Date.now() - 8e9), startsOn: new Date(Date.now() - 1e9), projects: { create: [{ projectId: project.id }] } } });
  const person = await db.person.create({ data: { login: "bench", name: "Bench Person" } });
  const perRepo = PULLS / REPOS.length;
  for (const [i, full] of REPOS.entries()) {
    const [owner, repo] = full.split("/");
    await db.pullRequest.createMany({
      data: Array.from({ length: perRepo }, (_, k) => ({ owner, repo, number: i * 10_000 + k + 1, url: `https://github.com/${owner}/${repo}/pull/${k + 1}`, title: "?", authorLogin: "bench", state: "open" })),
    });
  }
  const prs = await db.pullRequest.findMany({ select: { id: true } });
  await db.linkedPullRequest.createMany({ data: prs.map((pr) => ({ cohortId: cohort.id, pullRequestId: pr.id, personId: person.id, explanation: "bench", aiDisclosure: "none" })) });

  const counters: Counters = { requests: 0, notModified: 0, rateLimited: 0 };
  const numbers = new Map<string, number[]>();
  for (const pr of await db.pullRequest.findMany({ select: { owner: true, repo: true, number: true } })) {
    numbers.set(`${pr.owner}/${pr.repo}`, [...(numbers.get(`${pr.owner}/${pr.repo}`) ?? []), pr.number]);
  }
  const mockState = { baseVersion: 0, numbers };
  const mock = await startMockGitHub(counters, mockState);
  const runs: Record<string, { requests: number; syncCounted: number; notModified: number; rateLimitUnits: number; changes: number; errors: number; seconds: number }> = {};
  try {
    for (const label of ["first sync", "idle re-sync", "base-branch moved"]) {
      if (label === "base-branch moved") mockState.baseVersion += 1;
      Object.assign(counters, { requests: 0, notModified: 0, rateLimited: 0 });
      const started = performance.now();
      const summary = await runSync({ trigger: "cli", github: createGitHub({ baseUrl: mock.url, token: "bench-token", timeScale: 1 }), trac: createTrac(), concurrency: 10 });
      const seconds = (performance.now() - started) / 1000;
      runs[label] = {
        requests: counters.requests, syncCounted: summary?.requests ?? 0, notModified: counters.notModified, rateLimitUnits: counters.rateLimited,
        changes: summary?.changes ?? 0, errors: summary?.errors.length ?? 0, seconds: Number(seconds.toFixed(2)),
      };
    }
    console.log(`${PULLS} linked PRs in ${REPOS.length} repositories, one starter label each, ${LATENCY_MS} ms latency`);
    console.log(`${"".padEnd(18)} ${"requests".padStart(9)} ${"304s".padStart(6)} ${"rate-limit units".padStart(17)} ${"changes".padStart(8)} ${"errors".padStart(7)} ${"wall time".padStart(10)}`);
    for (const [label, r] of Object.entries(runs)) {
      console.log(`${label.padEnd(18)} ${String(r.requests).padStart(9)} ${String(r.notModified).padStart(6)} ${String(r.rateLimitUnits).padStart(17)} ${String(r.changes).padStart(8)} ${String(r.errors).padStart(7)} ${(r.seconds.toFixed(1) + " s").padStart(10)}`);
      if (r.requests !== r.syncCounted) console.log(`  note: the sync counted ${r.syncCounted} requests, the server saw ${r.requests}`);
    }
    const goal = 3 * REPOS.length + REPOS.length;
    for (const label of ["idle re-sync", "base-branch moved"]) {
      const r = runs[label];
      if (r.requests > goal || r.rateLimitUnits > 0) console.log(`  WARNING: ${label} cost ${r.requests} requests (goal ≤ ${goal}) and ${r.rateLimitUnits} rate-limit units (goal 0)`);
    }
  } finally {
    await mock.close();
    await db.$disconnect();
    for (const suffix of ["", "-wal", "-shm"]) rmSync(file + suffix, { force: true });
  }
  return { sync: { pulls: PULLS, repositories: REPOS.length, latencyMs: LATENCY_MS, runs } };
}
