// The application form of a cohort: question types, the organizer's editor
// forms, and checking an applicant's answers against the questions. Pure code,
// shared by the server and the pages.
import { z } from "zod";
import { buttonForm, checkbox, optionalId } from "~/utils/forms";
import { isValidTimeZone } from "~/utils/time";
import { isSlotString, slotIndexFromKey, setToSlots } from "~/availability/slots";
import type { FieldErrors, FormValues } from "~/utils/forms";
import { checkTimeCommitment, COMMITMENTS_MAX_LENGTH, readHours } from "./time-commitment";

export const QUESTION_TYPES = [
  "short_text",
  "long_text",
  "single_choice",
  "multiple_choice",
  "yes_no",
  "url",
  "number",
] as const;
export type QuestionType = (typeof QUESTION_TYPES)[number];

export const QUESTION_TYPE_LABELS: Record<QuestionType, string> = {
  short_text: "Short text",
  long_text: "Long text",
  single_choice: "Single choice",
  multiple_choice: "Multiple choice",
  yes_no: "Yes / no",
  url: "Web address (URL)",
  number: "Number",
};

export type Question = {
  id: string;
  position: number;
  type: QuestionType;
  label: string;
  helpText: string;
  required: boolean;
  sensitive: boolean;
  options: string[];
};

export const hasOptions = (type: QuestionType) => type === "single_choice" || type === "multiple_choice";

export function parseOptions(json: string): string[] {
  try {
    const value: unknown = JSON.parse(json);
    return Array.isArray(value) ? value.filter((v): v is string => typeof v === "string") : [];
  } catch {
    return [];
  }
}

/** The organizer's "add / edit a question" form. */
export const questionForm = z
  .object({
    questionId: z.string().optional().default(""),
    label: z
      .string()
      .trim()
      .min(1, "Write the question.")
      .max(300, "Keep the question under 300 characters."),
    type: z.enum(QUESTION_TYPES, { errorMap: () => ({ message: "Choose a question type." }) }),
    helpText: z.string().trim().max(1000, "Keep the help text under 1,000 characters.").default(""),
    options: z
      .string()
      .default("")
      .transform((text) => [
        ...new Set(
          text
            .split("\n")
            .map((line) => line.trim())
            .filter(Boolean),
        ),
      ]),
    required: checkbox,
    sensitive: checkbox,
  })
  .superRefine((value, ctx) => {
    if (hasOptions(value.type) && value.options.length < 2) {
      ctx.addIssue({
        code: "custom",
        path: ["options"],
        message: "List at least two choices, one per line.",
      });
    }
    if (value.options.some((o) => o.length > 200)) {
      ctx.addIssue({ code: "custom", path: ["options"], message: "Keep each choice under 200 characters." });
    }
  });
export type QuestionInput = z.infer<typeof questionForm>;

/** The organizer's "add / edit a rubric criterion" form. */
export const criterionForm = z.object({
  criterionId: z.string().optional().default(""),
  name: z.string().trim().min(1, "Name the criterion.").max(120, "Keep the name under 120 characters."),
  description: z.string().trim().max(1000, "Keep the description under 1,000 characters.").default(""),
  lowAnchor: z
    .string()
    .trim()
    .min(1, "Describe what a 1 looks like.")
    .max(500, "Keep it under 500 characters."),
  highAnchor: z
    .string()
    .trim()
    .min(1, "Describe what a 5 looks like.")
    .max(500, "Keep it under 500 characters."),
});
export type CriterionInput = z.infer<typeof criterionForm>;

export const answerField = (questionId: string) => `q_${questionId}`;
export const preferenceField = (projectId: string) => `pref_${projectId}`;

/** An answer as stored: text, or a JSON array for multiple choice. */
export function storedAnswer(question: Question, raw: string | string[] | undefined): string {
  if (question.type === "multiple_choice") {
    const list = Array.isArray(raw) ? raw : raw ? [raw] : [];
    return JSON.stringify(list.filter(Boolean));
  }
  return (Array.isArray(raw) ? (raw[0] ?? "") : (raw ?? "")).trim();
}

