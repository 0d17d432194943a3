// Reviewing: hidden scores until you scored, blind mode, sensitive answers,
// recusal, aggregates, "next unscored", concurrent scoring.
import { beforeAll, describe, expect, it } from "vitest";
import * as listRoute from "~/routes/cohorts.$slug.review._index";
import * as detailRoute from "~/routes/cohorts.$slug.review.$applicationId";
import { db } from "~/utils/db.server";
import {
  addMember,
  callRoute,
  jsonOf,
  makeApplication,
  makeCohort,
  makeCriterion,
  makePerson,
  makeQuestion,
  makeRequest,
  makeReview,
  sessionCookieFor,
} from "../setup/factories";

type Detail = {
  application: {
    label: string;
    identity: { name: string; email: string | null } | null;
    answers: { label: string; hidden: boolean; text: string }[];
  };
  others: { reviewer: string; score: number | null }[] | null;
  aggregate: { count: number; mean: number | null; spread: number | null } | null;
};

async function world(blind = false) {
  const cohort = await makeCohort("review", { blindReview: blind });
  const motivation = await makeCriterion(cohort.id, { name: "Motivation" });
  const readiness = await makeCriterion(cohort.id, { name: "Readiness" });
  const city = await makeQuestion(cohort.id, { label: "Where are you based?" });
  const private_ = await makeQuestion(cohort.id, { label: "Circumstances", sensitive: true });
  const organizer = await makePerson({ name: "Olga Organizer" });
  const tom = await makePerson({ name: "Tom Reviewer" });
  const ines = await makePerson({ name: "Inês Reviewer" });
  await addMember(cohort.id, organizer.id, "organizer");
  await addMember(cohort.id, tom.id, "reviewer");
  await addMember(cohort.id, ines.id, "reviewer");
  const applicant = await makePerson({ name: "Aisha Bello", email: "aisha@example.org" });
  const application = await makeApplication(cohort.id, applicant.id, {
    answers: { [city.id]: "Abuja", [private_.id]: "I use a screen reader." },
  });
  const cookies = {
    organizer: await sessionCookieFor(organizer.id),
    tom: await sessionCookieFor(tom.id),
    ines: await sessionCookieFor(ines.id),
  };
  const detail = (who: keyof typeof cookies, id = application.id) =>
    callRoute(
      detailRoute.loader,
      makeRequest(`/cohorts/${cohort.slug}/review/${id}`, { cookie: cookies[who] }),
      { slug: cohort.slug, applicationId: id },
    );
  const score = (who: keyof typeof cookies, form: Record<string, string>, id = application.id) =>
    callRoute(
      detailRoute.action,
      makeRequest(`/cohorts/${cohort.slug}/review/${id}`, { cookie: cookies[who], form }),
      { slug: cohort.slug, applicationId: id },
    );
  const list = (who: keyof typeof cookies, query = "") =>
    callRoute(
      listRoute.loader,
      makeRequest(`/cohorts/${cohort.slug}/review${query}`, { cookie: cookies[who] }),
      { slug: cohort.slug },
    );
  return {
    cohort,
    motivation,
    readiness,
    organizer,
    tom,
    ines,
    applicant,
    application,
    cookies,
    detail,
    score,
    list,
  };
}

