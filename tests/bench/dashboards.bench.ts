// The dashboards on a large cohort: 300 participants in 75 teams, 6 weeks, 3,000
// pull requests and 1,800 reflections in a fresh SQLite database, served by the
// built app in a child process. Requests/second and p50/p95 latency of the
// navigator's dashboard, the organizer's overview and /healthz, side by side.
import { spawn } from "node:child_process";
import { randomBytes } from "node:crypto";
import { existsSync, mkdirSync, rmSync } from "node:fs";
import { freePort } from "../setup/free-port";
import path from "node:path";
import { sha256 } from "@oslojs/crypto/sha2";
import { encodeBase32LowerCaseNoPadding } from "@oslojs/encoding";
import { createDb, type Db } from "../../app/utils/db.server";
import { applyMigrations } from "../../app/utils/migrations.server";

const DAY = 24 * 60 * 60 * 1000;
const TEAMS = 75;
const PER_TEAM = 4;
const WEEKS = 6;
const PULLS_PER_PARTICIPANT = 10;
const DURATION_MS = 4_000;
const MAX_REQUESTS = 2_000;
const CONCURRENCY = 4;

async function inChunks<T>(rows: T[], size: number, write: (chunk: T[]) => Promise<unknown>) {
  for (let i = 0; i < rows.length; i += size) await write(rows.slice(i, i + size));
}

async function session(db: Db, personId: string): Promise<string> {
  const id = encodeBase32LowerCaseNoPadding(randomBytes(15));
  const secret = encodeBase32LowerCaseNoPadding(randomBytes(20));
  const now = new Date();
  await db.authSession.create({
    data: { id, secretHash: Buffer.from(sha256(new TextEncoder().encode(secret))), personId, createdAt: now, lastVerifiedAt: now, expiresAt: new Date(now.getTime() + 30 * DAY) },
  });
  return `cohort_session=${id}.${secret}`;
}

