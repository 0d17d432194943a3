// The applicant's time commitment: the hours a week they say they can give, their
// other commitments (work, school, other programs) and the hours their availability
// grid shows, checked against the hours the cohort asks for. One rule, run by the
// form as the applicant types, by the server when they save, and by the reviewers'
// pages. Pure: shared by the browser and the server.
import { checkCommitment, HOURS_IN_WEEK } from "~/officers/rules";

export const COMMITMENTS_MAX_LENGTH = 500;

export type TimeCommitmentInput = {
  /** the hours a week the cohort asks for (null: not stated) */
  cohortHours: number | null;
  /** as typed: "8", "", "abc"… */
  hoursPerWeek: string;
  commitmentHours: string;
  /** hours ticked in the availability grid */
  availabilityHours: number;
};

export type TimeCommitmentField = "hoursPerWeek" | "commitmentHours";

export type TimeCommitment =
  | { state: "invalid"; field: TimeCommitmentField; message: string }
  /** nothing typed yet: no verdict */
  | { state: "unanswered"; message: string }
  | { state: "fits"; message: string; hoursPerWeek: number; commitmentHours: number }
  | { state: "short"; message: string; hoursPerWeek: number; commitmentHours: number };

/** Whole hours as typed; anything else (1e308, 2.5, -3, "eight") is NaN. */
export function readHours(text: string): number | null {
  const t = text.trim();
  if (t === "") return null;
  return /^\d{1,4}$/.test(t) ? Number(t) : Number.NaN;
}

const plural = (n: number) => `${n} hour${n === 1 ? "" : "s"}`;

/**
 * Whether the applicant's hours, commitments and availability leave the hours the
 * cohort needs. Impossible numbers come back as `invalid` with a sentence for the field.
 */
export function checkTimeCommitment(input: TimeCommitmentInput): TimeCommitment {
  const hours = readHours(input.hoursPerWeek);
  const commitments = readHours(input.commitmentHours) ?? 0;
  if (hours !== null && Number.isNaN(hours))
    return {
      state: "invalid",
      field: "hoursPerWeek",
      message: "Give the hours a week you can give as a whole number, 0 or more (for example 6).",
    };
  if (Number.isNaN(commitments))
    return {
      state: "invalid",
      field: "commitmentHours",
      message: "Give the hours of your other commitments as a whole number, 0 or more (for example 20).",
    };
  const cohortHours = input.cohortHours;
  if (cohortHours !== null && commitments + cohortHours > HOURS_IN_WEEK)
    return {
      state: "invalid",
      field: "commitmentHours",
      message: `A week has ${HOURS_IN_WEEK} hours; ${commitments} for other commitments and the cohort's ${cohortHours} do not fit in it.`,
    };
  if (hours === null) {
    if (commitments > HOURS_IN_WEEK)
      return {
        state: "invalid",
        field: "commitmentHours",
        message: `A week has ${HOURS_IN_WEEK} hours; your other commitments cannot take ${commitments}.`,
      };
    return {
      state: "unanswered",
      message: cohortHours ? `The cohort asks for about ${plural(cohortHours)} a week.` : "",
    };
  }
  const base = checkCommitment(cohortHours, hours, commitments);
  if (!base.valid) return { state: "invalid", field: base.field, message: base.message };
  const counted = { hoursPerWeek: hours, commitmentHours: commitments };
  if (!base.fits) return { state: "short", message: base.message, ...counted };
  if (cohortHours !== null && input.availabilityHours < cohortHours)
    return {
      state: "short",
      message: `Your availability grid shows ${plural(input.availabilityHours)} a week; the cohort asks for ${cohortHours}. Tick more half-hours if you can meet then.`,
      ...counted,
    };
  if (cohortHours === null) return { state: "fits", message: base.message, ...counted };
  return {
    state: "fits",
    message: `Your hours, availability and other commitments leave the ${plural(cohortHours)} a week the cohort asks for.`,
    ...counted,
  };
}

/** The same rule over what was stored, for the reviewers' pages. */
export function storedTimeCommitment(
  cohortHours: number | null,
  stored: { hoursPerWeek: number | null; commitmentHours: number | null } | null,
  availabilityHours: number,
): TimeCommitment {
  return checkTimeCommitment({
    cohortHours,
    hoursPerWeek: stored?.hoursPerWeek == null ? "" : String(stored.hoursPerWeek),
    commitmentHours: stored?.commitmentHours == null ? "" : String(stored.commitmentHours),
    availabilityHours,
  });
}
