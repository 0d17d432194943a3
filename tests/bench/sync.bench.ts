// Sync of 2,000 tracked pull requests across 5 repositories against a local mock
// GitHub (node:http on 127.0.0.1) that answers after 50 ms, then an unchanged
// re-sync that must cost no rate limit at all (every answer a 304).
import { mkdirSync, rmSync } from "node:fs";
import { createServer, type IncomingMessage, type ServerResponse } from "node:http";
import type { AddressInfo } from "node:net";
import path from "node:path";

const REPOS = ["django/django", "wagtail/wagtail", "django-commons/django-debug-toolbar", "encode/django-rest-framework", "jazzband/django-oauth-toolkit"];
const PULLS = 2000;
const LATENCY_MS = 50;

type Counters = { requests: number; notModified: number; rateLimited: number };

function startMockGitHub(counters: Counters) {
  const etagOf = (p: string) => `W/"${Buffer.from(p).toString("base64url")}"`;
  const server = createServer((req: IncomingMessage, res: ServerResponse) => {
    counters.requests += 1;
    const url = new URL(req.url ?? "/", "http://127.0.0.1");
    const ended = new Date(Date.now() - 86_400_000).toISOString();
    setTimeout(() => {
      const etag = etagOf(url.pathname + url.search);
      if (req.headers["if-none-match"] === etag) {
        counters.notModified += 1;
        res.writeHead(304, { etag });
        res.end();
        return;
      }
      counters.rateLimited += 1;
      const pull = url.pathname.match(/^\/repos\/([^/]+)\/([^/]+)\/pulls\/(\d+)$/);
      const reviews = url.pathname.match(/^\/repos\/([^/]+)\/([^/]+)\/pulls\/(\d+)\/reviews$/);
      let body: unknown = [];
      if (pull) {
        const [, owner, repo, n] = pull;
        body = {
          number: Number(n), html_url: `https://github.com/${owner}/${repo}/pull/${n}`, title: `Pull request ${n}`, body: `Fixes #${n}`,
          user: { login: `contributor${Number(n) % 97}` }, state: Number(n) % 5 === 0 ? "closed" : "open", draft: Number(n) % 7 === 0,
          merged: Number(n) % 10 === 0, merged_at: Number(n) % 10 === 0 ? ended : null, closed_at: Number(n) % 5 === 0 ? ended : null,
          created_at: "2026-10-20T10:00:00Z", updated_at: "2026-11-01T10:00:00Z", additions: Number(n) % 500, deletions: Number(n) % 40, changed_files: 1 + (Number(n) % 9),
        };
      } else if (reviews) {
        body = Number(reviews[3]) % 3 === 0 ? [{ user: { login: "maintainer" }, state: "APPROVED", submitted_at: "2026-11-01T09:00:00Z" }] : [];
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

export async function bench(): Promise<void> {
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
  const mock = await startMockGitHub(counters);
  try {
    for (const label of ["first sync", "unchanged re-sync"]) {
      Object.assign(counters, { requests: 0, notModified: 0, rateLimited: 0 });
      const started = performance.now();
      const summary = await runSync({ trigger: "cli", github: createGitHub({ baseUrl: mock.url, token: "bench-token", timeScale: 1 }), trac: createTrac(), concurrency: 10 });
      const seconds = (performance.now() - started) / 1000;
      console.log(
        `${label.padEnd(18)}: ${PULLS} PRs in ${REPOS.length} repositories, ${counters.requests} requests (${counters.notModified} answered 304, ${counters.rateLimited} counted against the rate limit), ` +
          `${summary?.changes ?? 0} changes, ${summary?.errors.length ?? 0} errors, ${seconds.toFixed(1)} s wall time (${LATENCY_MS} ms latency)`,
      );
      if (label === "unchanged re-sync" && counters.rateLimited !== 0) console.log(`  WARNING: the unchanged re-sync cost ${counters.rateLimited} rate-limited requests`);
    }
  } finally {
    await mock.close();
    await db.$disconnect();
    for (const suffix of ["", "-wal", "-shm"]) rmSync(file + suffix, { force: true });
  }
}
