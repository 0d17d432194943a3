// Evaluation rounds: their default questions, when a round is open and due, which
// answers raise a flag, and the aggregate a navigator may see. Pure, so the pages,
// the reminders and the dashboards agree.
import { weekStartsAt } from "~/cohorts/phase";
import { DAY_MS } from "~/utils/time";

export type EvaluationQuestion = { key: string; type: "scale" | "text"; label: string };
export type Direction = "participant" | "navigator";

/** The "would like to talk to an organizer" box is on every form, whatever the questions. */
export const TALK_LABEL = "I would like to talk to an organizer";
/** A scale answer at or below this raises "Needs attention" for organizers. */
export const LOW_SCORE = 2;
/** Navigators see what participants said about them only across at least this many respondents. */
export const MIN_RESPONDENTS = 3;
/** A round can still be written (marked late) this long after it is due. */
export const LATE_WINDOW_MS = 14 * DAY_MS;

export const DEFAULT_PARTICIPANT_QUESTIONS: EvaluationQuestion[] = [
  { key: "team", type: "scale", label: "My team works well together" },
  { key: "navigator", type: "scale", label: "My navigator helps me when I am stuck" },
  { key: "learning", type: "scale", label: "I am learning what I hoped to learn" },
  { key: "comment", type: "text", label: "What should your navigator keep doing, or do differently?" },
];

export const DEFAULT_NAVIGATOR_QUESTIONS: EvaluationQuestion[] = [
  { key: "engagement", type: "scale", label: "Shows up, communicates and asks for help" },
  { key: "progress", type: "scale", label: "Progress on their contribution" },
  { key: "comment", type: "text", label: "Strengths, and what to work on next" },
];

export type RoundCalendar = { startsOn: Date; weeks: number };

/** Default rounds: the midpoint after week 3 (or the middle of a short cohort) and the final after the last week. */
export function defaultRounds(cohort: RoundCalendar): { title: string; afterWeek: number }[] {
  const mid = Math.min(3, Math.max(1, Math.floor(cohort.weeks / 2)));
  const rounds = [{ title: "Midpoint evaluation", afterWeek: mid }];
  if (cohort.weeks > mid) rounds.push({ title: "Final evaluation", afterWeek: cohort.weeks });
  return rounds;
}

export const roundOpensAt = (cohort: RoundCalendar, afterWeek: number) => weekStartsAt(cohort, afterWeek);
export const roundDueAt = (cohort: RoundCalendar, afterWeek: number) => weekStartsAt(cohort, afterWeek + 1);
export const roundClosesAt = (cohort: RoundCalendar, afterWeek: number) =>
  new Date(roundDueAt(cohort, afterWeek).getTime() + LATE_WINDOW_MS);

export type RoundWindow = { open: true; late: boolean } | { open: false; reason: string };

export function roundWindow(cohort: RoundCalendar, afterWeek: number, now: Date): RoundWindow {
  if (now.getTime() < roundOpensAt(cohort, afterWeek).getTime())
    return { open: false, reason: `This evaluation opens when week ${afterWeek} starts.` };
  if (now.getTime() >= roundClosesAt(cohort, afterWeek).getTime())
    return { open: false, reason: "This evaluation has closed; it can no longer be changed." };
  return { open: true, late: now.getTime() > roundDueAt(cohort, afterWeek).getTime() };
}

/** Rounds a person should see on their home and week page: open, and not closed. */
export function isRoundVisible(cohort: RoundCalendar, afterWeek: number, now: Date): boolean {
  return roundWindow(cohort, afterWeek, now).open;
}

export function parseQuestions(
  json: string | null | undefined,
  fallback: EvaluationQuestion[],
): EvaluationQuestion[] {
  try {
    const value: unknown = JSON.parse(json ?? "");
    if (Array.isArray(value)) {
      const questions = value.filter(
        (q): q is EvaluationQuestion =>
          Boolean(q) &&
          typeof q === "object" &&
          typeof (q as EvaluationQuestion).key === "string" &&
          ((q as EvaluationQuestion).type === "scale" || (q as EvaluationQuestion).type === "text") &&
          typeof (q as EvaluationQuestion).label === "string",
      );
      if (questions.length > 0) return questions;
    }
  } catch {
    // fall through to the defaults
  }
  return fallback;
}

/**
 * The organizer edits a question set as lines "scale: label" or "text: label".
 * Returns the questions or a sentence saying which line is wrong.
 */
export function questionsFromLines(
  text: string,
): { ok: true; questions: EvaluationQuestion[] } | { ok: false; error: string } {
  return typedLinesToQuestions(text, ["scale", "text"], "A round");
}

/**
 * Lines "<type>: label" into questions with a stable key each, for any set of types
 * (evaluations use scale/text, surveys likert/text). At most 20 lines.
 */