/** The large cohort, running in its last week. Returns cookies for a navigator and an organizer. */
export async function buildLargeCohort(db: Db) {
  const now = Date.now();
  const startsOn = new Date(now - (5 * 7 + 2) * DAY);
  const project = await db.project.create({ data: { slug: "django", name: "Django" } });
  const cohort = await db.cohort.create({
    data: {
      slug: "big", name: "Big Session", publishedAt: new Date(now - 120 * DAY), applicationsOpenAt: new Date(now - 110 * DAY),
      applicationsCloseAt: new Date(now - 80 * DAY), decisionsPublishedAt: new Date(now - 70 * DAY), startsOn, weeks: WEEKS,
      projects: { create: [{ projectId: project.id }] },
    },
  });
  const people: { id: string; login: string; name: string }[] = [];
  const memberships: { cohortId: string; personId: string; role: string; teamId?: string; lastActiveAt?: Date }[] = [];
  const teams: { id: string; cohortId: string; slug: string; name: string; projectId: string }[] = [];
  const organizer = { id: "org", login: "organizer", name: "Olga Organizer" };
  people.push(organizer);
  memberships.push({ cohortId: cohort.id, personId: organizer.id, role: "organizer" });
  const participants: { id: string; teamId: string; navigatorId: string }[] = [];
  for (let t = 0; t < TEAMS; t++) {
    const team = { id: `team-${t}`, cohortId: cohort.id, slug: `team-${t}`, name: `Team ${t}`, projectId: project.id };
    teams.push(team);
    const nav = { id: `nav-${t}`, login: `navigator-${t}`, name: `Navigator ${t}` };
    people.push(nav);
    memberships.push({ cohortId: cohort.id, personId: nav.id, role: "navigator", teamId: team.id });
    for (let i = 0; i < PER_TEAM; i++) {
      const p = { id: `p-${t}-${i}`, login: `participant-${t}-${i}`, name: `Participant ${t}-${i}` };
      people.push(p);
      memberships.push({ cohortId: cohort.id, personId: p.id, role: "participant", teamId: team.id, lastActiveAt: new Date(now - ((t + i) % 14) * DAY) });
      participants.push({ id: p.id, teamId: team.id, navigatorId: nav.id });
    }
  }
  await inChunks(people, 500, (chunk) => db.person.createMany({ data: chunk.map((p) => ({ ...p, email: `${p.login}@example.org` })) }));
  await db.team.createMany({ data: teams });
  await inChunks(memberships, 500, (chunk) => db.cohortMembership.createMany({ data: chunk }));

  const reflections: object[] = [];
  const comments: object[] = [];
  const issues: object[] = [];
  const claims: object[] = [];
  const pulls: object[] = [];
  const links: object[] = [];
  participants.forEach((p, n) => {
    for (let week = 1; week <= WEEKS; week++) {
      const id = `r-${n}-${week}`;
      const due = startsOn.getTime() + week * 7 * DAY;
      const submittedAt = new Date(Math.min(due - DAY + ((n * 7 + week) % 3) * DAY, now - 60_000));
      const missing = (n + week) % 11 === 0;
      reflections.push({
        id, cohortId: cohort.id, personId: p.id, week, answers: JSON.stringify({ "What I worked on": `Week ${week}: tests and a docs fix.`, "What I learned": "How the ORM compiles lookups." }),
        confidence: 1 + ((n + week) % 5), needsHelp: (n + week) % 17 === 0, status: missing ? "draft" : "submitted",
        submittedAt: missing ? null : submittedAt, late: !missing && submittedAt.getTime() > due,
        // last saved when submitted, so replies after it answer a help request
        ...(missing ? {} : { updatedAt: submittedAt }),
      });
      if (week % 2 === 0 && !missing) comments.push({ reflectionId: id, authorId: p.navigatorId, body: "Great progress — keep going!", createdAt: new Date(submittedAt.getTime() + DAY / 2) });
    }
    for (let k = 0; k < 2; k++) {
      const issueId = `i-${n}-${k}`;
      issues.push({ id: issueId, projectId: project.id, source: "github", externalKey: `django/django#${40_000 + n * 2 + k}`, url: `https://github.com/django/django/issues/${40_000 + n * 2 + k}`, title: `Starter issue ${n}-${k}` });
      claims.push({ id: `c-${n}-${k}`, cohortId: cohort.id, starterIssueId: issueId, personId: p.id, claimedAt: new Date(now - (5 + ((n + k) % 25)) * DAY), activeKey: issueId });
    }
    for (let k = 0; k < PULLS_PER_PARTICIPANT; k++) {
      const number = 20_000 + n * PULLS_PER_PARTICIPANT + k;
      const openedAt = new Date(startsOn.getTime() + ((n + k * 3) % (WEEKS * 7 - 2)) * DAY);
      const merged = k % 3 === 0;
      pulls.push({
        id: `pr-${number}`, owner: "django", repo: "django", number, url: `https://github.com/django/django/pull/${number}`, title: `Fixed #${number} -- Something small.`,
        authorLogin: `participant-${n}`, state: merged ? "merged" : k % 7 === 0 ? "closed" : "open", reviewState: k % 4 === 0 ? "changes_requested" : "commented",
        additions: (n * 37 + k * 53) % 700, deletions: (n + k) % 90, openedAt, mergedAt: merged ? new Date(Math.min(openedAt.getTime() + 3 * DAY, now)) : null,
        lastActivityAt: new Date(Math.min(openedAt.getTime() + 2 * DAY, now)),
      });
      links.push({ id: `l-${number}`, cohortId: cohort.id, pullRequestId: `pr-${number}`, personId: p.id, claimId: k < 2 ? `c-${n}-${k}` : null, linkedAt: openedAt, preReviewedAt: k % 2 ? openedAt : null });
    }
  });
  await inChunks(reflections, 500, (chunk) => db.reflection.createMany({ data: chunk as never }));
  await inChunks(comments, 500, (chunk) => db.reflectionComment.createMany({ data: chunk as never }));
  await inChunks(issues, 500, (chunk) => db.starterIssue.createMany({ data: chunk as never }));
  await inChunks(claims, 500, (chunk) => db.issueClaim.createMany({ data: chunk as never }));
  await inChunks(pulls, 500, (chunk) => db.pullRequest.createMany({ data: chunk as never }));
  await inChunks(links, 500, (chunk) => db.linkedPullRequest.createMany({ data: chunk as never }));
  return {
    counts: { participants: participants.length, teams: TEAMS, reflections: reflections.length, pulls: pulls.length, comments: comments.length, claims: claims.length },
    navigatorCookie: await session(db, "nav-0"),
    organizerCookie: await session(db, organizer.id),
  };
}

type Figures = { name: string; requests: number; rps: number; p50: number; p95: number; errors: number };

