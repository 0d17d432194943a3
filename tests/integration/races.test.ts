// Twenty requests at once for the same thing, as a double-clicking crowd sends them:
// no 500, exactly one effect, exactly one audit entry, on SQLite and PostgreSQL
// (TEST_DB=postgresql runs this file there).
import { describe, expect, it } from "vitest";
import * as decisionsRoute from "~/routes/cohorts.$slug.decisions";
import * as writeRoute from "~/routes/cohorts.$slug.reflections.$week";
import * as claimRoute from "~/routes/cohorts.$slug.issues";
import * as reviewRoute from "~/routes/cohorts.$slug.review.$applicationId";
import { db } from "~/utils/db.server";
import {
  addMember,
  callRoute,
  makeApplication,
  makeCohort,
  makeCriterion,
  makePerson,
  makeProject,
  makeRequest,
  makeTeam,
  sessionCookieFor,
} from "../setup/factories";
import { makeStarterIssue } from "../reflections/builders";
import { usingPostgres } from "../setup/database";

const TIMES = 20;

/** Sends `TIMES` copies of a request at once; a thrown error counts as a 500. */
async function crowd(send: () => Promise<Response>): Promise<number[]> {
  const results = await Promise.all(
    Array.from({ length: TIMES }, () =>
      send().then(
        (r) => r.status,
        (error: unknown) => {
          console.error(error);
          return 500;
        },
      ),
    ),
  );
  return results;
}

async function decisionsWorld() {
  const cohort = await makeCohort("review");
  const lena = await makePerson({ name: "Lena Organizer" });
  await addMember(cohort.id, lena.id, "organizer");
  const cookie = await sessionCookieFor(lena.id);
  const post = (form: Record<string, string>) =>
    callRoute(decisionsRoute.action, makeRequest(`/cohorts/${cohort.slug}/decisions`, { cookie, form }), {
      slug: cohort.slug,
    });
  return { cohort, lena, post };
}

describe("twenty at once", () => {
  it("first submits of the same reflection: one reflection, one help request to the navigator", async () => {
    const project = await makeProject();
    const cohort = await makeCohort("running", { week: 3, projectIds: [project.id] });
    const team = await makeTeam(cohort.id, { projectId: project.id });
    const mei = await makePerson({ name: "Mei Lin" });
    const ana = await makePerson({ name: "Ana Navigator" });
    await addMember(cohort.id, mei.id, "participant", team.id);
    await addMember(cohort.id, ana.id, "navigator", team.id);
    const cookie = await sessionCookieFor(mei.id);
    const form = { intent: "submit", "answer-0": "Fixed the flaky test.", confidence: "2", needsHelp: "on" };
    const statuses = await crowd(() =>
      callRoute(writeRoute.action, makeRequest(`/cohorts/${cohort.slug}/reflections/3`, { cookie, form }), {
        slug: cohort.slug,
        week: "3",
      }),
    );
    expect(statuses.filter((s) => s >= 500)).toEqual([]);
    expect(statuses.every((s) => s === 302)).toBe(true);
    const rows = await db.reflection.findMany({ where: { cohortId: cohort.id, personId: mei.id, week: 3 } });
    expect(rows).toHaveLength(1);
    expect(rows[0]).toMatchObject({ status: "submitted", needsHelp: true });
    expect(await db.notice.count({ where: { kind: "reflection_help", personId: ana.id } })).toBe(1);
  });

  it("moves of the same person up the waitlist: moved one place, one audit entry", async () => {
    const w = await decisionsWorld();
    const apps = [];
    for (const name of ["Bruno", "Carmen", "Dmitri", "Eva"]) {
      const person = await makePerson({ name });
      apps.push(await makeApplication(w.cohort.id, person.id));
    }
    for (const app of apps) {
      expect((await w.post({ intent: "waitlisted", id: app.id, [`v_${app.id}`]: "0" })).status).toBe(302);
    }
    const eva = apps[3];
    // The organizer saw Eva fourth and pressed "Up" (twenty times, or twenty tabs).
    const statuses = await crowd(() => w.post({ intent: "waitlist-up", id: eva.id, from: "4" }));
    expect(statuses.filter((s) => s >= 500)).toEqual([]);
    expect(statuses.every((s) => s === 302)).toBe(true);
    const order = await db.application.findMany({
      where: { cohortId: w.cohort.id, decision: "waitlisted" },
      orderBy: { waitlistRank: "asc" },
      select: { id: true, waitlistRank: true },
    });
    expect(order.map((a) => a.id)).toEqual([apps[0].id, apps[1].id, apps[3].id, apps[2].id]);
    expect(order.map((a) => a.waitlistRank)).toEqual([1, 2, 3, 4]);
    expect(await db.auditEntry.count({ where: { cohortId: w.cohort.id, action: "waitlist.reorder" } })).toBe(
      1,
    );
  });

  it("“Publish decisions”: each decision published once, one offer, one notice each, one audit entry", async () => {
    const w = await decisionsWorld();
    const decided: { id: string; personId: string }[] = [];
    for (const [name, decision] of [
      ["Aisha", "accepted"],
      ["Bruno", "accepted"],
      ["Carmen", "waitlisted"],
      ["Dmitri", "rejected"],
    ] as const) {
      const person = await makePerson({ name });
      const app = await makeApplication(w.cohort.id, person.id);
      expect((await w.post({ intent: decision, id: app.id, [`v_${app.id}`]: "0" })).status).toBe(302);
      decided.push(app);
    }
    const statuses = await crowd(() => w.post({ intent: "publish", confirm: "on" }));
    expect(statuses.filter((s) => s >= 500)).toEqual([]);
    expect(statuses.filter((s) => s === 302)).toHaveLength(1);
    expect(await db.offer.count({ where: { application: { cohortId: w.cohort.id } } })).toBe(2);
    expect(await db.notice.count({ where: { cohortId: w.cohort.id } })).toBe(4);
    const audit = await db.auditEntry.findMany({
      where: { cohortId: w.cohort.id, action: "decisions.publish" },
    });
    expect(audit.map((a) => a.detail)).toEqual(["4 decision(s) published"]);
  });

  it("claims of the same starter issue by different participants: one claimant, the others told who", async () => {
    const project = await makeProject();
    const cohort = await makeCohort("running", { projectIds: [project.id] });
    const team = await makeTeam(cohort.id, { projectId: project.id });
    const issue = await makeStarterIssue(project.id);
    const cookies: string[] = [];
    for (let i = 0; i < TIMES; i++) {
      const person = await makePerson();
      await addMember(cohort.id, person.id, "participant", team.id);
      cookies.push(await sessionCookieFor(person.id));
    }
    let i = 0;
    const statuses = await crowd(() =>
      callRoute(
        claimRoute.action,
        makeRequest(`/cohorts/${cohort.slug}/issues`, {
          cookie: cookies[i++],
          form: { intent: "claim", issueId: issue.id },
        }),
        { slug: cohort.slug },
      ),
    );
    expect(statuses.filter((s) => s >= 500)).toEqual([]);
    expect(await db.issueClaim.count({ where: { starterIssueId: issue.id, releasedAt: null } })).toBe(1);
  });
});