export function displayAnswer(question: Pick<Question, "type">, value: string): string {
  if (question.type === "multiple_choice") return parseOptions(value).join("; ");
  if (question.type === "yes_no") return value === "yes" ? "Yes" : value === "no" ? "No" : "";
  return value;
}

/** The longest answer a text question takes, shown beside the field and checked on save. */
export const ANSWER_MAX_LENGTH = { short_text: 300, long_text: 10_000 } as const;

export function answerMaxLength(type: QuestionType): number | null {
  return type === "short_text" || type === "long_text" ? ANSWER_MAX_LENGTH[type] : null;
}

function isEmptyAnswer(question: Question, stored: string): boolean {
  return question.type === "multiple_choice" ? parseOptions(stored).length === 0 : stored === "";
}

/** Problems with one answer. `complete` also requires required answers (submitting, not saving a draft). */
export function answerProblem(question: Question, stored: string, complete: boolean): string | null {
  if (isEmptyAnswer(question, stored))
    return complete && question.required ? "This question needs an answer before you submit." : null;
  switch (question.type) {
    case "short_text":
    case "long_text": {
      const max = ANSWER_MAX_LENGTH[question.type];
      return stored.length > max
        ? `Keep this answer to ${max.toLocaleString("en")} characters; it has ${stored.length.toLocaleString("en")}.`
        : null;
    }
    case "url": {
      try {
        const url = new URL(stored);
        return url.protocol === "https:" || url.protocol === "http:"
          ? null
          : "Enter a web address starting with https://";
      } catch {
        return "Enter a full web address starting with https://";
      }
    }
    case "number":
      return /^-?\d+(\.\d+)?$/.test(stored) ? null : "Enter a number, e.g. 3 or 2.5.";
    case "yes_no":
      return stored === "yes" || stored === "no" ? null : "Choose yes or no.";
    case "single_choice":
      return question.options.includes(stored) ? null : "Choose one of the listed answers.";
    case "multiple_choice":
      return parseOptions(stored).every((v) => question.options.includes(v))
        ? null
        : "Choose among the listed answers.";
  }
}

const rawAnswer = z.union([z.string(), z.array(z.string())]).optional();

/**
 * The answers' schema, built from the cohort's questions: one field per question
 * (`q_<id>`), stored as text (JSON for multiple choice) and checked by `answerProblem`;
 * `complete` also requires the required ones (submitting, not saving a draft).
 */
export function answersSchema(questions: Question[], complete: boolean) {
  return z.object(
    Object.fromEntries(
      questions.map((question) => [
        answerField(question.id),
        rawAnswer
          .transform((raw) => storedAnswer(question, raw))
          .superRefine((stored, ctx) => {
            const problem = answerProblem(question, stored, complete);
            if (problem) ctx.addIssue({ code: z.ZodIssueCode.custom, message: problem });
          }),
      ]),
    ),
  );
}

export type ApplicationDraft = {
  answers: Map<string, string>;
  anyProject: boolean;
  /** projectId → rank (1 = first choice) */
  preferences: Map<string, number>;
  timeZone: string;
  /** 336-character local-week slot string, in `timeZone` */
  localSlots: string;
  codeOfConduct: boolean;
  aiPolicy: boolean;
  commitment: { hoursPerWeek: number | null; commitments: string; commitmentHours: number | null };
};

/**
 * Reads the applicant's form. Always returns what was typed (so nothing is lost)
 * and the problems per field; `complete` applies the submit rules.
 */