async function measure(name: string, url: string, cookie: string): Promise<Figures> {
  const headers = cookie ? { Cookie: cookie } : undefined;
  for (let i = 0; i < 10; i++) await (await fetch(url, { headers })).arrayBuffer(); // warm up
  const latencies: number[] = [];
  let errors = 0;
  const started = performance.now();
  const worker = async () => {
    while (performance.now() - started < DURATION_MS && latencies.length + errors < MAX_REQUESTS) {
      const t0 = performance.now();
      const response = await fetch(url, { headers });
      await response.arrayBuffer();
      if (response.status !== 200) errors++;
      else latencies.push(performance.now() - t0);
    }
  };
  await Promise.all(Array.from({ length: CONCURRENCY }, worker));
  const seconds = (performance.now() - started) / 1000;
  latencies.sort((a, b) => a - b);
  const pct = (p: number) => latencies[Math.min(latencies.length - 1, Math.floor((p / 100) * latencies.length))] ?? NaN;
  return { name, requests: latencies.length + errors, rps: (latencies.length + errors) / seconds, p50: pct(50), p95: pct(95), errors };
}

export async function bench(): Promise<void> {
  if (!existsSync("build/index.js")) throw new Error("Run `npm run build` first (npm run bench does).");
  const dir = path.resolve("tests/.tmp");
  mkdirSync(dir, { recursive: true });
  const file = path.join(dir, `bench-dashboards-${process.pid}.db`);
  const url = `file:${file}`;
  const t0 = performance.now();
  await applyMigrations(url);
  const db = createDb(url);
  const built = await buildLargeCohort(db);
  await db.$disconnect();
  console.log(`built the cohort in ${((performance.now() - t0) / 1000).toFixed(1)} s: ${JSON.stringify(built.counts)}`);

  const port = await freePort();
  const server = spawn("node_modules/.bin/tsx", ["app/cli/serve.ts"], {
    env: {
      ...process.env, NODE_ENV: "production", DATABASE_URL: url, PORT: String(port), HOST: "127.0.0.1", RUN_SCHEDULER: "0",
      SESSION_SECRET: randomBytes(24).toString("hex"), GITHUB_CLIENT_ID: "bench", GITHUB_CLIENT_SECRET: "bench", APP_URL: `http://127.0.0.1:${port}`,
    },
    stdio: ["ignore", "pipe", "pipe"],
  });
  let output = "";
  server.stdout?.on("data", (d) => (output += d));
  server.stderr?.on("data", (d) => (output += d));
  const base = `http://127.0.0.1:${port}`;
  try {
    const deadline = Date.now() + 60_000;
    for (;;) {
      try {
        if ((await fetch(`${base}/healthz`)).ok) break;
      } catch {
        // not listening yet
      }
      if (Date.now() > deadline || server.exitCode !== null) throw new Error(`The app did not start:\n${output}`);
      await new Promise((r) => setTimeout(r, 200));
    }
    const rows = [
      await measure("navigator dashboard (team of 4)", `${base}/cohorts/big/teams/team-0/progress`, built.navigatorCookie),
      await measure("organizer overview (300 participants)", `${base}/cohorts/big/progress`, built.organizerCookie),
      await measure("trivial page (/healthz)", `${base}/healthz`, ""),
    ];
    console.log(`${CONCURRENCY} concurrent clients, ${DURATION_MS / 1000} s per page, 127.0.0.1`);
    console.log(`${"page".padEnd(40)} ${"req/s".padStart(8)} ${"p50 ms".padStart(8)} ${"p95 ms".padStart(8)} ${"requests".padStart(9)} ${"errors".padStart(7)}`);
    for (const r of rows) {
      console.log(`${r.name.padEnd(40)} ${r.rps.toFixed(1).padStart(8)} ${r.p50.toFixed(1).padStart(8)} ${r.p95.toFixed(1).padStart(8)} ${String(r.requests).padStart(9)} ${String(r.errors).padStart(7)}`);
    }
    if (rows.some((r) => r.errors > 0)) console.log(`some requests failed; server output:\n${output.slice(-2000)}`);
  } finally {
    server.kill("SIGTERM");
    await new Promise((r) => setTimeout(r, 300));
    for (const suffix of ["", "-wal", "-shm"]) rmSync(file + suffix, { force: true });
  }
}
