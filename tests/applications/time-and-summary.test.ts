// The applicant's time commitment (hours they can give, other commitments) checked
// by one rule on the form, the server and the reviewers' pages; the page an applicant
// lands on after submitting; the organizers' public-page texts and FAQ.
import { describe, expect, it } from "vitest";
import * as applyRoute from "~/routes/cohorts.$slug.apply";
import * as summaryRoute from "~/routes/cohorts.$slug.apply_.summary";
import * as listRoute from "~/routes/cohorts.$slug.review._index";
import * as detailRoute from "~/routes/cohorts.$slug.review.$applicationId";
import * as publicEditorRoute from "~/routes/cohorts.$slug.public-page";
import * as cohortRoute from "~/routes/cohorts.$slug._index";
import { db } from "~/utils/db.server";
import {
  addMember,
  callRoute,
  jsonOf,
  makeCohort,
  makePerson,
  makeProject,
  makeQuestion,
  makeRequest,
  sessionCookieFor,
} from "../setup/factories";

async function setup() {
  const project = await makeProject();
  const cohort = await makeCohort("applications_open", { projectIds: [project.id] });
  await db.cohort.update({ where: { id: cohort.id }, data: { weeklyHours: 8 } });
  const why = await makeQuestion(cohort.id, { type: "long_text", label: "Why?", required: true });
  const person = await makePerson({
    name: "Farah Aziz",
    timeZone: "Asia/Karachi",
    email: "farah@example.org",
  });
  const reviewer = await makePerson({ name: "Rui Reviewer" });
  const organizer = await makePerson({ name: "Olu Organizer" });
  await addMember(cohort.id, reviewer.id, "reviewer");
  await addMember(cohort.id, organizer.id, "organizer");
  const cookie = await sessionCookieFor(person.id);
  const path = `/cohorts/${cohort.slug}/apply`;
  const post = (form: Record<string, string | string[]>) =>
    callRoute(applyRoute.action, makeRequest(path, { cookie, form }), { slug: cohort.slug });
  const full = {
    intent: "submit",
    [`q_${why.id}`]: "I want to learn to **review** code.",
    timeZone: "Asia/Karachi",
    // three hours in the grid
    slot: ["mon-18:00", "mon-18:30", "tue-18:00", "tue-18:30", "wed-18:00", "wed-18:30"],
    [`pref_${project.id}`]: "1",
    hoursPerWeek: "8",
    commitments: "Full-time job at a bank",
    commitmentHours: "40",
    codeOfConduct: "on",
    aiPolicy: "on",
  };
  return { cohort, project, why, person, reviewer, organizer, cookie, post, full };
}

type Errors = { errors: Record<string, string>; values: Record<string, string> };