export function readApplicationForm(
  questions: Question[],
  projectIds: string[],
  values: FormValues,
  complete: boolean,
  cohortHours: number | null = null,
): { draft: ApplicationDraft; errors: FieldErrors } {
  const errors: FieldErrors = {};
  const answers = new Map<string, string>();
  const parsed = answersSchema(questions, complete).safeParse(values);
  for (const issue of parsed.error?.issues ?? []) errors[issue.path.join(".")] ??= issue.message;
  // What was typed is kept even when refused, so nothing is lost.
  for (const question of questions)
    answers.set(question.id, storedAnswer(question, values[answerField(question.id)]));
  const one = (key: string) => {
    const v = values[key];
    return (Array.isArray(v) ? v[0] : v) ?? "";
  };
  const anyProject = one("anyProject") === "on";
  const preferences = new Map<string, number>();
  const ranksSeen = new Set<number>();
  for (const projectId of projectIds) {
    const raw = one(preferenceField(projectId));
    if (!raw) continue;
    const rank = Number(raw);
    if (!Number.isInteger(rank) || rank < 1 || rank > projectIds.length) {
      errors[preferenceField(projectId)] = "Choose a rank from the list.";
      continue;
    }
    if (ranksSeen.has(rank))
      errors[preferenceField(projectId)] = "Two projects have the same rank; give each a different one.";
    ranksSeen.add(rank);
    preferences.set(projectId, rank);
  }
  if (complete && !anyProject && preferences.size === 0) {
    errors.preferences = "Rank at least one project, or tick “Any project”.";
  }
  const timeZone = one("timeZone") || "UTC";
  if (!isValidTimeZone(timeZone)) errors.timeZone = "Choose a time zone from the list.";
  const slotValues = values.slot;
  const keys = Array.isArray(slotValues) ? slotValues : slotValues ? [slotValues] : [];
  const indices = keys.map(slotIndexFromKey).filter((i): i is number => i !== null);
  const localSlots = setToSlots(indices);
  if (!isSlotString(localSlots))
    errors.availability = "The availability grid was not readable; please tick the slots again.";
  if (complete && indices.length === 0)
    errors.availability = "Tick the half-hours in a typical week when you could meet your team.";
  const codeOfConduct = one("codeOfConduct") === "on";
  const aiPolicy = one("aiPolicy") === "on";
  if (complete && !codeOfConduct) errors.codeOfConduct = "Please read and accept the code of conduct.";
  if (complete && !aiPolicy)
    errors.aiPolicy = "Please read and accept the AI-contribution policy of the projects you chose.";
  const commitment = readCommitment(values, one, complete, cohortHours, indices.length / 2, errors);
  return {
    draft: { answers, anyProject, preferences, timeZone, localSlots, codeOfConduct, aiPolicy, commitment },
    errors,
  };
}

/** The time-commitment fields; impossible hours are refused even in a draft. */
function readCommitment(
  values: FormValues,
  one: (key: string) => string,
  complete: boolean,
  cohortHours: number | null,
  availabilityHours: number,
  errors: FieldErrors,
): ApplicationDraft["commitment"] {
  const hoursText = one("hoursPerWeek");
  const commitmentText = one("commitmentHours");
  const commitments = one("commitments").trim();
  const check = checkTimeCommitment({
    cohortHours,
    hoursPerWeek: hoursText,
    commitmentHours: commitmentText,
    availabilityHours,
  });
  if (check.state === "invalid") errors[check.field] = check.message;
  else if (complete && readHours(hoursText) === null)
    errors.hoursPerWeek = "Say how many hours a week you can give the cohort.";
  if (complete && commitments && readHours(commitmentText) === null && !errors.commitmentHours)
    errors.commitmentHours = "Say how many hours a week these commitments take.";
  if (commitments.length > COMMITMENTS_MAX_LENGTH)
    errors.commitments = `Keep this to ${COMMITMENTS_MAX_LENGTH} characters; it has ${commitments.length}.`;
  const valid = (n: number | null) => (n === null || Number.isNaN(n) ? null : n);
  return {
    hoursPerWeek: valid(readHours(hoursText)),
    commitments,
    commitmentHours: valid(readHours(commitmentText)),
  };
}

/** The form editor's buttons, with the question or criterion they act on and the cohort to copy from. */
export const formEditorButtonForm = buttonForm(
  [
    "save-question",
    "save-criterion",
    "delete-question",
    "delete-criterion",
    "question-up",
    "question-down",
    "criterion-up",
    "criterion-down",
    "copy",
  ],
  "Unknown action.",
).extend({ id: optionalId, questionId: optionalId, criterionId: optionalId, source: optionalId });