describe("twenty at once, more", () => {
  it("first scores of one reviewer for one application: one review, one score per criterion", async () => {
    const cohort = await makeCohort("review");
    const tom = await makePerson({ name: "Tom Reviewer" });
    await addMember(cohort.id, tom.id, "reviewer");
    const motivation = await makeCriterion(cohort.id, { name: "Motivation" });
    const readiness = await makeCriterion(cohort.id, { name: "Readiness" });
    const application = await makeApplication(cohort.id, (await makePerson({ name: "Aisha" })).id);
    const cookie = await sessionCookieFor(tom.id);
    const form = {
      intent: "score",
      [`c_${motivation.id}`]: "4",
      [`c_${readiness.id}`]: "3",
      comment: "Clear motivation.",
    };
    const statuses = await crowd(() =>
      callRoute(
        reviewRoute.action,
        makeRequest(`/cohorts/${cohort.slug}/review/${application.id}`, { cookie, form }),
        { slug: cohort.slug, applicationId: application.id },
      ),
    );
    expect(statuses.filter((s) => s >= 500)).toEqual([]);
    const reviews = await db.review.findMany({
      where: { applicationId: application.id },
      include: { scores: true },
    });
    expect(reviews).toHaveLength(1);
    expect(reviews[0].scores.map((s) => s.score).sort()).toEqual([3, 4]);
  });
});

describe("transactions that collide", () => {
  it("a deadlock between two transactions is retried, and both changes are kept", async () => {
    const { transaction } = await import("~/utils/db.server");
    const a = await makePerson({ name: "Row A" });
    const b = await makePerson({ name: "Row B" });
    // Each transaction updates one row, waits for the other, then updates the other
    // row: on PostgreSQL one of them is chosen as the deadlock victim.
    let arrived = 0;
    const bothArrived = () =>
      new Promise<void>((resolve) => {
        arrived++;
        const started = Date.now();
        const check = () => (arrived >= 2 || Date.now() - started > 500 ? resolve() : setTimeout(check, 10));
        check();
      });
    const swap = (first: string, second: string, suffix: string) => {
      let attempt = 0;
      return transaction(async (tx) => {
        attempt++;
        await tx.person.update({ where: { id: first }, data: { name: `first ${suffix}` } });
        if (attempt === 1) await bothArrived();
        await tx.person.update({ where: { id: second }, data: { timeZone: `Etc/GMT-${suffix}` } });
        return attempt;
      });
    };
    const attempts = await Promise.all([swap(a.id, b.id, "1"), swap(b.id, a.id, "2")]);
    // PostgreSQL picked a victim and it ran again; SQLite runs them one after the other.
    expect(Math.max(...attempts)).toBe(usingPostgres() ? 2 : 1);
    const rows = await db.person.findMany({
      where: { id: { in: [a.id, b.id] } },
      select: { name: true, timeZone: true },
    });
    expect(rows).toHaveLength(2);
    expect(rows.every((r) => r.name.startsWith("first") && r.timeZone.startsWith("Etc/GMT-"))).toBe(true);
  });
});