describe("scoring an application", () => {
  let w: Awaited<ReturnType<typeof world>>;
  beforeAll(async () => {
    w = await world();
  });

  it("hides other reviewers' scores and the mean until you have scored", async () => {
    await makeReview(w.application.id, w.ines.id, { [w.motivation.id]: 2, [w.readiness.id]: 2 });
    const before = await jsonOf<Detail>(await w.detail("tom"));
    expect(before.others).toBeNull();
    expect(before.aggregate).toBeNull();
    const listBefore = await jsonOf<{ rows: { aggregate: unknown }[] }>(await w.list("tom"));
    expect(listBefore.rows[0].aggregate).toBeNull();

    const saved = await w.score("tom", {
      intent: "score",
      [`c_${w.motivation.id}`]: "5",
      [`c_${w.readiness.id}`]: "4",
      comment: "Strong",
    });
    expect(saved.status).toBe(302);
    const after = await jsonOf<Detail>(await w.detail("tom"));
    expect(after.others?.map((o) => [o.reviewer, o.score])).toEqual([["Inês Reviewer", 2]]);
    expect(after.aggregate).toEqual({ count: 2, mean: 3.25, spread: 2.5 });
  });

  it("reports a missing or out-of-range score beside its criterion", async () => {
    const response = await w.score("organizer", { intent: "score", [`c_${w.motivation.id}`]: "7" });
    expect(response.status).toBe(400);
    const body = await jsonOf<{ errors: Record<string, string> }>(response);
    expect(body.errors[`c_${w.motivation.id}`]).toMatch(/1 to 5/);
    expect(body.errors[`c_${w.readiness.id}`]).toMatch(/score from 1 to 5/);
  });

  it("keeps both scores when two reviewers save the same application at once", async () => {
    const other = await makeApplication(w.cohort.id, (await makePerson()).id);
    const form = { intent: "score", [`c_${w.motivation.id}`]: "3", [`c_${w.readiness.id}`]: "3" };
    const [a, b] = await Promise.all([w.score("tom", form, other.id), w.score("ines", form, other.id)]);
    expect([a.status, b.status]).toEqual([302, 302]);
    const reviews = await db.review.findMany({
      where: { applicationId: other.id },
      include: { scores: true },
    });
    expect(reviews).toHaveLength(2);
    expect(reviews.every((r) => r.scores.length === 2)).toBe(true);
    // The same reviewer double-submitting still ends with one review.
    const [c, d] = await Promise.all([
      w.score("tom", { ...form, [`c_${w.motivation.id}`]: "4" }, other.id),
      w.score("tom", form, other.id),
    ]);
    expect([c.status, d.status]).toEqual([302, 302]);
    expect(await db.review.count({ where: { applicationId: other.id } })).toBe(2);
  });

  it("recusal takes the application out of your queue and your score out of the mean", async () => {
    const app = await makeApplication(w.cohort.id, (await makePerson()).id);
    await makeReview(app.id, w.tom.id, { [w.motivation.id]: 5, [w.readiness.id]: 5 });
    await makeReview(app.id, w.organizer.id, { [w.motivation.id]: 1, [w.readiness.id]: 1 });
    const recused = await w.score("tom", { intent: "recuse", reason: "My former colleague" }, app.id);
    expect(recused.status).toBe(302);
    await w.score(
      "ines",
      { intent: "score", [`c_${w.motivation.id}`]: "3", [`c_${w.readiness.id}`]: "3" },
      app.id,
    );
    const seenByInes = await jsonOf<Detail>(await w.detail("ines", app.id));
    expect(seenByInes.aggregate).toEqual({ count: 2, mean: 2, spread: 2 });
    const tomsList = await jsonOf<{ rows: { id: string; myState: string }[] }>(
      await w.list("tom", "?mine=unscored"),
    );
    expect(tomsList.rows.map((r) => r.id)).not.toContain(app.id);
    // "Next unscored" never sends Tom there either.
    for (let i = 0; i < 5; i++) {
      const next = await w.list("tom", "?next=unscored");
      expect(next.headers.get("Location")).not.toContain(app.id);
    }
  });

  it("refuses to score outside the review phases", async () => {
    const running = await makeCohort("running");
    const c = await makeCriterion(running.id);
    const reviewer = await makePerson();
    await addMember(running.id, reviewer.id, "reviewer");
    const app = await makeApplication(running.id, (await makePerson()).id);
    const response = await callRoute(
      detailRoute.action,
      makeRequest(`/cohorts/${running.slug}/review/${app.id}`, {
        cookie: await sessionCookieFor(reviewer.id),
        form: { [`c_${c.id}`]: "3" },
      }),
      { slug: running.slug, applicationId: app.id },
    );
    expect(response.status).toBe(400);
    expect((await jsonOf<{ errors: { form: string } }>(response)).errors.form).toMatch(
      /cannot score applications now/,
    );
  });
});

describe("what each role sees", () => {
  it("sensitive answers are shown to organizers only", async () => {
    const w = await world(false);
    const reviewer = await jsonOf<Detail>(await w.detail("tom"));
    const circumstances = reviewer.application.answers.find((a) => a.label === "Circumstances")!;
    expect(circumstances.hidden).toBe(true);
    expect(JSON.stringify(reviewer)).not.toContain("screen reader");
    expect(reviewer.application.identity?.name).toBe("Aisha Bello");
    const organizer = await jsonOf<Detail>(await w.detail("organizer"));
    expect(organizer.application.answers.find((a) => a.label === "Circumstances")!.text).toBe(
      "I use a screen reader.",
    );
  });

  it("blind mode hides name, login, e-mail and avatar from reviewers", async () => {
    const w = await world(true);
    const response = await w.detail("tom");
    const text = await response.clone().text();
    const body = await jsonOf<Detail>(response);
    expect(body.application.identity).toBeNull();
    expect(body.application.label).toMatch(/^Application [A-Z0-9]{6}$/);
    for (const secret of ["Aisha", w.applicant.login, "aisha@example.org", "avatar", "screen reader"])
      expect(text).not.toContain(secret);
    const list = await (await w.list("tom")).text();
    expect(list).not.toContain("Aisha");
    expect(list).not.toContain(w.applicant.login);
  });

  it("blind mode also blanks the applicant's login and name inside their answers", async () => {
    const w = await world(true);
    const profile = await makeQuestion(w.cohort.id, { label: "Your GitHub profile", type: "url" });
    await db.applicationAnswer.create({
      data: {
        applicationId: w.application.id,
        questionId: profile.id,
        value: `https://github.com/${w.applicant.login}`,
      },
    });
    const body = await jsonOf<Detail>(await w.detail("tom"));
    expect(body.application.answers.find((a) => a.label === "Your GitHub profile")!.text).toBe(
      "https://github.com/[hidden]",
    );
  });

  it("shows progress and sends you to a random unscored application", async () => {
    const w = await world(false);
    const second = await makeApplication(w.cohort.id, (await makePerson()).id);
    await makeApplication(w.cohort.id, (await makePerson()).id, { status: "draft" });
    await makeReview(w.application.id, w.tom.id, { [w.motivation.id]: 3, [w.readiness.id]: 3 });
    const list = await jsonOf<{ progress: { scored: number; total: number }; rows: unknown[] }>(
      await w.list("tom"),
    );
    expect(list.progress).toEqual({ scored: 1, total: 2, recused: 0 });
    expect(list.rows).toHaveLength(2); // drafts are private
    const next = await w.list("tom", "?next=unscored");
    expect(next.headers.get("Location")).toBe(`/cohorts/${w.cohort.slug}/review/${second.id}`);
    await makeReview(second.id, w.tom.id, { [w.motivation.id]: 3, [w.readiness.id]: 3 });
    expect((await w.list("tom", "?next=unscored")).headers.get("Location")).toBe(
      `/cohorts/${w.cohort.slug}/review`,
    );
  });

  it("does not let a reviewer review their own application", async () => {
    const w = await world(false);
    const own = await makeApplication(w.cohort.id, w.tom.id);
    expect((await w.detail("tom", own.id)).status).toBe(403);
  });
});

