// The calendar of weekly reflections: when each week's reflection is due, until
// when it can be edited, and whether it was late. Pure, so the week page, the
// dashboards and the reminders all agree on the same dates.
import { weekOf, weekStartsAt } from "~/cohorts/phase";

/**
 * A reflection prompt. Answers are stored under its `id`, so renaming a prompt keeps
 * the answers attached; a removed prompt stays in the list as `retired`, so answers
 * written to it still show under its words.
 */
export type ReflectionPrompt = { id: string; text: string; retired?: boolean };

export const DEFAULT_PROMPTS: ReflectionPrompt[] = [
  { id: "p1", text: "What I worked on" },
  { id: "p2", text: "What I learned" },
  { id: "p3", text: "What is blocking me" },
  { id: "p4", text: "What help I would like" },
];

export type ReflectionCalendar = { startsOn: Date; weeks: number };

/** A week's reflection is due when the week ends. */
export function reflectionDueAt(cohort: ReflectionCalendar, week: number): Date {
  return weekStartsAt(cohort, week + 1);
}

/** It can still be written or edited until the end of the following week. */
export function reflectionEditableUntil(cohort: ReflectionCalendar, week: number): Date {
  return weekStartsAt(cohort, week + 2);
}

export function isLate(cohort: ReflectionCalendar, week: number, submittedAt: Date): boolean {
  return submittedAt.getTime() > reflectionDueAt(cohort, week).getTime();
}

export type WriteWindow = { open: true; dueAt: Date; editableUntil: Date } | { open: false; reason: string };

/** Whether the participant may write (or edit) the reflection of `week` at `now`. */
export function reflectionWindow(cohort: ReflectionCalendar, week: number, now: Date): WriteWindow {
  if (!Number.isInteger(week) || week < 1 || week > cohort.weeks) {
    return { open: false, reason: `This cohort has weeks 1 to ${cohort.weeks}; there is no week ${week}.` };
  }
  if (now.getTime() < weekStartsAt(cohort, week).getTime()) {
    return { open: false, reason: `Week ${week} has not started yet, so its reflection cannot be written.` };
  }
  const editableUntil = reflectionEditableUntil(cohort, week);
  if (now.getTime() >= editableUntil.getTime()) {
    return {
      open: false,
      reason: `The reflection for week ${week} closed at the end of week ${week + 1}; it can no longer be changed.`,
    };
  }
  return { open: true, dueAt: reflectionDueAt(cohort, week), editableUntil };
}

/** Weeks whose reflection is already due at `now` (1..n). */
export function weeksDue(cohort: ReflectionCalendar, now: Date): number[] {
  const weeks: number[] = [];
  for (let week = 1; week <= cohort.weeks; week++) {
    if (reflectionDueAt(cohort, week).getTime() < now.getTime()) weeks.push(week);
  }
  return weeks;
}

/** The cohort week at `now`, clamped to 1..weeks (for pages that need "a" week). */
export function currentWeek(cohort: ReflectionCalendar, now: Date): number {
  return Math.max(1, Math.min(cohort.weeks, weekOf(cohort, now)));
}

export type ReflectionCell = "submitted" | "late" | "missing" | "draft" | "due" | "upcoming";

export const CELL_LABELS: Record<ReflectionCell, string> = {
  submitted: "Submitted",
  late: "Submitted late",
  missing: "Missing",
  draft: "Draft only",
  due: "Not yet written",
  upcoming: "Not started",
};

/**
 * The state of one participant's reflection for one week, as the grid shows it:
 * a draft past its due date counts as missing (nobody can read a draft).
 */
export function reflectionCell(
  cohort: ReflectionCalendar,
  week: number,
  reflection: { status: string; late: boolean } | null,
  now: Date,
): ReflectionCell {
  if (reflection?.status === "submitted") return reflection.late ? "late" : "submitted";
  if (now.getTime() < weekStartsAt(cohort, week).getTime()) return "upcoming";
  const pastDue = now.getTime() > reflectionDueAt(cohort, week).getTime();
  if (pastDue) return "missing";
  return reflection ? "draft" : "due";
}

/**
 * Every prompt of a cohort, retired ones included. Reads the stored list of
 * `{id, text}`; a list of plain strings (before prompts had ids) gets the ids
 * `p1`, `p2`… that the migration gave their answers.
 */
export function parsePrompts(json: string | null | undefined): ReflectionPrompt[] {
  try {
    const value: unknown = JSON.parse(json ?? "");
    if (Array.isArray(value)) {
      const prompts: ReflectionPrompt[] = [];
      value.forEach((item: unknown, i) => {
        if (typeof item === "string" && item.trim()) prompts.push({ id: `p${i + 1}`, text: item.trim() });
        else if (item && typeof item === "object") {
          const { id, text, retired } = item as Record<string, unknown>;
          if (typeof id === "string" && id && typeof text === "string" && text.trim()) {
            prompts.push({ id, text: text.trim(), ...(retired === true ? { retired: true } : {}) });
          }
        }
      });
      if (prompts.some((p) => !p.retired)) return prompts;
    }
  } catch {
    // fall through to the defaults
  }
  return DEFAULT_PROMPTS;
}

/** The prompts participants answer now, in order. */
export function activePrompts(prompts: ReflectionPrompt[]): ReflectionPrompt[] {
  return prompts.filter((p) => !p.retired);
}

/**
 * The organizer's new list of prompt texts applied to the current prompts: a text
 * that is already there keeps its id (so reordering keeps answers attached), a
 * changed line takes the id of the prompt it replaces in the same position (a
 * rename), new lines get new ids, and prompts no longer listed are retired.
 */
export function revisePrompts(current: ReflectionPrompt[], texts: string[]): ReflectionPrompt[] {
  const active = activePrompts(current);
  const byText = new Map(current.map((p) => [p.text, p]));
  const taken = new Set<string>();
  for (const text of texts) {
    const same = byText.get(text);
    if (same) taken.add(same.id);
  }
  let next = Math.max(0, ...current.map((p) => Number(/^p(\d+)$/.exec(p.id)?.[1] ?? 0))) + 1;
  const revised = texts.map((text, i): ReflectionPrompt => {
    const same = byText.get(text);
    if (same) return { id: same.id, text };
    const inPlace = active[i];
    if (inPlace && !taken.has(inPlace.id)) {
      taken.add(inPlace.id);
      return { id: inPlace.id, text };
    }
    return { id: `p${next++}`, text };
  });
  const kept = new Set(revised.map((p) => p.id));
  const retired = current.filter((p) => !kept.has(p.id)).map((p) => ({ ...p, retired: true as const }));
  return [...revised, ...retired];
}

export function parseAnswers(json: string | null | undefined): Record<string, string> {
  try {
    const value: unknown = JSON.parse(json ?? "");
    if (value && typeof value === "object" && !Array.isArray(value)) {
      return Object.fromEntries(
        Object.entries(value).filter((e): e is [string, string] => typeof e[1] === "string"),
      );
    }
  } catch {
    // an unreadable value is shown as empty
  }
  return {};
}
