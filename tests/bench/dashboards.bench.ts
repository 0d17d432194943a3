// The heavy pages at the size of a big program, side by side with a trivial rendered
// page in one run: the large running cohort (300 participants in 75 teams, 6 weeks,
// 3,000 pull requests, 1,800 reflections) and a cohort in review (3,000 applications,
// 5 reviewers, 6 rubric criteria; tests/bench/review-cohort.ts), in a fresh database
// (SQLite, or a PostgreSQL schema when DATABASE_URL is PostgreSQL), served by the built
// app in a child process. Per page: requests/second, p50/p95, bytes of HTML and loader
// JSON, database queries; returned as { pages: [...] } for bench/results.json.
import type { Db } from "../../app/utils/db.server";
import { benchDatabase, firstLoadJs, inChunks, measurePage, printPages, session, startApp, type PageFigures, type PageSpec } from "./pages";
import { buildReviewCohort } from "./review-cohort";

const DAY = 24 * 60 * 60 * 1000;
const TEAMS = 75;
const PER_TEAM = 4;
const WEEKS = 6;
const PULLS_PER_PARTICIPANT = 10;

/** The large cohort, running in its last week. Returns cookies for a navigator, an organizer and a participant. */
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
    participantCookie: await session(db, "p-0-0"),
  };
}

const LAYOUT = "routes/cohorts.$slug";

export async function bench(): Promise<{ pages: Omit<PageFigures, "requests" | "errors" | "limited">[]; pages_after_write: Omit<PageFigures, "requests" | "errors" | "limited">[]; first_load_js: ReturnType<typeof firstLoadJs> }> {
  const database = await benchDatabase("pages");
  const { createDb } = await import("../../app/utils/db.server");
  const t0 = performance.now();
  const db = createDb(database.url);
  const large = await buildLargeCohort(db);
  const review = await buildReviewCohort(db);
  // A PostgreSQL database of this size has statistics (autovacuum gathers them after bulk
  // writes); without them the planner loops over a grouped subquery once per row.
  if (database.provider === "postgresql") await db.$executeRawUnsafe("ANALYZE");
  console.log(`built the cohorts on ${database.provider} in ${((performance.now() - t0) / 1000).toFixed(1)} s: ${JSON.stringify({ ...large.counts, ...review.counts })}`);

  const app = await startApp(database.url);
  try {
    const r = `/cohorts/${review.slug}`;
    const pages: PageSpec[] = [
      { name: "trivial page (404, signed in)", path: "/no-such-page", cookie: large.navigatorCookie, routes: ["root"], status: 404 },
      { name: "navigator dashboard (team of 4)", path: "/cohorts/big/teams/team-0/progress", cookie: large.navigatorCookie, routes: [LAYOUT, "routes/cohorts.$slug.teams.$team_.progress"] },
      { name: "participant week", path: "/cohorts/big/week", cookie: large.participantCookie, routes: [LAYOUT, "routes/cohorts.$slug.week"] },
      { name: "organizer overview (300 participants)", path: "/cohorts/big/progress", cookie: large.organizerCookie, routes: [LAYOUT, "routes/cohorts.$slug.progress"] },
      { name: "starter-issue board (organizer)", path: "/cohorts/big/issues", cookie: large.organizerCookie, routes: [LAYOUT, "routes/cohorts.$slug.issues"] },
      { name: "pull requests (organizer, 3,000)", path: "/cohorts/big/pulls", cookie: large.organizerCookie, routes: [LAYOUT, "routes/cohorts.$slug.pulls"] },
      { name: "review list (reviewer, 3,000)", path: `${r}/review`, cookie: review.reviewerCookie, routes: [LAYOUT, "routes/cohorts.$slug.review._index"] },
      { name: "review page (one application)", path: `${r}/review/${review.scoredApplicationId}`, cookie: review.reviewerCookie, routes: [LAYOUT, "routes/cohorts.$slug.review.$applicationId"] },
      { name: "decisions (organizer, 3,000)", path: `${r}/decisions`, cookie: review.organizerCookie, routes: [LAYOUT, "routes/cohorts.$slug.decisions"] },
      { name: "applications CSV export", path: `${r}/applications.csv`, cookie: review.organizerCookie, routes: [] },
    ];
    // Kept: people open these pages again and again while nothing changes (decision 079).
    const rows: PageFigures[] = [];
    for (const page of pages) rows.push(await measurePage(app, page));
    printPages(rows, rows[0], "Pages seen again while nothing changed (their data kept):\n");
    // After a write: every request follows a saved change, so no page finds its data kept.
    let writes = 0;
    const aWrite = () => db.project.update({ where: { slug: "django" }, data: { description: `changed ${++writes}` } });
    const afterWrite: PageFigures[] = [];
    // (not the CSV export: it is never kept, and its rate limit already refuses more)
    for (const page of pages.filter((p) => p.routes.length > 0)) afterWrite.push(await measurePage(app, page, aWrite));
    printPages(afterWrite, afterWrite[0], "\nEach request just after a write (nothing kept):\n");
    if ([...rows, ...afterWrite].some((row) => row.errors > 0)) console.log(`some requests failed; server output:\n${app.output().slice(-2000)}`);
    const js = firstLoadJs("routes/cohorts.$slug.week");
    console.log(`first-load JavaScript of the participant's week page: ${js.files} files, ${(js.bytes / 1024).toFixed(1)} KB, ${(js.gzip_bytes / 1024).toFixed(1)} KB gzipped (goal ≤ 150 KB)`);
    const figures = (list: PageFigures[]) => list.map(({ requests: _r, errors: _e, limited: _l, ...row }) => row);
    return { pages: figures(rows), pages_after_write: figures(afterWrite), first_load_js: js };
  } finally {
    await db.$disconnect();
    await app.stop();
    await database.dispose();
  }
}