describe("filtering and sorting the review list", () => {
  it("filters by status, your review, project preference, hours and shared hours; sorts by your score", async () => {
    const w = await world(false);
    const { makeProject } = await import("../setup/factories");
    const wagtail = await makeProject({ name: "Wagtail" });
    await db.cohortProject.create({ data: { cohortId: w.cohort.id, projectId: wagtail.id } });
    const evenings = "0".repeat(36) + "1".repeat(8) + "0".repeat(336 - 44); // Monday 18:00–22:00 UTC
    const mornings = "0".repeat(16) + "1".repeat(4) + "0".repeat(336 - 20); // Monday 08:00–10:00 UTC
    const bruno = await makePerson({ name: "Bruno" });
    const carmen = await makePerson({ name: "Carmen" });
    const dmitri = await makePerson({ name: "Dmitri" });
    const b = await makeApplication(w.cohort.id, bruno.id);
    await db.projectPreference.create({ data: { applicationId: b.id, projectId: wagtail.id, rank: 1 } });
    const c = await makeApplication(w.cohort.id, carmen.id);
    await makeApplication(w.cohort.id, dmitri.id, { status: "withdrawn" });
    await db.availability.createMany({
      data: [
        { cohortId: w.cohort.id, personId: bruno.id, slots: evenings },
        { cohortId: w.cohort.id, personId: carmen.id, slots: mornings },
        { cohortId: w.cohort.id, personId: w.tom.id, slots: evenings },
      ],
    });
    await makeReview(b.id, w.tom.id, { [w.motivation.id]: 2, [w.readiness.id]: 2 });
    await makeReview(c.id, w.tom.id, { [w.motivation.id]: 5, [w.readiness.id]: 4 });
    type List = {
      rows: { label: string; myScore: number | null; hours: number; sharedWithMe: number | null }[];
      hasOwnAvailability: boolean;
    };
    const names = async (query: string) =>
      (await jsonOf<List>(await w.list("tom", query))).rows.map((r) => r.label);

    expect(await names("?status=withdrawn")).toEqual(["Dmitri"]);
    expect((await names("?status=all")).sort()).toEqual(["Aisha Bello", "Bruno", "Carmen", "Dmitri"]);
    expect(await names("?mine=unscored")).toEqual(["Aisha Bello"]);
    expect(await names(`?project=${wagtail.slug}`)).toEqual(["Bruno"]);
    expect(await names("?minHours=3")).toEqual(["Bruno"]);
    expect(await names("?minShared=2")).toEqual(["Bruno"]);
    expect(await names("?mine=scored&sort=my_score")).toEqual(["Carmen", "Bruno"]);
    // by project preference: first choices by name, then "any project", then no preference
    const django = await makeProject({ name: "Django" });
    await db.cohortProject.create({ data: { cohortId: w.cohort.id, projectId: django.id } });
    await db.projectPreference.create({ data: { applicationId: c.id, projectId: django.id, rank: 1 } });
    await db.application.updateMany({
      where: { cohortId: w.cohort.id, person: { name: "Aisha Bello" } },
      data: { anyProject: true },
    });
    expect(await names("?status=all&sort=project")).toEqual(["Carmen", "Bruno", "Aisha Bello", "Dmitri"]);
    const list = await jsonOf<List>(await w.list("tom", "?sort=shared"));
    expect(list.hasOwnAvailability).toBe(true);
    expect(list.rows[0]).toMatchObject({ label: "Bruno", hours: 4, sharedWithMe: 4 });
    // nonsense in the address falls back to the defaults instead of failing
    expect((await w.list("tom", "?sort=evil&minHours=lots")).status).toBe(200);
  });
});
