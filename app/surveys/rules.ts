// Surveys: the weekly one-question pulse and the end-of-cohort survey. Their
// questions, when each is open, the answer form's checks and the results per
// question — pure, so the pages, the CSV and the tests agree.
import { z } from "zod";
import { cohortEndsAt, weekStartsAt } from "~/cohorts/phase";
import { MIN_RESPONDENTS, typedLinesToQuestions } from "~/evaluations/rules";
import { DAY_MS } from "~/utils/time";

export type SurveyQuestion = { key: string; type: "likert" | "text"; label: string };
export type SurveyKind = "pulse" | "end";

/** Groups (a week, a team) with fewer respondents are not shown, so nobody can be picked out. */
export { MIN_RESPONDENTS };
/** The end-of-cohort survey takes answers this long after the cohort ends (or after it is opened). */
export const END_SURVEY_WINDOW_MS = 14 * DAY_MS;

export const LIKERT_LEVELS = [
  "Strongly disagree",
  "Disagree",
  "Neither agree nor disagree",
  "Agree",
  "Strongly agree",
] as const;

/** Statements a pulse can ask, from CHAOSS's Newcomer Experience items and the program's own. */
export const PULSE_SUGGESTIONS = [
  "I feel welcome in the community",
  "I know where to ask for help",
  "I made progress on my contribution this week",
  "My navigator was available when I needed them",
  "I feel confident about next week",
];

export const DEFAULT_PULSE: Pick<SurveyQuestion, "type" | "label"> = {
  type: "likert",
  label: PULSE_SUGGESTIONS[0],
};
export const PULSE_KEY = "pulse";

export const DEFAULT_END_QUESTIONS: SurveyQuestion[] = [
  { key: "welcome", type: "likert", label: "I feel welcome in the community" },
  { key: "help", type: "likert", label: "I know where to ask for help" },
  { key: "contribute", type: "likert", label: "I know how to make my next contribution on my own" },
  { key: "recommend", type: "likert", label: "I would recommend this cohort to a friend" },
  { key: "change", type: "text", label: "What should we change for the next cohort?" },
];

export const pulseTitle = (week: number) => `Week ${week} pulse`;
export const END_TITLE = "End-of-cohort survey";

export const questionsFromLines = (text: string) =>
  typedLinesToQuestions(text, ["likert", "text"] as const, "A survey");
export const questionsToLines = (questions: SurveyQuestion[]) =>
  questions.map((q) => `${q.type}: ${q.label}`).join("\n");

export function parseSurveyQuestions(json: string | null | undefined): SurveyQuestion[] {
  try {
    const value: unknown = JSON.parse(json ?? "");
    if (Array.isArray(value))
      return value.filter(
        (q): q is SurveyQuestion =>
          Boolean(q) &&
          typeof q === "object" &&
          typeof q.key === "string" &&
          (q.type === "likert" || q.type === "text") &&
          typeof q.label === "string",
      );
  } catch {
    // a broken row shows no questions rather than a 500
  }
  return [];
}

export const pulseQuestion = (setting: { questionType: string; question: string }): SurveyQuestion => ({
  key: PULSE_KEY,
  type: setting.questionType === "text" ? "text" : "likert",
  label: setting.question,
});

type Calendar = { startsOn: Date; weeks: number };

/** The pulse of week `week` takes answers during that week. */
export const pulseWindow = (cohort: Calendar, week: number) => ({
  opensAt: weekStartsAt(cohort, week),
  closesAt: weekStartsAt(cohort, week + 1),
});

/** The end-of-cohort survey, opened at `sentAt`, takes answers until two weeks after the later of then and the end. */
export const endSurveyClosesAt = (cohort: Calendar, sentAt: Date) =>
  new Date(Math.max(sentAt.getTime(), cohortEndsAt(cohort).getTime()) + END_SURVEY_WINDOW_MS);

export type SurveyState = "draft" | "open" | "closed" | "not yet open";

export function surveyState(s: { sentAt: Date | null; closesAt: Date | null }, now: Date): SurveyState {
  if (!s.sentAt) return "draft";
  if (now.getTime() < s.sentAt.getTime()) return "not yet open";
  if (s.closesAt && now.getTime() >= s.closesAt.getTime()) return "closed";
  return "open";
}

/** The answer form's schema for a survey's questions: every Likert statement answered 1–5, text optional. */
export function answerSchema(questions: SurveyQuestion[]) {
  const shape: Record<string, z.ZodTypeAny> = {};
  for (const q of questions) {
    shape[`q-${q.key}`] =
      q.type === "likert"
        ? z
            .string({ required_error: `Choose an answer for “${q.label}”.` })
            .min(1, `Choose an answer for “${q.label}”.`)
            .regex(/^[1-5]$/, `“${q.label}” takes an answer from 1 to 5.`)
        : z
            .string()
            .trim()
            .max(5000, `“${q.label}” is longer than 5,000 characters.`)
            .optional()
            .transform((v) => v ?? "");
  }
  return z.object(shape).transform((values) =>
    Object.fromEntries(
      questions.flatMap((q) => {
        const v = values[`q-${q.key}`] as string;
        return v ? [[q.key, v]] : [];
      }),
    ),
  );
}

export function parseSurveyAnswers(json: string): Record<string, string> {
  try {
    const value: unknown = JSON.parse(json);
    if (value && typeof value === "object" && !Array.isArray(value))
      return Object.fromEntries(
        Object.entries(value).filter((e): e is [string, string] => typeof e[1] === "string"),
      );
  } catch {
    // counted as no answer
  }
  return {};
}

// ───────────────────────────── results ───────────────────────────────────────

/**
 * One group's answers to a Likert statement: how many chose 1, 2, 3, 4 and 5,
 * from how many people (a team answers the pulse once a week, so more answers than people).
 */
export type Distribution = {
  group: string;
  respondents: number;
  answers: number;
  counts: number[];
  mean: number | null;
};

export type GroupedDistributions = { shown: Distribution[]; hidden: string[] };

export function distribution(group: string, values: string[], people: string[] = values): Distribution {
  const counts = [0, 0, 0, 0, 0];
  const who = new Set<string>();
  values.forEach((v, i) => {
    const n = Number(v);
    if (!Number.isInteger(n) || n < 1 || n > 5) return;
    counts[n - 1]++;
    who.add(people[i] ?? String(i));
  });
  const answers = counts.reduce((a, b) => a + b, 0);
  const mean = answers
    ? Math.round((counts.reduce((s, c, i) => s + c * (i + 1), 0) / answers) * 10) / 10
    : null;
  return { group, respondents: who.size, answers, counts, mean };
}

/**
 * Distributions per group, in the groups' order; a group with answers from fewer
 * than MIN_RESPONDENTS people is left out and named in `hidden`.
 */
export function groupedDistributions(
  groups: { group: string; values: string[]; people: string[] }[],
  min = MIN_RESPONDENTS,
): GroupedDistributions {
  const shown: Distribution[] = [];
  const hidden: string[] = [];
  for (const g of groups) {
    const d = distribution(g.group, g.values, g.people);
    if (d.answers === 0) continue;
    if (d.respondents < min) hidden.push(g.group);
    else shown.push(d);
  }
  return { shown, hidden };
}