export function typedLinesToQuestions<T extends string>(
  text: string,
  types: readonly T[],
  what: string,
): { ok: true; questions: { key: string; type: T; label: string }[] } | { ok: false; error: string } {
  const starts = types.map((t) => `“${t}:”`).join(" or ");
  const lines = text
    .split(/\r?\n/)
    .map((l) => l.trim())
    .filter(Boolean);
  if (lines.length === 0)
    return { ok: false, error: `Write at least one question, one per line, starting with ${starts}.` };
  if (lines.length > 20) return { ok: false, error: `${what} can have at most 20 questions.` };
  const questions: { key: string; type: T; label: string }[] = [];
  for (const [i, line] of lines.entries()) {
    const match = /^([a-z]+)\s*:\s*(.+)$/i.exec(line);
    const type = types.find((t) => t === match?.[1].toLowerCase());
    if (!match || !type)
      return { ok: false, error: `Line ${i + 1} (“${line.slice(0, 40)}”) must start with ${starts}.` };
    const label = match[2].trim().slice(0, 200);
    const key =
      label
        .toLowerCase()
        .replace(/[^a-z0-9]+/g, "-")
        .replace(/^-|-$/g, "")
        .slice(0, 40) || `q${i + 1}`;
    questions.push({ key: questions.some((q) => q.key === key) ? `${key}-${i + 1}` : key, type, label });
  }
  return { ok: true, questions };
}

export const questionsToLines = (questions: EvaluationQuestion[]) =>
  questions.map((q) => `${q.type}: ${q.label}`).join("\n");

export function parseAnswers(json: string | null | undefined): Record<string, string> {
  try {
    const value: unknown = JSON.parse(json ?? "");
    if (value && typeof value === "object" && !Array.isArray(value)) {
      return Object.fromEntries(
        Object.entries(value).filter((e): e is [string, string] => typeof e[1] === "string"),
      );
    }
  } catch {
    // shown as empty
  }
  return {};
}

export type AnswerCheck =
  | { ok: true; answers: Record<string, string>; lowestScore: number | null }
  | { ok: false; errors: Record<string, string> };

/**
 * Reads the form's answers for `questions`. A draft may leave anything empty;
 * submitting needs every scale answered. Scale answers are 1–5.
 */
export function checkAnswers(
  questions: EvaluationQuestion[],
  raw: Record<string, unknown>,
  submitting: boolean,
): AnswerCheck {
  const answers: Record<string, string> = {};
  const errors: Record<string, string> = {};
  let lowest: number | null = null;
  for (const q of questions) {
    const value = typeof raw[`q-${q.key}`] === "string" ? (raw[`q-${q.key}`] as string).trim() : "";
    if (q.type === "scale") {
      if (!value) {
        if (submitting) errors[`q-${q.key}`] = `Choose 1 to 5 for “${q.label}”.`;
        continue;
      }
      const n = Number(value);
      if (!Number.isInteger(n) || n < 1 || n > 5) {
        errors[`q-${q.key}`] = `“${q.label}” takes a whole number from 1 to 5.`;
        continue;
      }
      answers[q.key] = String(n);
      lowest = lowest === null ? n : Math.min(lowest, n);
    } else {
      if (value.length > 5000) {
        errors[`q-${q.key}`] = `“${q.label}” is longer than 5,000 characters.`;
        continue;
      }
      answers[q.key] = value;
    }
  }
  if (Object.keys(errors).length > 0) return { ok: false, errors };
  return { ok: true, answers, lowestScore: lowest };
}

export type ScaleAggregate = { key: string; label: string; mean: number; count: number };

/**
 * What participants said about one navigator: the mean of each scale question,
 * or null when fewer than MIN_RESPONDENTS submitted (so nobody can be picked out).
 */
export function navigatorAggregate(
  questions: EvaluationQuestion[],
  responses: { answers: string }[],
): { respondents: number; scales: ScaleAggregate[] | null } {
  const respondents = responses.length;
  if (respondents < MIN_RESPONDENTS) return { respondents, scales: null };
  const parsed = responses.map((r) => parseAnswers(r.answers));
  const scales = questions
    .filter((q) => q.type === "scale")
    .map((q) => {
      const values = parsed
        .map((a) => Number(a[q.key]))
        .filter((n) => Number.isInteger(n) && n >= 1 && n <= 5);
      const mean = values.length
        ? Math.round((values.reduce((s, n) => s + n, 0) / values.length) * 10) / 10
        : 0;
      return { key: q.key, label: q.label, mean, count: values.length };
    });
  return { respondents, scales };
}

/** Why an evaluation needs an organizer's attention, in words (null when it does not). */
export function evaluationFlag(r: {
  status: string;
  wantsToTalk: boolean;
  lowestScore: number | null;
}): string | null {
  if (r.status !== "submitted") return null;
  const reasons: string[] = [];
  if (r.wantsToTalk) reasons.push("would like to talk to an organizer");
  if (r.lowestScore !== null && r.lowestScore <= LOW_SCORE)
    reasons.push(`gave a low score (${r.lowestScore} of 5)`);
  return reasons.length ? reasons.join(" and ") : null;
}
