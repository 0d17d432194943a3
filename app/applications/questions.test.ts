import { describe, expect, it } from "vitest";
import { emptySlots } from "~/availability/slots";
import { answerProblem, answersSchema, questionForm, readApplicationForm, type Question } from "./questions";

const q = (over: Partial<Question>): Question => ({
  id: "q1",
  position: 1,
  type: "short_text",
  label: "Q",
  helpText: "",
  required: false,
  sensitive: false,
  options: [],
  ...over,
});

describe("checking answers", () => {
  it("requires required answers only when submitting", () => {
    const question = q({ required: true });
    expect(answerProblem(question, "", false)).toBeNull();
    expect(answerProblem(question, "", true)).toMatch(/needs an answer/);
  });

  it("checks URLs, numbers, yes/no and choices even in a draft", () => {
    expect(answerProblem(q({ type: "url" }), "github.com/me", false)).toMatch(/web address/);
    expect(answerProblem(q({ type: "url" }), "javascript:alert(1)", false)).toMatch(/https/);
    expect(answerProblem(q({ type: "url" }), "https://github.com/me", false)).toBeNull();
    expect(answerProblem(q({ type: "number" }), "five", false)).toMatch(/number/);
    expect(answerProblem(q({ type: "number" }), "2.5", false)).toBeNull();
    expect(answerProblem(q({ type: "yes_no" }), "maybe", false)).toMatch(/yes or no/);
    expect(answerProblem(q({ type: "single_choice", options: ["A", "B"] }), "C", false)).toMatch(/listed/);
    expect(
      answerProblem(q({ type: "multiple_choice", options: ["A", "B"] }), JSON.stringify(["A", "Z"]), false),
    ).toMatch(/listed/);
    expect(
      answerProblem(q({ type: "multiple_choice", options: ["A", "B"] }), JSON.stringify(["A", "B"]), false),
    ).toBeNull();
  });
});

describe("the answers' schema, built from the cohort's questions", () => {
  it("has one field per question, stored as the database keeps it, refused with the question's sentence", () => {
    const questions = [
      q({ id: "a", required: true }),
      q({ id: "b", type: "multiple_choice", options: ["x", "y"] }),
    ];
    const ok = answersSchema(questions, true).safeParse({ q_a: "  hi ", q_b: ["x", "y"] });
    expect(ok.success && ok.data).toEqual({ q_a: "hi", q_b: JSON.stringify(["x", "y"]) });
    const refused = answersSchema(questions, true).safeParse({ q_b: "z" });
    expect(refused.error?.issues.map((i) => [i.path.join("."), i.message])).toEqual([
      ["q_a", "This question needs an answer before you submit."],
      ["q_b", "Choose among the listed answers."],
    ]);
    expect(answersSchema(questions, false).safeParse({ q_b: "x" }).success).toBe(true);
  });
});

describe("reading the application form", () => {
  const questions = [
    q({ id: "a", required: true }),
    q({ id: "b", type: "multiple_choice", options: ["x", "y"] }),
  ];

  it("keeps everything typed and reports each problem beside its field when submitting", () => {
    const { draft, errors } = readApplicationForm(
      questions,
      ["p1", "p2"],
      { q_a: "", q_b: ["x"], pref_p1: "1", pref_p2: "1", timeZone: "Europe/Berlin" },
      true,
    );
    expect(errors.q_a).toMatch(/needs an answer/);
    expect(errors.pref_p2).toMatch(/same rank/);
    expect(errors.availability).toBeTruthy();
    expect(errors.codeOfConduct).toBeTruthy();
    expect(errors.aiPolicy).toBeTruthy();
    expect(draft.answers.get("b")).toBe(JSON.stringify(["x"]));
  });

  it("accepts a draft with missing answers", () => {
    const { errors, draft } = readApplicationForm(questions, ["p1"], { timeZone: "UTC" }, false);
    expect(errors).toEqual({});
    expect(draft.localSlots).toBe(emptySlots());
  });

  it("accepts a complete submission and reads the grid", () => {
    const { errors, draft } = readApplicationForm(
      questions,
      ["p1"],
      {
        q_a: "Hello",
        anyProject: "on",
        timeZone: "Asia/Kolkata",
        slot: ["mon-09:00", "mon-09:30"],
        hoursPerWeek: "6",
        codeOfConduct: "on",
        aiPolicy: "on",
      },
      true,
    );
    expect(errors).toEqual({});
    expect(draft.commitment).toEqual({ hoursPerWeek: 6, commitments: "", commitmentHours: null });
    expect(draft.localSlots.indexOf("1")).toBe(18);
    expect(draft.anyProject).toBe(true);
  });

  it("refuses an unknown time zone", () => {
    expect(readApplicationForm([], [], { timeZone: "Mars/Olympus" }, false).errors.timeZone).toBeTruthy();
  });
});

describe("the question editor", () => {
  it("needs two choices for a choice question", () => {
    const result = questionForm.safeParse({ label: "Pick", type: "single_choice", options: "only one" });
    expect(result.success).toBe(false);
    const ok = questionForm.safeParse({
      label: "Pick",
      type: "single_choice",
      options: "one\ntwo\n\n",
      sensitive: "on",
    });
    expect(ok.success && ok.data.options).toEqual(["one", "two"]);
    expect(ok.success && ok.data.sensitive).toBe(true);
  });
});
