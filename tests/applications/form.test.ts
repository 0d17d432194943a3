// The organizer's form editor: questions of every type, rubric, order, copy.
import { describe, expect, it } from "vitest";
import { loadQuestions, loadRubric } from "~/applications/form.server";
import * as formRoute from "~/routes/cohorts.$slug.form";
import { db } from "~/utils/db.server";
import {
  addMember,
  callRoute,
  jsonOf,
  makeApplication,
  makeCohort,
  makePerson,
  makeRequest,
  sessionCookieFor,
} from "../setup/factories";

async function setup() {
  const cohort = await makeCohort("applications_open");
  const organizer = await makePerson();
  await addMember(cohort.id, organizer.id, "organizer");
  const cookie = await sessionCookieFor(organizer.id);
  const post = (form: Record<string, string>, slug = cohort.slug) =>
    callRoute(formRoute.action, makeRequest(`/cohorts/${slug}/form`, { cookie, form }), { slug });
  return { cohort, organizer, cookie, post };
}

describe("the application form editor", () => {
  it("adds questions of every type with help, required and sensitive flags, and keeps their order", async () => {
    const s = await setup();
    const types = ["short_text", "long_text", "single_choice", "multiple_choice", "yes_no", "url", "number"];
    for (const type of types) {
      const response = await s.post({
        intent: "save-question",
        label: `A ${type} question`,
        type,
        helpText: "Some help",
        options: "First\nSecond",
        required: type === "url" ? "on" : "",
        sensitive: type === "long_text" ? "on" : "",
      });
      expect(response.status).toBe(302);
    }
    const questions = await loadQuestions(s.cohort.id);
    expect(questions.map((q) => q.type)).toEqual(types);
    expect(questions.find((q) => q.type === "single_choice")?.options).toEqual(["First", "Second"]);
    expect(questions.find((q) => q.type === "short_text")?.options).toEqual([]);
    expect(questions.find((q) => q.type === "url")?.required).toBe(true);
    expect(questions.find((q) => q.type === "long_text")?.sensitive).toBe(true);

    // move the last question up one place
    const last = questions[questions.length - 1];
    await s.post({ intent: "question-up", id: last.id });
    expect((await loadQuestions(s.cohort.id)).map((q) => q.type).slice(-2)).toEqual(["number", "url"]);
  });

  it("reports problems beside the field and keeps what was typed", async () => {
    const s = await setup();
    const response = await s.post({
      intent: "save-question",
      label: "Pick one",
      type: "single_choice",
      options: "Only",
    });
    expect(response.status).toBe(400);
    const body = await jsonOf<{ errors: Record<string, string>; values: Record<string, string> }>(response);
    expect(body.errors.options).toMatch(/at least two choices/);
    expect(body.values.label).toBe("Pick one");
  });

  it("will not remove a question someone answered", async () => {
    const s = await setup();
    await s.post({ intent: "save-question", label: "Why?", type: "long_text" });
    const [question] = await loadQuestions(s.cohort.id);
    await makeApplication(s.cohort.id, (await makePerson()).id, { answers: { [question.id]: "Because" } });
    const response = await s.post({ intent: "delete-question", id: question.id });
    expect(response.status).toBe(400);
    expect((await jsonOf<{ errors: { form: string } }>(response)).errors.form).toMatch(
      /already has 1 answer/,
    );
    expect(await db.applicationQuestion.count({ where: { cohortId: s.cohort.id } })).toBe(1);
  });

  it("writes a rubric with anchors and copies the whole form from an earlier cohort in one step", async () => {
    const s = await setup();
    expect((await s.post({ intent: "save-criterion", name: "Motivation", lowAnchor: "" })).status).toBe(400);
    await s.post({
      intent: "save-criterion",
      name: "Motivation",
      description: "Why now",
      lowAnchor: "Generic",
      highAnchor: "Specific",
    });
    await s.post({ intent: "save-question", label: "Why?", type: "long_text" });
    expect((await loadRubric(s.cohort.id))[0]).toMatchObject({
      name: "Motivation",
      lowAnchor: "Generic",
      highAnchor: "Specific",
    });

    const next = await makeCohort("upcoming");
    await addMember(next.id, s.organizer.id, "organizer");
    const copied = await s.post({ intent: "copy", source: s.cohort.slug }, next.slug);
    expect(copied.status).toBe(302);
    expect((await loadQuestions(next.id)).map((q) => q.label)).toEqual(["Why?"]);
    expect((await loadRubric(next.id)).map((c) => c.name)).toEqual(["Motivation"]);
    // the source is untouched
    expect(await db.applicationQuestion.count({ where: { cohortId: s.cohort.id } })).toBe(1);
    expect(await db.auditEntry.count({ where: { cohortId: next.id, action: "form.copy" } })).toBe(1);
  });
});
