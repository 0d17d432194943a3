// The phase of a cohort follows from its dates; every action checks it.
import { DAY_MS } from "~/utils/time";

export const PHASES = [
  "draft",
  "upcoming",
  "applications_open",
  "review",
  "teams_forming",
  "running",
  "finished",
] as const;
export type Phase = (typeof PHASES)[number];

export const PHASE_LABELS: Record<Phase, string> = {
  draft: "Draft",
  upcoming: "Announced — applications not open yet",
  applications_open: "Applications open",
  review: "Applications closed — in review",
  teams_forming: "Teams forming",
  running: "Running",
  finished: "Finished",
};

export type CohortDates = {
  publishedAt: Date | null;
  applicationsOpenAt: Date;
  applicationsCloseAt: Date;
  decisionsPublishedAt?: Date | null;
  startsOn: Date;
  weeks: number;
};

/** The columns Prisma selects to tell a cohort's phase (`select: { ...PHASE_COLUMNS }`). */
export const PHASE_COLUMNS = {
  publishedAt: true,
  applicationsOpenAt: true,
  applicationsCloseAt: true,
  decisionsPublishedAt: true,
  startsOn: true,
  weeks: true,
} as const;

/** A cohort's name and address with what tells its phase. */
export type NamedCohortDates = CohortDates & { id: string; slug: string; name: string };

export function cohortEndsAt(cohort: Pick<CohortDates, "startsOn" | "weeks">): Date {
  return new Date(new Date(cohort.startsOn).getTime() + cohort.weeks * 7 * DAY_MS);
}

/** The last day of the cohort (the day before cohortEndsAt), for showing "ends on". */
export function cohortLastDay(cohort: Pick<CohortDates, "startsOn" | "weeks">): Date {
  return new Date(cohortEndsAt(cohort).getTime() - DAY_MS);
}

export function phaseOf(cohort: CohortDates, now = new Date()): Phase {
  const t = now.getTime();
  if (!cohort.publishedAt) return "draft";
  if (t < new Date(cohort.applicationsOpenAt).getTime()) return "upcoming";
  if (t <= new Date(cohort.applicationsCloseAt).getTime()) return "applications_open";
  if (t < new Date(cohort.startsOn).getTime())
    return cohort.decisionsPublishedAt ? "teams_forming" : "review";
  if (t < cohortEndsAt(cohort).getTime()) return "running";
  return "finished";
}

/** Week number 1..weeks while running; 0 before the start; weeks+1 after the end. */
export function weekOf(cohort: Pick<CohortDates, "startsOn" | "weeks">, now = new Date()): number {
  const elapsed = now.getTime() - new Date(cohort.startsOn).getTime();
  if (elapsed < 0) return 0;
  return Math.min(Math.floor(elapsed / (7 * DAY_MS)) + 1, cohort.weeks + 1);
}

/** Start instant of a cohort week (1-based). */
export function weekStartsAt(cohort: Pick<CohortDates, "startsOn">, week: number): Date {
  return new Date(new Date(cohort.startsOn).getTime() + (week - 1) * 7 * DAY_MS);
}

export class PhaseError extends Error {}

/** Throws a PhaseError with a sentence for the page when `phase` is not allowed. */
export function assertPhase(cohort: CohortDates, allowed: Phase[], action: string, now = new Date()): void {
  const phase = phaseOf(cohort, now);
  if (!allowed.includes(phase)) {
    throw new PhaseError(`You cannot ${action} now: the cohort is in the “${PHASE_LABELS[phase]}” phase.`);
  }
}