describe("the time commitment at application", () => {
  it("refuses negative, impossible and non-numeric hours with a sentence beside the field, keeping what was typed", async () => {
    const s = await setup();
    for (const [field, typed, sentence] of [
      ["hoursPerWeek", "-3", /whole number, 0 or more/],
      ["hoursPerWeek", "1e308", /whole number/],
      ["hoursPerWeek", "200", /A week has 168 hours/],
      ["hoursPerWeek", "eight", /whole number/],
      ["commitmentHours", "165", /165 for other commitments and the cohort's 8 do not fit/],
    ] as const) {
      const response = await s.post({ ...s.full, intent: "save", [field]: typed });
      expect(response.status, `${field}=${typed}`).toBe(400);
      const body = await jsonOf<Errors>(response);
      expect(body.errors[field]).toMatch(sentence);
      expect(body.values[field]).toBe(typed);
      expect(body.values[`q_${s.why.id}`]).toBe(s.full[`q_${s.why.id}`]);
    }
    expect(await db.application.count({ where: { personId: s.person.id } })).toBe(0);
  });

  it("asks for the hours before submitting, and for the hours of commitments that are named", async () => {
    const s = await setup();
    const response = await s.post({ ...s.full, hoursPerWeek: "", commitmentHours: "" });
    const body = await jsonOf<Errors>(response);
    expect(body.errors.hoursPerWeek).toBe("Say how many hours a week you can give the cohort.");
    expect(body.errors.commitmentHours).toBe("Say how many hours a week these commitments take.");
  });

  it("shows reviewers the hours written beside the hours of the grid, and flags a shortfall", async () => {
    const s = await setup();
    expect((await s.post(s.full)).status).toBe(302);
    const cookie = await sessionCookieFor(s.reviewer.id);
    const list = await jsonOf<{
      rows: {
        label: string;
        hours: number;
        writtenHours: number | null;
        time: { flagged: boolean; message: string };
      }[];
    }>(
      await callRoute(listRoute.loader, makeRequest(`/cohorts/${s.cohort.slug}/review`, { cookie }), {
        slug: s.cohort.slug,
      }),
    );
    const row = list.rows.find((r) => r.label === "Farah Aziz")!;
    expect(row).toMatchObject({ writtenHours: 8, hours: 3 });
    expect(row.time).toMatchObject({ flagged: true });
    expect(row.time.message).toContain("Your availability grid shows 3 hours a week; the cohort asks for 8.");
    const application = await db.application.findFirstOrThrow({ where: { personId: s.person.id } });
    const detail = await jsonOf<{
      application: {
        writtenHours: number;
        hours: number;
        commitments: string;
        commitmentHours: number;
        time: { flagged: boolean; label: string };
      };
    }>(
      await callRoute(
        detailRoute.loader,
        makeRequest(`/cohorts/${s.cohort.slug}/review/${application.id}`, { cookie }),
        { slug: s.cohort.slug, applicationId: application.id },
      ),
    );
    expect(detail.application).toMatchObject({
      writtenHours: 8,
      hours: 3,
      commitments: "Full-time job at a bank",
      commitmentHours: 40,
      time: { flagged: true, label: "Short of the cohort’s hours" },
    });
  });
});

describe("after submitting", () => {
  it("lands on a summary of what was sent and what happens next; a draft does not", async () => {
    const s = await setup();
    const draft = await s.post({ ...s.full, intent: "save", codeOfConduct: "" });
    expect(draft.headers.get("Location")).toBe(`/cohorts/${s.cohort.slug}/apply`);
    const summaryPath = `/cohorts/${s.cohort.slug}/apply/summary`;
    const early = await callRoute(summaryRoute.loader, makeRequest(summaryPath, { cookie: s.cookie }), {
      slug: s.cohort.slug,
    });
    expect(early.headers.get("Location")).toBe(`/cohorts/${s.cohort.slug}/apply`);

    const sent = await s.post(s.full);
    expect(sent.headers.get("Location")).toBe(summaryPath);
    const page = await jsonOf<{
      summary: {
        email: string;
        canEdit: boolean;
        answers: { label: string; html: string }[];
        preferences: string[];
        hours: number;
        commitment: { hoursPerWeek: number; commitments: string };
        cohort: { applicationsCloseAt: string };
      };
    }>(
      await callRoute(summaryRoute.loader, makeRequest(summaryPath, { cookie: s.cookie }), {
        slug: s.cohort.slug,
      }),
    );
    expect(page.summary.answers[0]).toMatchObject({
      label: "Why?",
      html: expect.stringContaining("<strong>review</strong>"),
    });
    expect(page.summary).toMatchObject({
      email: "farah@example.org",
      canEdit: true,
      preferences: [s.project.name],
      hours: 3,
      commitment: { hoursPerWeek: 8, commitments: "Full-time job at a bank" },
    });
  });
});

describe("the cohort's public page", () => {
  it("organizers write who can apply, the hours and a FAQ; bad input gets a sentence; everyone reads it sanitized", async () => {
    const s = await setup();
    const cookie = await sessionCookieFor(s.organizer.id);
    const editor = (form: Record<string, string>) =>
      callRoute(
        publicEditorRoute.action,
        makeRequest(`/cohorts/${s.cohort.slug}/public-page`, { cookie, form }),
        { slug: s.cohort.slug },
      );
    const bad = await editor({
      intent: "save-page",
      weeklyHours: "1e308",
      decisionsBy: "2027-02-30",
      whoCanApply: "x",
    });
    expect(bad.status).toBe(400);
    const errors = await jsonOf<Errors>(bad);
    expect(errors.errors.weeklyHours).toMatch(/whole number/);
    expect(errors.errors.decisionsBy).toMatch(/date/);
    expect(errors.values.whoCanApply).toBe("x");

    expect(
      (
        await editor({
          intent: "save-page",
          whoCanApply: "People who **already program**. <script>alert(1)</script>",
          weeklyHours: "6",
          timeCommitment: "A weekly call and your own work.",
          decisionsBy: "2027-01-15",
        })
      ).status,
    ).toBe(302);
    expect((await editor({ intent: "save-faq", question: "", answer: "" })).status).toBe(400);
    await editor({ intent: "save-faq", question: "Is it free?", answer: "Yes." });
    await editor({ intent: "save-faq", question: "Do I need Django?", answer: "No." });
    const second = await db.cohortFaqItem.findFirstOrThrow({ where: { question: "Do I need Django?" } });
    await editor({ intent: "faq-up", id: second.id });

    const page = await jsonOf<{
      about: {
        weeklyHours: number;
        whoCanApplyHtml: string;
        decisionsBy: string;
        faq: { question: string }[];
      };
    }>(
      await callRoute(cohortRoute.loader, makeRequest(`/cohorts/${s.cohort.slug}`), { slug: s.cohort.slug }),
    );
    expect(page.about.weeklyHours).toBe(6);
    expect(page.about.whoCanApplyHtml).toContain("<strong>already program</strong>");
    expect(page.about.whoCanApplyHtml).not.toContain("<script");
    expect(page.about.decisionsBy).toBe("2027-01-15T00:00:00.000Z");
    expect(page.about.faq.map((f) => f.question)).toEqual(["Do I need Django?", "Is it free?"]);
  });
});
