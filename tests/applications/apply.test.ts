// Applying: draft, submit, edit, withdraw; phase rules; one application per person.
import { describe, expect, it } from "vitest";
import * as applyRoute from "~/routes/cohorts.$slug.apply";
import * as homeRoute from "~/routes/home";
import { db } from "~/utils/db.server";
import { slotIndexFromKey } from "~/availability/slots";
import {
  callRoute,
  jsonOf,
  makeCohort,
  makePerson,
  makeProject,
  makeQuestion,
  makeRequest,
  sessionCookieFor,
  addMember,
} from "../setup/factories";

async function setup(timing: Parameters<typeof makeCohort>[0] = "applications_open") {
  const project = await makeProject();
  const cohort = await makeCohort(timing, { projectIds: [project.id] });
  const why = await makeQuestion(cohort.id, { type: "long_text", label: "Why?", required: true });
  const site = await makeQuestion(cohort.id, { type: "url", label: "Website" });
  const person = await makePerson({ timeZone: "Asia/Kolkata" });
  const cookie = await sessionCookieFor(person.id);
  const path = `/cohorts/${cohort.slug}/apply`;
  const post = (form: Record<string, string | string[]>) =>
    callRoute(applyRoute.action, makeRequest(path, { cookie, form }), { slug: cohort.slug });
  const get = () => callRoute(applyRoute.loader, makeRequest(path, { cookie }), { slug: cohort.slug });
  return { project, cohort, why, site, person, cookie, post, get };
}

describe("applying to a cohort", () => {
  it("saves a draft, comes back to it, submits it, edits it and withdraws it", async () => {
    const s = await setup();
    const draft = await s.post({
      intent: "save",
      [`q_${s.why.id}`]: "Half a thought",
      timeZone: "Asia/Kolkata",
      slot: ["mon-09:00"],
    });
    expect(draft.status).toBe(302);
    let page = await jsonOf<{
      application: { status: string };
      values: Record<string, string>;
      localSlots: string;
      timeZone: string;
    }>(await s.get());
    expect(page.application.status).toBe("draft");
    expect(page.values[`q_${s.why.id}`]).toBe("Half a thought");
    expect(page.timeZone).toBe("Asia/Kolkata");
    expect(page.localSlots[slotIndexFromKey("mon-09:00")!]).toBe("1");

    // Stored in UTC: 09:00 in Kolkata (+05:30) is 03:30 UTC.
    const availability = await db.availability.findFirstOrThrow({ where: { personId: s.person.id } });
    expect(availability.slots[slotIndexFromKey("mon-03:30")!]).toBe("1");

    const full = {
      [`q_${s.why.id}`]: "I want to contribute to Django.",
      timeZone: "Asia/Kolkata",
      slot: ["mon-09:00", "mon-09:30"],
      [`pref_${s.project.id}`]: "1",
      hoursPerWeek: "6",
      codeOfConduct: "on",
      aiPolicy: "on",
    };
    expect((await s.post({ ...full, intent: "submit" })).status).toBe(302);
    page = await jsonOf(await s.get());
    expect(page.application.status).toBe("submitted");

    // Editing a submitted application keeps it submitted and keeps it complete.
    const incomplete = await s.post({ ...full, intent: "save", [`q_${s.why.id}`]: "" });
    expect(incomplete.status).toBe(400);
    expect((await s.post({ ...full, intent: "save", [`q_${s.why.id}`]: "Changed my answer" })).status).toBe(
      302,
    );
    const app = await db.application.findFirstOrThrow({
      where: { personId: s.person.id },
      include: { answers: true, preferences: true },
    });
    expect(app.status).toBe("submitted");
    expect(app.answers.find((a) => a.questionId === s.why.id)?.value).toBe("Changed my answer");
    expect(app.preferences).toHaveLength(1);
    expect(app.codeOfConductAcknowledgedAt).not.toBeNull();

    expect((await s.post({ intent: "withdraw" })).status).toBe(302);
    expect((await db.application.findFirstOrThrow({ where: { personId: s.person.id } })).status).toBe(
      "withdrawn",
    );
    expect(await db.application.count({ where: { personId: s.person.id } })).toBe(1);
  });

  it("reports every invalid answer beside its field and loses nothing typed", async () => {
    const s = await setup();
    const response = await s.post({
      intent: "submit",
      [`q_${s.site.id}`]: "my site",
      timeZone: "UTC",
      anyProject: "",
    });
    expect(response.status).toBe(400);
    const body = await jsonOf<{ errors: Record<string, string>; values: Record<string, string> }>(response);
    expect(body.errors[`q_${s.why.id}`]).toMatch(/needs an answer/);
    expect(body.errors[`q_${s.site.id}`]).toMatch(/web address/);
    expect(body.errors.preferences).toBeTruthy();
    expect(body.errors.codeOfConduct).toBeTruthy();
    expect(body.values[`q_${s.site.id}`]).toBe("my site");
    expect(await db.application.count({ where: { personId: s.person.id } })).toBe(0);
  });

  it("allows one application per person per cohort, even when two tabs save at once", async () => {
    const s = await setup();
    const form = { intent: "save", [`q_${s.why.id}`]: "tab", timeZone: "UTC" };
    const [a, b] = await Promise.all([s.post(form), s.post(form)]);
    expect([a.status, b.status]).toEqual([302, 302]);
    expect(await db.application.count({ where: { personId: s.person.id } })).toBe(1);
    await expect(
      db.application.create({ data: { cohortId: s.cohort.id, personId: s.person.id } }),
    ).rejects.toMatchObject({ code: "P2002" });
  });

  it("says when applications open, and refuses to save before", async () => {
    const s = await setup("upcoming");
    const page = await jsonOf<{ canEdit: boolean; cohort: { phase: string } }>(await s.get());
    expect(page.canEdit).toBe(false);
    expect(page.cohort.phase).toBe("upcoming");
    const response = await s.post({ intent: "save", timeZone: "UTC" });
    expect(response.status).toBe(400);
    expect((await jsonOf<{ errors: { form: string } }>(response)).errors.form).toMatch(
      /cannot apply or change an application now/,
    );
  });

  it("refuses new applications after the window closed", async () => {
    const s = await setup("review");
    const response = await s.post({ intent: "submit", timeZone: "UTC" });
    expect(response.status).toBe(400);
    expect((await jsonOf<{ errors: { form: string } }>(response)).errors.form).toMatch(
      /Applications closed/i,
    );
  });

  it("does not let a cohort's reviewers apply to it", async () => {
    const s = await setup();
    await addMember(s.cohort.id, s.person.id, "reviewer");
    const page = await jsonOf<{ canEdit: boolean; staffRole: string }>(await s.get());
    expect(page).toMatchObject({ canEdit: false, staffRole: "reviewer" });
    expect((await s.post({ intent: "save", timeZone: "UTC" })).status).toBe(400);
  });

  it("can still withdraw after the window closed, but not once a decision was sent", async () => {
    const s = await setup("review");
    const application = await db.application.create({
      data: { cohortId: s.cohort.id, personId: s.person.id, status: "submitted", submittedAt: new Date() },
    });
    // withdrawing now is final, so it needs the confirmation tick
    const unconfirmed = await s.post({ intent: "withdraw" });
    expect(unconfirmed.status).toBe(400);
    expect((await jsonOf<{ errors: { form: string } }>(unconfirmed)).errors.form).toMatch(
      /cannot be submitted again\. Tick the box/,
    );
    expect((await db.application.findUniqueOrThrow({ where: { id: application.id } })).status).toBe(
      "submitted",
    );
    expect((await s.post({ intent: "withdraw", sure: "on" })).status).toBe(302);
    expect((await db.application.findUniqueOrThrow({ where: { id: application.id } })).status).toBe(
      "withdrawn",
    );

    const other = await setup("review");
    await db.application.create({
      data: {
        cohortId: other.cohort.id,
        personId: other.person.id,
        status: "submitted",
        decision: "accepted",
        publishedDecision: "accepted",
      },
    });
    const refused = await other.post({ intent: "withdraw", sure: "on" });
    expect(refused.status).toBe(400);
    expect((await jsonOf<{ errors: { form: string } }>(refused)).errors.form).toMatch(/answer the offer/);
  });
});

