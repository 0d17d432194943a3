// Officer (navigator and captain) applications: statuses in words and the time
// commitment check the form runs as the applicant types and the server runs again.
// Pure, shared by the page and the server.

export const OFFICER_ROLES = ["navigator", "captain"] as const;
export type OfficerRole = (typeof OFFICER_ROLES)[number];

export const OFFICER_STATUSES = [
  "applied",
  "interview_planned",
  "interviewed",
  "selected",
  "declined",
] as const;
export type OfficerStatus = (typeof OFFICER_STATUSES)[number];
export const OFFICER_STATUS_LABELS: Record<OfficerStatus, string> = {
  applied: "Applied",
  interview_planned: "Interview planned",
  interviewed: "Interviewed",
  selected: "Selected",
  declined: "Not selected",
};
export const DECIDED: OfficerStatus[] = ["selected", "declined"];

/** Hours in a week, the most anyone can account for. */
export const HOURS_IN_WEEK = 168;
/** Work, school and the cohort together beyond this leave no room to rest. */
export const MAX_WEEKLY_LOAD = 60;

export type CommitmentCheck =
  | { valid: false; field: "hoursPerWeek" | "commitmentHours"; message: string }
  | { valid: true; fits: boolean; message: string };

/**
 * Whether the hours someone can give and their other commitments leave the hours
 * the cohort asks for. Negative or impossible numbers are refused with a sentence.
 */
export function checkCommitment(
  cohortHours: number | null,
  hoursPerWeek: number,
  commitmentHours: number,
): CommitmentCheck {
  if (!Number.isFinite(hoursPerWeek) || !Number.isInteger(hoursPerWeek) || hoursPerWeek < 0) {
    return {
      valid: false,
      field: "hoursPerWeek",
      message: "Give the hours a week you can give as a whole number, 0 or more.",
    };
  }
  if (!Number.isFinite(commitmentHours) || !Number.isInteger(commitmentHours) || commitmentHours < 0) {
    return {
      valid: false,
      field: "commitmentHours",
      message: "Give the hours of your other commitments as a whole number, 0 or more.",
    };
  }
  if (
    hoursPerWeek > HOURS_IN_WEEK ||
    commitmentHours > HOURS_IN_WEEK ||
    hoursPerWeek + commitmentHours > HOURS_IN_WEEK
  ) {
    return {
      valid: false,
      field: hoursPerWeek > HOURS_IN_WEEK ? "hoursPerWeek" : "commitmentHours",
      message: `A week has ${HOURS_IN_WEEK} hours; ${hoursPerWeek} for the cohort and ${commitmentHours} for other commitments do not fit in it.`,
    };
  }
  if (cohortHours === null)
    return { valid: true, fits: true, message: "The cohort has not stated its weekly hours yet." };
  if (hoursPerWeek < cohortHours) {
    return {
      valid: true,
      fits: false,
      message: `You can give ${hoursPerWeek} hours a week; the cohort asks for ${cohortHours}.`,
    };
  }
  if (commitmentHours + cohortHours > MAX_WEEKLY_LOAD) {
    return {
      valid: true,
      fits: false,
      message: `Your other commitments (${commitmentHours} hours) and the cohort's ${cohortHours} hours make ${commitmentHours + cohortHours} hours a week — more than ${MAX_WEEKLY_LOAD}.`,
    };
  }
  return {
    valid: true,
    fits: true,
    message: `Your availability leaves the ${cohortHours} hours a week the cohort asks for.`,
  };
}

export type CallWindow = { opensAt: Date; closesAt: Date };
export const isCallOpen = (call: CallWindow, now: Date) =>
  now.getTime() >= call.opensAt.getTime() && now.getTime() < call.closesAt.getTime();

export const RUBRIC_SCORES = [1, 2, 3, 4, 5] as const;

export function parseList(json: string | null | undefined): string[] {
  try {
    const value: unknown = JSON.parse(json ?? "");
    return Array.isArray(value) ? value.filter((v): v is string => typeof v === "string") : [];
  } catch {
    return [];
  }
}

export function parseRecord(json: string | null | undefined): Record<string, string> {
  try {
    const value: unknown = JSON.parse(json ?? "");
    if (value && typeof value === "object" && !Array.isArray(value)) {
      return Object.fromEntries(
        Object.entries(value).filter((e): e is [string, string] => typeof e[1] === "string"),
      );
    }
  } catch {
    // empty
  }
  return {};
}