describe("the applicant's home page", () => {
  type Home = {
    applications: {
      cohort: { slug: string };
      state: string;
      deadline: string | null;
      link: { label: string; href: string };
    }[];
    openToApply: { slug: string }[];
  };
  const home = async (cookie: string) =>
    jsonOf<Home>(await callRoute(homeRoute.loader, makeRequest("/home", { cookie })));

  it("says where each application stands and links to the next step, never showing an unpublished decision", async () => {
    const s = await setup();
    expect((await home(s.cookie)).openToApply.map((c) => c.slug)).toContain(s.cohort.slug);

    await s.post({ intent: "save", [`q_${s.why.id}`]: "Half a thought", timeZone: "Asia/Kolkata" });
    let mine = (await home(s.cookie)).applications;
    expect(mine).toMatchObject([
      {
        cohort: { slug: s.cohort.slug },
        state: "draft",
        link: { label: "Finish and submit", href: `/cohorts/${s.cohort.slug}/apply` },
      },
    ]);
    expect((await home(s.cookie)).openToApply.map((c) => c.slug)).not.toContain(s.cohort.slug);

    await db.application.updateMany({
      where: { personId: s.person.id },
      data: { status: "submitted", submittedAt: new Date(), decision: "accepted" },
    });
    mine = (await home(s.cookie)).applications;
    expect(mine[0]).toMatchObject({ state: "submitted", link: { label: "View or edit" } });

    const application = await db.application.findFirstOrThrow({ where: { personId: s.person.id } });
    const expiresAt = new Date(Date.now() + 3 * 86_400_000);
    await db.application.update({ where: { id: application.id }, data: { publishedDecision: "accepted" } });
    await db.offer.create({
      data: { applicationId: application.id, token: "tok-home", sentAt: new Date(), expiresAt },
    });
    mine = (await home(s.cookie)).applications;
    expect(mine[0]).toMatchObject({
      state: "offer_pending",
      deadline: expiresAt.toISOString(),
      link: { label: "Confirm or decline", href: "/offers/tok-home" },
    });
  });

  it("shows a published waitlist place and leaves out finished cohorts", async () => {
    const s = await setup("review");
    const other = await makePerson();
    await db.application.create({
      data: {
        cohortId: s.cohort.id,
        personId: other.id,
        status: "submitted",
        decision: "waitlisted",
        publishedDecision: "waitlisted",
        waitlistRank: 4,
      },
    });
    await db.application.create({
      data: {
        cohortId: s.cohort.id,
        personId: s.person.id,
        status: "submitted",
        decision: "waitlisted",
        publishedDecision: "waitlisted",
        waitlistRank: 9,
      },
    });
    const finished = await makeCohort("finished");
    await db.application.create({
      data: {
        cohortId: finished.id,
        personId: s.person.id,
        status: "submitted",
        decision: "rejected",
        publishedDecision: "rejected",
      },
    });
    const mine = (await home(s.cookie)).applications;
    expect(mine).toHaveLength(1);
    expect(mine[0]).toMatchObject({ state: "waitlisted", waitlistPosition: 2 });
  });
});
